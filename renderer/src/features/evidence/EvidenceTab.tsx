import { Alert, Badge, Button, Group, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ListScaffold } from '../../components/ListScaffold';
import { useLoad } from '../../components/useLoad';
import type { VaultVerification } from '../../../../shared/schemas/evidence';
import { RowLink } from '../../components/RowLink';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { formatIsoDate, formatTimestamp } from '../../app/format';
import { EvidenceItemView } from './EvidenceItemView';
import { exhibitLabel } from './format';
import { formatBytes } from '../../app/format';
import { IntakePanel } from './IntakePanel';
import { VerificationBadge } from './VerificationBadge';
import { ExtractionQueuePanel } from './text/ExtractionQueuePanel';
import { ExtractionStateBadge } from './text/ExtractionStateBadge';
import { useExtractionStatuses } from './text/useExtractionStatuses';
import type { EvidenceFocus } from './text/useHitHighlights';

/** The evidence of a case: add files (drop or pick), see them with their exhibit numbers, open one. */
export function EvidenceTab({
  matterId,
  initialOpenId,
  initialFocus,
}: {
  matterId: string;
  initialOpenId?: string;
  /** A search hit inside the item first opened: its page and the searched words. */
  initialFocus?: EvidenceFocus;
}) {
  const { t, i18n } = useTranslation();
  const evidence = useLoad(() => client.evidence.list({ matterId }), [matterId]);
  const { setError, reload } = evidence;
  const [openId, setOpenId] = useState<string | null>(initialOpenId ?? null);
  const [verifying, setVerifying] = useState(false);
  // Files added: the text queue's counts are read again.
  const [taken, setTaken] = useState(0);
  const [verification, setVerification] = useState<VaultVerification | null>(null);
  const extraction = useExtractionStatuses(evidence.data?.items.map((i) => i.id) ?? []);

  const verifyAll = async () => {
    setVerifying(true);
    setVerification(null);
    try {
      setVerification(await client.evidence.verifyAll({ matterId }));
      reload();
    } catch (err) {
      setError(err);
    } finally {
      setVerifying(false);
    }
  };

  if (openId) {
    return (
      <EvidenceItemView
        key={openId}
        id={openId}
        matterId={matterId}
        focus={openId === initialOpenId ? initialFocus : undefined}
        onBack={() => {
          setOpenId(null);
          reload();
        }}
        onOpen={setOpenId}
      />
    );
  }

  return (
    <Stack gap="md">
      <IntakePanel
        matterId={matterId}
        onTaken={() => {
          reload();
          setTaken((n) => n + 1);
        }}
        onOpen={setOpenId}
      />
      <ExtractionQueuePanel matterId={matterId} refresh={taken} />

      <Group justify="space-between">
        <Title order={3} size="h4">
          {t('evidence.list.title')}
        </Title>
        <Button variant="default" onClick={() => void verifyAll()} loading={verifying}>
          {t('evidence.verify.all')}
        </Button>
      </Group>
      {verification && (
        <Alert
          color={verification.problems.length === 0 ? 'green' : 'red'}
          variant="light"
          role="status"
          title={
            verification.problems.length === 0
              ? t('evidence.verify.allOk', { count: verification.checked })
              : t('evidence.verify.allProblems', { count: verification.problems.length })
          }
        >
          {verification.problems.map((p) => (
            <Text key={p.itemId} size="sm">
              {p.title || t('evidence.confidentialItem')}: {t(`evidence.verify.status.${p.status}`)}
            </Text>
          ))}
        </Alert>
      )}
      <ListScaffold
        load={evidence}
        items={(list) => list.items}
        hiddenConfidential={{ count: (list) => list.hiddenConfidential, matterId }}
        emptyText={t('evidence.list.empty')}
      >
        {(list) => (
          <Table highlightOnHover verticalSpacing="xs" aria-label={t('evidence.list.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('evidence.list.exhibit')}</Table.Th>
                <Table.Th>{t('evidence.fields.title')}</Table.Th>
                <Table.Th>{t('evidence.list.kind')}</Table.Th>
                <Table.Th>{t('evidence.fields.eventDate')}</Table.Th>
                <Table.Th>{t('evidence.list.size')}</Table.Th>
                <Table.Th>{t('evidence.list.acquired')}</Table.Th>
                <Table.Th>{t('evidence.list.integrity')}</Table.Th>
                <Table.Th>{t('evidenceText.list.column')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.items.map((item) => (
                <Table.Tr key={item.id} className="amparo-row" onClick={() => setOpenId(item.id)}>
                  <Table.Td>{item.exhibits.map((x) => exhibitLabel(t, x)).join(', ') || '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <RowLink
                        fw={500}
                        onClick={(event) => {
                          // The row opens it too; once is enough.
                          event.stopPropagation();
                          setOpenId(item.id);
                        }}
                      >
                        {item.title}
                      </RowLink>
                      {item.derivedFrom && (
                        <Badge size="xs" variant="outline">
                          {t('evidence.workingCopy')}
                        </Badge>
                      )}
                      {item.metadataRisks.length > 0 && (
                        <Tooltip label={t('evidence.metadata.riskShort')}>
                          <Badge size="xs" color="orange" variant="light">
                            {t('evidence.metadata.badge')}
                          </Badge>
                        </Tooltip>
                      )}
                      <ClassificationBadge value={item.classification} />
                    </Group>
                  </Table.Td>
                  <Table.Td>{t(`evidence.kind.${item.kind}`)}</Table.Td>
                  <Table.Td>{item.eventDate ? formatIsoDate(item.eventDate, i18n.language) : '—'}</Table.Td>
                  <Table.Td>{formatBytes(item.size, i18n.language)}</Table.Td>
                  <Table.Td>{formatTimestamp(item.acquiredAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <VerificationBadge status={item.lastVerification} />
                  </Table.Td>
                  <Table.Td>
                    {extraction.get(item.id) && (
                      <ExtractionStateBadge compact status={extraction.get(item.id)!} />
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListScaffold>
    </Stack>
  );
}
