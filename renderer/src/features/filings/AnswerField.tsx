import { Group, MultiSelect, SegmentedControl, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FilingFields } from '../../../../shared/schemas/filings';
import { DateField } from '../../components/DateField';
import { stateFilter, useStateOptions } from '../../components/useStateOptions';
import conventionArticles from '../../../../resources/filing-rules/convention-articles.json';
import { ListField, TextAnswer, type Path } from './ListField';
import { fieldId, type FieldSpec } from './steps';

export interface Option {
  value: string;
  label: string;
}

export interface CaseOptions {
  people: Option[];
  organisations: Option[];
  incidents: Option[];
  measures: Map<string, string>;
  /** The case's protection measures (the Mexican Mechanism's and others), for the request's field. */
  mechanismMeasures: Option[];
  /** The case's communications, newest first: the one an observations filing answers. */
  communications: Option[];
}

function lastPart(path: string) {
  return path.split('.').pop() ?? path;
}

/** One structured answer of the draft, bound to the editor's form. */
export function AnswerField({
  spec,
  control,
  options,
}: {
  spec: FieldSpec;
  control: Control<FilingFields>;
  options: CaseOptions;
}) {
  const { t, i18n } = useTranslation();
  const stateOptions = useStateOptions();
  const label = t(`filings.fields.${spec.label ?? lastPart(spec.path)}`);
  const id = fieldId(spec.path);
  const name = spec.path as Path;

  if (spec.type === 'facts') return <FactsField control={control} label={label} />;
  if (spec.type === 'questions') return <QuestionsField control={control} label={label} />;
  if (spec.type === 'groups') return <GroupsField control={control} label={label} options={options} />;
  if (spec.type === 'measures') return <MeasuresField control={control} label={label} options={options} />;

  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const value = field.value as unknown;
        switch (spec.type) {
          case 'text':
            return (
              <Textarea
                id={id}
                label={label}
                value={(value as string) ?? ''}
                onChange={(e) => field.onChange(e.currentTarget.value)}
                onBlur={field.onBlur}
                autosize
                minRows={3}
                maxRows={14}
              />
            );
          case 'yesNo': {
            const current = value === true ? 'yes' : value === false ? 'no' : 'unanswered';
            return (
              <Stack gap={4}>
                <Text size="sm" fw={500} id={`${id}-label`}>
                  {label}
                </Text>
                <SegmentedControl
                  id={id}
                  aria-labelledby={`${id}-label`}
                  value={current}
                  onChange={(v) => field.onChange(v === 'yes' ? true : v === 'no' ? false : null)}
                  data={[
                    { value: 'unanswered', label: t('filings.answer.unanswered') },
                    { value: 'yes', label: t('filings.answer.yes') },
                    { value: 'no', label: t('filings.answer.no') },
                  ]}
                  style={{ alignSelf: 'flex-start' }}
                />
              </Stack>
            );
          }
          case 'bool':
            return (
              <Switch
                id={id}
                label={label}
                checked={value === true}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            );
          case 'people':
          case 'organisations':
          case 'incidents':
          case 'mechanismMeasures':
          case 'rights': {
            const data =
              spec.type === 'rights'
                ? conventionArticles.articles.map((a) => ({
                    value: a.id,
                    label: `${t('filings.article', { n: a.id })} — ${i18n.language.startsWith('es') ? a.es : a.en}`,
                  }))
                : options[spec.type];
            // Ids no longer in the case (a removed party) stay selectable so nothing vanishes unnoticed.
            const selected = (value as string[]) ?? [];
            const known = new Set(data.map((o) => o.value));
            const extra = selected
              .filter((v) => !known.has(v))
              .map((v) => ({ value: v, label: t('filings.unknownItem') }));
            return (
              <MultiSelect
                id={id}
                label={label}
                data={[...data, ...extra]}
                value={selected}
                onChange={field.onChange}
                searchable
                clearable
                nothingFoundMessage={t('filings.nothingFound')}
                comboboxProps={{ withinPortal: true }}
              />
            );
          }
          case 'date':
            return (
              <DateField
                id={id}
                label={label}
                value={(value as string | null) ?? null}
                onChange={(v) => field.onChange(v)}
                clearable
              />
            );
          case 'state':
            return (
              <Select
                id={id}
                label={label}
                data={stateOptions}
                value={(value as string) || null}
                onChange={(v) => field.onChange(v ?? '')}
                searchable
                filter={stateFilter}
              />
            );
          case 'remedyException':
            return (
              <Select
                id={id}
                label={label}
                data={(['a', 'b', 'c'] as const).map((v) => ({
                  value: v,
                  label: t(`filings.remedyException.${v}`),
                }))}
                value={(value as string | null) ?? null}
                onChange={(v) => field.onChange(v)}
                clearable
              />
            );
          case 'communication': {
            // Pre-chosen when the draft is made (its questions were copied from it); the user may pick another.
            const selected = (value as string | null) ?? null;
            const known = options.communications.some((o) => o.value === selected);
            const data =
              selected && !known
                ? [...options.communications, { value: selected, label: t('filings.unknownItem') }]
                : options.communications;
            return (
              <Select
                id={id}
                label={label}
                description={
                  selected ? t('filings.fields.communicationChosen') : t('filings.fields.communicationNone')
                }
                data={data}
                value={selected}
                onChange={(v) => field.onChange(v)}
                searchable
                clearable
                nothingFoundMessage={t('filings.nothingFound')}
                comboboxProps={{ withinPortal: true }}
              />
            );
          }
          default:
            return <></>;
        }
      }}
    />
  );
}

