import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/schemas/people';

/** A person's profile in a list row: roles as badges, then gender; withheld profiles say so. */
export function ProfileSummary({ person }: { person: Person }) {
  const { t } = useTranslation();
  if (person.profileWithheld)
    return (
      <Text size="sm" c="dimmed">
        {t('personProfile.withheldShort')}
      </Text>
    );
  const profile = person.profile;
  if (!profile || (profile.roles.length === 0 && !profile.gender))
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  const gender =
    profile.gender === 'self_described' && profile.genderDescription
      ? profile.genderDescription
      : profile.gender
        ? t(`gender.${profile.gender}`)
        : null;
  return (
    <Group gap={4} wrap="wrap" maw={360}>
      {profile.roles.map((role) => (
        <Badge key={role} variant="light" color="indigo" size="sm" tt="none">
          {role === 'other' && profile.otherRole ? profile.otherRole : t(`profileRole.${role}`)}
        </Badge>
      ))}
      {gender && (
        <Text size="sm" span>
          {gender}
        </Text>
      )}
    </Group>
  );
}
