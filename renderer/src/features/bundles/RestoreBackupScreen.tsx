import { Anchor, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VaultStatus } from '../../../../shared/schemas/vault';
import { GateLayout } from '../../components/GateLayout';
import { RestoreBackupForm } from './RestoreBackupForm';

/** On the start screen, for a lawyer whose laptop is gone: rebuild a vault from a backup file and open it. */
export function RestoreBackupScreen({
  onRestored,
  onBack,
}: {
  onRestored: (status: VaultStatus) => void;
  onBack: () => void;
}) {
  const { t } = useTranslation();
  return (
    <GateLayout title={t('bundles.restore.title')}>
      <RestoreBackupForm onRestored={onRestored} />
      <Group>
        <Anchor component="button" type="button" onClick={onBack}>
          {t('bundles.restore.back')}
        </Anchor>
      </Group>
    </GateLayout>
  );
}
