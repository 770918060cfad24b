import { Divider, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/schemas/settings';
import { AutoLockSetting } from './AutoLockSetting';
import { InactivitySetting } from './InactivitySetting';
import { ChangePassphraseSection } from './ChangePassphraseSection';
import { LanguageSetting } from './LanguageSetting';
import { RecentVaultsSetting } from './RecentVaultsSetting';
import { ReencryptSection } from './ReencryptSection';
import { ExtractionSection } from './ExtractionSection';
import { UserNameSetting } from './UserNameSetting';
import { CalendarsSection } from '../deadlines/CalendarsSection';
import { BackupSection } from '../bundles/BackupSection';
import { RestoreBackupSection } from '../bundles/RestoreBackupSection';
import { ImportBundleSection } from '../bundles/ImportBundleSection';
import { VaultIdentitySection } from '../bundles/VaultIdentitySection';

interface SettingsScreenProps {
  settings: Settings;
  onSettingsChange: (settings: Settings) => void;
}

export function SettingsScreen({ settings, onSettingsChange }: SettingsScreenProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={640}>
      <Title order={2}>{t('settings.title')}</Title>
      <LanguageSetting value={settings.language} onSaved={onSettingsChange} />
      <Divider />
      <AutoLockSetting value={settings.autoLockMinutes} onSaved={onSettingsChange} />
      <Divider />
      <UserNameSetting value={settings.userName ?? ''} onSaved={onSettingsChange} />
      <Divider />
      <RecentVaultsSetting value={settings.rememberRecentVaults} onSaved={onSettingsChange} />
      <Divider />
      <InactivitySetting />
      <Divider />
      <ChangePassphraseSection />
      <Divider />
      <ReencryptSection />
      <Divider />
      {/* search inside the evidence */}
      <ExtractionSection />
      <Divider />
      <CalendarsSection />
      <Divider />
      <VaultIdentitySection />
      <Divider />
      <ImportBundleSection />
      <Divider />
      <BackupSection />
      <Divider />
      <RestoreBackupSection />
    </Stack>
  );
}
