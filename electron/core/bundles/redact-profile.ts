// A filings redaction profile applied to a bundle's rows, as a generated filing applies it: each person
// printed by the profile's rule for them (person, petitioner, role, default; the filings' own printRule),
// its exclusions of incidents and exhibits, and its confidentiality choices. In a bundle a rule becomes
// what travels: `name` carries the person's legal name (nothing else of the protected identity),
// `pseudonym` leaves the protected identity out, `omit` leaves the person out with every record naming
// them. Confidential records of the kinds a profile does not name (communications, measures, hearings,
// profiles of people…) stay out when it leaves out confidential incidents or exhibits.
import type { PersonPrint, ProfileRules } from '../../../shared/schemas/filings';
import { printRule } from '../filings/compose';
import type { JsonRow } from './rows';

/** The profile's print rule for every person the bundle carries, by the roles of the exported cases. */
export function personPrints(raw: Map<string, JsonRow[]>, rules: ProfileRules): Map<string, PersonPrint> {
  const roles = new Map<string, string[]>();
  for (const party of raw.get('matter_parties') ?? []) {
    if (party.person_id === null || party.person_id === undefined || party.deleted_at) continue;
    const id = String(party.person_id);
    roles.set(id, [...(roles.get(id) ?? []), String(party.role)]);
  }
  return new Map(
    (raw.get('people') ?? []).map((p) => [
      String(p.id),
      printRule(rules, String(p.id), roles.get(String(p.id)) ?? []),
    ]),
  );
}

/** A protected identity reduced to the legal name (the other columns at their empty defaults). */
export function nameOnly(row: JsonRow): JsonRow {
  return {
    ...row,
    aliases: '[]',
    date_of_birth: null,
    id_numbers: '[]',
    phones: '[]',
    addresses: '[]',
    notes: '',
  };
}

export const hasDetailsBeyondName = (row: JsonRow): boolean =>
  JSON.stringify(nameOnly(row)) !== JSON.stringify(row);

/** Which rows of one table the profile leaves out, by the reason the manifest gives. */
export function profileExclusions(
  table: string,
  rows: JsonRow[],
  rules: ProfileRules,
  prints: Map<string, PersonPrint>,
): { kind: string; rows: JsonRow[] }[] {
  const confidential = (r: JsonRow) => r.classification === 'confidential';
  const otherConfidential = rules.excludeConfidentialIncidents || rules.excludeConfidentialExhibits;
  switch (table) {
    case 'protected_identities':
      return [
        {
          kind: 'protected_identities',
          rows: rows.filter((r) => prints.get(String(r.person_id)) !== 'name'),
        },
      ];
    case 'people':
      return [
        {
          kind: 'people (left out by the profile)',
          rows: rows.filter((r) => prints.get(String(r.id)) === 'omit'),
        },
        { kind: 'people (confidential)', rows: otherConfidential ? rows.filter(confidential) : [] },
      ];
    case 'incidents': {
      const excluded = new Set(rules.excludedIncidentIds);
      return [
        { kind: 'incidents (left out by the profile)', rows: rows.filter((r) => excluded.has(String(r.id))) },
        {
          kind: 'incidents (confidential)',
          rows: rules.excludeConfidentialIncidents
            ? rows.filter((r) => !excluded.has(String(r.id)) && confidential(r))
            : [],
        },
      ];
    }
    case 'evidence_items': {
      const excluded = new Set(rules.excludedEvidenceIds);
      return [
        { kind: 'evidence_items (chosen exhibits)', rows: rows.filter((r) => excluded.has(String(r.id))) },
        {
          kind: 'evidence_items (confidential)',
          rows: rules.excludeConfidentialExhibits
            ? rows.filter((r) => !excluded.has(String(r.id)) && confidential(r))
            : [],
        },
      ];
    }
    case 'notes':
      return [
        {
          kind: 'notes (confidential)',
          rows: rules.excludeConfidentialNotes ? rows.filter(confidential) : [],
        },
      ];
    default:
      return [{ kind: `${table} (confidential)`, rows: otherConfidential ? rows.filter(confidential) : [] }];
  }
}
