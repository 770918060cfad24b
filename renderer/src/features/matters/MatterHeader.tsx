import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { useLoad } from '../../components/useLoad';
import { useStateName } from '../../components/useStateOptions';
import type { Matter } from '../../../../shared/schemas/matter';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { formatIsoDate } from '../../app/format';

/** One labelled fact of the header: small label above, the value as the thing to read. */
function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Stack gap={0} miw={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm" fw={500} className="amparo-wrap-anywhere">
        {children}
      </Text>
    </Stack>
  );
}

/**
 * What a lawyer looks for first in a case: its title, status, reference, forum, who the beneficiaries are
 * (by pseudonym) and the dates that matter. `refreshKey` reloads the people and dates (e.g. per tab).
 */
export const MatterHeader = forwardRef<HTMLHeadingElement, { matter: Matter; refreshKey: unknown }>(
  function MatterHeader({ matter, refreshKey }, titleRef) {
    const { t, i18n } = useTranslation();
    const language = i18n.language;
    const stateName = useStateName();
    const parties = useLoad(() => client.parties.list({ matterId: matter.id }), [matter.id, refreshKey]);
    const history = useLoad(
      () => client.matters.statusHistory({ matterId: matter.id }),
      [matter.id, matter.revision, refreshKey],
    );
    const beneficiaries = (parties.data ?? [])
      .filter((party) => party.role === 'beneficiary')
      .map((party) => party.displayName);
    const lastChange = history.data?.at(-1);
    const archived = matter.archivedAt !== null;
    return (
      <Stack gap="xs" miw={0} flex={1} data-testid="matter-header">
        <Title order={2} ref={titleRef} tabIndex={-1} className="amparo-wrap-anywhere">
          {matter.title}
        </Title>
        <Group gap="xs">
          <Badge variant="filled" size="lg" tt="none">
            {t(`matterStatus.${matter.status}`)}
          </Badge>
          <ClassificationBadge value={matter.classification} />
          {archived && (
            <Badge variant="outline" color="gray">
              {t('matters.view.archivedBadge')}
            </Badge>
          )}
        </Group>
        <SimpleGrid cols={{ base: 2, lg: 5 }} spacing="md" verticalSpacing="xs" maw={1100}>
          <Fact label={t('matters.fields.reference')}>{matter.reference || t('matters.view.none')}</Fact>
          <Fact label={t('matters.fields.forum')}>{t(`forum.${matter.forum}`)}</Fact>
          <Fact label={t('matterState.label')}>{stateName(matter.state)}</Fact>
          <Fact label={t('matterHeader.beneficiaries')}>
            {beneficiaries.length > 0 ? beneficiaries.join(', ') : t('matterHeader.noBeneficiaries')}
          </Fact>
          <Fact label={t('matterHeader.dates')}>
            {t('matterHeader.openedOn', { date: formatIsoDate(matter.openedOn, language) })}
            {lastChange && (lastChange.fromStatus !== null || lastChange.changedOn !== matter.openedOn) && (
              <>
                <br />
                {t('matterHeader.statusSince', {
                  status: t(`matterStatus.${lastChange.toStatus}`),
                  date: formatIsoDate(lastChange.changedOn, language),
                })}
              </>
            )}
          </Fact>
        </SimpleGrid>
      </Stack>
    );
  },
);
