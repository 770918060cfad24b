import { Button, Checkbox, Group, Paper, Select, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PARTY_ROLES } from '../../../../../shared/schemas/parties';
import {
  SaveProfileInput,
  type PersonPrint,
  type RedactionProfile,
} from '../../../../../shared/schemas/filings';
import type { z } from 'zod';
import { CaseRules } from './CaseRules';

const PRINTS: PersonPrint[] = ['pseudonym', 'name', 'omit'];
const FLAGS = [
  'petitionerIdentityWithheld',
  'excludeConfidentialIncidents',
  'excludeConfidentialNotes',
  'excludeConfidentialExhibits',
  'exhibitIndex',
] as const;

/**
 * Edits a profile's name and rules, or makes a new one from a base (its rules copied). Everyone is printed
 * by the general rule unless their role says otherwise; rules for single people and single records are
 * kept as they were.
 */
export function ProfileForm({
  matterId,
  profile,
  base,
  onSaved,
  onCancel,
}: {
  /** The case the profiles were opened from: its people, incidents and exhibits get rules of their own. */
  matterId: string;
  /** The profile edited; null for a new one. */
  profile: RedactionProfile | null;
  /** For a new profile, the one it is copied from. */
  base: RedactionProfile | null;
  onSaved: (saved: RedactionProfile) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const from = profile ?? base;
  const form = useForm<z.input<typeof SaveProfileInput>, unknown, z.output<typeof SaveProfileInput>>({
    resolver: zodResolver(SaveProfileInput),
    defaultValues: profile
      ? {
          id: profile.id,
          revision: profile.revision,
          name: profile.name,
          base: profile.base,
          rules: profile.rules,
        }
      : {
          name: base ? t('filingProfiles.form.copyName', { name: base.name }) : '',
          base: base?.base ?? null,
          rules: from?.rules,
        },
  });
  const { register, control, handleSubmit, formState } = form;
  const [error, setError] = useState<unknown>(null);
  const printOptions = PRINTS.map((p) => ({ value: p, label: t(`filingProfiles.print.${p}`) }));

  const submit = handleSubmit(async (values) => {
    setError(null);
    try {
      onSaved(await client.filingProfiles.save(values));
    } catch (err) {
      setError(err);
    }
  });

  return (
    <Paper
      withBorder
      p="sm"
      component="form"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="profile-form-title"
    >
      <Stack gap="sm">
        <Title order={4} id="profile-form-title">
          {profile ? t('filingProfiles.form.editTitle') : t('filingProfiles.form.newTitle')}
        </Title>
        <TextInput
          label={t('filingProfiles.form.name')}
          {...register('name')}
          error={formState.errors.name?.message ? t(formState.errors.name.message) : undefined}
          data-autofocus
        />
        <Controller
          control={control}
          name="rules.people"
          render={({ field }) => (
            <Select
              label={t('filingProfiles.form.people')}
              description={t('filingProfiles.form.peopleHint')}
              data={printOptions}
              value={field.value}
              onChange={(v) => v && field.onChange(v)}
              allowDeselect={false}
            />
          )}
        />
        <Title order={5}>{t('filingProfiles.form.byRole')}</Title>
        <Controller
          control={control}
          name="rules.byRole"
          render={({ field }) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {PARTY_ROLES.map((role) => (
                <Select
                  key={role}
                  label={t(`partyRole.${role}`)}
                  data={[{ value: 'inherit', label: t('filingProfiles.print.inherit') }, ...printOptions]}
                  value={field.value?.[role] ?? 'inherit'}
                  allowDeselect={false}
                  onChange={(v) => {
                    const next = { ...field.value };
                    if (!v || v === 'inherit') delete next[role];
                    else next[role] = v as PersonPrint;
                    field.onChange(next);
                  }}
                />
              ))}
            </SimpleGrid>
          )}
        />
        <CaseRules matterId={matterId} control={control} printOptions={printOptions} />
        <Title order={5}>{t('filingProfiles.form.leftOut')}</Title>
        {FLAGS.map((flag) => (
          <Controller
            key={flag}
            control={control}
            name={`rules.${flag}`}
            render={({ field }) => (
              <Checkbox
                label={t(`filingProfiles.flag.${flag}`)}
                checked={field.value}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
        ))}
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {t('filingProfiles.form.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
