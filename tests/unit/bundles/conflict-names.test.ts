/* eslint-disable @typescript-eslint/no-explicit-any -- results of untyped channel names are read by shape */
// A merge conflict names its record as a lawyer knows it (the case by reference and title, a role in the
// case by the person's pseudonym, a deadline by its title) and lays out only what a person changed, in
// Spanish: two real vaults, the same case changed on both, carried as real bundles.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conflictView, wordsFrom } from '../../../shared/bundle-labels-format';
import es from '../../../shared/i18n/es.json';
import { EXIT } from '../../../electron/cli/run';
import { runAmparo } from '../../support/cli';
import { BUNDLE_PASS, PASS, richCase, side, withDb, type Side } from './helpers';

const ES = wordsFrom(es, 'es');

/** Both sides change the same records differently (as SQL: the services would refuse nothing here). */
async function change(s: Side, matterId: string, title: string, due: string, role: string, at: string) {
  await withDb(s, (db) => {
    db.prepare(
      'UPDATE matters SET title = $title, updated_at = $at, revision = revision + 1 WHERE id = $m',
    ).run({ title, at, m: matterId });
    db.prepare('UPDATE deadlines SET due_date = $due, updated_at = $at WHERE matter_id = $m').run({
      due,
      at,
      m: matterId,
    });
    db.prepare(`UPDATE matter_parties SET role = $role WHERE matter_id = $m AND person_id IS NOT NULL`).run({
      role,
      m: matterId,
    });
  });
}

describe('conflict names', () => {
  it('name each conflicting record and show only the changed fields, as words', async () => {
    const a = await side('a');
    const b = await side('b');
    const { matterId } = await richCase(a, [3]);
    const first = join(a.dir, 'uno.amparo');
    await a.ok('bundles:export', { matterIds: [matterId], out: first, seal: { passphrase: BUNDLE_PASS } });
    const seen = await b.ok('bundles:verify', { file: first, key: { passphrase: BUNDLE_PASS } });
    await b.ok('bundles:import', {
      file: first,
      key: { passphrase: BUNDLE_PASS },
      confirmSigner: seen.signerFingerprint,
    });

    await change(a, matterId, 'Caso de A', '2023-07-20', 'witness', '2026-11-20T12:00:00.000Z');
    await change(b, matterId, 'Caso de B', '2023-07-25', 'petitioner', '2026-11-21T12:00:00.000Z');
    const back = join(b.dir, 'dos.amparo');
    await b.ok('bundles:export', { matterIds: [matterId], out: back, seal: { passphrase: BUNDLE_PASS } });
    const summary = await a.ok('bundles:verify', { file: back, key: { passphrase: BUNDLE_PASS } });
    expect(summary.cases).toEqual([{ id: matterId, reference: 'MC-101-23', title: 'Caso de B' }]);
    const asked = await a.ok('bundles:import', {
      file: back,
      key: { passphrase: BUNDLE_PASS },
      confirmSigner: summary.signerFingerprint,
    });
    expect(asked.status).toBe('conflicts');

    const views = Object.fromEntries(
      asked.conflicts.map((c: any) => [c.table, conflictView(ES, c, asked.summary.cases)]),
    );
    expect(Object.keys(views).sort()).toEqual(['deadlines', 'matter_parties', 'matters']);
    expect(views.matters).toMatchObject({ kind: 'Caso', name: 'MC-101-23 · Caso de A', caseName: null });
    expect(views.matters.rows.map((r: any) => [r.label, r.mine, r.theirs])).toEqual([
      ['Título', 'Caso de A', 'Caso de B'],
    ]);
    expect(views.deadlines).toMatchObject({
      kind: 'Plazo',
      name: 'Responder · 20 de julio de 2023',
      caseName: 'MC-101-23 · Caso de B',
    });
    expect(views.deadlines.rows.map((r: any) => [r.label, r.mine, r.theirs])).toEqual([
      ['Fecha de vencimiento', '20 de julio de 2023', '25 de julio de 2023'],
    ]);
    expect(views.matter_parties).toMatchObject({ kind: 'Calidad en el caso', name: 'A.L.Q.' });
    expect(views.matter_parties.rows.map((r: any) => [r.label, r.mine, r.theirs])).toEqual([
      ['Calidad en el caso', 'Testigo', 'Parte peticionaria'],
    ]);
    // Nothing a lawyer would not say: no table or column names, no ids.
    const text = JSON.stringify(
      Object.values(views).map((v: any) => [
        v.kind,
        v.name,
        v.caseName,
        v.rows.map((r: any) => [r.label, r.mine, r.theirs]),
      ]),
    );
    for (const raw of ['matters', 'updated_at', 'revision', 'due_date', matterId])
      expect(text).not.toContain(raw);

    // The command line lists the same conflicts in the same (English) words.
    await a.ok('vault:lock');
    const cli = await runAmparo(
      [
        'bundle',
        'import',
        a.vaultDir,
        back,
        '--passphrase-stdin',
        '--confirm-signer',
        summary.signerFingerprint,
      ],
      `${PASS}\n${BUNDLE_PASS}\n`,
    );
    expect(cli.code, cli.stderr).toBe(EXIT.conflicts);
    expect(cli.stdout).toContain('  Case «MC-101-23 · Caso de A»: Title\n');
    expect(cli.stdout).toContain(
      '  Deadline «Responder · July 20, 2023» in case «MC-101-23 · Caso de B»: Due date\n',
    );
    expect(cli.stdout).toContain(
      '  Role in the case «A.L.Q.» in case «MC-101-23 · Caso de B»: Role in the case\n',
    );
    expect(cli.stdout).not.toMatch(/matters|deadlines|updated_at/);
  });
});
