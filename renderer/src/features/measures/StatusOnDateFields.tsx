import { SimpleGrid } from '@mantine/core';
import type { Control, FieldPath, FieldValues } from 'react-hook-form';
import { DateFormField } from '../../components/DateField';
import { useEnumOptions } from '../../components/options';
import { SelectField } from '../../components/SelectField';
import { MEASURE_STATUSES } from '../../../../shared/schemas/protection-measures';

/** A measure's status and the day it took it: the first one of a new measure, or the next of its history. */
export function StatusOnDateFields<T extends FieldValues, TOut extends FieldValues>({
  control,
  status,
  onDate,
  statusLabel,
  onDateLabel,
}: {
  control: Control<T, unknown, TOut>;
  status: FieldPath<T>;
  onDate: FieldPath<T>;
  statusLabel: string;
  onDateLabel: string;
}) {
  const statuses = useEnumOptions('measureStatus', MEASURE_STATUSES);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <SelectField control={control} name={status} label={statusLabel} data={statuses} />
      <DateFormField control={control} name={onDate} emptyAs="" label={onDateLabel} withAsterisk />
    </SimpleGrid>
  );
}
