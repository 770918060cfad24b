// Spanish and English must be complete: every key in one exists in the other, and every code the core
// can send (errors, validation messages, enum values) has a translation.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../../shared/errors';
import { AUDIT_ACTIONS } from '../../../shared/schemas/audit';
import { INCIDENT_KINDS } from '../../../shared/schemas/incidents';
import { PARTY_ROLES } from '../../../shared/schemas/parties';
import { RISK_RATINGS } from '../../../shared/schemas/risk';
import { SEARCHABLE } from '../../../shared/schemas/search';
import { DELETABLE } from '../../../shared/schemas/trash';
import { CLASSIFICATIONS } from '../../../shared/schemas/classification';
import { ORGANISATION_TYPES } from '../../../shared/schemas/people';
import { FORUMS, MATTER_STATUSES, MATTER_TYPES } from '../../../shared/schemas/matter';
import { LockReason } from '../../../shared/schemas/vault';
import en from '../../../shared/i18n/en.json';
import es from '../../../shared/i18n/es.json';

function flatten(value: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (child && typeof child === 'object') for (const [k, v] of flatten(child, path)) out.set(k, v);
    else out.set(path, String(child));
  }
  return out;
}

const EN = flatten(en);
const ES = flatten(es);

function pluralBase(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

describe('translations', () => {
  it('have the same keys in Spanish and English', () => {
    const enKeys = new Set([...EN.keys()].map(pluralBase));
    const esKeys = new Set([...ES.keys()].map(pluralBase));
    expect([...enKeys].filter((k) => !esKeys.has(k))).toEqual([]);
    expect([...esKeys].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('translate every error code, validation message and domain value', () => {
    const schemaSources = readdirSync(join(__dirname, '../../../shared/schemas')).map((f) =>
      readFileSync(join(__dirname, '../../../shared/schemas', f), 'utf8'),
    );
    const validationKeys = new Set(
      schemaSources.flatMap((src) => [...src.matchAll(/'(validation\.[A-Za-z]+)'/g)].map((m) => m[1]!)),
    );
    expect(validationKeys.size).toBeGreaterThan(3);
    const required = [
      ...ERROR_CODES.map((c) => `errors.${c}`),
      ...validationKeys,
      'validation.invalid',
      ...MATTER_TYPES.map((v) => `matterType.${v}`),
      ...FORUMS.map((v) => `forum.${v}`),
      ...MATTER_STATUSES.map((v) => `matterStatus.${v}`),
      ...LockReason.options.map((r) => `lockReason.${r}`),
      ...PARTY_ROLES.map((v) => `partyRole.${v}`),
      ...INCIDENT_KINDS.map((v) => `incidentKind.${v}`),
      ...RISK_RATINGS.map((v) => `riskRating.${v}`),
      ...CLASSIFICATIONS.map((v) => `classification.${v}`),
      ...ORGANISATION_TYPES.map((v) => `orgType.${v}`),
      ...AUDIT_ACTIONS.map((v) => `auditAction.${v}`),
      ...DELETABLE.map((v) => `entityType.${v}`),
      ...SEARCHABLE.map((v) => `search.groups.${v}`),
      'menu.lockNow',
    ];
    for (const [name, table] of [
      ['en', EN],
      ['es', ES],
    ] as const) {
      const missing = required.filter((key) => !table.has(key) && !table.has(`${key}_one`));
      expect(missing, `missing in ${name}`).toEqual([]);
    }
  });

  it('really translate: Spanish differs from English for the words a lawyer reads most', () => {
    for (const key of ['errors.WRONG_PASSPHRASE', 'matterType.precautionary_request', 'menu.lockNow']) {
      expect(ES.get(key)).not.toBe(EN.get(key));
    }
  });
});
