// Every completeness element links to a field of the guided editor: the rules' paths (resources/filing-rules)
// each land on a step that holds a field for them, so "missing" is never a dead end.
import { describe, expect, it } from 'vitest';
import { CompletenessRuleSet, FILING_KINDS, type FilingKind } from '../../../shared/schemas/filings';
import observations from '../../../resources/filing-rules/observations.json';
import petition from '../../../resources/filing-rules/petition.json';
import precautionary_request from '../../../resources/filing-rules/precautionary_request.json';
import {
  fieldId,
  focusTarget,
  STEPS,
  stepOf,
  textStepIndex,
} from '../../../renderer/src/features/filings/steps';

const RULE_FILES: Record<FilingKind, unknown> = { precautionary_request, petition, observations };

function rules(kind: FilingKind) {
  return CompletenessRuleSet.parse(RULE_FILES[kind]).rules;
}

describe.each(FILING_KINDS)('%s', (kind) => {
  const fields = STEPS[kind].flatMap((step, i) => step.fields.map((f) => ({ ...f, step: i })));

  it.each(rules(kind).map((r) => [r.id, r.path, r.explainPath, r.altPath] as const))(
    'rule %s (%s) has a field on the step its link opens',
    (_id, path, explainPath, altPath) => {
      for (const p of [path, explainPath, altPath].filter((x): x is string => !!x)) {
        const field = fields.find((f) => f.path === p);
        expect(field, `no editor field for ${p}`).toBeDefined();
        expect(stepOf(kind, p)).toBe(field!.step);
        expect(focusTarget(kind, p, [])).toBe(fieldId(p));
      }
    },
  );

  it('sends section paths to the text step, and a nested path to its list field', () => {
    expect(stepOf(kind, 'document.sections.2.doc')).toBe(textStepIndex(kind));
    expect(focusTarget(kind, 'document.sections.2.doc.content.0', ['a', 'b', 'c'])).toBe(
      'filing-document-sections-2-doc',
    );
    expect(focusTarget(kind, 'section:b', ['a', 'b', 'c'])).toBe('filing-document-sections-1-doc');
  });
});

it('takes a leak hit inside a fact or an answer to that very text', () => {
  expect(stepOf('petition', 'answers.facts.3.text')).toBe(1);
  expect(focusTarget('petition', 'answers.facts.3.text', [])).toBe('filing-answers-facts-3-text');
  expect(focusTarget('observations', 'answers.questions.0.answer', [])).toBe(
    'filing-answers-questions-0-answer',
  );
  expect(focusTarget('precautionary_request', 'answers.consent.explanation', [])).toBe(
    'filing-answers-consent-explanation',
  );
});
