import { useState } from 'react';
import type { FieldValues, UseFormSetError } from 'react-hook-form';
import { applyServerIssues } from './serverIssues';

interface SaveOptions<T extends FieldValues> {
  /** The form's setError: the main process's VALIDATION_FAILED issues go next to these fields. */
  setFieldError: UseFormSetError<T>;
  fields: readonly string[];
  /** How the main process names the fields (`fields.` in updates), or a function from its path to a field. */
  prefix?: string | ((path: string) => string);
}

/**
 * The submit handler of a form that saves through the main process: field issues go to their fields,
 * anything else (a CONFLICT, a locked vault…) becomes `error` for the form's alert. Whatever happens, the
 * form keeps what the user typed.
 */
export function useSave<T extends FieldValues, TOut>(
  { setFieldError, fields, prefix = '' }: SaveOptions<T>,
  save: (values: TOut) => Promise<void>,
): { error: unknown; setError: (error: unknown) => void; submit: (values: TOut) => Promise<void> } {
  const [error, setError] = useState<unknown>(null);
  const submit = async (values: TOut) => {
    setError(null);
    try {
      await save(values);
    } catch (err) {
      if (!applyServerIssues(err, fields, setFieldError, prefix)) setError(err);
    }
  };
  return { error, setError, submit };
}
