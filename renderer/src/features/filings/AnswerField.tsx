import { Group, MultiSelect, SegmentedControl, Select, Stack, Switch, Text, Textarea } from '@mantine/core';
import { Controller, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { FilingFields } from '../../../../shared/schemas/filings';
import { DateField } from '../../components/DateField';
import { stateFilter, useStateOptions } from '../../components/useStateOptions';
import conventionArticles from '../../../../resources/filing-rules/convention-articles.json';
import { ListField, type Path } from './ListField';
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

  const List = LIST_FIELDS[spec.type as keyof typeof LIST_FIELDS];
  if (List) return <List control={control} label={label} options={options} />;

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

interface ListProps {
  control: Control<FilingFields>;
  label: string;
  options: CaseOptions;
}

function FactsField({ control, label }: ListProps) {
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
      {({ index, path, text }) => (
        <>
          <Group grow align="flex-start">
            <Controller
              control={control}
              name={path('date')}
              render={({ field }) => (
                <DateField
                  label={t('filings.fields.factDate')}
                  value={(field.value as string | null) ?? null}
                  onChange={field.onChange}
                  clearable
                />
              )}
            />
            {text('place', t('filings.fields.factPlace'))}
          </Group>
          {text('text', t('filings.fields.factText', { n: index + 1 }), { minRows: 2, anchor: true })}
        </>
      )}
    </ListField>
  );
}

function QuestionsField({ control, label }: ListProps) {
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
      {({ index, text }) => (
        <>
          {text('question', t('filings.fields.question', { n: index + 1 }), { minRows: 1 })}
          {text('answer', t('filings.fields.answer', { n: index + 1 }), { minRows: 3, anchor: true })}
        </>
      )}
    </ListField>
  );
}

function MeasuresField({ control, label, options }: ListProps) {
  const { t } = useTranslation();
  return (
    <ListField control={control} name="answers.measures" label={label} empty={t('filings.fields.noMeasures')}>
      {({ index, value, path, text }) => (
        <>
          <Text size="sm">
            {options.measures.get(value.measureId as string) ??
              t('filings.fields.measureN', { n: index + 1 })}
          </Text>
          <Group grow align="flex-start">
            <Controller
              control={control}
              name={path('outcome')}
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
            {text('comment', t('filings.fields.comment'), { minRows: 1 })}
          </Group>
        </>
      )}
    </ListField>
  );
}

function GroupsField({ control, label, options }: ListProps) {
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
      {({ index, path, text }) => (
        <>
          {text('name', t('filings.fields.groupName', { n: index + 1 }), { anchor: true })}
          <Controller
            control={control}
            name={path('memberIds')}
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
          {text('description', t('filings.fields.groupDescription'), { minRows: 2, anchor: true })}
        </>
      )}
    </ListField>
  );
}

/** The answers that are lists of items, by field type. */
const LIST_FIELDS = {
  facts: FactsField,
  questions: QuestionsField,
  groups: GroupsField,
  measures: MeasuresField,
};
