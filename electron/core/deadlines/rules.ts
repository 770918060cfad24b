// The counting rules shipped as data (resources/deadline-rules/*.json) and the check every rule passes
// before it is used, whether a preset or a user's edited copy: a rule edited into nonsense is refused
// with the field that is wrong, never half-applied.
import { z } from 'zod';
import { AmparoError, type ValidationIssue } from '../../../shared/errors';
import { DeadlineRule } from '../../../shared/schemas/deadline';
import articleFifty from '../../../resources/deadline-rules/iachr-article-50-three-months.json';
import hearingRequest from '../../../resources/deadline-rules/iachr-hearing-request.json';
import commissionNote from '../../../resources/deadline-rules/iachr-note.json';
import petitionSixMonths from '../../../resources/deadline-rules/iachr-petition-six-months.json';
import court from '../../../resources/deadline-rules/iacthr-court.json';
import courtProvisional from '../../../resources/deadline-rules/iacthr-provisional-measures.json';
import mexicoAmparo from '../../../resources/deadline-rules/mx-amparo.json';
import mexicoFederal from '../../../resources/deadline-rules/mx-federal-working-days.json';
import { holidayCalendarExists } from './calendar';

const PRESET_DATA: readonly unknown[] = [
  court,
  courtProvisional,
  commissionNote,
  petitionSixMonths,
  articleFifty,
  hearingRequest,
  mexicoFederal,
  mexicoAmparo,
];

export function validationError(message: string, issues: ValidationIssue[]): AmparoError {
  return new AmparoError('VALIDATION_FAILED', message, { issues });
}

function issuesOf(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
}

export function zodIssues(error: z.ZodError, prefix = ''): ValidationIssue[] {
  return issuesOf(error, prefix);
}

/** A rule checked field by field and against the holiday library; throws VALIDATION_FAILED otherwise. */
export function parseRule(data: unknown): DeadlineRule {
  const parsed = DeadlineRule.safeParse(data);
  if (!parsed.success) {
    const id = (data as { id?: unknown } | null)?.id;
    throw validationError(
      `The counting rule ${typeof id === 'string' ? `"${id}" ` : ''}is not valid`,
      issuesOf(parsed.error),
    );
  }
  const rule = parsed.data;
  const holidays = rule.calendar.holidays;
  if (holidays && !holidayCalendarExists(holidays.country, holidays.state))
    throw validationError(`The counting rule "${rule.id}" names a holiday calendar that does not exist`, [
      { path: 'calendar.holidays', message: 'deadline.error.country' },
    ]);
  return rule;
}

let presets: ReadonlyMap<string, DeadlineRule> | undefined;

/** The shipped presets, by id, in the order they are listed. */
export function presetRules(): ReadonlyMap<string, DeadlineRule> {
  presets ??= new Map(PRESET_DATA.map((data) => parseRule(data)).map((rule) => [rule.id, rule]));
  return presets;
}

/** The preset with this id, or VALIDATION_FAILED naming the known ones. */
export function presetRule(id: string): DeadlineRule {
  const rule = presetRules().get(id);
  if (!rule)
    throw validationError(
      `Unknown counting rule "${id}". Known rules: ${[...presetRules().keys()].join(', ')}`,
      [{ path: 'ruleId', message: 'deadline.error.unknownRule' }],
    );
  return rule;
}
