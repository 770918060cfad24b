import {
  Button,
  Group,
  Loader,
  Pagination,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { HiddenConfidentialNotice } from '../confidential/HiddenConfidentialNotice';
import {
  MatterListFilters,
  NO_FILTERS,
  filterInput,
  hasFilters,
  type MatterFilters,
} from './MatterListFilters';
import { MatterTable } from './MatterTable';

const PAGE_SIZE = 100;

/** What the list shows; kept by the workspace so coming back from a case returns to the same page. */
export interface MatterListQuery {
  archived: boolean;
  query: string;
  page: number;
  filters?: MatterFilters;
}

interface MatterListScreenProps {
  state: MatterListQuery;
  onStateChange: Dispatch<SetStateAction<MatterListQuery>>;
  onOpen: (id: string) => void;
  onNew: () => void;
}

export function MatterListScreen({ state, onStateChange, onOpen, onNew }: MatterListScreenProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(state.query);
  const { archived, query, page } = state;
  const filters = state.filters ?? NO_FILTERS;
  const matters = useLoad(
    () =>
      client.matters.list({
        archived,
        query,
        ...filterInput(filters),
        limit: PAGE_SIZE,
        offset: (page - 1) * PAGE_SIZE,
      }),
    [archived, query, page, filters],
  );
  const setFilters: Dispatch<SetStateAction<MatterFilters>> = (next) =>
    onStateChange((prev) => {
      const before = prev.filters ?? NO_FILTERS;
      return { ...prev, page: 1, filters: typeof next === 'function' ? next(before) : next };
    });
  // While the next page loads, the previous one stays on screen (dimmed) instead of flashing empty.
  const { data: shown, loading, error } = matters;

  const commitSearch = useDebouncedCallback((value: string) => {
    onStateChange((prev) => (prev.query === value.trim() ? prev : { ...prev, query: value.trim(), page: 1 }));
  }, 300);

  // Past the end (cases were archived or matched no more): go to the last page that has any.
  useEffect(() => {
    if (!shown || loading) return;
    const lastPageNumber = Math.max(1, Math.ceil(shown.total / PAGE_SIZE));
    if (shown.items.length === 0 && page > lastPageNumber) {
      onStateChange((prev) => ({ ...prev, page: lastPageNumber }));
    }
  }, [shown, loading, page, onStateChange]);

  const total = shown?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const from = total === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const to = Math.min(total, page * PAGE_SIZE);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={2}>{t('matters.list.title')}</Title>
        <Button onClick={onNew}>{t('matters.list.new')}</Button>
      </Group>
      <Group align="flex-end" gap="md" wrap="wrap">
        <TextInput
          type="search"
          label={t('matters.list.search')}
          placeholder={t('matters.list.searchPlaceholder')}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            commitSearch(event.currentTarget.value);
          }}
          w={360}
          spellCheck={false}
          autoComplete="off"
        />
        <SegmentedControl
          aria-label={t('matters.list.show')}
          value={archived ? 'archived' : 'active'}
          onChange={(value) =>
            onStateChange((prev) => ({ ...prev, archived: value === 'archived', page: 1 }))
          }
          data={[
            { value: 'active', label: t('matters.list.active') },
            { value: 'archived', label: t('matters.list.archived') },
          ]}
        />
        {loading && <Loader size="sm" aria-label={t('common.loading')} />}
      </Group>
      <MatterListFilters filters={filters} onChange={setFilters} />
      {archived && (
        <Text size="sm" c="dimmed">
          {t('matters.list.archivedHint')}
        </Text>
      )}
      <ErrorAlert error={loading ? null : error} />
      {shown && <HiddenConfidentialNotice count={shown.hiddenConfidential} onRevealed={matters.reload} />}
      {shown && total === 0 && !loading && (
        <Text c="dimmed" py="xl" ta="center" role="status">
          {query || hasFilters(filters)
            ? t('matters.list.noMatches')
            : archived
              ? t('matters.list.emptyArchived')
              : t('matters.list.empty')}
        </Text>
      )}
      {shown && shown.items.length > 0 && (
        <>
          <Text size="sm" c="dimmed" role="status">
            {t('matters.list.range', { from, to, total })}
          </Text>
          <MatterTable items={shown.items} onOpen={onOpen} dimmed={loading} />
        </>
      )}
      {pages > 1 && (
        <Group justify="center">
          <Pagination
            total={pages}
            value={page}
            onChange={(next) => onStateChange((prev) => ({ ...prev, page: next }))}
            getControlProps={(control) => ({ 'aria-label': t(`matters.list.pageControl.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('matters.list.pageN', { page: item }) })}
            withEdges
          />
        </Group>
      )}
    </Stack>
  );
}
