import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { VerificationStatus } from '../../../../shared/schemas/evidence';

const COLOR: Record<VerificationStatus, string> = {
  ok: 'green',
  damaged: 'red',
  missing: 'red',
  mismatch: 'red',
};

/** The outcome of the last integrity check, or "not checked yet". */
export function VerificationBadge({ status }: { status: VerificationStatus | null }) {
  const { t } = useTranslation();
  if (!status) {
    return (
      <Badge variant="outline" color="gray" size="sm">
        {t('evidence.verify.never')}
      </Badge>
    );
  }
  return (
    <Badge variant={status === 'ok' ? 'light' : 'filled'} color={COLOR[status]} size="sm">
      {t(`evidence.verify.badge.${status}`)}
    </Badge>
  );
}
