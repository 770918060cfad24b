import { Alert, Button, Group, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ReasonModal } from './ReasonModal';

interface HiddenConfidentialNoticeProps {
  count: number;
  /** The count was capped: "at least N" (search counts hidden matches of very common words up to a cap). */
  atLeast?: boolean;
  /** Reveals this matter's confidential incidents and notes; without it, confidential cases and people in lists. */
  matterId?: string;
  onRevealed: () => void;
}

/** "N confidential items hidden — Reveal": asks for a reason, reveals for a while (logged), then reloads. */
export function HiddenConfidentialNotice({
  count,
  atLeast = false,
  matterId,
  onRevealed,
}: HiddenConfidentialNoticeProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (count <= 0) return null;
  return (
    <Alert color="gray" variant="light" className="amparo-no-print">
      <Group justify="space-between" gap="sm">
        <Text size="sm" role="status">
          {t(atLeast ? 'confidential.hiddenAtLeast' : 'confidential.hidden', { count })}
        </Text>
        <Button size="xs" variant="default" onClick={() => setAsking(true)}>
          {t('confidential.reveal')}
        </Button>
      </Group>
      <ReasonModal
        opened={asking}
        title={t('confidential.revealTitle')}
        description={
          matterId ? t('confidential.revealMatterDescription') : t('confidential.revealListsDescription')
        }
        confirmLabel={t('confidential.reveal')}
        onClose={() => setAsking(false)}
        onConfirm={async (reason) => {
          await client.confidential.reveal(matterId ? { matterId, reason } : { reason });
          setAsking(false);
          onRevealed();
        }}
      />
    </Alert>
  );
}
