/* eslint-disable @typescript-eslint/no-explicit-any -- records read back from the bundle's JSON by shape */
// A bundle exported through a filings redaction profile made by the user, opened without Amparo (Debian's
// `age -d -i`, `tar -xf`, `sha256sum -c`) and read back as JSON: what the profile leaves out is absent,
// what it keeps is there, and the manifest counts what stayed out. Every expected count comes from the
// rows this test seeded (counted with its own SQL), never from the export.
import { execFileSync } from 'node:child_process';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createTestVault, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';
import { LEGAL_NAME, richCase, side, withDb, type RichCase } from './helpers';

type Item = RichCase['items'][number];

const EMPTY_IDENTITY = {
  aliases: [],
  dateOfBirth: '1990-01-01',
  idNumbers: [],
  phones: [],
  addresses: [],
  notes: '',
};

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('redacted export with a filings redaction profile', () => {
  it('leaves out what the profile leaves out, and the manifest counts it', async () => {
    const a = await side('perfil');
    const rich = await richCase(a, [0, 1, 70_000], true);
    const matterId = rich.matterId;
    const [kept, excludedItem, confidentialItem] = rich.items as [Item, Item, Item];
    const witness = await a.ok('people:create', {
      pseudonym: 'T.1',
      classification: 'restricted',
      identity: {
        ...EMPTY_IDENTITY,
        legalName: 'Rosa Testigo Nava',
        phones: ['+52 55 5555 0123'],
        addresses: ['Av. Juárez 5'],
      },
    });
    const hidden = await a.ok('people:create', {
      pseudonym: 'T.2',
      classification: 'restricted',
      identity: { ...EMPTY_IDENTITY, legalName: 'Pedro Oculto Ruiz' },
    });
    await a.ok('parties:add', { matterId, role: 'witness', personId: witness.id });
    await a.ok('parties:add', { matterId, role: 'witness', personId: hidden.id });
    const incident = (fields: Record<string, unknown>) =>
      a.ok('incidents:create', {
        matterId,
        occurredOn: '2023-08-01',
        kind: 'threat',
        description: '',
        place: '',
        source: '',
        tags: ['seguimiento'],
        ...fields,
      });
    const confidentialIncident = await incident({
      title: 'Fuente dentro de la policía',
      classification: 'confidential',
      personIds: [rich.personId],
    });
    const excludedIncident = await incident({
      title: 'Visita al domicilio',
      classification: 'restricted',
      personIds: [hidden.id, witness.id],
    });
    const keptIncident = await incident({
      title: 'Patrulla frente a la casa',
      classification: 'restricted',
      personIds: [hidden.id, witness.id],
    });
    await withDb(a, (db) =>
      db
        .prepare(`UPDATE evidence_items SET classification = 'confidential' WHERE id = $id`)
        .run({ id: confidentialItem.id }),
    );
    const profile = await a.ok('filingProfiles:save', {
      name: 'Para la contraparte (prueba)',
      base: null,
      rules: {
        people: 'pseudonym',
        byRole: { witness: 'name' },
        byPerson: { [hidden.id]: 'omit' },
        petitionerIdentityWithheld: true,
        excludeConfidentialIncidents: true,
        excludedIncidentIds: [excludedIncident.id],
        excludeConfidentialExhibits: false,
        excludedEvidenceIds: [excludedItem.id],
        excludeConfidentialNotes: true,
        exhibitIndex: true,
      },
    });

    // The extraction queue done first, so that no row appears between the count and the export.
    await a.ok('extraction:start', { wait: true });
    // What the profile must leave out, counted in the source vault before the export.
    const expected = await withDb(a, (db) => {
      const count = (sql: string, params: Record<string, string> = {}) =>
        (db.prepare(sql).get(params) as { n: number }).n;
      const gone = { i1: confidentialIncident.id, i2: excludedIncident.id, p: hidden.id };
      return {
        protected_identities: 2, // the beneficiary (pseudonym) and the omitted witness
        'protected_identities (details beyond the name)': 1, // the named witness's phone and address
        'people (left out by the profile)': 1,
        'incidents (confidential)': 1,
        'incidents (left out by the profile)': 1,
        'evidence_items (chosen exhibits)': 1,
        'notes (confidential)': 1,
        filings: count('SELECT count(*) AS n FROM filings WHERE matter_id = $m', { m: matterId }),
        filing_versions: count(
          'SELECT count(*) AS n FROM filing_versions WHERE filing_id IN (SELECT id FROM filings WHERE matter_id = $m)',
          { m: matterId },
        ),
        leak_decisions: count(
          'SELECT count(*) AS n FROM leak_decisions WHERE filing_id IN (SELECT id FROM filings WHERE matter_id = $m)',
          { m: matterId },
        ),
        'matter_parties (linked to records left out)': count(
          'SELECT count(*) AS n FROM matter_parties WHERE person_id = $p',
          { p: hidden.id },
        ),
        'incident_people (linked to records left out)': count(
          'SELECT count(*) AS n FROM incident_people WHERE person_id = $p OR incident_id IN ($i1, $i2)',
          gone,
        ),
        'evidence_custody (linked to records left out)': count(
          'SELECT count(*) AS n FROM evidence_custody WHERE item_id = $e',
          { e: excludedItem.id },
        ),
        'evidence_exhibits (linked to records left out)': count(
          'SELECT count(*) AS n FROM evidence_exhibits WHERE item_id = $e',
          { e: excludedItem.id },
        ),
        'evidence_extraction (linked to records left out)': count(
          'SELECT count(*) AS n FROM evidence_extraction WHERE item_id = $e',
          { e: excludedItem.id },
        ),
        'evidence_text (linked to records left out)': count(
          'SELECT count(*) AS n FROM evidence_text WHERE item_id = $e',
          { e: excludedItem.id },
        ),
        'tags (linked to records left out)': count(
          `SELECT count(*) AS n FROM tags WHERE entity_id IN ($i1, $i2, $p, $e)
             OR entity_id IN (SELECT id FROM notes WHERE matter_id = $m AND classification = 'confidential')`,
          { ...gone, e: excludedItem.id, m: matterId },
        ),
      };
    });

    const key = join(a.dir, 'clave.txt');
    execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', key]).toString().trim();
    const out = join(a.dir, 'caso-perfil.amparo');
    const result = await a.ok('bundles:export', {
      matterIds: [matterId],
      out,
      seal: { recipients: [recipient] },
      redactionProfileId: profile.id,
    });

    const tar = join(a.dir, 'caso.tar');
    execFileSync('age', ['-d', '-i', key, '-o', tar, out]);
    const folder = join(a.dir, 'caso');
    await mkdir(folder);
    execFileSync('tar', ['-xf', tar, '-C', folder]);
    expect(execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder }).toString()).not.toMatch(/FAILED/);
    const json = async (file: string): Promise<any> => JSON.parse(await readFile(join(folder, file), 'utf8'));
    const records = async (table: string): Promise<any[]> => json(`records/${table}.json`).catch(() => []);

    const manifest = await json('manifest.json');
    expect(manifest.redaction.profile).toBe('profile');
    expect(manifest.redaction.profileName).toBe('Para la contraparte (prueba)');
    const leftOut = Object.fromEntries(manifest.redaction.leftOut.map((l: any) => [l.kind, l.count]));
    expect(leftOut).toEqual(expected);
    expect(result.leftOut).toEqual(manifest.redaction.leftOut);

    // People: the omitted witness is gone with the links naming them; the named one travels by name only.
    const ids = async (table: string) => (await records(table)).map((r) => r.id);
    expect(await ids('people')).toEqual(expect.arrayContaining([rich.personId, witness.id]));
    expect(await ids('people')).not.toContain(hidden.id);
    const identities = await records('protected_identities');
    expect(identities).toEqual([
      expect.objectContaining({
        person_id: witness.id,
        legal_name: 'Rosa Testigo Nava',
        phones: '[]',
        addresses: '[]',
      }),
    ]);
    expect((await records('matter_parties')).map((p) => p.person_id)).not.toContain(hidden.id);
    expect((await records('incident_people')).map((l) => l.person_id)).not.toContain(hidden.id);
    // Incidents, notes, exhibits: the profile's choices.
    expect(await ids('incidents')).toContain(keptIncident.id);
    expect(await ids('incidents')).not.toContain(confidentialIncident.id);
    expect(await ids('incidents')).not.toContain(excludedIncident.id);
    expect((await records('notes')).map((n) => n.classification)).not.toContain('confidential');
    // This profile keeps confidential exhibits: the confidential item travels, the excluded one does not.
    expect(await ids('evidence_items')).toEqual(expect.arrayContaining([kept.id, confidentialItem.id]));
    expect(await ids('evidence_items')).not.toContain(excludedItem.id);
    expect(manifest.attachments.map((x: any) => x.itemId)).not.toContain(excludedItem.id);
    expect(await records('filings')).toEqual([]);
    // Byte scan of everything unpacked: no protected value left out appears anywhere.
    for (const file of await filesUnder(folder)) {
      const bytes = await readFile(file);
      for (const secret of [
        LEGAL_NAME,
        'Pedro Oculto Ruiz',
        '+52 55 5555 0123',
        'Av. Juárez 5',
        'Fuente dentro',
      ]) {
        expect(bytes.includes(Buffer.from(secret)), `${secret} in ${file}`).toBe(false);
      }
    }
    // Verified by Amparo, the summary names the profile and the same counts.
    const identity = (await readFile(key, 'utf8')).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-1'))!;
    const summary = await a.ok('bundles:verify', { file: out, key: { identity } });
    expect(summary.redaction).toEqual(manifest.redaction);
    // A profile given, it is the one applied, whatever the fixed choice says.
    const cli = await a.ok('bundles:export', {
      matterIds: [matterId],
      out: join(a.dir, 'otra.amparo'),
      seal: { recipients: [recipient] },
      redactionProfileId: profile.id,
      redaction: 'pseudonyms-only',
    });
    expect(cli.leftOut).toEqual(result.leftOut);
  });

  it('amparo bundle export --redact PROFILE: by built-in key or by name; an unknown one lists the profiles', async () => {
    const dir = await tempDir();
    const vault = join(dir, 'v');
    const pass = 'clave de prueba suficientemente larga';
    await createTestVault(vault, pass);
    const add = await runAmparo(
      ['case', 'add', vault, '--from-json', '-', '--passphrase-stdin'],
      `${pass}\n${JSON.stringify({ title: 'Defensora', type: 'petition', reference: 'P-88-24' })}`,
    );
    expect(add.code, add.stderr).toBe(EXIT.ok);
    const exportWith = (redact: string, out: string) =>
      runAmparo(
        [
          'bundle',
          'export',
          vault,
          '--case',
          'P-88-24',
          '--out',
          join(dir, out),
          '--to-passphrase',
          '--redact',
          redact,
          '--passphrase-stdin',
        ],
        `${pass}\nfrase del paquete\n`,
      );
    for (const [redact, out] of [
      ['state', 'a.amparo'],
      ['estado', 'b.amparo'],
    ] as const) {
      const done = await exportWith(redact, out);
      expect(done.code, done.stderr).toBe(EXIT.ok);
      const verified = await runAmparo(
        ['bundle', 'verify', join(dir, out), '--passphrase-stdin'],
        'frase del paquete\n',
      );
      expect(verified.stdout).toMatch(/^Redaction: +profile Estado/m);
    }
    const unknown = await exportWith('Nadie', 'c.amparo');
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toMatch(/No redaction profile Nadie; profiles: none, pseudonyms-only, commission/);
  });
});
