import { Button, Group, NumberInput, Select } from '@mantine/core';
import type { Dispatch, SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import {
  FORUMS,
  MATTER_SORTS,
  MATTER_STATUSES,
  MATTER_TYPES,
  type Forum,
  type ListMattersInput,
  type MatterSort,
  type MatterStatus,
  type MatterType,
} from '../../../../shared/schemas/matter';
import { useEnumOptions } from '../../components/options';
import { stateFilter, useStateOptions } from '../../components/useStateOptions';

/** The case list's filters and order: kept by the workspace (memory only) across navigation. */
export interface MatterFilters {
  matterType: MatterType | null;
  status: MatterStatus | null;
  forum: Forum | null;
  /** ISO 3166-1 alpha-2 code of the State the cases are against. */
  state: string | null;
  openedFromYear: number | null;
  openedToYear: number | null;
  /** Days of recent activity, or null for any. */
  activeWithin: number | null;
  sort: MatterSort;
  direction: 'asc' | 'desc';
}

export const NO_FILTERS: MatterFilters = {
  matterType: null,
  status: null,
  forum: null,
  state: null,
  openedFromYear: null,
  openedToYear: null,
  activeWithin: null,
  sort: 'lastActivity',
  direction: 'desc',
};

const ACTIVITY_DAYS = ['7', '30', '90', '365'] as const;

export function hasFilters(f: MatterFilters): boolean {
  return (
    f.matterType !== null ||
    f.status !== null ||
    f.forum !== null ||
    f.state !== null ||
    f.openedFromYear !== null ||
    f.openedToYear !== null ||
    f.activeWithin !== null
  );
}

/** The list call's part that comes from the filters. */
export function filterInput(f: MatterFilters, today = new Date()): Partial<ListMattersInput> {
  const since =
    f.activeWithin === null ? null : new Date(today.getTime() - f.activeWithin * 86_400_000).toISOString();
  return {
    ...(f.matterType ? { matterType: f.matterType } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.forum ? { forum: f.forum } : {}),
    ...(f.state ? { state: f.state } : {}),
    ...(f.openedFromYear ? { openedFrom: `${f.openedFromYear}-01-01` } : {}),
    ...(f.openedToYear ? { openedTo: `${f.openedToYear}-12-31` } : {}),
    ...(since ? { activeSince: since.slice(0, 10) } : {}),
    sort: f.sort,
    direction: f.direction,
  };
}

const year = (value: string | number) => {
  const n = typeof value === 'number' ? value : Number.parseInt(value, 10);
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
};

export function MatterListFilters({
  filters,
  onChange,
}: {
  filters: MatterFilters;
  onChange: Dispatch<SetStateAction<MatterFilters>>;
}) {
  const { t } = useTranslation();
  const types = useEnumOptions('matterType', MATTER_TYPES);
  const statuses = useEnumOptions('matterStatus', MATTER_STATUSES);
  const forums = useEnumOptions('forum', FORUMS);
  const states = useStateOptions();
  const sorts = useEnumOptions('finding.list.sorts', MATTER_SORTS);
  const activity = useEnumOptions('finding.list.activity', ACTIVITY_DAYS);
  const set = (patch: Partial<MatterFilters>) => onChange((prev) => ({ ...prev, ...patch }));
  const any = t('finding.list.any');

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="group" aria-label={t('finding.list.filters')}>
      <Select
        label={t('finding.list.matterType')}
        placeholder={any}
        data={types}
        value={filters.matterType}
        onChange={(v) => set({ matterType: v as MatterType | null })}
        clearable
        w={230}
        comboboxProps={{ width: 'max-content' }}
      />
      <Select
        label={t('finding.list.status')}
        placeholder={any}
        data={statuses}
        value={filters.status}
        onChange={(v) => set({ status: v as MatterStatus | null })}
        clearable
        w={190}
        comboboxProps={{ width: 'max-content' }}
      />
      <Select
        label={t('finding.list.forum')}
        placeholder={any}
        data={forums}
        value={filters.forum}
        onChange={(v) => set({ forum: v as Forum | null })}
        clearable
        w={230}
        comboboxProps={{ width: 'max-content' }}
      />
      <Select
        label={t('matterState.label')}
        placeholder={any}
        data={states}
        value={filters.state}
        onChange={(v) => set({ state: v })}
        searchable
        filter={stateFilter}
        nothingFoundMessage={t('matterState.nothingFound')}
        clearable
        w={200}
        comboboxProps={{ width: 'max-content' }}
      />
      <NumberInput
        label={t('finding.list.openedFrom')}
        value={filters.openedFromYear ?? ''}
        onChange={(v) => set({ openedFromYear: year(v) })}
        min={1900}
        max={2200}
        allowDecimal={false}
        thousandSeparator=""
        w={150}
      />
      <NumberInput
        label={t('finding.list.openedTo')}
        value={filters.openedToYear ?? ''}
        onChange={(v) => set({ openedToYear: year(v) })}
        min={1900}
        max={2200}
        allowDecimal={false}
        thousandSeparator=""
        w={150}
      />
      <Select
        label={t('finding.list.activeSince')}
        placeholder={any}
        data={activity}
        value={filters.activeWithin === null ? null : String(filters.activeWithin)}
        onChange={(v) => set({ activeWithin: v ? Number(v) : null })}
        clearable
        w={190}
      />
      <Select
        label={t('finding.list.sort')}
        data={sorts}
        value={filters.sort}
        onChange={(v) => v && set({ sort: v as MatterSort })}
        allowDeselect={false}
        w={180}
      />
      <Select
        label={t('finding.list.direction')}
        data={[
          { value: 'desc', label: t('finding.list.desc') },
          { value: 'asc', label: t('finding.list.asc') },
        ]}
        value={filters.direction}
        onChange={(v) => v && set({ direction: v as 'asc' | 'desc' })}
        allowDeselect={false}
        w={140}
      />
      {hasFilters(filters) && (
        <Button
          variant="subtle"
          onClick={() => onChange((prev) => ({ ...NO_FILTERS, sort: prev.sort, direction: prev.direction }))}
        >
          {t('finding.list.clear')}
        </Button>
      )}
    </Group>
  );
}
