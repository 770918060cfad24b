import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Stack,
  Switch,
  Text,
  TextInput,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type Dispatch,
  type FormEvent,
  type SetStateAction,
} from 'react';
import { useTranslation } from 'react-i18next';
import { client, errorCode } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatTime } from '../../app/format';
import { SEARCHABLE, type SearchHit, type SearchResult } from '../../../../shared/schemas/search';
import type { MatterPlace } from '../matters/MatterScreen';
import { HiddenConfidentialNotice } from '../confidential/HiddenConfidentialNotice';
import { ReasonModal } from '../confidential/ReasonModal';
import { Snippet } from './Snippet';
import type { DocumentHit } from '../../../../shared/schemas/extraction';
import { DocumentHitList, documentHitKey } from './DocumentHitList';

const PAGE_SIZE = 50;
/** Document pages per request (the excerpts of pages are longer than those of records). */
const DOCUMENT_PAGE_SIZE = 20;

/**
 * What the search screen shows, kept by the workspace while the vault is open (memory only), so going to
 * a hit and back returns to the same query, results and scroll position.
 */
export interface SearchMemory {
  /** The text in the box (may differ from the last search run). */
  query: string;
  includeProtected: boolean;
  protectedUntil: string | null;
  /** The last search run, with every page loaded so far. */
  run: {
    query: string;
    includeProtected: boolean;
    hits: SearchHit[];
    result: Omit<SearchResult, 'hits'>;
  } | null;
  scrollY: number;
}

export const EMPTY_SEARCH: SearchMemory = {
  query: '',
  includeProtected: false,
  protectedUntil: null,
  run: null,
  scrollY: 0,
};

/** The tab (and record) of its case a hit inside a case opens on. */
function placeOf(hit: SearchHit): MatterPlace | undefined {
  switch (hit.entityType) {
    case 'incident':
      return { tab: 'timeline', recordId: hit.entityId };
    case 'note':
      return { tab: 'notes', recordId: hit.entityId };
    case 'evidence':
      return { tab: 'evidence', evidenceId: hit.entityId };
    case 'measure':
      return { tab: 'measures', recordId: hit.entityId };
    case 'communication':
      return { tab: 'correspondence', recordId: hit.entityId };
    case 'deadline':
      return { tab: 'deadlines', deadlineId: hit.entityId };
    default:
      return undefined;
  }
}

/** A document hit opens its item in the case's evidence, at the page, with the searched words marked. */
function documentPlace(hit: DocumentHit, query: string): MatterPlace {
  return { tab: 'evidence', evidenceId: hit.itemId, evidenceFocus: { page: hit.page, query } };
}

interface SearchScreenProps {
  memory: SearchMemory;
  onMemoryChange: Dispatch<SetStateAction<SearchMemory>>;
  /** Opens a case, on the tab (and record) the hit belongs to when there is one. */
  onOpenMatter: (matterId: string, place?: MatterPlace) => void;
  onOpenPeople: () => void;
}

/**
 * Full-text search over cases, facts, notes, evidence, people (pseudonyms) and organisations, accents
 * folded. Every hit names its case; the total says how many there are, with more pages on demand.
 * Protected identities are searched only after the user unlocks that for a while, giving a reason; each
 * such search is logged.
 */
