import { Button, DataList, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../app/format';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatIsoDate } from '../../app/format';
import { ReasonModal } from '../confidential/ReasonModal';
import { useRevealedIdentities } from './revealedIdentities';

interface IdentityRevealProps {
  personId: string;
  pseudonym: string;
  hasIdentity: boolean;
}

/**
 * A person's protected identity: a "Reveal identity" button (reason asked and logged) or, while revealed,
 * the identity with the time it is hidden again and a "Hide" button.
 */
export function IdentityReveal({ personId, pseudonym, hasIdentity }: IdentityRevealProps) {
  const { t, i18n } = useTranslation();
  const identities = useRevealedIdentities();
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const revealed = identities.get(personId);

  if (!hasIdentity) {
    return (
      <Text size="sm" c="dimmed">
        {t('people.noIdentity')}
      </Text>
    );
  }

  if (!revealed) {
    return (
      <Stack gap={4} align="flex-start">
        <Button
          size="xs"
          variant="default"
          onClick={() => setAsking(true)}
          aria-label={t('people.revealFor', { name: pseudonym })}
        >
          {t('people.reveal')}
        </Button>
        <ErrorAlert error={error} onClose={() => setError(null)} />
        <ReasonModal
          opened={asking}
          title={t('people.revealTitle', { name: pseudonym })}
          description={t('people.revealDescription')}
          confirmLabel={t('people.reveal')}
          onClose={() => setAsking(false)}
          onConfirm={async (reason) => {
            setError(null);
            await identities.reveal(personId, reason);
            setAsking(false);
          }}
        />
      </Stack>
    );
  }

  const { identity } = revealed;
  const none = t('matters.view.none');
  const list = (values: string[]) => (values.length ? values.join('; ') : none);
  const rows: [string, string][] = [
    [t('people.fields.legalName'), identity.legalName || none],
    [t('people.fields.aliases'), list(identity.aliases)],
    [
      t('people.fields.dateOfBirth'),
      identity.dateOfBirth ? formatIsoDate(identity.dateOfBirth, i18n.language) : none,
    ],
    [t('people.fields.idNumbers'), list(identity.idNumbers)],
    [t('people.fields.phones'), list(identity.phones)],
    [t('people.fields.addresses'), list(identity.addresses)],
    [t('people.fields.identityNotes'), identity.notes || none],
  ];
  return (
    <Paper
      withBorder
      p="sm"
      bg="var(--mantine-color-yellow-light)"
      role="region"
      aria-label={t('people.identityOf', { name: pseudonym })}
      data-testid="revealed-identity"
    >
      <Stack gap="xs">
        <Group justify="space-between" gap="sm">
          <Text size="sm" fw={500}>
            {t('people.hiddenAt', { time: formatTime(revealed.visibleUntil, i18n.language) })}
          </Text>
          <Button size="xs" variant="default" onClick={() => identities.hide(personId)}>
            {t('people.hide')}
          </Button>
        </Group>
        <DataList labelWidth="160px" withDivider>
          {rows.map(([label, value]) => (
            <DataList.Item key={label}>
              <DataList.ItemLabel>{label}</DataList.ItemLabel>
              <DataList.ItemValue className="amparo-prewrap">{value}</DataList.ItemValue>
            </DataList.Item>
          ))}
        </DataList>
      </Stack>
    </Paper>
  );
}
