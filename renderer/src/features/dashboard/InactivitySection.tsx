import { Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { formatIsoDate } from '../../app/format';
import { PlaceLink } from './links';

/** Cases left without a sent communication for longer than their type allows (Settings sets the months). */
export function InactivitySection({
  inactivity,
  onOpenCase,
  onOpenSettings,
}: {
  inactivity: Dashboard['inactivity'];
  onOpenCase: (matterId: string) => void;
  onOpenSettings: () => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Stack
      gap="xs"
      component="section"
      aria-labelledby="dashboard-inactivity-title"
      data-testid="dashboard-inactivity"
    >
      <Group gap="xs">
        <Title order={3} size="h4" id="dashboard-inactivity-title">
          {t('dashboard.inactivity.title')}
        </Title>
        <Badge variant="light" color={inactivity.total > 0 ? 'orange' : 'gray'}>
          {inactivity.total}
        </Badge>
      </Group>
      {inactivity.items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('dashboard.inactivity.empty')}{' '}
          <PlaceLink onClick={onOpenSettings}>{t('dashboard.inactivity.settings')}</PlaceLink>
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('dashboard.columns.case')}</Table.Th>
                <Table.Th>{t('dashboard.inactivity.type')}</Table.Th>
                <Table.Th>{t('dashboard.inactivity.lastSent')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inactivity.items.map((a) => (
                <Table.Tr key={a.matterId}>
                  <Table.Td>
                    <PlaceLink onClick={() => onOpenCase(a.matterId)}>
                      {a.reference || t('dashboard.noReference')}
                    </PlaceLink>
                    {a.matterTitle && (
                      <Text size="xs" c="dimmed" lineClamp={1}>
                        {a.matterTitle}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{t(`matterType.${a.matterType}`)}</Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">
                      {a.lastSentOn
                        ? t('dashboard.inactivity.since', {
                            date: formatIsoDate(a.lastSentOn, language),
                            count: a.months,
                          })
                        : t('dashboard.inactivity.never', {
                            date: formatIsoDate(a.since, language),
                            count: a.months,
                          })}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
