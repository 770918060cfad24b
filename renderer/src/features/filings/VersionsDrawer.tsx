import { Badge, Button, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { formatTimestamp } from '../../app/format';
import type { FilingVersionSummary } from '../../../../shared/schemas/filings';

/** The draft's versions, newest first; restoring one makes a new version from it (nothing is overwritten). */
export function VersionsDrawer({
  opened,
  filingId,
  current,
  refreshKey,
  onClose,
  onRestore,
}: {
  opened: boolean;
  filingId: string;
  current: number;
  refreshKey: number;
  onClose: () => void;
  onRestore: (version: FilingVersionSummary) => Promise<void>;
}) {
  const { t, i18n } = useTranslation();
  const versions = useLoad(opened ? () => client.filings.versions({ filingId }) : null, [
    opened,
    filingId,
    refreshKey,
  ]);
  const [restoring, setRestoring] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const list = [...(versions.data ?? [])].sort((a, b) => b.version - a.version);
  return (
    <Drawer opened={opened} onClose={onClose} position="right" title={t('filings.versions.title')} size="md">
      <Stack gap="sm">
        <ErrorAlert error={versions.error ?? error} />
        {!versions.data && !versions.error && <Loader size="sm" aria-label={t('common.loading')} />}
        {versions.data && list.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('filings.versions.empty')}
          </Text>
        )}
        {list.map((v) => (
          <Group key={v.version} justify="space-between" wrap="nowrap" data-testid="filing-version">
            <Stack gap={0}>
              <Group gap={6}>
                <Text size="sm" fw={500}>
                  {t('filings.versions.version', { n: v.version })}
                </Text>
                {v.version === current && (
                  <Badge size="xs" variant="light">
                    {t('filings.versions.latest')}
                  </Badge>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {formatTimestamp(v.savedAt, i18n.language)} ·{' '}
                {t(`filings.versions.reason.${v.reason}`, {
                  defaultValue: v.reason,
                  n: v.restoredFrom ?? '',
                })}
              </Text>
            </Stack>
            <Button
              size="xs"
              variant="default"
              disabled={v.version === current || restoring !== null}
              loading={restoring === v.version}
              aria-label={t('filings.versions.restoreFor', { n: v.version })}
              onClick={async () => {
                setRestoring(v.version);
                setError(null);
                try {
                  await onRestore(v);
                  versions.reload();
                } catch (err) {
                  setError(err);
                } finally {
                  setRestoring(null);
                }
              }}
            >
              {t('filings.versions.restore')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Drawer>
  );
}
