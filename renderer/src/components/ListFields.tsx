import { MultiSelect, TagsInput, type MultiSelectProps } from '@mantine/core';
import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from './fieldError';

interface ListFieldProps<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues> {
  control: Control<T, unknown, TOut>;
  name: N;
}

/** Several choices from a list (people, incidents…) bound to one form field of ids. */
export function MultiSelectField<
  T extends FieldValues,
  N extends FieldPath<T>,
  TOut extends FieldValues = T,
>({
  control,
  name,
  ...rest
}: ListFieldProps<T, N, TOut> &
  Omit<MultiSelectProps, 'value' | 'defaultValue' | 'onChange' | 'onBlur' | 'name' | 'error'> & {
    label: string;
  }) {
  const fieldError = useFieldError();
  const {
    field: { value, onChange, onBlur, ref },
    fieldState,
  } = useController({ control, name });
  return (
    <MultiSelect
      searchable
      clearable
      {...rest}
      value={value as string[]}
      onChange={onChange}
      onBlur={onBlur}
      ref={ref}
      name={name}
      error={fieldError(fieldState.error)}
    />
  );
}

/** Free tags of a record, typed one by one (the same label and help in every form). */
export function TagsField<T extends FieldValues, N extends FieldPath<T>, TOut extends FieldValues = T>({
  control,
  name,
}: ListFieldProps<T, N, TOut>) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const {
    field: { value, onChange, onBlur, ref },
    fieldState,
  } = useController({ control, name });
  return (
    <TagsInput
      label={t('tags.label')}
      description={t('tags.description')}
      value={value as string[]}
      onChange={onChange}
      onBlur={onBlur}
      ref={ref}
      name={name}
      error={fieldError(fieldState.error)}
      clearable
    />
  );
}
