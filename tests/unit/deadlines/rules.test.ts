// Rules are data: every preset passes the schema, an edited copy is used as edited, and a rule edited into
// nonsense, or a request with an impossible date or an absurd period, is refused with the field at fault.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeDeadline, parseRule, presetRules, translate } from '../../../electron/core/deadlines';
import court from '../../../resources/deadline-rules/iacthr-court.json';
import type { DeadlineRule } from '../../../shared/schemas/deadline';
import { check, days } from './table';

const ROOT = join(__dirname, '..', '..', '..');

const edited = (change: (rule: Record<string, unknown>) => void) => {
  const copy = structuredClone(court) as unknown as Record<string, unknown>;
  change(copy);
  return copy;
};

function refusal(run: () => unknown): { code: string; issues: { path: string; message: string }[] } {
  try {
    run();
  } catch (error) {
    return error as never;
  }
  throw new Error('expected a refusal');
}

describe('counting rules as data', () => {
  it('ships the presets the follow-up work needs, each with names, a source and a verify flag', () => {
    const rules = [...presetRules().values()];
    expect(rules.map((r) => r.id)).toEqual([
      'iacthr-court',
      'iacthr-provisional-measures',
      'iachr-note',
      'iachr-petition-six-months',
      'iachr-article-50-three-months',
      'iachr-hearing-request',
      'mx-federal-working-days',
      'mx-amparo',
    ]);
    for (const rule of rules) {
      expect(rule.name.en && rule.name.es && rule.source.citation.en && rule.source.citation.es).toBeTruthy();
      expect(typeof rule.verify).toBe('boolean');
    }
    expect(presetRules().get('iacthr-court')).toMatchObject({ zone: 'America/Costa_Rica', endTime: '24:00' });
    expect(presetRules().get('iachr-note')).toMatchObject({ zone: 'America/New_York', verify: true });
    expect(presetRules().get('mx-federal-working-days')).toMatchObject({ zone: 'America/Mexico_City' });
  });

  it('uses an edited copy: the year’s recess entered in the rule itself', () => {
    const rule = parseRule(
      edited((r) => {
        r.version = 2;
        r.recess = { handling: 'extend-after', periods: [{ from: '2026-12-19', to: '2027-01-10' }] };
      }),
    );
    const rules = new Map<string, DeadlineRule>([[rule.id, rule]]);
    const { result } = check(
      { name: '', rule: 'iacthr-court', from: '2026-12-04', period: days(15), due: '2027-01-11' },
      rules,
    );
    expect(result.ruleVersion).toBe(2);
  });

  it.each([
    [
      'an unknown zone',
      (r: Record<string, unknown>) => (r.zone = 'Mars/Olympus_Mons'),
      'zone',
      'deadline.error.zone',
    ],
    [
      'an end time of 25:00',
      (r: Record<string, unknown>) => (r.endTime = '25:00'),
      'endTime',
      'deadline.error.endTime',
    ],
    [
      'a country with no holiday calendar',
      (r: Record<string, unknown>) =>
        (r.calendar = { weekend: [6, 7], holidays: { country: 'XX', types: ['public'] }, extra: [] }),
      'calendar.holidays',
      'deadline.error.country',
    ],
    [
      'every day a weekend',
      (r: Record<string, unknown>) =>
        (r.calendar = { weekend: [1, 2, 3, 4, 5, 6, 7], holidays: null, extra: [] }),
      'calendar.weekend',
      'deadline.error.noWorkingDays',
    ],
    [
      'a recess ending before it starts',
      (r: Record<string, unknown>) =>
        (r.recess = { handling: 'extend-after', periods: [{ from: '2027-01-10', to: '2026-12-19' }] }),
      'recess.periods.0.to',
      'deadline.error.recessOrder',
    ],
    [
      'a closure on 30 February',
      (r: Record<string, unknown>) =>
        (r.calendar = {
          weekend: [6, 7],
          holidays: null,
          extra: [{ date: '02-30', name: { en: 'x', es: 'x' } }],
        }),
      'calendar.extra.0.date',
      'deadline.error.closureDate',
    ],
    [
      'an unknown counting start',
      (r: Record<string, unknown>) => ((r.counting as Record<string, unknown>).start = 'whenever'),
      'counting.start',
      undefined,
    ],
    ['a field the engine does not know', (r: Record<string, unknown>) => (r.roundUp = true), '', undefined],
  ])('refuses a rule with %s', (_, change, path, message) => {
    const error = refusal(() => parseRule(edited(change)));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues.map((i) => i.path)).toContain(path);
    if (message) expect(error.issues.find((i) => i.path === path)?.message).toBe(message);
  });

  it.each([
    ['an impossible date', { date: '2026-02-30' }, days(5), 'trigger.date', 'validation.date'],
    ['a negative period', { date: '2026-03-02' }, days(-5), 'period.amount', 'deadline.error.periodPositive'],
    ['a zero period', { date: '2026-03-02' }, days(0), 'period.amount', 'deadline.error.periodPositive'],
    [
      'an absurd period',
      { date: '2026-03-02' },
      days(100_000),
      'period.amount',
      'deadline.error.periodTooLong',
    ],
    ['a fractional period', { date: '2026-03-02' }, days(1.5), 'period.amount', 'deadline.error.periodWhole'],
    [
      'a time of 24:30',
      { date: '2026-03-02', time: '24:30' },
      days(5),
      'trigger.time',
      'deadline.error.time',
    ],
    [
      'a zone without a time',
      { date: '2026-03-02', zone: 'America/Tijuana' },
      days(5),
      'trigger.zone',
      'deadline.error.zoneWithoutTime',
    ],
  ])('refuses a request with %s', (_, trigger, period, path, message) => {
    const error = refusal(() => computeDeadline({ ruleId: 'iacthr-court', trigger, period }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.issues).toContainEqual({ path, message });
  });

  it('refuses an unknown rule, naming the known ones', () => {
    const error = refusal(() =>
      computeDeadline({ ruleId: 'corte-idh', trigger: { date: '2026-03-02' }, period: days(5) }),
    );
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      issues: [{ path: 'ruleId', message: 'deadline.error.unknownRule' }],
    });
    expect((error as unknown as Error).message).toContain('iacthr-court');
  });

  it('has a sentence in both languages for every error key the schema and the engine use', () => {
    const sources = [
      join(ROOT, 'shared/schemas/deadline.ts'),
      ...readdirSync(join(ROOT, 'electron/core/deadlines')).map((f) =>
        join(ROOT, 'electron/core/deadlines', f),
      ),
    ].map((file) => readFileSync(file, 'utf8'));
    const keys = new Set(
      sources.flatMap((src) => [...src.matchAll(/'deadline\.(error\.\w+)'/g)].map((m) => m[1]!)),
    );
    expect(keys.size).toBeGreaterThan(10);
    for (const key of keys)
      for (const lang of ['en', 'es'] as const) expect(translate(lang, key), key).not.toMatch(/^deadline\./);
  });
});
