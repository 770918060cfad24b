// The completeness panel: the rules of resources/filing-rules/<kind>.json applied to a draft. Each element is
// met, missing or weak (present but thinner than the rule's minimum), with the field path that fixes it.
import {
  CompletenessRuleSet,
  type CompletenessElement,
  type CompletenessReport,
  type CompletenessRule,
  type Filing,
  type FilingKind,
} from '../../../shared/schemas/filings';
import precautionary from '../../../resources/filing-rules/precautionary_request.json';
import petition from '../../../resources/filing-rules/petition.json';
import observations from '../../../resources/filing-rules/observations.json';
import { computeDeadline, renderBasis, timeStatus } from '../deadlines';

const RULES: Record<FilingKind, CompletenessRuleSet> = {
  precautionary_request: CompletenessRuleSet.parse(precautionary),
  petition: CompletenessRuleSet.parse(petition),
  observations: CompletenessRuleSet.parse(observations),
};

export const ruleSet = (kind: FilingKind): CompletenessRuleSet => RULES[kind];

/** The value at a dotted path of the draft ('answers.consent.obtained'). */
export function valueAt(draft: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as never)[k] : undefined), draft);
}

const textLength = (v: unknown): number => (typeof v === 'string' ? v.trim().length : 0);
const filled = (v: unknown): boolean =>
  v !== null &&
  v !== undefined &&
  (typeof v !== 'string' || v.trim() !== '') &&
  (!Array.isArray(v) || v.length > 0);

type Outcome = Pick<CompletenessElement, 'state' | 'reason' | 'detail'>;
const met: Outcome = { state: 'met', reason: null };
const missing = (reason = 'filingCheck.missing'): Outcome => ({ state: 'missing', reason });

export function evaluateRule(rule: CompletenessRule, draft: unknown): Outcome | null {
  if (rule.when && valueAt(draft, rule.when.path) !== rule.when.equals) return null;
  const value = valueAt(draft, rule.path);
  switch (rule.check) {
    case 'present':
      return filled(value) ? met : missing();
    case 'nonEmpty':
      return Array.isArray(value) && value.length > 0 ? met : missing('filingCheck.empty');
    case 'textOrList':
      return filled(value) || filled(valueAt(draft, rule.altPath ?? '')) ? met : missing();
    case 'minLength': {
      const length = textLength(value);
      if (length === 0) return missing();
      return length >= (rule.min ?? 1)
        ? met
        : { state: 'weak', reason: 'filingCheck.short', detail: { length, min: rule.min ?? 1 } };
    }
    case 'answered': {
      if (value === null || value === undefined) return missing('filingCheck.unanswered');
      const needsText = rule.explainPath && (rule.explainWhen === undefined || rule.explainWhen === value);
      if (needsText && textLength(valueAt(draft, rule.explainPath!)) === 0)
        return { state: 'weak', reason: 'filingCheck.explain', detail: { field: rule.explainPath! } };
      return met;
    }
    case 'everyQuestionAnswered': {
      const questions = Array.isArray(value) ? (value as Array<{ answer?: unknown }>) : [];
      if (!questions.length) return missing('filingCheck.noQuestions');
      const unanswered = questions.filter((q) => textLength(q.answer) === 0).length;
      if (unanswered)
        return { state: 'missing', reason: 'filingCheck.unansweredQuestions', detail: { unanswered } };
      const short = questions.filter((q) => textLength(q.answer) < (rule.min ?? 1)).length;
      return short ? { state: 'weak', reason: 'filingCheck.shortAnswers', detail: { short } } : met;
    }
  }
}

/** The 6-month limit of a petition from the notice of the final decision, by the deadline engine's preset. */
function timeliness(filing: Filing, now: Date): CompletenessReport['timeliness'] {
  if (filing.answers.kind !== 'petition' || !filing.answers.finalDecisionNotifiedOn) return null;
  const result = computeDeadline({
    ruleId: 'iachr-petition-six-months',
    trigger: { date: filing.answers.finalDecisionNotifiedOn },
  });
  const status = timeStatus(result.due, now, 30 * 24);
  return {
    notifiedOn: filing.answers.finalDecisionNotifiedOn,
    dueDate: result.due.date,
    state: status === 'overdue' ? 'expired' : status === 'dueSoon' ? 'due_soon' : 'open',
    basis: renderBasis(result, filing.lang).join('\n'),
  };
}

export function checkFiling(filing: Filing, now: Date = new Date()): CompletenessReport {
  const elements: CompletenessElement[] = [];
  for (const rule of ruleSet(filing.kind).rules) {
    const outcome = evaluateRule(rule, filing);
    if (!outcome) continue;
    elements.push({
      ruleId: rule.id,
      element: rule.element,
      source: rule.source,
      path: rule.path,
      ...outcome,
    });
  }
  const report: CompletenessReport = {
    filingId: filing.id,
    kind: filing.kind,
    elements,
    met: elements.filter((e) => e.state === 'met').length,
    missing: elements.filter((e) => e.state === 'missing').length,
    weak: elements.filter((e) => e.state === 'weak').length,
    timeliness: timeliness(filing, now),
  };
  // A petition lodged after the six months (and no exception argued) is weak on timeliness.
  const t = report.timeliness;
  const el = elements.find((e) => e.ruleId === 'timeliness');
  if (
    t?.state === 'expired' &&
    el &&
    filing.answers.kind === 'petition' &&
    !filing.answers.timelinessReasoning.trim()
  ) {
    el.state = 'weak';
    el.reason = 'filingCheck.expired';
    el.detail = { dueDate: t.dueDate };
    report.met--;
    report.weak++;
  }
  return report;
}
