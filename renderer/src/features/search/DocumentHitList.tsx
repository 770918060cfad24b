import { Badge, Button, Group, Paper, Stack, Text, Title, UnstyledButton } from '@mantine/core';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentHit, DocumentHits } from '../../../../shared/schemas/extraction';
import { Snippet } from './Snippet';

/** A document hit's identity in a list: the same page of the same item is one hit. */
export const documentHitKey = (hit: DocumentHit): string => `${hit.itemId}:${hit.page}`;

interface DocumentHitListProps {
  documents: DocumentHits;
  loading: boolean;
  onOpen: (hit: DocumentHit) => void;
  onMore: () => void;
  ref?: Ref<HTMLDivElement>;
}

/**
 * Pages of evidence documents whose text matched: the item, its page, how the text was read (text layer,
 * OCR, e-mail…) and the excerpt with the matched words marked. Paged apart from the other results.
 */
export function DocumentHitList({ documents, loading, onOpen, onMore, ref }: DocumentHitListProps) {
  const { t } = useTranslation();
  if (documents.hits.length === 0) return null;
  return (
    <Stack
      ref={ref}
      gap="xs"
      component="section"
      aria-label={t('evidenceText.search.group')}
      data-testid="document-hits"
      tabIndex={-1}
    >
      <Group justify="space-between" align="baseline">
        <Title order={3} size="h4">
          {t('evidenceText.search.group')}
        </Title>
        <Text size="sm" c="dimmed" data-testid="document-total">
          {t(documents.totalExact ? 'evidenceText.search.total' : 'evidenceText.search.totalAtLeast', {
            shown: documents.hits.length,
            count: Math.max(documents.total, documents.hits.length),
          })}
        </Text>
      </Group>
      {documents.hits.map((hit) => (
        <DocumentHitCard key={documentHitKey(hit)} hit={hit} onOpen={() => onOpen(hit)} />
      ))}
      {documents.nextOffset !== null && (
        <Group justify="center">
          <Button variant="default" loading={loading} onClick={onMore}>
            {t('evidenceText.search.more')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function DocumentHitCard({ hit, onOpen }: { hit: DocumentHit; onOpen: () => void }) {
  const { t } = useTranslation();
  // Pages mean something for PDFs and images; an e-mail or a Word file is shown as one text.
  const paged = hit.method === 'text_layer' || hit.method === 'ocr';
  return (
    <UnstyledButton onClick={onOpen} className="amparo-hit" data-testid="document-hit">
      <Paper withBorder p="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between">
          <Text fw={600} style={{ overflowWrap: 'anywhere' }} data-testid="document-hit-title">
            {hit.title}
          </Text>
          <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
            {paged && (
              <Badge variant="light" size="sm" data-testid="document-hit-page">
                {t('evidenceText.search.page', { page: hit.page })}
              </Badge>
            )}
            <Badge variant="outline" color="gray" size="sm" data-testid="document-hit-method">
              {t(`extractionText.method.${hit.method}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {hit.matterReference !== null
            ? t('finding.search.inCase', {
                reference: hit.matterReference || t('finding.search.noReference'),
                title: hit.matterTitle ?? '',
              })
            : t('finding.search.inConfidentialCase')}
        </Text>
        {hit.snippet && <Snippet text={hit.snippet} />}
      </Paper>
    </UnstyledButton>
  );
}
