import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../app/format';
import type { Deadline } from '../../../../shared/schemas/deadline-records';

/** The due moment in the forum's zone, and in the user's own zone when it reads differently. */
export function DueMoment({ deadline }: { deadline: Pick<Deadline, 'due' | 'inUserZone'> }) {
  const { t, i18n } = useTranslation();
  const { due, inUserZone } = deadline;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={600}>
        {t('deadlines.dueForum', {
          date: formatIsoDate(due.date, i18n.language),
          time: due.endTime,
          zone: due.zone,
        })}
      </Text>
      {inUserZone && (
        <Text size="xs" c="dimmed">
          {t('deadlines.dueUser', {
            date: formatIsoDate(inUserZone.date, i18n.language),
            time: inUserZone.time,
            zone: inUserZone.zone,
          })}
        </Text>
      )}
    </Stack>
  );
}
