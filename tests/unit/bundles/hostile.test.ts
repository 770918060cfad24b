// Hostile or broken bundles: each refused with its own code and nothing written (row counts of every
// table and the hash of every evidence file, before and after).
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateX25519Identity } from 'age-encryption';
import { manifestOf, resign, seal, sha256, tarOf, unpack, type CraftEntry } from './craft';
import { BUNDLE_PASS, dispose, richCase, side, snapshot, withDb, type Side } from './helpers';

let a: Side;
let b: Side;
let good: string;
let goodId: string;
let matterId: string;
let entries: CraftEntry[];
let before: Awaited<ReturnType<typeof snapshot>>;
let n = 0;

beforeAll(async () => {
  a = await side('origen', true);
  b = await side('destino', true);
  const rich = await richCase(a, [0, 5000]);
  good = join(a.dir, 'bueno.amparo');
  matterId = rich.matterId;
  goodId = (
    await a.ok('bundles:export', { matterIds: [rich.matterId], out: good, seal: { passphrase: BUNDLE_PASS } })
  ).bundleId;
  entries = await unpack(good, BUNDLE_PASS);
  // The second vault holds a case of its own and already trusts the first vault's key (it took in
  // another of its cases), so each check below is reached.
  await richCase(b, [10]);
  const other = await a.ok('matters:create', {
    title: 'Otro caso',
    matterType: 'petition',
    forum: 'iachr',
    reference: 'P-1-24',
    status: 'draft',
    openedOn: '2024-01-01',
    summary: '',
    classification: 'restricted',
  });
  const first = join(a.dir, 'otro.amparo');
  await a.ok('bundles:export', { matterIds: [other.id], out: first, seal: { passphrase: BUNDLE_PASS } });
  const summary = await b.ok('bundles:verify', { file: first, key: { passphrase: BUNDLE_PASS } });
  await b.ok('bundles:import', {
    file: first,
    key: { passphrase: BUNDLE_PASS },
    confirmSigner: summary.signerFingerprint,
  });
  before = await snapshot(b);
}, 60_000);

afterAll(async () => dispose(a, b));

const clone = () => entries.map((e) => ({ ...e, ...(e.data ? { data: Buffer.from(e.data) } : {}) }));

async function crafted(list: CraftEntry[]): Promise<string> {
  return seal(await tarOf(list), BUNDLE_PASS, join(b.dir, `hecho-${n++}.amparo`));
}

async function refused(
  file: string,
  code: string,
  extra: Record<string, unknown> = {},
  key: unknown = { passphrase: BUNDLE_PASS },
) {
  const verify = await b.call('bundles:verify', { file, key });
  const result = await b.call('bundles:import', { file, key, ...extra });
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect({ import: result.error.code }).toEqual({ import: code });
  // Verify refuses the same way (an unknown signer is only a fact there, not a refusal).
  if (code !== 'BUNDLE_UNKNOWN_SIGNER') expect({ verify: verify.error?.code }).toEqual({ verify: code });
  expect(await snapshot(b)).toEqual(before);
}

