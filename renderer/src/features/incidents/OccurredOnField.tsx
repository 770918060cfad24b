import { Select, SimpleGrid } from '@mantine/core';
import { MonthPickerInput, YearPickerInput } from '@mantine/dates';
import type { z } from 'zod';
import { useController, type Control } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCalendarLabels } from '../../components/calendarLabels';
import { DateField } from '../../components/DateField';
import { useFieldError } from '../../components/fieldError';
import { useEnumOptions } from '../../components/options';
import {
  DATE_PRECISIONS,
  DATE_QUALIFIERS,
  type DatePrecision,
  type DateQualifier,
  type IncidentFields,
} from '../../../../shared/schemas/incidents';

type Control_ = Control<z.input<typeof IncidentFields>, unknown, IncidentFields>;

/**
 * When a fact happened, as precisely as it is known: a day, a month or a year, exact, approximate
 * ("around") or the start of something ongoing ("since").
 */
export function OccurredOnField({ control }: { control: Control_ }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const precisions = useEnumOptions('incidents.precision', DATE_PRECISIONS);
  const qualifiers = useEnumOptions('incidents.qualifier', DATE_QUALIFIERS);
  const date = useController({ control, name: 'occurredOn' });
  const precision = useController({ control, name: 'occurredPrecision' });
  const qualifier = useController({ control, name: 'occurredQualifier' });
  const ariaLabels = useCalendarLabels();
  const level = (precision.field.value ?? 'day') as DatePrecision;
  const common = {
    label: t('incidents.fields.occurredOn'),
    withAsterisk: true,
    error: fieldError(date.fieldState.error),
    onBlur: date.field.onBlur,
  };
  const picker = { ...common, ariaLabels };
  const setDate = (value: string | null) => date.field.onChange(value ?? '');
  return (
    <SimpleGrid cols={{ base: 1, sm: 3 }} role="group" aria-label={t('incidents.fields.when')}>
      {level === 'day' && <DateField {...common} value={date.field.value} onChange={setDate} />}
      {level === 'month' && (
        <MonthPickerInput
          {...picker}
          value={date.field.value || null}
          onChange={setDate}
          valueFormat="MMMM [de] YYYY"
          popoverProps={{ withinPortal: true, transitionProps: { duration: 0 } }}
        />
      )}
      {level === 'year' && (
        <YearPickerInput
          {...picker}
          value={date.field.value || null}
          onChange={setDate}
          valueFormat="YYYY"
          popoverProps={{ withinPortal: true, transitionProps: { duration: 0 } }}
        />
      )}
      <Select
        label={t('incidents.fields.precision')}
        data={precisions}
        value={level}
        allowDeselect={false}
        onChange={(value) => value && precision.field.onChange(value as DatePrecision)}
      />
      <Select
        label={t('incidents.fields.qualifier')}
        data={qualifiers}
        value={(qualifier.field.value ?? 'exact') as DateQualifier}
        allowDeselect={false}
        onChange={(value) => value && qualifier.field.onChange(value as DateQualifier)}
      />
    </SimpleGrid>
  );
}
