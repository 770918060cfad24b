import { Button, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { AgeKeyQr } from './AgeKeyQr';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';

/** The vault's signing fingerprint (read aloud to a recipient) and its age public key (given to senders). */
export function VaultIdentitySection() {
  const { t } = useTranslation();
  const identity = useLoad(() => client.vault.identity({}), []);
  return (
    <Stack gap="sm">
      <Title order={3}>{t('bundles.identity.title')}</Title>
      <Text size="sm">{t('bundles.identity.description')}</Text>
      <ErrorAlert error={identity.error} />
      {identity.data && (
        <>
          <Text size="sm" fw={600}>
            {t('bundles.identity.fingerprint')}
          </Text>
          <Group gap="sm">
            <Text ff="monospace" size="sm" data-testid="signing-fingerprint">
              {identity.data.fingerprintGrouped}
            </Text>
            <CopyButton value={identity.data.fingerprint}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="light" onClick={copy}>
                  {copied ? t('bundles.identity.copied') : t('bundles.identity.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Text size="sm" fw={600}>
            {t('bundles.identity.ageKey')}
          </Text>
          <Group gap="md" wrap="nowrap" align="flex-start">
            <AgeKeyQr value={identity.data.ageRecipient} />
            <Stack gap="xs">
              <Text ff="monospace" size="sm" style={{ wordBreak: 'break-all' }} data-testid="age-recipient">
                {identity.data.ageRecipient}
              </Text>
              <Group gap="sm">
                <CopyButton value={identity.data.ageRecipient}>
                  {({ copied, copy }) => (
                    <Button size="compact-sm" variant="light" onClick={copy}>
                      {copied ? t('bundles.identity.copied') : t('bundles.identity.copy')}
                    </Button>
                  )}
                </CopyButton>
              </Group>
              <Text size="xs" c="dimmed">
                {t('bundles.identity.qrHint')}
              </Text>
            </Stack>
          </Group>
        </>
      )}
    </Stack>
  );
}
