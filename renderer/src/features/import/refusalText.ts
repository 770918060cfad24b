import type { TFunction } from 'i18next';
import type { RowProblem } from '../../../../shared/schemas/import';

/** One reason a row is refused, in the user's language (a protected value is never part of it). */
export function refusalText(t: TFunction, problem: RowProblem): string {
  const key =
    problem.value === null && problem.code === 'impossibleDate' ? 'impossibleDateHidden' : problem.code;
  return t(`import.reason.${key}`, {
    field: t(`import.field.${problem.field}`),
    value: problem.value ?? '',
    row: problem.otherRow ?? '',
    max: problem.max ?? '',
    interpolation: { escapeValue: false },
  });
}
