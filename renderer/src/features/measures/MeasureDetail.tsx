import { Button, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProtectionMeasure } from '../../../../shared/schemas/protection-measures';
import { formatIsoDate, formatTimestamp } from '../../app/format';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { useDraftPlace } from '../drafts/DraftContext';
import { CitedRecordText } from './CitedRecordText';
import { STATUS_COLOR } from './labels';
import { MeasureStatusBadge } from './StatusBadge';
import { StatusForm } from './StatusForm';

/** One measure: what it is, whom it covers, and its status history as a vertical timeline, oldest first. */
export function MeasureDetail({
  measure,
  names,
  onChanged,
  onClose,
}: {
  measure: ProtectionMeasure;
  /** Pseudonyms by person id. */
  names: Map<string, string>;
  onChanged: (measure: ProtectionMeasure) => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { waiting } = useDraftPlace();
  const [recording, setRecording] = useState(() => waiting.has(`measureStatus:${measure.id}`));
  const kind = t(`measureKind.${measure.kind}`);
  return (
    <Paper
      withBorder
      p="md"
      className="amparo-print-item"
      aria-label={t('measures.detailFor', { kind })}
      component="section"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={4}>{kind}</Title>
              <MeasureStatusBadge status={measure.status} />
              <ClassificationBadge value={measure.classification} />
            </Group>
            {measure.authority && (
              <Text size="sm">{t('measures.byAuthority', { authority: measure.authority })}</Text>
            )}
            {measure.personIds.length > 0 && (
              <Text size="sm">
                {t('measures.covers', {
                  names: measure.personIds.map((id) => names.get(id) ?? '—').join(', '),
                })}
              </Text>
            )}
            <Text size="sm">
              {measure.agreedOn
                ? t(`measures.agreedOnWith.${measure.agreedWithBeneficiaries}`, {
                    date: formatIsoDate(measure.agreedOn, language),
                  })
                : t(`measures.agreementOnly.${measure.agreedWithBeneficiaries}`)}
            </Text>
          </Stack>
          <Group gap="xs" className="amparo-no-print">
            {!recording && <Button onClick={() => setRecording(true)}>{t('measures.status.record')}</Button>}
            <Button variant="default" onClick={onClose}>
              {t('measures.closeDetail')}
            </Button>
          </Group>
        </Group>
        {measure.description && (
          <Text size="sm" className="amparo-prewrap">
            {measure.description}
          </Text>
        )}
        {recording && (
          <StatusForm
            measure={measure}
            onSaved={(saved) => {
              setRecording(false);
              onChanged(saved);
            }}
            onCancel={() => setRecording(false)}
          />
        )}
        <Title order={5}>{t('measures.history')}</Title>
        <Timeline
          active={measure.history.length - 1}
          bulletSize={14}
          lineWidth={2}
          // A list for assistive technology: Mantine draws the timeline with plain boxes.
          role="list"
          aria-label={t('measures.history')}
        >
          {measure.history.map((entry) => (
            <Timeline.Item
              key={entry.id}
              role="listitem"
              color={STATUS_COLOR[entry.status]}
              title={
                <Group gap="xs">
                  <Text fw={700} size="sm">
                    {formatIsoDate(entry.onDate, language)}
                  </Text>
                  <MeasureStatusBadge status={entry.status} />
                </Group>
              }
            >
              {entry.cites && <CitedRecordText cites={entry.cites} />}
              {entry.note && (
                <Text size="sm" className="amparo-prewrap">
                  {entry.note}
                </Text>
              )}
              <Text size="xs" c="dimmed">
                {t('measures.recorded', {
                  who: entry.recordedBy,
                  at: formatTimestamp(entry.recordedAt, language),
                })}
              </Text>
            </Timeline.Item>
          ))}
        </Timeline>
      </Stack>
    </Paper>
  );
}
