import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExtractionStatus } from '../../../../../shared/schemas/extraction';

const COLOR: Record<ExtractionStatus['state'], string> = {
  pending: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'orange',
  disabled: 'gray',
};

/** A file of a type that has no text to read (audio, video…): not a failure worth a badge. */
export function isWithoutText(status: Pick<ExtractionStatus, 'state' | 'reason'>): boolean {
  return status.state === 'failed' && status.reason === 'unsupported';
}

/** Where an item's text stands: waiting, being read (page x of y), searchable, not read (why), or off. */
export function ExtractionStateBadge({
  status,
  compact = false,
}: {
  status: Pick<ExtractionStatus, 'state' | 'reason' | 'pagesDone' | 'pagesTotal'>;
  /** In a table: a coloured dot and words that may wrap, instead of a badge that would be cut. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  if (isWithoutText(status)) {
    return (
      <Text
        size="sm"
        c="dimmed"
        title={t('extractionText.reason.unsupported')}
        data-testid="extraction-state"
        data-state="none"
      >
        —
      </Text>
    );
  }
  const label =
    status.state === 'running' && status.pagesTotal
      ? t('evidenceText.state.runningPages', { done: status.pagesDone, total: status.pagesTotal })
      : t(`extractionText.state.${status.state}`);
  const badge = compact ? (
    <Group gap={6} wrap="nowrap" align="center" data-testid="extraction-state" data-state={status.state}>
      <span
        aria-hidden
        style={{
          width: 8,
          height: 8,
          borderRadius: 4,
          flexShrink: 0,
          background: `var(--mantine-color-${COLOR[status.state]}-6)`,
        }}
      />
      <Text size="sm">{label}</Text>
    </Group>
  ) : (
    <Badge
      size="sm"
      variant={status.state === 'disabled' ? 'outline' : 'light'}
      color={COLOR[status.state]}
      data-testid="extraction-state"
      data-state={status.state}
    >
      {label}
    </Badge>
  );
  if (status.state !== 'failed' || !status.reason) return badge;
  return (
    <Tooltip label={t(`extractionText.reason.${status.reason}`)} multiline w={280}>
      {badge}
    </Tooltip>
  );
}
