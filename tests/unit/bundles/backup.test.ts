/* eslint-disable @typescript-eslint/no-explicit-any -- results of untyped channel names are read by shape */
// Backups: the whole vault in one signed, encrypted bundle, the newest N kept; restored into a new folder
// it opens with every record and every attachment byte for byte, the audit chain intact.
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBlob, readAll } from '../../../electron/core/evidence/reader';
import { blobPath } from '../../../electron/core/evidence/store';
import { BUNDLE_PASS, PASS, richCase, side, withDb, type Side } from './helpers';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';

const CARRIED_BY_BACKUP = [
  'matters',
  'matter_status_history',
  'people',
  'protected_identities',
  'person_profiles',
  'organisations',
  'matter_parties',
  'incidents',
  'incident_people',
  'risk_assessments',
  'risk_assessment_incidents',
  'notes',
  'tags',
  'audit_log',
  'evidence_items',
  'evidence_custody',
  'evidence_exhibits',
  'evidence_incidents',
  'evidence_people',
  'communications',
  'communication_attachments',
  'deadlines',
  'deadline_events',
  'calendar_closures',
  'protection_measures',
  'protection_measure_people',
  'protection_measure_status',
  'vault_settings',
  'vault_identity',
  'bundle_signers',
  'bundle_log',
  'bundle_marks',
];

function dump(db: any): Record<string, unknown[]> {
  return Object.fromEntries(
    CARRIED_BY_BACKUP.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all()]),
  );
}

async function plain(s: Side): Promise<Record<string, string>> {
  const rows = await withDb(
    s,
    (db) => db.prepare('SELECT id, key FROM evidence_blobs ORDER BY id').all() as any[],
  );
  const out: Record<string, string> = {};
  for (const row of rows) {
    const reader = await openBlob(blobPath(s.vaultDir, row.id), Buffer.from(row.key), row.id);
    const hash = createHash('sha256');
    for await (const part of readAll(reader)) hash.update(part);
    await reader.close();
    out[row.id] = hash.digest('hex');
  }
  return out;
}

describe('backups', () => {
  it('keeps the newest N, and a restore gives back every record and attachment byte for byte', async () => {
    const a = await side('origen');
    await richCase(a, [0, 2048, 70_000]);
    expect((await a.ok('backup:status')).lastBackupAt).toBeNull();
    const folder = join(a.dir, 'usb');
    await mkdir(folder);
    await a.ok('vault:identity'); // the keys exist, so the restored vault must keep them
    let last: any;
    for (let i = 0; i < 3; i++) last = await a.ok('backup:run', { folder, passphrase: BUNDLE_PASS, keep: 2 });
    expect((await readdir(folder)).filter((n) => n.endsWith('.amparo'))).toHaveLength(2);
    expect(last.removed).toHaveLength(1);
    const status = await a.ok('backup:status');
    expect(status).toMatchObject({ due: false, remindAfterDays: 7 });
    expect(status.lastBackupAt).not.toBeNull();

    const original = await withDb(a, dump);
    const originalPlain = await plain(a);
    const identity = await a.ok('vault:identity');

    const b = await side('otra');
    const target = join(b.dir, 'restaurada');
    const restored = await b.ok('backup:restore', {
      file: last.path,
      passphrase: BUNDLE_PASS,
      folder: target,
      vaultPassphrase: PASS,
    });
    expect(restored.status).toBe('imported');
    expect((await b.ok('vault:status')).path).toBe(target);
    const r: Side = { ...b, vaultDir: target };
    const back = await withDb(r, dump);
    // The restored audit log is the original one up to the backup (its own entry is written after the
    // file), then the restore entry.
    const audit = back.audit_log as any[];
    const lastRun = (original.audit_log as any[]).filter((e: any) => e.action === 'backup.run').at(-1);
    const originalAudit = (original.audit_log as any[]).filter((e: any) => e.seq < lastRun.seq);
    expect(audit.slice(0, originalAudit.length)).toEqual(originalAudit);
    expect(audit.find((e: any) => e.action === 'backup.restore')).toBeTruthy();
    // The custody steps of the last backup itself are written after it.
    original.evidence_custody = (original.evidence_custody as any[]).filter(
      (c) => !String(c.note).includes(last.bundleId),
    );
    for (const table of CARRIED_BY_BACKUP.filter((t) => !['audit_log', 'bundle_log'].includes(t))) {
      expect({ table, rows: back[table] }).toEqual({ table, rows: original[table] });
    }
    expect(await plain(r)).toEqual(originalPlain);
    expect((await b.ok('audit:verify')).ok).toBe(true);
    expect(await b.ok('vault:identity')).toEqual(identity);
  });

  it('a damaged or wrongly opened backup creates no vault', async () => {
    const a = await side('origen');
    await richCase(a, [100]);
    const folder = join(a.dir, 'usb');
    await mkdir(folder);
    const made = await a.ok('backup:run', { folder, passphrase: BUNDLE_PASS, keep: 1 });
    const bytes = Buffer.from(await readFile(made.path));
    bytes[bytes.length - 100]! ^= 1;
    const damaged = join(a.dir, 'danado.amparo');
    await writeFile(damaged, bytes);
    const b = await side('otra');
    const target = join(b.dir, 'nueva');
    const refused = await b.call('backup:restore', {
      file: damaged,
      passphrase: BUNDLE_PASS,
      folder: target,
      vaultPassphrase: PASS,
    });
    expect(refused.error?.code).toBe('BUNDLE_DAMAGED');
    const wrong = await b.call('backup:restore', {
      file: made.path,
      passphrase: 'otra',
      folder: target,
      vaultPassphrase: PASS,
    });
    expect(wrong.error?.code).toBe('BUNDLE_WRONG_KEY');
    expect(existsSync(target) ? await readdir(target) : []).toEqual([]);
    expect((await b.ok('vault:status')).path).toBe(b.vaultDir);
  });

  it('reminds when no backup was made for the set number of days', async () => {
    const a = await side('recordatorio');
    expect((await a.ok('backup:setReminder', { remindAfterDays: 1 })).due).toBe(false);
    await withDb(a, (db) =>
      db.prepare(`UPDATE audit_log SET at = '2020-01-01T00:00:00.000Z' WHERE seq = 1`).run(),
    );
    expect((await a.ok('backup:status')).due).toBe(true);
  });
});
