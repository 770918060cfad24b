import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { AmparoError } from '../../../shared/errors';

/**
 * Puts the main process's VALIDATION_FAILED issues next to the fields they name (paths like `title` or
 * `fields.title`). `prefix` is stripped from the paths, or a function maps a path to the form's field name.
 * Returns true when every issue found its field, so no general alert is needed.
 */
export function applyServerIssues<T extends FieldValues>(
  error: unknown,
  fields: readonly string[],
  setError: UseFormSetError<T>,
  prefix: string | ((path: string) => string) = '',
): boolean {
  if (!(error instanceof AmparoError) || error.code !== 'VALIDATION_FAILED' || !error.issues?.length)
    return false;
  let placed = 0;
  let first = true;
  for (const issue of error.issues) {
    const path =
      typeof prefix === 'function'
        ? prefix(issue.path)
        : prefix && issue.path.startsWith(prefix)
          ? issue.path.slice(prefix.length)
          : issue.path;
    if (!fields.includes(path)) continue;
    setError(path as Path<T>, { type: 'server', message: issue.message }, { shouldFocus: first });
    first = false;
    placed += 1;
  }
  return placed === error.issues.length;
}