function FactsField({ control, label }: { control: Control<FilingFields>; label: string }) {
  const { t } = useTranslation();
  return (
    <ListField
      control={control}
      name="answers.facts"
      label={label}
      add={{
        label: t('filings.fields.factAdd'),
        item: () => ({ incidentId: null, date: null, place: '', text: '' }),
      }}
      removeLabel={(i) => t('filings.fields.factRemove', { n: i + 1 })}
    >
      {(i) => (
        <>
          <Group grow align="flex-start">
            <Controller
              control={control}
              name={`answers.facts.${i}.date` as Path}
              render={({ field }) => (
                <DateField
                  label={t('filings.fields.factDate')}
                  value={(field.value as string | null) ?? null}
                  onChange={field.onChange}
                  clearable
                />
              )}
            />
            <TextAnswer
              control={control}
              name={`answers.facts.${i}.place`}
              label={t('filings.fields.factPlace')}
            />
          </Group>
          <TextAnswer
            control={control}
            name={`answers.facts.${i}.text`}
            id={fieldId(`answers.facts.${i}.text`)}
            label={t('filings.fields.factText', { n: i + 1 })}
            minRows={2}
          />
        </>
      )}
    </ListField>
  );
}

function QuestionsField({ control, label }: { control: Control<FilingFields>; label: string }) {
  const { t } = useTranslation();
  return (
    <ListField
      control={control}
      name="answers.questions"
      label={label}
      empty={t('filings.fields.noQuestions')}
      add={{
        label: t('filings.fields.questionAdd'),
        item: () => ({ id: `q${Date.now()}`, question: '', answer: '' }),
      }}
    >
      {(i) => (
        <>
          <TextAnswer
            control={control}
            name={`answers.questions.${i}.question`}
            label={t('filings.fields.question', { n: i + 1 })}
            minRows={1}
          />
          <TextAnswer
            control={control}
            name={`answers.questions.${i}.answer`}
            id={fieldId(`answers.questions.${i}.answer`)}
            label={t('filings.fields.answer', { n: i + 1 })}
            minRows={3}
          />
        </>
      )}
    </ListField>
  );
}

function MeasuresField({
  control,
  label,
  options,
}: {
  control: Control<FilingFields>;
  label: string;
  options: CaseOptions;
}) {
  const { t } = useTranslation();
  return (
    <ListField control={control} name="answers.measures" label={label} empty={t('filings.fields.noMeasures')}>
      {(i, item) => (
        <>
          <Text size="sm">
            {options.measures.get(item.measureId as string) ?? t('filings.fields.measureN', { n: i + 1 })}
          </Text>
          <Group grow align="flex-start">
            <Controller
              control={control}
              name={`answers.measures.${i}.outcome` as Path}
              render={({ field }) => (
                <Select
                  label={t('filings.fields.outcome')}
                  data={(['implemented', 'partial', 'not_implemented', 'unknown'] as const).map((v) => ({
                    value: v,
                    label: t(`filings.outcome.${v}`),
                  }))}
                  value={field.value as string}
                  onChange={(v) => v && field.onChange(v)}
                />
              )}
            />
            <TextAnswer
              control={control}
              name={`answers.measures.${i}.comment`}
              label={t('filings.fields.comment')}
              minRows={1}
            />
          </Group>
        </>
      )}
    </ListField>
  );
}

function GroupsField({
  control,
  label,
  options,
}: {
  control: Control<FilingFields>;
  label: string;
  options: CaseOptions;
}) {
  const { t } = useTranslation();
  return (
    <ListField
      control={control}
      name="answers.groups"
      label={label}
      add={{
        label: t('filings.fields.groupAdd'),
        item: () => ({ name: '', description: '', memberIds: [] }),
      }}
      removeLabel={(i) => t('filings.fields.groupRemove', { n: i + 1 })}
    >
      {(i) => (
        <>
          <TextAnswer
            control={control}
            name={`answers.groups.${i}.name`}
            id={fieldId(`answers.groups.${i}.name`)}
            label={t('filings.fields.groupName', { n: i + 1 })}
          />
          <Controller
            control={control}
            name={`answers.groups.${i}.memberIds` as Path}
            render={({ field }) => (
              <MultiSelect
                label={t('filings.fields.groupMembers')}
                data={options.people}
                value={(field.value as string[]) ?? []}
                onChange={field.onChange}
                searchable
                comboboxProps={{ withinPortal: true }}
              />
            )}
          />
          <TextAnswer
            control={control}
            name={`answers.groups.${i}.description`}
            id={fieldId(`answers.groups.${i}.description`)}
            label={t('filings.fields.groupDescription')}
            minRows={2}
          />
        </>
      )}
    </ListField>
  );
}
