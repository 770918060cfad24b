import { Button, Group, Stack, Switch, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Settings } from '../../../../shared/schemas/settings';

/**
 * Whether settings.json keeps the folders of recently opened vaults (plain text, outside any vault),
 * and a button that forgets them now. Applied as soon as it is switched.
 */
export function RecentVaultsSetting({ value, onSaved }: { value: boolean; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<unknown>(null);
  const [pending, setPending] = useState<boolean | null>(null);
  const [cleared, setCleared] = useState(false);
  const [clearing, setClearing] = useState(false);
  const [confirming, setConfirming] = useState(false);

  const toggle = async (next: boolean) => {
    setError(null);
    setCleared(false);
    setPending(next);
    try {
      onSaved(await client.settings.update({ rememberRecentVaults: next }));
    } catch (err) {
      setError(err);
    } finally {
      setPending(null);
    }
  };

  const clear = async () => {
    setError(null);
    setClearing(true);
    try {
      await client.settings.clearRecentVaults({});
      setCleared(true);
    } catch (err) {
      setError(err);
    } finally {
      setClearing(false);
    }
  };

  return (
    <Stack gap="xs">
      <ConfirmDialog
        opened={confirming}
        title={t('recentVaultsConfirm.title')}
        confirmLabel={t('recentVaultsConfirm.confirm')}
        danger
        onClose={() => setConfirming(false)}
        onConfirm={async () => {
          setConfirming(false);
          await clear();
        }}
      >
        <Text size="sm">{t('recentVaultsConfirm.body')}</Text>
      </ConfirmDialog>
      <Switch
        label={t('recentVaults.label')}
        description={t('recentVaults.description')}
        checked={pending ?? value}
        disabled={pending !== null}
        onChange={(event) => void toggle(event.currentTarget.checked)}
      />
      <Group gap="sm">
        <Button variant="default" loading={clearing} onClick={() => setConfirming(true)}>
          {t('recentVaults.clear')}
        </Button>
        {cleared && (
          <Text size="sm" c="teal" role="status">
            {t('recentVaults.cleared')}
          </Text>
        )}
      </Group>
      <ErrorAlert error={error} />
    </Stack>
  );
}
