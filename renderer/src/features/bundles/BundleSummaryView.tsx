import { List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { caseLabel, formatValue, leftOutLabel, recordKind } from '../../../../shared/bundle-labels-format';
import type { BundleSummary } from '../../../../shared/schemas/bundles';
import { useBundleWords } from './useBundleWords';

/** What a checked bundle holds, in words: its cases, how many records of each kind, who signed it. */
export function BundleSummaryView({ summary }: { summary: BundleSummary }) {
  const { t } = useTranslation();
  const words = useBundleWords();
  const cases = summary.cases.map((c) => caseLabel(c) ?? t('bundles.import.caseWithoutReference'));
  return (
    <Stack gap={6}>
      <Text size="sm">
        {t(summary.kind === 'backup' ? 'bundles.import.madeBackup' : 'bundles.import.made', {
          when: formatValue(words, 'bundle_log', 'at', summary.createdAt),
          size: formatValue(words, 'evidence_items', 'size', summary.size),
        })}
      </Text>
      <Text size="sm" fw={600}>
        {t('bundles.import.cases', { count: cases.length })}
      </Text>
      <List size="sm" spacing={2}>
        {cases.map((name, i) => (
          <List.Item key={summary.cases[i]!.id}>{name}</List.Item>
        ))}
      </List>
      <Text size="sm" fw={600}>
        {t('bundles.import.contents')}
      </Text>
      <Text size="sm">
        {[
          ...summary.counts.map((c) =>
            t('bundles.import.count', { kind: recordKind(words, c.kind, true), count: c.count }),
          ),
          t('bundles.import.attachments', { count: summary.attachments }),
        ].join(' · ')}
      </Text>
      {summary.redaction.profile === 'pseudonyms-only' && (
        <Text size="sm">{t('bundles.import.redacted')}</Text>
      )}
      {summary.redaction.profile === 'profile' && (
        <Text size="sm">{t('bundleRedaction.applied', { name: summary.redaction.profileName ?? '' })}</Text>
      )}
      {summary.redaction.leftOut.map((l) => (
        <Text size="sm" key={l.kind}>
          {t('bundles.leftOut', { count: l.count, kind: leftOutLabel(words, l.kind) })}
        </Text>
      ))}
      {summary.since && <Text size="sm">{t('bundles.import.incremental')}</Text>}
      <Text size="sm" fw={600}>
        {t('bundles.import.signer')}
      </Text>
      <Text size="sm" ff="monospace" data-testid="bundle-signer">
        {summary.signerFingerprint.match(/.{1,4}/g)!.join(' ')}
      </Text>
    </Stack>
  );
}
