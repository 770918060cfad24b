import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../../shared/schemas/deadline-records';

const COLORS = {
  overdue: 'red',
  dueSoon: 'orange',
  open: 'blue',
  fulfilled: 'green',
  waived: 'gray',
} as const;

/** Where a deadline stands: overdue red, due soon orange, fulfilled, waived; and "verify" where the rule asks. */
export function DeadlineBadges({
  deadline,
}: {
  deadline: Pick<Deadline, 'status' | 'timeStatus' | 'verify'>;
}) {
  const { t } = useTranslation();
  const shown = deadline.status === 'open' ? deadline.timeStatus : deadline.status;
  return (
    <Group gap={4}>
      <Badge color={COLORS[shown]} variant={shown === 'open' ? 'light' : 'filled'} data-status={shown}>
        {t(`deadlines.status.${shown}`)}
      </Badge>
      {deadline.verify && (
        <Badge color="yellow" variant="outline" c="dark">
          {t('deadlines.verify')}
        </Badge>
      )}
    </Group>
  );
}
