import { Anchor, Badge, Chip, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TIMELINE_KINDS,
  type TimelineEntry,
  type TimelineKind,
  type TimelineTarget,
} from '../../../../shared/schemas/followup-timeline';
import { client } from '../../api/client';
import { formatIsoDate } from '../../app/format';
import { DateField } from '../../components/DateField';
import { ListScaffold } from '../../components/ListScaffold';
import { PrintButton } from '../../components/PrintButton';
import { useLoad } from '../../components/useLoad';
import { entryText } from './entryText';
import './followup.css';

const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

const KIND_COLOR: Record<TimelineKind, string> = {
  communication: 'blue',
  resolution: 'grape',
  deadline: 'orange',
  status: 'gray',
  measure: 'teal',
  hearing: 'indigo',
};

/**
 * The case's follow-up ("Seguimiento") in one chronological list: letters, resolutions, deadlines, status
 * changes and protection-measure changes. Filter chips per kind and a date range; each entry opens its record's
 * tab; printable.
 */
export function FollowupTab({
  matterId,
  matterTitle,
  onOpen,
}: {
  matterId: string;
  matterTitle: string;
  onOpen: (target: TimelineTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // No chip chosen: every kind.
  const [kinds, setKinds] = useState<TimelineKind[]>([]);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const timeline = useLoad(
    () =>
      client.followup.timeline({
        matterId,
        ...(kinds.length ? { kinds } : {}),
        ...(isDate(from) ? { from } : {}),
        ...(isDate(to) ? { to } : {}),
      }),
    [matterId, kinds, from, to],
  );

  return (
    <Stack gap="md" className="amparo-print-area amparo-followup">
      <Group justify="space-between">
        <Title order={3}>
          <span className="amparo-print-only">{matterTitle} — </span>
          {t('followup.title')}
        </Title>
        <Group gap="xs" className="amparo-no-print">
          <PrintButton label={t('followup.print')} />
        </Group>
      </Group>
      <Stack gap="xs" className="amparo-no-print" role="group" aria-label={t('followup.filters')}>
        <Chip.Group multiple value={kinds} onChange={(value) => setKinds(value as TimelineKind[])}>
          <Group gap={6} role="group" aria-label={t('followup.kinds')}>
            {TIMELINE_KINDS.map((kind) => (
              <Chip key={kind} value={kind} color={KIND_COLOR[kind]} size="sm">
                {t(`followup.kind.${kind}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Group align="flex-end" gap="sm">
          <DateField
            label={t('followup.from')}
            value={from}
            onChange={(v) => setFrom(v ?? '')}
            clearable
            w={170}
          />
          <DateField label={t('followup.to')} value={to} onChange={(v) => setTo(v ?? '')} clearable w={170} />
        </Group>
      </Stack>
      {/* On paper, say which part of the follow-up this is. */}
      {(kinds.length > 0 || isDate(from) || isDate(to)) && (
        <Text size="sm" className="amparo-print-only">
          {[
            kinds.map((k) => t(`followup.kind.${k}`)).join(', '),
            isDate(from) && t('followup.printedFrom', { date: formatIsoDate(from, language) }),
            isDate(to) && t('followup.printedTo', { date: formatIsoDate(to, language) }),
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      )}
      <ListScaffold
        load={timeline}
        items={(list) => list.items}
        hiddenConfidential={{ count: (list) => list.hiddenConfidential, matterId }}
        emptyText={t('followup.empty')}
      >
        {(list) => (
          <Stack
            component="ol"
            gap={0}
            p={0}
            m={0}
            className="amparo-followup-list"
            aria-label={t('followup.title')}
          >
            {list.items.map((entry, i) => {
              const previous = list.items[i - 1];
              return (
                <FollowupRow
                  key={entry.key}
                  entry={entry}
                  newDate={previous?.date !== entry.date}
                  onOpen={() => onOpen(entry.target)}
                />
              );
            })}
          </Stack>
        )}
      </ListScaffold>
    </Stack>
  );
}

function FollowupRow({
  entry,
  newDate,
  onOpen,
}: {
  entry: TimelineEntry;
  newDate: boolean;
  onOpen: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { event, title, detail } = entryText(t, entry, i18n.language);
  return (
    <Paper
      component="li"
      p="xs"
      className="amparo-print-item amparo-followup-entry"
      data-kind={entry.kind}
      radius={0}
    >
      <Group align="flex-start" wrap="nowrap" gap="md">
        <Text size="sm" fw={700} w={120} className="amparo-followup-date" style={{ flexShrink: 0 }}>
          {newDate ? formatIsoDate(entry.date, i18n.language) : ''}
        </Text>
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Badge color={KIND_COLOR[entry.kind]} variant="light" tt="none" size="sm">
              {t(`followup.kind.${entry.kind}`)}
            </Badge>
            <Text size="sm" fw={600}>
              {event}
            </Text>
          </Group>
          <Anchor
            component="button"
            type="button"
            onClick={onOpen}
            size="sm"
            ta="left"
            className="amparo-wrap-anywhere"
          >
            {title}
          </Anchor>
          {detail && (
            <Text size="xs" c="dimmed" className="amparo-wrap-anywhere">
              {detail}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
