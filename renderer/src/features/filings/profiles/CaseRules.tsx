import { MultiSelect, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../../api/client';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useLoad } from '../../../components/useLoad';
import type { PersonPrint, SaveProfileInput } from '../../../../../shared/schemas/filings';

type Form = z.input<typeof SaveProfileInput>;

/**
 * The rules a profile keeps for single people, incidents and exhibits, shown for the case at hand: a
 * profile serves every case, so entries for other cases' records are kept untouched.
 */
export function CaseRules({
  matterId,
  control,
  printOptions,
}: {
  matterId: string;
  control: Control<Form, unknown, z.output<typeof SaveProfileInput>>;
  printOptions: Array<{ value: string; label: string }>;
}) {
  const { t } = useTranslation();
  const data = useLoad(async () => {
    const [parties, incidents, evidence] = await Promise.all([
      client.parties.list({ matterId }),
      client.incidents.list({ matterId }),
      client.evidence.list({ matterId }),
    ]);
    const people = new Map<string, string>();
    for (const p of parties) if (p.personId) people.set(p.personId, p.displayName);
    return {
      people: [...people].map(([id, name]) => ({ id, name })),
      incidents: incidents.items.map((i) => ({ value: i.id, label: `${i.occurredOn} — ${i.title}` })),
      evidence: evidence.items.map((e) => ({ value: e.id, label: e.title })),
    };
  }, [matterId]);
  if (!data.data) return <ErrorAlert error={data.error} />;
  const { people, incidents, evidence } = data.data;
  const inCase = (ids: string[], options: Array<{ value: string }>) =>
    ids.filter((id) => options.some((o) => o.value === id));
  const merge = (all: string[], options: Array<{ value: string }>, chosen: string[]) => [
    ...all.filter((id) => !options.some((o) => o.value === id)),
    ...chosen,
  ];

  return (
    <Stack gap="sm" data-testid="profile-case-rules">
      <Title order={5}>{t('filingProfiles.case.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('filingProfiles.case.hint')}
      </Text>
      {people.length > 0 && (
        <Controller
          control={control}
          name="rules.byPerson"
          render={({ field }) => (
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {people.map((person) => (
                <Select
                  key={person.id}
                  label={t('filingProfiles.case.person', { name: person.name })}
                  data={[{ value: 'inherit', label: t('filingProfiles.print.byRole') }, ...printOptions]}
                  value={field.value[person.id] ?? 'inherit'}
                  allowDeselect={false}
                  onChange={(v) => {
                    const next = { ...field.value };
                    if (!v || v === 'inherit') delete next[person.id];
                    else next[person.id] = v as PersonPrint;
                    field.onChange(next);
                  }}
                />
              ))}
            </SimpleGrid>
          )}
        />
      )}
      <Controller
        control={control}
        name="rules.excludedIncidentIds"
        render={({ field }) => (
          <MultiSelect
            label={t('filingProfiles.case.incidents')}
            placeholder={incidents.length === 0 ? t('filingProfiles.case.noIncidents') : undefined}
            data={incidents}
            value={inCase(field.value, incidents)}
            onChange={(chosen) => field.onChange(merge(field.value, incidents, chosen))}
            disabled={incidents.length === 0}
            searchable
          />
        )}
      />
      <Controller
        control={control}
        name="rules.excludedEvidenceIds"
        render={({ field }) => (
          <MultiSelect
            label={t('filingProfiles.case.exhibits')}
            placeholder={evidence.length === 0 ? t('filingProfiles.case.noExhibits') : undefined}
            data={evidence}
            value={inCase(field.value, evidence)}
            onChange={(chosen) => field.onChange(merge(field.value, evidence, chosen))}
            disabled={evidence.length === 0}
            searchable
          />
        )}
      />
    </Stack>
  );
}
