import { Anchor, Badge, Button, Group, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatIsoDate } from '../../app/format';
import type { Communication } from '../../../../shared/schemas/communications';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { LinkedDeadlines } from '../deadlines/LinkedDeadlines';
import { SuggestedDeadlines } from '../deadlines/SuggestedDeadlines';

const mailbox = (m: { name: string; address: string }) => (m.name ? `${m.name} <${m.address}>` : m.address);

/**
 * One communication: what, when and from whom; an imported e-mail's headers; the body as plain text (never
 * HTML); attachments and the original .eml as links to their evidence items; what it answers and its replies.
 */
export function CommunicationDetail({
  communication: c,
  onOpen,
  onOpenEvidence,
  onReply,
  onAttach,
  onEdit,
  onDelete,
  onClose,
}: {
  communication: Communication;
  onOpen: (id: string) => void;
  onOpenEvidence: (evidenceId: string) => void;
  onReply: () => void;
  /** Pick files to keep as evidence items attached to this communication. */
  onAttach: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // A deadline confirmed from a suggestion shows at once among the linked ones.
  const [deadlinesChanged, setDeadlinesChanged] = useState(0);
  const when = [formatIsoDate(c.occurredOn, language), c.occurredTime, c.zone].filter(Boolean).join(' ');
  const rows: [string, string][] = [
    [t('communications.fields.direction'), t(`communications.direction.${c.direction}`)],
    [
      t('communications.fields.counterpart'),
      [t(`communications.counterpart.${c.counterpart}`), c.counterpartName].filter(Boolean).join(' — '),
    ],
    [t('communications.fields.channel'), t(`communications.channel.${c.channel}`)],
    [t('communications.fields.kind'), t(`communications.kind.${c.kind}`)],
    [t('communications.fields.occurredOn'), when],
    ...(c.notifiedOn
      ? [[t('communications.fields.notifiedOn'), formatIsoDate(c.notifiedOn, language)] as [string, string]]
      : []),
    ...(c.reference ? [[t('communications.fields.reference'), c.reference] as [string, string]] : []),
    ...(c.noteNumber ? [[t('communications.fields.noteNumber'), c.noteNumber] as [string, string]] : []),
  ];
  if (c.email) {
    rows.push([t('communications.email.from'), c.email.from.map(mailbox).join(', ')]);
    rows.push([t('communications.email.to'), c.email.to.map(mailbox).join(', ')]);
    if (c.email.cc.length > 0) rows.push([t('communications.email.cc'), c.email.cc.map(mailbox).join(', ')]);
    if (c.email.date) rows.push([t('communications.email.date'), c.email.date]);
    if (c.email.messageId) rows.push([t('communications.email.messageId'), c.email.messageId]);
  }
  const files = c.attachments.filter((a) => !a.inline);
  const inline = c.attachments.filter((a) => a.inline);
  const linkTo = (a: Communication['attachments'][number]) => (
    <List.Item key={a.evidenceId}>
      <Anchor component="button" type="button" onClick={() => onOpenEvidence(a.evidenceId)}>
        {a.originalName}
      </Anchor>{' '}
      <Text span size="xs" c="dimmed">
        {formatBytes(a.size, language)} · SHA-256 {a.sha256.slice(0, 16)}…
      </Text>
    </List.Item>
  );

  return (
    <Paper withBorder p="md" component="article" aria-label={c.subject} data-record-id={c.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={4}>{c.subject}</Title>
              <ClassificationBadge value={c.classification} />
              {c.origin === 'eml' && <Badge variant="outline">{t('communications.email.badge')}</Badge>}
            </Group>
          </Stack>
          <Group gap="xs">
            <Button onClick={onReply}>{t('communications.detail.reply')}</Button>
            <Button variant="default" onClick={onAttach}>
              {t('communications.detail.attach')}
            </Button>
            <Button variant="default" onClick={onEdit}>
              {t('common.edit')}
            </Button>
            <Button variant="default" color="red" onClick={onDelete}>
              {t('common.delete')}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t('communications.detail.close')}
            </Button>
          </Group>
        </Group>
        <Table withRowBorders={false} verticalSpacing={2} aria-label={t('communications.detail.headers')}>
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th w={200} scope="row">
                  {label}
                </Table.Th>
                <Table.Td style={{ wordBreak: 'break-word' }}>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {c.answers && (
          <Text size="sm">
            {t('communications.detail.answers')}{' '}
            <Anchor component="button" type="button" onClick={() => onOpen(c.answers!.id)}>
              {formatIsoDate(c.answers.occurredOn, language)} — {c.answers.subject}
            </Anchor>
          </Text>
        )}
        <Stack gap={4}>
          <Text fw={500} size="sm">
            {t('communications.fields.body')}
          </Text>
          {/* Plain text only: an e-mail's HTML was turned into text when it was imported. */}
          <Paper withBorder p="sm" bg="var(--mantine-color-gray-light)">
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
              {c.body || t('communications.detail.noBody')}
            </Text>
          </Paper>
        </Stack>
        {files.length > 0 && (
          <Stack gap={4} role="group" aria-label={t('communications.detail.attachments')}>
            <Text fw={500} size="sm">
              {t('communications.detail.attachments')}
            </Text>
            <List size="sm">{files.map(linkTo)}</List>
          </Stack>
        )}
        {inline.length > 0 && (
          <Stack gap={4}>
            <Text fw={500} size="sm">
              {t('communications.detail.inline')}
            </Text>
            <List size="sm">{inline.map(linkTo)}</List>
          </Stack>
        )}
        {c.rawEvidenceId && (
          <Text size="sm">
            {t('communications.detail.original')}{' '}
            <Anchor component="button" type="button" onClick={() => onOpenEvidence(c.rawEvidenceId!)}>
              {t('communications.detail.originalLink')}
            </Anchor>{' '}
            <Text span size="xs" c="dimmed">
              SHA-256 {c.rawSha256}
            </Text>
          </Text>
        )}
        <Stack gap={4} role="group" aria-label={t('communications.detail.replies')}>
          <Text fw={500} size="sm">
            {t('communications.detail.replies')}
          </Text>
          {c.answeredBy.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('communications.detail.noReplies')}
            </Text>
          ) : (
            <List size="sm">
              {c.answeredBy.map((r) => (
                <List.Item key={r.id}>
                  <Anchor component="button" type="button" onClick={() => onOpen(r.id)}>
                    {formatIsoDate(r.occurredOn, language)} — {r.subject}
                  </Anchor>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
        {/* What this communication obliges: the deadlines it set and, for a received one, the periods it writes. */}
        <LinkedDeadlines communicationId={c.id} refreshKey={deadlinesChanged} />
        {c.direction === 'received' && (
          <SuggestedDeadlines
            matterId={c.matterId}
            communication={c}
            onChanged={() => setDeadlinesChanged((n) => n + 1)}
          />
        )}
      </Stack>
    </Paper>
  );
}
