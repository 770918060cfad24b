import { DateInput, type DateInputProps } from '@mantine/dates';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { dateInputFormat, parseTypedDate } from '../app/dates';
import { useCalendarLabels } from './calendarLabels';
import { useFieldError } from './fieldError';

export interface DateFieldProps extends Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'valueFormat' | 'dateParser'
> {
  /** ISO YYYY-MM-DD, or '' / null for none. */
  value: string | null;
  onChange: (value: string | null) => void;
  /**
   * Told whether the typed text is not a date (e.g. 31/02/2023). With it, such text stays in the box (not
   * silently reverted on blur), so the caller can refuse to go on until it is fixed.
   */
  onTypedInvalid?: (invalid: boolean) => void;
}

/**
 * A date typed or picked in the UI language's order (dd/mm/aaaa in Spanish), always given back as ISO
 * YYYY-MM-DD. Every date the user enters goes through this.
 */
export function DateField({ value, onChange, onTypedInvalid, placeholder, ...rest }: DateFieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const ariaLabels = useCalendarLabels();
  return (
    <DateInput
      ariaLabels={ariaLabels}
      // Weekends in red and the neighbouring months' days in grey fail contrast; neither is needed here.
      weekendDays={[]}
      hideOutsideDates
      {...rest}
      value={value || null}
      onChange={(picked) => {
        if (picked) onTypedInvalid?.(false);
        onChange(picked || null);
      }}
      valueFormat={dateInputFormat(language)}
      dateParser={(text) => {
        const parsed = parseTypedDate(text, language);
        onTypedInvalid?.(text.trim() !== '' && parsed === null);
        return parsed;
      }}
      {...(onTypedInvalid ? { fixOnBlur: false } : {})}
      placeholder={placeholder ?? t('dates.placeholder')}
      popoverProps={{ withinPortal: true, transitionProps: { duration: 0 }, ...rest.popoverProps }}
    />
  );
}

export interface DateFormFieldProps<
  T extends FieldValues,
  N extends FieldPath<T>,
  TOut extends FieldValues = T,
> extends Omit<DateFieldProps, 'value' | 'onChange' | 'name'> {
  control: Control<T, unknown, TOut>;
  name: N;
  /** What an empty optional field stores: '' or null. */
  emptyAs?: '' | null;
}

/** A DateField bound to one react-hook-form field, with its error translated. */
export function DateFormField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  emptyAs = null,
  error,
  ...rest
}: DateFormFieldProps<T, N, TOut>) {
  const fieldError = useFieldError();
  const {
    field: { value, onChange, onBlur, ref },
    fieldState,
  } = useController({ control, name });
  return (
    <DateField
      {...rest}
      value={(value as string | null | undefined) ?? null}
      onChange={(next) => onChange(next ?? emptyAs)}
      onBlur={onBlur}
      ref={ref}
      name={name}
      error={error ?? fieldError(fieldState.error)}
    />
  );
}