describe('hostile bundles', () => {
  it('wrong passphrase', async () => refused(good, 'BUNDLE_WRONG_KEY', {}, { passphrase: 'no es la frase' }));

  it('wrong age key', async () =>
    refused(good, 'BUNDLE_WRONG_KEY', {}, { identity: await generateX25519Identity() }));

  it('truncated file', async () => {
    const data = await readFile(good);
    const file = join(b.dir, 'cortado.amparo');
    await writeFile(file, data.subarray(0, data.length - 300));
    await refused(file, 'BUNDLE_DAMAGED');
  });

  it('flipped byte', async () => {
    const data = Buffer.from(await readFile(good));
    data[Math.floor(data.length * 0.7)]! ^= 0x01;
    const file = join(b.dir, 'alterado.amparo');
    await writeFile(file, data);
    await refused(file, 'BUNDLE_DAMAGED');
  });

  it('not an age file', async () => {
    const file = join(b.dir, 'texto.amparo');
    await writeFile(file, 'esto no es un paquete\n');
    await refused(file, 'BUNDLE_NOT_AGE');
  });

  it('an attachment that does not match its hash', async () => {
    const list = clone();
    const attachment = list.find((e) => e.name.startsWith('attachments/') && e.data!.length > 0)!;
    attachment.data![0]! ^= 0xff;
    await refused(await crafted(list), 'BUNDLE_HASH_MISMATCH');
  });

  it('a manifest changed after signing', async () => {
    const list = clone();
    const m = list.find((e) => e.name === 'manifest.json')!;
    m.data = Buffer.from(m.data!.toString('utf8').replace('MC-101-23', 'MC-999-23'));
    await refused(await crafted(list), 'BUNDLE_SIGNATURE_INVALID');
  });

  it('no signature', async () =>
    refused(await crafted(clone().filter((e) => e.name !== 'manifest.sig')), 'BUNDLE_SIGNATURE_MISSING'));

  it('a future format version', async () => {
    const list = clone();
    resign(list, { ...manifestOf(list), formatVersion: 2 });
    await refused(await crafted(list), 'BUNDLE_FORMAT_UNSUPPORTED');
  });

  for (const [what, entry] of [
    ['../ in a path', { name: '../fuera.txt', data: Buffer.from('x') }],
    ['an absolute path', { name: '/tmp/amparo-fuera.txt', data: Buffer.from('x') }],
    ['a symbolic link', { name: 'attachments/enlace', type: 'symlink', linkname: '/etc/passwd' }],
    ['a hard link', { name: 'attachments/duro', type: 'link', linkname: 'README.txt' }],
    ['a device', { name: 'attachments/disp', type: 'character-device' }],
    ['a folder', { name: 'attachments/carpeta', type: 'directory' }],
  ] as [string, CraftEntry][]) {
    it(`an entry with ${what}`, async () => {
      const list = clone();
      list.splice(3, 0, entry);
      await refused(await crafted(list), 'BUNDLE_UNSAFE_ENTRY');
    });
  }

  it('a duplicate path', async () => {
    const list = clone();
    list.push({ ...list.find((e) => e.name === 'records/notes.json')! });
    await refused(await crafted(list), 'BUNDLE_DUPLICATE_ENTRY');
  });

  it('a file the manifest does not list', async () => {
    const list = clone();
    list.push({ name: 'attachments/extra.exe', data: Buffer.from('MZ') });
    await refused(await crafted(list), 'BUNDLE_UNEXPECTED_ENTRY');
  });

  it('data after the end of the tar archive (where tar would not look)', async () => {
    const tar = Buffer.concat([await tarOf(clone()), Buffer.from('oculto')]);
    await refused(
      await seal(tar, BUNDLE_PASS, join(b.dir, `hecho-${n++}.amparo`)),
      'BUNDLE_UNEXPECTED_ENTRY',
    );
  });

  it('a listed file missing', async () => {
    await refused(
      await crafted(clone().filter((e) => !e.name.startsWith('attachments/'))),
      'BUNDLE_MISSING_ENTRY',
    );
  });

  it('a record that fails its schema (validly signed by a key the user confirmed)', async () => {
    const list = clone();
    const notes = list.find((e) => e.name === 'records/notes.json')!;
    const rows = JSON.parse(notes.data!.toString('utf8'));
    rows[0].title = 42;
    notes.data = Buffer.from(JSON.stringify(rows));
    const manifest = manifestOf(list);
    const file = manifest.files.find((f) => f.path === 'records/notes.json')!;
    file.size = notes.data.length;
    file.sha256 = sha256(notes.data);
    const fingerprint = resign(list, manifest);
    await refused(await crafted(list), 'BUNDLE_RECORD_INVALID', { confirmSigner: fingerprint });
  });

  it('a record of a table bundles do not carry', async () => {
    const list = clone();
    const data = Buffer.from('[]');
    list.push({ name: 'records/vault_meta.json', data });
    const manifest = manifestOf(list);
    manifest.files.push({ path: 'records/vault_meta.json', size: data.length, sha256: sha256(data) });
    (manifest.records as unknown[]).push({ table: 'vault_meta', count: 0 });
    const fingerprint = resign(list, manifest);
    await refused(await crafted(list), 'BUNDLE_RECORD_INVALID', { confirmSigner: fingerprint });
  });

  it('absurd sizes', async () => {
    const list = clone();
    const manifest = manifestOf(list);
    manifest.files.find((f) => f.path.startsWith('attachments/'))!.size = 2 ** 50;
    resign(list, manifest);
    await refused(await crafted(list), 'BUNDLE_TOO_LARGE');
  });

  it('a tar entry larger than the manifest says (a bomb)', async () => {
    const list = clone();
    const attachment = list.find((e) => e.name.startsWith('attachments/') && e.data!.length > 0)!;
    attachment.data = Buffer.concat([attachment.data!, Buffer.alloc(1024 * 1024)]);
    await refused(await crafted(list), 'BUNDLE_TOO_LARGE');
  });

  it('a signer this vault does not know, without confirmation', async () => {
    const list = clone();
    resign(list, manifestOf(list));
    await refused(await crafted(list), 'BUNDLE_UNKNOWN_SIGNER');
  });

  it('an incremental bundle whose evidence file this vault never received', async () => {
    await withDb(a, (db) =>
      db.prepare(`UPDATE evidence_items SET title = 'Otra' WHERE matter_id = $m`).run({ m: matterId }),
    );
    const file = join(a.dir, 'incremental.amparo');
    await a.ok('bundles:export', {
      matterIds: [matterId],
      out: file,
      seal: { passphrase: BUNDLE_PASS },
      since: goodId,
    });
    const result = await b.call('bundles:import', { file, key: { passphrase: BUNDLE_PASS } });
    expect(result.error?.code).toBe('BUNDLE_MISSING_ENTRY');
    expect(await snapshot(b)).toEqual(before);
  });

  it('a bundle made by the age command line from a hand-made tar: no manifest', async () => {
    const file = join(b.dir, 'a-mano.amparo');
    const identity = join(b.dir, 'clave.txt');
    execFileSync('age-keygen', ['-o', identity], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', identity]).toString().trim();
    const tar = await tarOf([{ name: 'carta.txt', data: Buffer.from('hola') }]);
    execFileSync('age', ['-r', recipient, '-o', file], { input: tar });
    const key = {
      identity: (await readFile(identity, 'utf8')).split('\n').find((l) => l.startsWith('AGE-SECRET-KEY-'))!,
    };
    await refused(file, 'BUNDLE_NO_MANIFEST', {}, key);
  });
});
