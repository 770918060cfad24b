import { Select, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Option } from '../../components/options';
import { moveTo } from '../../../../shared/hearing-time-plan';
import { ReorderableList } from './ReorderableList';

/**
 * An ordered pick from the case's records (facts for the chronology, evidence for the exhibits): add one
 * from a list, put them in order, take one out. Every change sends the whole ordered list.
 */
export function PickedList({
  title,
  titleId,
  picked,
  available,
  addLabel,
  empty,
  nameOf,
  renderRow,
  onSet,
  testId,
}: {
  title: string;
  titleId: string;
  /** The ids picked, in order. */
  picked: string[];
  /** What can still be picked. */
  available: Option[];
  addLabel: string;
  empty: string;
  nameOf: (id: string, index: number) => string;
  renderRow: (id: string, index: number) => ReactNode;
  /** Saves the new ordered pick. */
  onSet: (ids: string[]) => Promise<void>;
  testId: string;
}) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [shown, setShown] = useState<string[] | null>(null);
  const ids = shown ?? picked;
  const set = async (next: string[]) => {
    setError(null);
    setShown(next);
    try {
      await onSet(next);
    } catch (err) {
      setError(err);
    } finally {
      setShown(null);
    }
  };
  const choices = available.filter((o) => !ids.includes(o.value));

  return (
    <Stack gap="sm" component="section" aria-labelledby={titleId}>
      <Title order={4} id={titleId}>
        {title}
      </Title>
      {ids.length === 0 ? (
        <Text c="dimmed">{empty}</Text>
      ) : (
        <ReorderableList
          items={ids}
          idOf={(id) => id}
          nameOf={(id, i) => nameOf(id, i)}
          onMove={(from, to) => void set(moveTo(ids, from, to))}
          onRemove={(id) => void set(ids.filter((x) => x !== id))}
          label={title}
          testId={testId}
        >
          {(id, i) => renderRow(id, i)}
        </ReorderableList>
      )}
      <Select
        label={addLabel}
        data={choices}
        value={null}
        onChange={(v) => v && void set([...ids, v])}
        searchable
        placeholder={choices.length === 0 ? t('hearingsUi.picks.nothingLeft') : t('hearingsUi.picks.pick')}
        disabled={choices.length === 0}
        nothingFoundMessage={t('hearingsUi.picks.nothingFound')}
        maw={560}
      />
      <ErrorAlert error={error} />
    </Stack>
  );
}
