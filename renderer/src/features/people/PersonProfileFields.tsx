import { Checkbox, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useController, useWatch, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../../components/fieldError';
import { useEnumOptions } from '../../components/options';
import { SelectField } from '../../components/SelectField';
import { CLASSIFICATIONS } from '../../../../shared/schemas/classification';
import { GENDERS, PROFILE_ROLES, type PersonProfile } from '../../../../shared/schemas/people';

/** The profile part of the person form, as its own object under `profile`. */
export interface ProfileFormValues {
  profile: PersonProfile;
}

/**
 * Roles for the Commission's differentiated approach and gender: sensitive, so classified on their own
 * (restricted by default) and never shown while confidential and not revealed.
 */
export function PersonProfileFields<T extends ProfileFormValues, TOut extends ProfileFormValues>({
  control: anyControl,
}: {
  control: Control<T, unknown, TOut>;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const control = anyControl as unknown as Control<ProfileFormValues, unknown, ProfileFormValues>;
  const roles = useEnumOptions('profileRole', PROFILE_ROLES);
  const genders = useEnumOptions('gender', GENDERS);
  const classifications = useEnumOptions('classification', CLASSIFICATIONS);
  const rolesField = useController({ control, name: 'profile.roles' });
  const otherRole = useController({ control, name: 'profile.otherRole' });
  const description = useController({ control, name: 'profile.genderDescription' });
  const [chosenRoles, gender] = useWatch({ control, name: ['profile.roles', 'profile.gender'] });
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {t('personProfile.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('personProfile.description')}
      </Text>
      <Checkbox.Group
        label={t('personProfile.roles')}
        value={rolesField.field.value}
        onChange={(value) => rolesField.field.onChange(value)}
        error={fieldError(rolesField.fieldState.error)}
      >
        <SimpleGrid cols={{ base: 1, sm: 3 }} mt="xs" spacing="xs">
          {roles.map((role) => (
            <Checkbox key={role.value} value={role.value} label={role.label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      {chosenRoles.includes('other') && (
        <TextInput
          {...otherRole.field}
          label={t('personProfile.otherRole')}
          error={fieldError(otherRole.fieldState.error)}
          maxLength={100}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <SelectField
          control={control}
          name="profile.gender"
          label={t('personProfile.gender')}
          data={genders}
          required={false}
          placeholder={t('personProfile.genderUnset')}
        />
        <SelectField
          control={control}
          name="profile.classification"
          label={t('personProfile.classification')}
          data={classifications}
        />
      </SimpleGrid>
      {gender === 'self_described' && (
        <TextInput
          {...description.field}
          label={t('personProfile.genderDescription')}
          error={fieldError(description.fieldState.error)}
          maxLength={100}
        />
      )}
    </Stack>
  );
}
