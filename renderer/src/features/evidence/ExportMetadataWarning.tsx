import { Alert, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { EvidenceItem } from '../../../../shared/schemas/evidence';

/**
 * In the export dialog: what the file's metadata gives away, and — for the types Amparo can clean —
 * exporting the copy without metadata instead of the original.
 */
export function ExportMetadataWarning({
  item,
  onExportClean,
}: {
  item: EvidenceItem;
  onExportClean: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const hasCopy = item.workingCopies.some((w) => w.derivation === 'metadata_removed');
  return (
    <Alert color="orange" variant="light" role="note" title={t('evidence.metadata.warningTitle')}>
      <Stack gap={6}>
        <Text size="sm">
          {t('evidence.exportClean.warning', {
            risks: item.metadata.risks.map((r) => t(`evidence.metadata.risk.${r}`)).join(', '),
          })}
        </Text>
        {item.metadata.strippable ? (
          <Button
            size="xs"
            variant="filled"
            color="orange"
            loading={busy}
            onClick={() => {
              setBusy(true);
              setError(null);
              onExportClean()
                .catch(setError)
                .finally(() => setBusy(false));
            }}
          >
            {hasCopy ? t('evidence.exportClean.exportCopy') : t('evidence.exportClean.makeAndExport')}
          </Button>
        ) : (
          <Text size="sm">{t('evidence.exportClean.notStrippable')}</Text>
        )}
        <ErrorAlert error={error} />
      </Stack>
    </Alert>
  );
}
