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
import type { MatterPage } from '../../../../shared/schemas/matter';
import { HiddenConfidentialNotice } from '../confidential/HiddenConfidentialNotice';
import { MatterTable } from './MatterTable';

export const PAGE_SIZE = 100;

/** What the list shows; kept by the workspace so coming back from a case returns to the same page. */
export interface MatterListQuery {
  archived: boolean;
  query: string;
  page: number;
}

interface MatterListScreenProps {
  state: MatterListQuery;
  onStateChange: Dispatch<SetStateAction<MatterListQuery>>;
  onOpen: (id: string) => void;
  onNew: () => void;
}

type Loaded =
  { key: string; page: MatterPage; error?: undefined } | { key: string; page?: undefined; error: unknown };

export function MatterListScreen({ state, onStateChange, onOpen, onNew }: MatterListScreenProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(state.query);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [lastPage, setLastPage] = useState<MatterPage | null>(null);
  // Bumped after confidential cases are revealed, to list them.
  const [revealed, setRevealed] = useState(0);
  const { archived, query, page } = state;
  const key = JSON.stringify([archived, query, page, revealed]);

  const commitSearch = useDebouncedCallback((value: string) => {
    onStateChange((prev) => (prev.query === value.trim() ? prev : { ...prev, query: value.trim(), page: 1 }));
  }, 300);

  useEffect(() => {
    let active = true;
    client.matters.list({ archived, query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }).then(
      (result) => {
        if (!active) return;
        // Past the end (cases were archived or matched no more): go to the last page that has any.
        const lastPageNumber = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
        if (result.items.length === 0 && page > lastPageNumber) {
          onStateChange((prev) => ({ ...prev, page: lastPageNumber }));
          return;
        }
        setLoaded({ key, page: result });
        setLastPage(result);
      },
      (error: unknown) => {
        if (active) setLoaded({ key, error });
      },
    );
    return () => {
      active = false;
    };
  }, [archived, query, page, key, revealed, onStateChange]);

  const loading = loaded?.key !== key;
  // While the next page loads, the previous one stays on screen (dimmed) instead of flashing empty.
  const shown = loaded?.key === key ? (loaded.page ?? null) : lastPage;
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
      {archived && (
        <Text size="sm" c="dimmed">
          {t('matters.list.archivedHint')}
        </Text>
      )}
      {loaded?.key === key && loaded.error !== undefined && <ErrorAlert error={loaded.error} />}
      {shown && (
        <HiddenConfidentialNotice
          count={shown.hiddenConfidential}
          onRevealed={() => setRevealed((n) => n + 1)}
        />
      )}
      {shown && total === 0 && !loading && (
        <Text c="dimmed" py="xl" ta="center" role="status">
          {query
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
