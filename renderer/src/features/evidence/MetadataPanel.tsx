import { Alert, Badge, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { EvidenceItem } from '../../../../shared/schemas/evidence';
import { formatDecimal } from '../../app/format';
import { metadataGroup, metadataName, metadataValue } from './metadataLabels';

/**
 * What the file says about itself (EXIF, PDF info…), with a warning when that identifies someone or a place,
 * the metadata-free working copy, and the exhibit numbers the item carries in filings.
 */
export function MetadataPanel({
  item,
  onOpen,
  onChanged,
}: {
  item: EvidenceItem;
  onOpen: (id: string) => void;
  /** The item changed in the vault (an exhibit number was assigned): load it again. */
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [busy, setBusy] = useState<'strip' | 'exhibit' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filing, setFiling] = useState('');
  const risks = item.metadata.risks;

  const run = async (kind: 'strip' | 'exhibit', action: () => Promise<void>) => {
    setBusy(kind);
    setError(null);
    try {
      await action();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  const strip = () =>
    run('strip', async () => {
      const copy = await client.evidence.stripMetadata({
        id: item.id,
        title: t('evidence.metadata.copyTitle', { title: item.title }),
      });
      onOpen(copy.id);
    });
  const assign = () =>
    run('exhibit', async () => {
      await client.evidence.assignExhibit({ itemId: item.id, filing: filing.trim() });
      setFiling('');
      onChanged();
    });

  return (
    <>
      <ErrorAlert error={error} />
      <Stack gap="xs" className="amparo-no-print">
        <Title order={4}>{t('evidence.metadata.title')}</Title>
        {risks.length > 0 && (
          <Alert color="orange" variant="light" role="note" title={t('evidence.metadata.warningTitle')}>
            <Stack gap={6}>
              <Text size="sm">
                {t('evidence.metadata.warning', {
                  risks: risks.map((r) => t(`evidence.metadata.risk.${r}`)).join(', '),
                })}
              </Text>
              {item.metadata.gps && (
                <Text size="sm">
                  {t('evidence.metadata.gps', {
                    latitude: formatDecimal(item.metadata.gps.latitude, 5, i18n.language),
                    longitude: formatDecimal(item.metadata.gps.longitude, 5, i18n.language),
                  })}
                </Text>
              )}
              {item.metadata.strippable && (
                <Group>
                  <Button size="xs" color="orange" onClick={() => void strip()} loading={busy === 'strip'}>
                    {t('evidence.metadata.strip')}
                  </Button>
                  <Text size="xs" c="dimmed">
                    {t('evidence.metadata.stripHint')}
                  </Text>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
        {item.metadata.fields.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('evidence.metadata.none')}
          </Text>
        ) : (
          <Table withTableBorder verticalSpacing={4} aria-label={t('evidence.metadata.title')}>
            <Table.Tbody>
              {item.metadata.fields.map((f, index) => (
                <Table.Tr key={`${f.group}-${f.name}-${index}`}>
                  <Table.Td>
                    <Text size="sm" c="dimmed">
                      {metadataGroup(t, f)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{metadataName(t, f)}</Table.Td>
                  <Table.Td>{metadataValue(t, f, item.metadata.gps, i18n.language)}</Table.Td>
                  <Table.Td>
                    {f.risk && (
                      <Badge size="xs" color="orange" variant="light">
                        {t(`evidence.metadata.risk.${f.risk}`)}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {item.workingCopies.length > 0 && (
          <Group gap="xs">
            <Text size="sm">{t('evidence.item.workingCopies')}</Text>
            {item.workingCopies.map((c) => (
              <Button key={c.id} size="xs" variant="light" onClick={() => onOpen(c.id)}>
                {c.title}
              </Button>
            ))}
          </Group>
        )}
        <Group align="flex-end">
          <TextInput
            label={t('evidence.item.filing')}
            description={t('evidence.item.filingHint')}
            value={filing}
            onChange={(e) => setFiling(e.currentTarget.value)}
            maxLength={100}
          />
          <Button variant="default" onClick={() => void assign()} loading={busy === 'exhibit'}>
            {t('evidence.item.assignExhibit')}
          </Button>
        </Group>
      </Stack>
    </>
  );
}
