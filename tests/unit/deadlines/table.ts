// One row of a deadline table: a rule, a trigger and a period, the due date worked out by hand from the
// calendar (never by the engine), and phrases the basis must contain so a lawyer can follow the count.
import { expect } from 'vitest';
import { computeDeadline, renderBasis, type Lang } from '../../../electron/core/deadlines';
import type { ComputeRequest, DeadlineRule } from '../../../shared/schemas/deadline';

export interface Row {
  name: string;
  rule: string;
  from: string;
  period?: ComputeRequest['period'];
  extra?: Pick<ComputeRequest, 'closures' | 'recess' | 'userZone'>;
  due: string;
  phrases?: string[];
  lang?: Lang;
}

export function check(row: Row, rules?: ReadonlyMap<string, DeadlineRule>) {
  const result = computeDeadline(
    {
      ruleId: row.rule,
      ...row.extra,
      trigger: { date: row.from },
      ...(row.period ? { period: row.period } : {}),
    },
    rules,
  );
  expect(result.due.date).toBe(row.due);
  const text = renderBasis(result, row.lang ?? 'en').join('\n');
  for (const phrase of row.phrases ?? []) expect(text).toContain(phrase);
  return { result, text };
}

export const days = (amount: number) => ({ unit: 'days' as const, amount });
export const workingDays = (amount: number) => ({ unit: 'working-days' as const, amount });
export const months = (amount: number) => ({ unit: 'months' as const, amount });
