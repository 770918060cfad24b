// The completeness rules (resources/filing-rules/*.json) as tables: a draft's answers → met / missing / weak
// per element, with the field that fixes it.
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../electron/core/filings/answers';
import { checkFiling, ruleSet } from '../../../electron/core/filings/completeness';
import type { Filing, FilingAnswers, FilingKind } from '../../../shared/schemas/filings';

const ID = '33333333-3333-4333-8333-333333333333';
const long = (n: number) => 'x'.repeat(n);

function draft(kind: FilingKind, patch: Record<string, unknown> = {}): Filing {
  return {
    id: ID,
    matterId: ID,
    kind,
    lang: 'es',
    title: 't',
    answers: { ...emptyAnswers(kind), ...patch } as FilingAnswers,
    document: { sections: [] },
    status: 'draft',
    exhibitList: 'x',
    version: 1,
    revision: 1,
    createdAt: '',
    updatedAt: '',
    deletedAt: null,
  };
}

const stateOf = (f: Filing, ruleId: string, now = new Date('2024-01-15T12:00:00Z')) =>
  checkFiling(f, now).elements.find((e) => e.ruleId === ruleId);

describe('precautionary request (Art. 25)', () => {
  it.each<[string, Record<string, unknown>, string, string]>([
    ['beneficiaries', {}, 'missing', 'answers.beneficiaryIds'],
    ['beneficiaries', { beneficiaryIds: [ID] }, 'met', 'answers.beneficiaryIds'],
    [
      'beneficiaries',
      { groups: [{ name: 'Comunidad', description: '', memberIds: [] }] },
      'met',
      'answers.beneficiaryIds',
    ],
    ['chronology', {}, 'missing', 'answers.chronologyIncidentIds'],
    ['chronology', { chronologyIncidentIds: [ID] }, 'met', 'answers.chronologyIncidentIds'],
    ['seriousness', {}, 'missing', 'answers.seriousness'],
    ['seriousness', { seriousness: 'Amenazas.' }, 'weak', 'answers.seriousness'],
    ['seriousness', { seriousness: long(200) }, 'met', 'answers.seriousness'],
    ['urgency', { urgency: '   ' }, 'missing', 'answers.urgency'],
    ['irreparable', { irreparableHarm: long(199) }, 'weak', 'answers.irreparableHarm'],
    ['reported', {}, 'missing', 'answers.reportedToAuthorities'],
    ['reported', { reportedToAuthorities: true }, 'weak', 'answers.reportedToAuthorities'],
    [
      'reported',
      { reportedToAuthorities: false, authorityResponse: 'Por temor a represalias.' },
      'met',
      'answers.reportedToAuthorities',
    ],
    ['measures', { measuresRequested: 'Escolta.' }, 'weak', 'answers.measuresRequested'],
    ['consent', {}, 'missing', 'answers.consent.obtained'],
    ['consent', { consent: { obtained: true, explanation: '' } }, 'met', 'answers.consent.obtained'],
    ['consent', { consent: { obtained: false, explanation: '' } }, 'weak', 'answers.consent.obtained'],
    [
      'consent',
      { consent: { obtained: false, explanation: 'Está desaparecida.' } },
      'met',
      'answers.consent.obtained',
    ],
  ])('%s with %j is %s', (ruleId, patch, state, path) => {
    expect(stateOf(draft('precautionary_request', patch), ruleId)).toMatchObject({ state, path });
  });
});

describe('petition (Art. 28)', () => {
  it.each<[string, Record<string, unknown>, string | undefined]>([
    ['petitioner', {}, 'missing'],
    ['petitioner', { petitionerOrganisationIds: [ID] }, 'met'],
    ['facts', { facts: [{ incidentId: null, date: '2023-01-02', place: 'Oaxaca', text: 'x' }] }, 'met'],
    ['victims', {}, 'missing'],
    ['state', { state: 'MX' }, 'met'],
    ['state', {}, 'missing'],
    ['rights', { rights: ['5', '13'] }, 'met'],
    ['rights', {}, 'missing'],
    ['timeliness', {}, 'missing'],
    ['timeliness', { timelinessReasoning: 'Plazo razonable por la excepción del art. 46.2.c.' }, 'met'],
    ['remedies', { remediesExhausted: true }, 'weak'],
    ['remedies', { remediesExhausted: true, remediesDescription: 'Amparo 123/2022, sobreseído.' }, 'met'],
    // The exception is asked for only when remedies were not exhausted.
    ['remedy_exception', { remediesExhausted: true }, undefined],
    ['remedy_exception', { remediesExhausted: false }, 'missing'],
    ['remedy_exception', { remediesExhausted: false, remedyException: 'c' }, 'met'],
    ['other_proceeding', { otherProceeding: false }, 'met'],
    ['other_proceeding', { otherProceeding: true }, 'weak'],
  ])('%s with %j is %s', (ruleId, patch, state) => {
    expect(stateOf(draft('petition', patch), ruleId)?.state).toBe(state);
  });

  it('counts six months from the notice with the deadline engine, and flags a late petition', () => {
    // Notified 2023-06-10: six months → 2023-12-10, a Sunday → Monday 2023-12-11 (the preset rolls forward).
    const late = checkFiling(
      draft('petition', { finalDecisionNotifiedOn: '2023-06-10' }),
      new Date('2024-01-15T12:00:00Z'),
    );
    expect(late.timeliness).toMatchObject({
      notifiedOn: '2023-06-10',
      dueDate: '2023-12-11',
      state: 'expired',
    });
    expect(late.elements.find((e) => e.ruleId === 'timeliness')).toMatchObject({
      state: 'weak',
      reason: 'filingCheck.expired',
    });
    const onTime = checkFiling(
      draft('petition', { finalDecisionNotifiedOn: '2023-11-20' }),
      new Date('2024-01-15T12:00:00Z'),
    );
    expect(onTime.timeliness?.state).toBe('open');
    expect(onTime.elements.find((e) => e.ruleId === 'timeliness')?.state).toBe('met');
  });
});

describe('observations', () => {
  const q = (answer: string) => ({ id: 'q1', question: '¿Qué medidas se implementaron?', answer });
  it.each<[string, Record<string, unknown>, string, string | null]>([
    ['communication', {}, 'missing', 'filingCheck.missing'],
    ['questions', {}, 'missing', 'filingCheck.noQuestions'],
    ['questions', { questions: [q(''), q('Ninguna.')] }, 'missing', 'filingCheck.unansweredQuestions'],
    ['questions', { questions: [q('Ninguna.')] }, 'weak', 'filingCheck.shortAnswers'],
    ['questions', { questions: [q(long(40))] }, 'met', null],
    ['requests', { requests: long(80) }, 'met', null],
  ])('%s with %j is %s', (ruleId, patch, state, reason) => {
    expect(stateOf(draft('observations', patch), ruleId)).toMatchObject({ state, reason });
  });
});

describe('the rule files', () => {
  it('name their source article and link to a field the draft has', () => {
    for (const kind of ['precautionary_request', 'petition', 'observations'] as const) {
      const answers = emptyAnswers(kind) as Record<string, unknown>;
      for (const rule of ruleSet(kind).rules) {
        expect(rule.source).toMatch(/Art/);
        const top = rule.path.split('.')[1]!;
        expect(Object.keys(answers), `${kind}/${rule.id}`).toContain(top);
      }
    }
  });

  it('count met, missing and weak', () => {
    const r = checkFiling(draft('observations', { requests: 'Poco.' }));
    expect([r.met, r.missing, r.weak]).toEqual([0, 4, 1]);
  });
});
