// Redaction profiles: the four built-in ones (copied into the vault on first use, then editable like any
// other) and the user's own.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import {
  BUILT_IN_PROFILES,
  BuiltInProfile,
  ProfileRules,
  SaveProfileInput,
  type RedactionProfile,
} from '../../../shared/schemas/filings';
import type { z } from 'zod';
import { BUILT_IN_RULES } from '../filings/profiles';
import type { VaultContext } from './vault-context';

type ProfileRow = {
  id: string;
  name: string;
  base: string | null;
  built_in: number;
  rules: string;
  revision: number;
  updated_at: string;
};

const toProfile = (row: ProfileRow): RedactionProfile => ({
  id: row.id,
  name: row.name,
  base: row.base === null ? null : BuiltInProfile.parse(row.base),
  builtIn: row.built_in === 1,
  // Rules saved by an older version get the fields added since from the schema's shape.
  rules: ProfileRules.parse(JSON.parse(row.rules)),
  revision: row.revision,
  updatedAt: row.updated_at,
});

export class FilingProfileService {
  constructor(
    private readonly ctx: () => VaultContext,
    /** The language the built-in profiles are named in when first copied. */
    private readonly lang: () => 'es' | 'en' = () => 'es',
  ) {}

  /** Copies the built-in profiles into the vault the first time they are needed. */
  private ensureBuiltIns(): void {
    const { db, now } = this.ctx();
    const have = new Set(
      db
        .prepare('SELECT base FROM redaction_profiles WHERE built_in = 1')
        .all<{ base: string }>()
        .map((r) => r.base),
    );
    if (BUILT_IN_PROFILES.every((p) => have.has(p))) return;
    const at = now().toISOString();
    db.transaction(() => {
      for (const key of BUILT_IN_PROFILES) {
        if (have.has(key)) continue;
        db.prepare(
          `INSERT INTO redaction_profiles (id, name, base, built_in, rules, created_at, updated_at)
           VALUES ($id, $name, $base, 1, $rules, $at, $at)`,
        ).run({
          id: randomUUID(),
          name: BUILT_IN_RULES[key].name[this.lang()],
          base: key,
          rules: JSON.stringify(BUILT_IN_RULES[key].rules),
          at,
        });
      }
    })();
  }

  list(): RedactionProfile[] {
    this.ensureBuiltIns();
    return this.ctx()
      .db.prepare(
        `SELECT * FROM redaction_profiles WHERE deleted_at IS NULL
         ORDER BY built_in DESC, CASE base WHEN 'commission' THEN 0 WHEN 'state' THEN 1 WHEN 'co_counsel' THEN 2
           WHEN 'public' THEN 3 ELSE 4 END, name`,
      )
      .all<ProfileRow>()
      .map(toProfile);
  }

  /** By id, by built-in key ('state') or by name (case-insensitive), as the command line names them. */
  resolve(ref: string): RedactionProfile {
    const profiles = this.list();
    const found =
      profiles.find((p) => p.id === ref) ??
      profiles.find((p) => p.builtIn && p.base === ref) ??
      profiles.find((p) => p.name.toLocaleLowerCase() === ref.toLocaleLowerCase());
    if (!found) throw new AmparoError('NOT_FOUND', `No redaction profile ${ref}`);
    return found;
  }

  save(input: z.output<typeof SaveProfileInput>): RedactionProfile {
    const { db, audit, now } = this.ctx();
    this.ensureBuiltIns();
    const at = now().toISOString();
    const id = input.id ?? randomUUID();
    db.transaction(() => {
      if (input.id) {
        const row = db
          .prepare('SELECT * FROM redaction_profiles WHERE id = $id AND deleted_at IS NULL')
          .get<ProfileRow>({ id });
        if (!row) throw new AmparoError('NOT_FOUND', `No redaction profile ${id}`);
        if (row.revision !== input.revision)
          throw new AmparoError('CONFLICT', `Profile ${id} was changed elsewhere`);
        db.prepare(
          `UPDATE redaction_profiles SET name = $name, rules = $rules, revision = revision + 1, updated_at = $at
           WHERE id = $id`,
        ).run({ id, name: input.name, rules: JSON.stringify(input.rules), at });
      } else {
        db.prepare(
          `INSERT INTO redaction_profiles (id, name, base, built_in, rules, created_at, updated_at)
           VALUES ($id, $name, $base, 0, $rules, $at, $at)`,
        ).run({ id, name: input.name, base: input.base, rules: JSON.stringify(input.rules), at });
      }
      audit.append({
        action: input.id ? 'record.update' : 'record.create',
        entityType: 'redaction_profile',
        entityId: id,
        details: { name: input.name },
      });
    })();
    return this.list().find((p) => p.id === id)!;
  }

  delete(id: string): void {
    const { db, audit, now } = this.ctx();
    const row = db
      .prepare('SELECT * FROM redaction_profiles WHERE id = $id AND deleted_at IS NULL')
      .get<ProfileRow>({ id });
    if (!row) throw new AmparoError('NOT_FOUND', `No redaction profile ${id}`);
    if (row.built_in === 1) throw new AmparoError('IN_USE', 'A built-in profile can be edited, not deleted');
    db.transaction(() => {
      db.prepare('UPDATE redaction_profiles SET deleted_at = $at WHERE id = $id').run({
        id,
        at: now().toISOString(),
      });
      audit.append({ action: 'record.delete', entityType: 'redaction_profile', entityId: id });
    })();
  }
}
