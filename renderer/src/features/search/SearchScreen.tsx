import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { client, errorCode } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { formatTime } from '../../app/format';
import { SEARCHABLE, type SearchHit } from '../../../../shared/schemas/search';
import type { MatterPlace } from '../matters/MatterScreen';
import { HiddenConfidentialNotice } from '../confidential/HiddenConfidentialNotice';
import { ReasonModal } from '../confidential/ReasonModal';

/** The tab of its case a hit inside a case opens on. */
function placeOf(hit: SearchHit): MatterPlace | undefined {
  switch (hit.entityType) {
    case 'incident':
      return { tab: 'timeline' };
    case 'note':
      return { tab: 'notes' };
    case 'evidence':
      return { tab: 'evidence', evidenceId: hit.entityId };
    default:
      return undefined;
  }
}

interface SearchScreenProps {
  /** Opens a case, on the tab (and evidence item) the hit belongs to when there is one. */
  onOpenMatter: (matterId: string, place?: MatterPlace) => void;
  onOpenPeople: () => void;
}

/**
 * Full-text search over cases, incidents, notes, people (pseudonyms) and organisations, accents folded.
 * Protected identities are searched only after the user unlocks that for a while, giving a reason; each
 * such search is logged.
 */
export function SearchScreen({ onOpenMatter, onOpenPeople }: SearchScreenProps) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState<{ query: string; includeProtected: boolean; n: number } | null>(
    null,
  );
  const [includeProtected, setIncludeProtected] = useState(false);
  const [protectedUntil, setProtectedUntil] = useState<string | null>(null);
  const [asking, setAsking] = useState(false);

  // Protected search ends when its time is up, as it does in the core.
  useEffect(() => {
    if (!protectedUntil) return undefined;
    const timer = window.setTimeout(
      () => {
        setProtectedUntil(null);
        setIncludeProtected(false);
      },
      Math.max(0, new Date(protectedUntil).getTime() - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [protectedUntil]);

  const found = useLoad(
    submitted
      ? () =>
          client.search
            .query({ query: submitted.query, includeProtected: submitted.includeProtected })
            .catch((err: unknown) => {
              // The unlock ended (time up, or the vault was locked and opened again): ask again.
              if (errorCode(err) === 'CONFIDENTIAL') {
                setIncludeProtected(false);
                setProtectedUntil(null);
              }
              throw err;
            })
      : null,
    [submitted],
  );
  const { data: result, error, setError, loading: searching } = found;

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    const text = query.trim();
    if (!text) return;
    setSubmitted((prev) => ({ query: text, includeProtected, n: (prev?.n ?? 0) + 1 }));
  };

  const open = (hit: SearchHit) => {
    if (hit.entityType === 'matter') onOpenMatter(hit.entityId);
    else if (hit.entityType === 'person' || hit.entityType === 'organisation') onOpenPeople();
    else if (hit.matterId) onOpenMatter(hit.matterId, placeOf(hit));
  };

  const groups = SEARCHABLE.map((type) => ({
    type,
    hits: result?.hits.filter((h) => h.entityType === type) ?? [],
  })).filter((g) => g.hits.length > 0);

  return (
    <Stack gap="md" maw={960}>
      <Title order={2}>{t('search.title')}</Title>
      <form onSubmit={search} role="search" aria-label={t('search.title')}>
        <Group align="flex-end" gap="sm">
          <TextInput
            type="search"
            label={t('search.query')}
            description={t('search.queryDescription')}
            value={query}
            onChange={(event) => setQuery(event.currentTarget.value)}
            w={420}
            spellCheck={false}
            autoComplete="off"
            autoFocus
          />
          <Button type="submit" loading={searching}>
            {t('search.submit')}
          </Button>
        </Group>
      </form>
      <Switch
        label={t('search.protected')}
        description={t('search.protectedDescription')}
        checked={includeProtected}
        onChange={(event) => {
          const on = event.currentTarget.checked;
          if (!on) setIncludeProtected(false);
          else if (protectedUntil && new Date(protectedUntil).getTime() > Date.now())
            setIncludeProtected(true);
          else setAsking(true);
        }}
      />
      {includeProtected && protectedUntil && (
        <Alert color="yellow" variant="light" title={t('search.protectedOnTitle')}>
          {t('search.protectedOn', { time: formatTime(protectedUntil, i18n.language) })}
        </Alert>
      )}
      <ReasonModal
        opened={asking}
        title={t('search.unlockTitle')}
        description={t('search.unlockDescription')}
        confirmLabel={t('search.unlock')}
        onClose={() => setAsking(false)}
        onConfirm={async (reason) => {
          const { visibleUntil } = await client.search.unlockProtected({ reason });
          setProtectedUntil(visibleUntil);
          setIncludeProtected(true);
          setAsking(false);
        }}
      />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {result && (
        <HiddenConfidentialNotice
          count={result.hiddenConfidential}
          onRevealed={() => setSubmitted((prev) => (prev ? { ...prev, n: prev.n + 1 } : prev))}
        />
      )}
      {result && result.hits.length === 0 && (
        <Text c="dimmed" role="status">
          {t('search.noResults')}
        </Text>
      )}
      {result && result.hits.length > 0 && (
        <Text size="sm" c="dimmed" role="status">
          {t('search.count', { count: result.hits.length })}
        </Text>
      )}
      {groups.map((group) => (
        <Stack key={group.type} gap="xs" component="section" aria-label={t(`search.groups.${group.type}`)}>
          <Title order={3} size="h4">
            {t(`search.groups.${group.type}`)}
          </Title>
          {group.hits.map((hit) => (
            <UnstyledButton
              key={`${hit.entityType}:${hit.entityId}`}
              onClick={() => open(hit)}
              className="amparo-hit"
            >
              <Paper withBorder p="sm">
                <Group gap="xs">
                  <Text fw={600}>{hit.title}</Text>
                  {hit.viaProtected && (
                    <Badge color="yellow" variant="light" size="sm">
                      {t('search.viaProtected')}
                    </Badge>
                  )}
                </Group>
                {hit.snippet && (
                  <Text size="sm" c="dimmed">
                    {hit.snippet}
                  </Text>
                )}
              </Paper>
            </UnstyledButton>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
