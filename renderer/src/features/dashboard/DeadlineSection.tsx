import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardDeadline } from '../../../../shared/schemas/dashboard';
import { BasisDisclosure } from './BasisDisclosure';
import { DueText } from './DueText';
import { PlaceLink } from './links';

export interface DeadlineOpeners {
  onOpenCase: (matterId: string) => void;
  onOpenDeadline: (matterId: string, deadlineId: string) => void;
  onOpenCommunication: (matterId: string, communicationId: string) => void;
}

const STATUS_COLOR = { overdue: 'red', dueSoon: 'orange', open: 'blue' } as const;

/** One section of the dashboard: a titled table of deadlines, or what to do when there are none. */
export function DeadlineSection({
  id,
  title,
  empty,
  items,
  total,
  openers,
}: {
  id: string;
  title: string;
  empty: string;
  items: DashboardDeadline[];
  total: number;
  openers: DeadlineOpeners;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby={`${id}-title`} data-testid={id}>
      <Group gap="xs">
        <Title order={3} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        <Badge variant="light" color={total > 0 && id === 'dashboard-overdue' ? 'red' : 'gray'}>
          {total}
        </Badge>
      </Group>
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.columns.case')}</Table.Th>
                <Table.Th>{t('dashboard.columns.deadline')}</Table.Th>
                <Table.Th>{t('dashboard.columns.due')}</Table.Th>
                <Table.Th>{t('dashboard.columns.source')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item) => (
                <Table.Tr key={item.deadlineId}>
                  <Table.Td>
                    <PlaceLink onClick={() => openers.onOpenCase(item.matterId)}>
                      {item.reference || t('dashboard.noReference')}
                    </PlaceLink>
                    {item.matterTitle && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {item.matterTitle}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <PlaceLink onClick={() => openers.onOpenDeadline(item.matterId, item.deadlineId)}>
                      {item.title ?? t('dashboard.confidential')}
                    </PlaceLink>
                    {item.timeStatus && item.timeStatus !== 'open' && (
                      <Badge ml="xs" size="xs" variant="light" color={STATUS_COLOR[item.timeStatus]}>
                        {t(`dashboard.timeStatus.${item.timeStatus}`)}
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <DueText due={item.due} />
                    {item.title !== null && (
                      <BasisDisclosure deadlineId={item.deadlineId} title={item.title} />
                    )}
                  </Table.Td>
                  <Table.Td>
                    {item.communication ? (
                      <PlaceLink
                        onClick={() => openers.onOpenCommunication(item.matterId, item.communication!.id)}
                      >
                        {item.communication.subject ?? t('dashboard.confidentialCommunication')}
                      </PlaceLink>
                    ) : (
                      <Text size="sm" c="dimmed">
                        —
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > items.length && (
        <Text size="xs" c="dimmed">
          {t('dashboard.more', { shown: items.length, total })}
        </Text>
      )}
    </Stack>
  );
}
