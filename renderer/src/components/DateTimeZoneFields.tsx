import { Select, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DateFormField } from './DateField';
import { useFieldError } from './fieldError';

/** The IANA zones this runtime knows; a short list where it cannot say. */
function zones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['America/Mexico_City', 'America/New_York', 'America/Costa_Rica', 'UTC'];
  }
}

export interface DateTimeZoneFieldsProps<T extends FieldValues, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  /** The form's three fields: an ISO date, a 24-hour HH:MM time (or null) and an IANA zone. */
  names: { date: FieldPath<T>; time: FieldPath<T>; zone: FieldPath<T> };
  labels: { date: string; time: string; zone: string };
  timeHint?: string;
  /** A date the record cannot go without. */
  dateRequired?: boolean;
  /** The zone may be left empty (stored as null). */
  zoneOptional?: boolean;
}

/**
 * A local date, a time and its IANA zone, as hearings and communications record them. The zone is picked
 * from the runtime's list (searchable); a stored zone that list lacks is still offered, so it shows.
 */
export function DateTimeZoneFields<T extends FieldValues, TOut extends FieldValues = T>({
  control,
  names,
  labels,
  timeHint,
  dateRequired = false,
  zoneOptional = false,
}: DateTimeZoneFieldsProps<T, TOut>) {
  const fieldError = useFieldError();
  const known = useMemo(() => zones(), []);
  return (
    <>
      <DateFormField
        control={control}
        name={names.date}
        label={labels.date}
        {...(dateRequired ? { withAsterisk: true } : { clearable: true })}
      />
      <Controller
        control={control}
        name={names.time}
        render={({ field, fieldState }) => (
          <TextInput
            label={labels.time}
            description={timeHint}
            placeholder="HH:MM"
            value={(field.value as string | null) ?? ''}
            onChange={(e) => field.onChange(e.currentTarget.value.trim() || null)}
            onBlur={field.onBlur}
            inputMode="numeric"
            error={fieldError(fieldState.error)}
          />
        )}
      />
      <Controller
        control={control}
        name={names.zone}
        render={({ field, fieldState }) => {
          const value = (field.value as string | null) ?? null;
          return (
            <Select
              label={labels.zone}
              data={value && !known.includes(value) ? [value, ...known] : known}
              value={value}
              onChange={(v) => (v || zoneOptional) && field.onChange(v || null)}
              onBlur={field.onBlur}
              searchable
              clearable={zoneOptional}
              allowDeselect={zoneOptional}
              placeholder="America/New_York"
              error={fieldError(fieldState.error)}
            />
          );
        }}
      />
    </>
  );
}
