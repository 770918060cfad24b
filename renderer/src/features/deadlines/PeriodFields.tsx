import { NumberInput, Select } from '@mantine/core';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';

/** A period typed as a whole number and its unit (the deadline's own, or how often it recurs). */
export function PeriodFields<T extends FieldValues>({
  control,
  amount,
  unit,
  amountLabel,
  units,
}: {
  control: Control<T>;
  amount: FieldPath<T>;
  unit: FieldPath<T>;
  amountLabel: string;
  units: readonly string[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <Controller
        control={control}
        name={amount}
        render={({ field }) => (
          <NumberInput
            label={amountLabel}
            value={(field.value as number | null) ?? ''}
            onChange={(v) => field.onChange(typeof v === 'number' ? v : null)}
            allowDecimal={false}
            min={1}
          />
        )}
      />
      <Controller
        control={control}
        name={unit}
        render={({ field }) => (
          <Select
            label={t('deadlines.form.unit')}
            data={units.map((u) => ({ value: u, label: t(`deadlines.unit.${u}`) }))}
            value={field.value as string}
            onChange={(v) => v && field.onChange(v)}
            allowDeselect={false}
          />
        )}
      />
    </>
  );
}