export function SearchScreen({
  memory,
  onMemoryChange: setMemory,
  onOpenMatter,
  onOpenPeople,
}: SearchScreenProps) {
  const { t, i18n } = useTranslation();
  const { query, includeProtected, protectedUntil, run } = memory;
  const [asking, setAsking] = useState(false);
  const [searching, setSearching] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // Only the newest request may write its answer: a slow first page never lands under a newer query.
  const latest = useRef(0);
  const scrollY = useRef(memory.scrollY);
  const documentSection = useRef<HTMLDivElement>(null);
  const [documentsLoading, setDocumentsLoading] = useState(false);

  // Back from a hit: the same place in the list. The scroll is saved when leaving (the list unmounts).
  useLayoutEffect(() => {
    if (memory.run && memory.scrollY > 0) window.scrollTo(0, memory.scrollY);
    const onScroll = () => {
      scrollY.current = window.scrollY;
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll);
      setMemory((prev) => ({ ...prev, scrollY: scrollY.current }));
    };
    // Mount and unmount only: the memory read here is the one the screen opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Protected search ends when its time is up, as it does in the core.
  useEffect(() => {
    if (!protectedUntil) return undefined;
    const timer = window.setTimeout(
      () => setMemory((prev) => ({ ...prev, protectedUntil: null, includeProtected: false })),
      Math.max(0, new Date(protectedUntil).getTime() - Date.now()),
    );
    return () => window.clearTimeout(timer);
  }, [protectedUntil, setMemory]);

  /**
   * One page of results. `offset` pages the records; `documentOffset` (with records left as they are)
   * pages the document hits; both at 0 is a new search.
   */
  const load = async (text: string, protectedToo: boolean, offset: number, documentOffset?: number) => {
    const request = ++latest.current;
    const moreDocuments = documentOffset !== undefined;
    setError(null);
    setSearching(text);
    // A new search clears the old results at once, so nothing under the new query belongs to the old one.
    if (offset === 0 && !moreDocuments) {
      scrollY.current = 0;
      setMemory((prev) => ({ ...prev, run: null, scrollY: 0 }));
    }
    try {
      const { hits, documents, ...result } = await client.search.query({
        query: text,
        includeProtected: protectedToo,
        // More document pages asks for the fewest records; more records, for no documents.
        limit: moreDocuments ? 1 : PAGE_SIZE,
        offset: moreDocuments ? 0 : offset,
        documentLimit: offset > 0 ? 0 : DOCUMENT_PAGE_SIZE,
        documentOffset: documentOffset ?? 0,
      });
      if (request !== latest.current) return;
      setMemory((prev) => {
        if (moreDocuments && prev.run) {
          const seen = new Set(prev.run.result.documents.hits.map(documentHitKey));
          const added = documents.hits.filter((h) => !seen.has(documentHitKey(h)));
          const merged = { ...documents, hits: [...prev.run.result.documents.hits, ...added] };
          return { ...prev, run: { ...prev.run, result: { ...prev.run.result, documents: merged } } };
        }
        const before = offset === 0 || !prev.run ? [] : prev.run.hits;
        const seen = new Set(before.map((h) => `${h.entityType}:${h.entityId}`));
        const added = hits.filter((h) => !seen.has(`${h.entityType}:${h.entityId}`));
        // More records keep the document hits already shown.
        const keptDocuments = offset > 0 && prev.run ? prev.run.result.documents : documents;
        return {
          ...prev,
          run: {
            query: text,
            includeProtected: protectedToo,
            hits: [...before, ...added],
            result: { ...result, documents: keptDocuments },
          },
        };
      });
    } catch (err) {
      if (request !== latest.current) return;
      // The unlock ended (time up, or the vault was locked and opened again): ask again.
      if (errorCode(err) === 'CONFIDENTIAL') {
        setMemory((prev) => ({ ...prev, includeProtected: false, protectedUntil: null }));
      }
      setError(err);
    } finally {
      if (request === latest.current) setSearching(null);
    }
  };

  const search = (event?: FormEvent) => {
    event?.preventDefault();
    const text = query.trim();
    if (text) void load(text, includeProtected, 0);
  };

  const open = (hit: SearchHit) => {
    if (hit.entityType === 'matter') onOpenMatter(hit.entityId);
    else if (hit.entityType === 'person' || hit.entityType === 'organisation') onOpenPeople();
    else if (hit.matterId) onOpenMatter(hit.matterId, placeOf(hit));
  };

  const result = run?.result;
  const documents = result?.documents;
  const documentsShown = documents?.hits.length ?? 0;
  const shown = run?.hits.length ?? 0;
  // By kind, each in the core's order; more results join their kind's group.
  const groups = SEARCHABLE.map((type) => ({
    type,
    hits: run?.hits.filter((h) => h.entityType === type) ?? [],
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
            onChange={(event) => {
              const value = event.currentTarget.value;
              setMemory((prev) => ({ ...prev, query: value }));
            }}
            w={420}
            maw="100%"
            spellCheck={false}
            autoComplete="off"
            autoFocus={!run}
          />
          <Button type="submit" loading={searching !== null && shown === 0 && documentsShown === 0}>
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
          if (!on) setMemory((prev) => ({ ...prev, includeProtected: false }));
          else if (protectedUntil && new Date(protectedUntil).getTime() > Date.now())
            setMemory((prev) => ({ ...prev, includeProtected: true }));
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
          setMemory((prev) => ({ ...prev, protectedUntil: visibleUntil, includeProtected: true }));
          setAsking(false);
        }}
      />
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {searching !== null && shown === 0 && documentsShown === 0 && (
        <Group gap="xs" role="status">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            {t('finding.search.searching', { query: searching })}
          </Text>
        </Group>
      )}
      {run && result && (
        <HiddenConfidentialNotice
          count={result.hiddenConfidential + result.documents.hiddenConfidential}
          atLeast={!result.hiddenExact || !result.documents.hiddenExact}
          onRevealed={() => void load(run.query, run.includeProtected, 0)}
        />
      )}
      {run && shown === 0 && documentsShown === 0 && (
        <Text c="dimmed" role="status">
          {t('search.noResults')}
        </Text>
      )}
      {run && result && shown > 0 && (
        <Stack gap={2}>
          <Text size="sm" role="status" data-testid="search-total">
            {t(result.totalExact ? 'finding.search.total' : 'finding.search.totalAtLeast', {
              shown,
              total: Math.max(result.total, shown),
              query: run.query,
            })}
          </Text>
          {result.order === 'recent' && (
            <Text size="sm" c="dimmed">
              {t('finding.search.recentOrder')}
            </Text>
          )}
          {documentsShown > 0 && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              ta="start"
              onClick={() => {
                documentSection.current?.scrollIntoView({ block: 'start' });
                documentSection.current?.focus({ preventScroll: true });
              }}
            >
              {t('evidenceText.search.jump', { count: Math.max(documents!.total, documentsShown) })}
            </Anchor>
          )}
        </Stack>
      )}
      {groups.map((group) => (
        <Stack key={group.type} gap="xs" component="section" aria-label={t(`search.groups.${group.type}`)}>
          <Title order={3} size="h4">
            {t(`search.groups.${group.type}`)}
          </Title>
          {group.hits.map((hit) => (
            <HitCard key={`${hit.entityType}:${hit.entityId}`} hit={hit} onOpen={() => open(hit)} />
          ))}
        </Stack>
      ))}
      {run && result?.nextOffset != null && (
        <Group justify="center">
          <Button
            variant="default"
            loading={searching !== null}
            onClick={() => void load(run.query, run.includeProtected, result.nextOffset!)}
          >
            {t('finding.search.more')}
          </Button>
        </Group>
      )}
      {run && documents && (
        <DocumentHitList
          ref={documentSection}
          documents={documents}
          loading={documentsLoading}
          onOpen={(hit) => onOpenMatter(hit.matterId, documentPlace(hit, run.query))}
          onMore={() => {
            setDocumentsLoading(true);
            void load(run.query, run.includeProtected, 0, documents.nextOffset ?? 0).finally(() =>
              setDocumentsLoading(false),
            );
          }}
        />
      )}
    </Stack>
  );
}

function HitCard({ hit, onOpen }: { hit: SearchHit; onOpen: () => void }) {
  const { t } = useTranslation();
  const inCase = hit.entityType !== 'matter' && hit.matterId !== null;
  return (
    <UnstyledButton onClick={onOpen} className="amparo-hit" data-testid="search-hit">
      <Paper withBorder p="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {hit.title}
          </Text>
          {hit.viaProtected && (
            <Badge color="yellow" variant="light" size="sm" style={{ flexShrink: 0 }}>
              {t('search.viaProtected')}
            </Badge>
          )}
        </Group>
        {(inCase || (hit.entityType === 'matter' && hit.matterReference)) && (
          <Text size="sm" data-testid="hit-case" style={{ overflowWrap: 'anywhere' }}>
            {hit.entityType === 'matter'
              ? hit.matterReference
              : hit.matterReference !== null
                ? t('finding.search.inCase', {
                    reference: hit.matterReference || t('finding.search.noReference'),
                    title: hit.matterTitle ?? '',
                  })
                : t('finding.search.inConfidentialCase')}
          </Text>
        )}
        {hit.snippet && <Snippet text={hit.snippet} />}
      </Paper>
    </UnstyledButton>
  );
}
