import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTimestamp } from '../../app/format';

/** Says that the form holds a draft taken back from the vault, not yet saved, and offers to drop it. */
export function DraftRestoredNotice({ at, onDiscard }: { at: string | null; onDiscard: () => void }) {
  const { t, i18n } = useTranslation();
  if (!at) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      role="status"
      data-testid="draft-restored"
      title={t('drafts.restoredTitle')}
    >
      <Group justify="space-between" align="center" gap="sm">
        <Text size="sm">{t('drafts.restoredBody', { at: formatTimestamp(at, i18n.language) })}</Text>
        <Button size="xs" variant="default" onClick={onDiscard}>
          {t('drafts.discard')}
        </Button>
      </Group>
    </Alert>
  );
}
