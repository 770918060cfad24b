import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DueMoment } from '../../../../shared/schemas/dashboard';
import { formatIsoDate } from '../../app/format';

/** "16 mar 2026, 24:00 (America/Costa_Rica)" and, when the user's clock reads it otherwise, their time too. */
export function DueText({ due }: { due: DueMoment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Text size="sm" component="span">
      {t('dashboard.due', { date: formatIsoDate(due.date, language), time: due.endTime, zone: due.zone })}
      {due.inUserZone && (
        <Text size="xs" c="dimmed" component="span" display="block">
          {t('dashboard.dueYourTime', {
            date: formatIsoDate(due.inUserZone.date, language),
            time: due.inUserZone.time,
            zone: due.inUserZone.zone,
          })}
        </Text>
      )}
    </Text>
  );
}
