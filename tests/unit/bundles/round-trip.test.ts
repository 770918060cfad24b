/* eslint-disable @typescript-eslint/no-explicit-any -- rows are compared by shape */
// A rich case exported from one vault and imported into another: every record equal, every attachment
// byte-equal; the same bundle imported twice changes nothing.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openBlob, readAll } from '../../../electron/core/evidence/reader';
import { blobPath } from '../../../electron/core/evidence/store';
import { carriedTables } from '../../../electron/core/bundles/tables';
import { BUNDLE_PASS, richCase, side, snapshot, withDb, type Side } from './helpers';

async function plainHash(s: Side, blobId: string): Promise<string> {
  return withDb(
    s,
    (db) => db.prepare('SELECT key FROM evidence_blobs WHERE id = $id').get({ id: blobId }) as any,
  ).then(async (row) => {
    const reader = await openBlob(blobPath(s.vaultDir, blobId), Buffer.from(row.key), blobId);
    const hash = createHash('sha256');
    for await (const part of readAll(reader)) hash.update(part);
    await reader.close();
    return hash.digest('hex');
  });
}

function caseRows(db: any, matterId: string): Record<string, any[]> {
  const out: Record<string, any[]> = {};
  for (const [table, rule] of carriedTables(false)) {
    if (table === 'audit_log') continue;
    const where = rule.kind === 'case' ? rule.where! : '1';
    out[table] = db
      .prepare(`SELECT * FROM ${table} WHERE ${where} ORDER BY ${rule.key.join(', ')}`)
      .all(where === '1' ? undefined : { cases: JSON.stringify([matterId]) });
  }
  return out;
}

describe('bundle round trip', () => {
  it('carries every record kind and every attachment byte for byte, and a second import changes nothing', async () => {
    const a = await side('origen');
    const b = await side('destino');
    const rich = await richCase(a, [0, 1, 70_000, 3 * 65536 + 17]);
    // The case as it was bundled (the export then adds its own custody steps, which the bundle cannot hold).
    const mine = await withDb(a, (db) => caseRows(db, rich.matterId));
    const out = join(a.dir, 'caso.amparo');
    const started = Date.now();
    const exported = await a.ok('bundles:export', {
      matterIds: [rich.matterId],
      out,
      seal: { passphrase: BUNDLE_PASS },
    });
    expect(exported.attachments).toBe(4);
    const summary = await b.ok('bundles:verify', { file: out, key: { passphrase: BUNDLE_PASS } });
    expect(summary.signerKnown).toBe(false);
    expect(summary.cases).toEqual([
      { id: rich.matterId, reference: 'MC-101-23', title: 'Defensora de la Montaña' },
    ]);
    const unknown = await b.call('bundles:import', { file: out, key: { passphrase: BUNDLE_PASS } });
    expect(unknown.error?.code).toBe('BUNDLE_UNKNOWN_SIGNER');
    const imported = await b.ok('bundles:import', {
      file: out,
      key: { passphrase: BUNDLE_PASS },
      confirmSigner: summary.signerFingerprint,
    });
    expect(imported.status).toBe('imported');
    expect(imported.attachments).toBe(4);
    console.log(`round trip of ${exported.size} bytes: ${Date.now() - started} ms`);

    const theirs = await withDb(b, (db) => caseRows(db, rich.matterId));
    for (const table of Object.keys(mine)) {
      if (table === 'evidence_blobs') continue;
      expect({ table, rows: theirs[table] }).toEqual({ table, rows: mine[table] });
    }
    // Every carried record kind really had rows in the rich case.
    const empty = Object.entries(mine)
      .filter(([, rows]) => rows.length === 0)
      .map(([t]) => t);
    expect(empty).toEqual([]);
    const custody = await withDb(
      a,
      (db) => db.prepare(`SELECT * FROM evidence_custody WHERE action = 'exported'`).all() as any[],
    );
    expect(custody.map((c) => c.note)).toEqual(
      rich.items.map(() => expect.stringContaining(exported.bundleId)),
    );
    for (const item of rich.items) {
      const blobId = (mine.evidence_items!.find((r: any) => r.id === item.id) as any).blob_id;
      expect(await plainHash(b, blobId)).toBe(item.sha256);
    }
    // Found by search in the second vault.
    const found = await b.ok('search:query', { query: 'amenaza' });
    expect(found.hits.length).toBeGreaterThan(0);

    // The background text extraction of the imported evidence must be done before the snapshot, or its
    // rows land between the two and look like a change made by the second import.
    await b.ok('extraction:start', { wait: true });
    const before = await snapshot(b);
    const again = await b.ok('bundles:import', { file: out, key: { passphrase: BUNDLE_PASS } });
    expect({ added: again.added, updated: again.updated, attachments: again.attachments }).toEqual({
      added: 0,
      updated: 0,
      attachments: 0,
    });
    expect(await snapshot(b)).toEqual(before);
  });
});
