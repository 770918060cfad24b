import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeasureStatus } from '../../../../shared/schemas/protection-measures';
import { STATUS_COLOR } from './labels';

/** A measure's status, in words and colour (failing stands out). */
export function MeasureStatusBadge({ status }: { status: MeasureStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLOR[status]} variant={status === 'failing' ? 'filled' : 'light'} tt="none">
      {t(`measureStatus.${status}`)}
    </Badge>
  );
}
