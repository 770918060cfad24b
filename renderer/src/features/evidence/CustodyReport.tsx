import { Code, DataList, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EvidenceItem } from '../../../../shared/schemas/evidence';
import { formatExactBytes, formatIsoDate, formatTimestamp, formatTimestampUtc } from '../../app/format';
import { custodyNote } from './custodyNote';
import { exhibitLabel } from './format';
import { formatBytes } from '../../app/format';
import type { EvidenceLinks } from './links';

/** The chain-of-custody report: the item's record, its hash and every custody entry; the only thing printed. */
export function CustodyReport({ item, links }: { item: EvidenceItem; links: EvidenceLinks }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const linked = (options: { value: string; label: string }[], ids: string[], hidden: string) =>
    ids.map((linkedId) => options.find((o) => o.value === linkedId)?.label ?? hidden).join('\n') || '—';
  const details: [string, string][] = [
    [t('evidence.fields.description'), item.description || '—'],
    [t('evidence.fields.eventDate'), item.eventDate ? formatIsoDate(item.eventDate, language) : '—'],
    [t('evidence.fields.source'), item.source || '—'],
    [t('evidence.fields.acquisition'), item.acquisition || '—'],
    [t('evidence.item.originalName'), item.originalName],
    [t('evidence.item.type'), `${t(`evidence.kind.${item.kind}`)} (${item.mediaType})`],
    [
      t('evidence.list.size'),
      `${formatBytes(item.size, language)} (${formatExactBytes(item.size, language)})`,
    ],
    [t('evidence.item.acquired'), `${formatTimestamp(item.acquiredAt, language)} — ${item.acquiredBy}`],
    [t('evidence.item.exhibits'), item.exhibits.map((x) => exhibitLabel(t, x)).join(', ') || '—'],
    [t('evidence.item.tags'), item.tags.join(', ') || '—'],
    [t('evidence.fields.incidents'), linked(links.incidents, item.incidentIds, t('risk.hiddenIncident'))],
    [t('evidence.fields.people'), linked(links.people, item.personIds, t('evidence.edit.hiddenPerson'))],
  ];

  return (
    <Stack gap="sm" className="amparo-print-area">
      <Title order={4}>{t('evidence.custody.title')}</Title>
      <Text size="sm" className="amparo-print-only">
        {item.title}
      </Text>
      <DataList labelWidth="200px" withDivider maw={880}>
        {details.map(([label, value]) => (
          <DataList.Item key={label}>
            <DataList.ItemLabel>{label}</DataList.ItemLabel>
            <DataList.ItemValue className="amparo-prewrap">{value}</DataList.ItemValue>
          </DataList.Item>
        ))}
        <DataList.Item>
          <DataList.ItemLabel>SHA-256</DataList.ItemLabel>
          <DataList.ItemValue>
            <Code style={{ wordBreak: 'break-all' }}>{item.sha256}</Code>
          </DataList.ItemValue>
        </DataList.Item>
      </DataList>
      <Table withTableBorder verticalSpacing={4} aria-label={t('evidence.custody.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('evidence.custody.when')}</Table.Th>
            <Table.Th>{t('evidence.custody.who')}</Table.Th>
            <Table.Th>{t('evidence.custody.what')}</Table.Th>
            <Table.Th>{t('evidence.custody.details')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {item.custody.map((c) => (
            <Table.Tr key={c.seq}>
              <Table.Td>{c.seq}</Table.Td>
              <Table.Td>
                <Text size="sm">{formatTimestampUtc(c.at, language)}</Text>
                <Text size="xs" c="dimmed">
                  {t('evidence.custody.localTime', { time: formatTimestamp(c.at, language) })}
                </Text>
              </Table.Td>
              <Table.Td>{c.actor}</Table.Td>
              <Table.Td>{t(`evidence.custody.action.${c.action}`)}</Table.Td>
              <Table.Td>
                <Stack gap={0}>
                  {c.fileName && <Text size="xs">{t('evidence.custody.file', { name: c.fileName })}</Text>}
                  {c.size !== null && (
                    <Text size="xs">
                      {t('evidence.custody.size', { size: formatExactBytes(c.size, language) })}
                    </Text>
                  )}
                  {c.sha256 && (
                    <Text size="xs" style={{ wordBreak: 'break-all' }}>
                      SHA-256 {c.sha256}
                    </Text>
                  )}
                  {c.source && <Text size="xs">{t('evidence.custody.source', { source: c.source })}</Text>}
                  {c.outcome && (
                    <Text size="xs">
                      {t('evidence.custody.outcome', {
                        outcome: t(`evidence.verify.badge.${c.outcome}`, { defaultValue: c.outcome }),
                      })}
                    </Text>
                  )}
                  {c.note && <Text size="xs">{custodyNote(t, c, language)}</Text>}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
