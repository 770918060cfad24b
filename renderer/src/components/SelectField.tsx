import { Select, type SelectProps } from '@mantine/core';
import {
  useController,
  type Control,
  type FieldPath,
  type FieldPathValue,
  type FieldValues,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CLASSIFICATIONS } from '../../../shared/schemas/classification';
import { useFieldError } from './fieldError';
import { useEnumOptions } from './options';

export interface SelectFieldProps<
  T extends FieldValues,
  N extends FieldPath<T>,
  TOut extends FieldValues = T,
> extends Omit<SelectProps, 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'name' | 'required'> {
  control: Control<T, unknown, TOut>;
  name: N;
  label: string;
  /**
   * A choice is required (the default): it cannot be cleared and the label shows an asterisk. An optional
   * select stores `clearsTo` when cleared.
   */
  required?: boolean;
  clearsTo?: 'null' | 'undefined';
  /** Called after the user picks a value, with the value it replaced. */
  onPicked?: (value: FieldPathValue<T, N>, previous: FieldPathValue<T, N>) => void;
}

/** A Mantine select bound to one form field, with its error translated. */
export function SelectField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
  required = true,
  clearsTo = 'null',
  onPicked,
  error,
  withAsterisk,
  ...rest
}: SelectFieldProps<T, N, TOut>) {
  const fieldError = useFieldError();
  const {
    field: { value, onChange, onBlur, ref },
    fieldState,
  } = useController({ control, name });
  return (
    <Select
      {...rest}
      value={(value as string | null | undefined) ?? null}
      onChange={(picked) => {
        if (picked === null && required) return;
        const previous = value;
        const next = (picked ?? (clearsTo === 'null' ? null : undefined)) as FieldPathValue<T, N>;
        onChange(next);
        onPicked?.(next, previous);
      }}
      onBlur={onBlur}
      ref={ref}
      name={name}
      error={error ?? fieldError(fieldState.error)}
      allowDeselect={!required}
      withAsterisk={withAsterisk ?? required}
    />
  );
}

type ClassificationFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> = Pick<
  SelectFieldProps<T, N, TOut>,
  'control' | 'name'
> & {
  /** Show the line that explains what "confidential" does (default). */
  withDescription?: boolean;
};

/** The classification of a record (public, restricted, confidential…), the same in every form. */
export function ClassificationField<
  T extends FieldValues,
  N extends FieldPath<T>,
  TOut extends FieldValues = T,
>({ control, name, withDescription = true }: ClassificationFieldProps<T, N, TOut>) {
  const { t } = useTranslation();
  const classifications = useEnumOptions('classification', CLASSIFICATIONS);
  return (
    <SelectField
      control={control}
      name={name}
      label={t('classification.label')}
      description={withDescription ? t('classification.description') : undefined}
      data={classifications}
    />
  );
}
