// Evidence through the real core over real vaults (SQLCipher files, real blob files, no mocks): intake,
// read back, integrity, custody, exhibits, export, working copies, previews, bad input and clean-up.
import { execFile } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdir, open, readFile, readdir, stat, truncate, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../support/contract-check';
import { BLOB_HEADER_SIZE } from '../../../electron/core/evidence/blob-format';
import { stageFile, vaultWriteError } from '../../../electron/core/evidence/intake';
import { blobsDir, incomingDir } from '../../../electron/core/evidence/store';
import { mapSqliteError } from '../../../electron/core/vault/database';
import type { AddEvidenceResult, EvidenceItem, EvidenceProgress } from '../../../shared/schemas/evidence';
import { precautionaryRequest } from '../../support/fixtures';
import { jpegWithExif, pdf } from '../../support/media';
import { TEST_KDF, tempDir } from '../../support/temp';

const run = promisify(execFile);
const PASS = 'frase de contraseña larga para pruebas';
const MiB = 1024 * 1024;

interface Setup {
  core: Core;
  vaultDir: string;
  work: string;
  matterId: string;
  progress: EvidenceProgress[];
}

async function setup(): Promise<Setup> {
  const configDir = await tempDir('amparo-config-');
  const work = await tempDir('amparo-evidence-');
  const vaultDir = join(work, 'boveda');
  const core = await createCore({
    configDir,
    kdfCost: TEST_KDF,
    shell: { chooseFolder: async () => ({ path: null }), mediaUrl: (t) => `test-media://evidence/${t}` },
    logError: (where, error) => console.error(where, error),
  });
  expect((await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
  const matter = await call<{ id: string }>(core, 'matters:create', precautionaryRequest());
  const progress: EvidenceProgress[] = [];
  core.onEvent('evidence:progress', (p) => progress.push(p));
  return { core, vaultDir, work, matterId: matter.id, progress };
}

async function call<T>(core: Core, channel: string, input: unknown): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok)
    throw Object.assign(new Error(`${channel}: ${result.error.code} ${result.error.message}`), result.error);
  return result.value as T;
}

function add(s: Setup, paths: string[], extra: Record<string, unknown> = {}) {
  return call<AddEvidenceResult>(s.core, 'evidence:add', {
    matterId: s.matterId,
    operationId: randomUUID(),
    paths,
    fields: { source: 'A.L.Q.O. (hermana)', acquisition: 'Entregado en memoria USB', ...extra },
  });
}

async function plaintextOf(s: Setup, id: string): Promise<Buffer> {
  const preview = await call<{ url: string }>(s.core, 'evidence:preview', { id });
  const ticket = preview.url.split('/').pop()!;
  const response = await s.core.media(ticket, { method: 'GET' });
  expect(response.status).toBe(200);
  const parts: Buffer[] = [];
  for await (const part of response.body as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}

async function sha256sum(file: string): Promise<string> {
  const { stdout } = await run('sha256sum', [file]);
  return stdout.split(/\s+/)[0]!;
}

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}

async function blobFiles(vaultDir: string): Promise<string[]> {
  return (await readdir(blobsDir(vaultDir)).catch(() => [])).filter((n) => n.endsWith('.blob'));
}

describe('evidence intake and read-back', () => {
  it.each([0, 1, MiB])('round-trips a %i-byte file; hash equals sha256sum', async (size) => {
    const s = await setup();
    const file = join(s.work, `prueba-${size}.bin`);
    await writeFile(file, randomBytes(size));
    const result = await add(s, [file]);
    expect(result.failed).toEqual([]);
    expect(result.added).toHaveLength(1);
    const [item] = result.added;
    expect(item!.size).toBe(size);
    expect(item!.sha256).toBe(await sha256sum(file));
    expect(item!.title).toBe(`prueba-${size}`);
    expect(result.empty).toEqual(size === 0 ? [`prueba-${size}.bin`] : []);
    expect((await plaintextOf(s, item!.id)).equals(await readFile(file))).toBe(true);
    await s.core.dispose();
  });

  it('streams 300 MiB with flat memory, hash equal to sha256sum', async ({ annotate }) => {
    const s = await setup();
    const file = join(s.work, 'video-largo.mp4');
    const handle = await open(file, 'w');
    const block = randomBytes(MiB);
    for (let i = 0; i < 300; i++) {
      block.writeUInt32LE(i, 0); // every MiB different
      await handle.write(block);
    }
    await handle.close();
    const expected = await sha256sum(file);

    global.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 10);
    const result = await add(s, [file]);
    const item = result.added[0]!;
    // Read it all back through the preview stream, hashing as it goes.
    const preview = await call<{ url: string }>(s.core, 'evidence:preview', { id: item.id });
    const response = await s.core.media(preview.url.split('/').pop()!, { method: 'GET' });
    const hash = createHash('sha256');
    for await (const part of response.body as AsyncIterable<Buffer>) hash.update(part);
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);

    expect(item.sha256).toBe(expected);
    expect(hash.digest('hex')).toBe(expected);
    expect(item.size).toBe(300 * MiB);
    const growth = (peak - before) / MiB;
    // A figure for the report, not console noise (`vitest --reporter=verbose` shows it).
    await annotate(`300 MiB intake + read-back: RSS grew by ${growth.toFixed(0)} MiB`, 'figure');
    expect(growth, `RSS grew by ${growth.toFixed(0)} MiB`).toBeLessThan(150);
    expect(s.progress.filter((p) => p.phase === 'intake').at(-1)).toMatchObject({
      bytesDone: 300 * MiB,
      bytesTotal: 300 * MiB,
    });
    await s.core.dispose();
  });

  it('leaves no plaintext byte of the file anywhere in the vault folder', async () => {
    const s = await setup();
    const secret = Buffer.from('DECLARACION-TESTIGO-PROTEGIDO: vio a los agresores en la calle Hidalgo 12. ');
    const text = join(s.work, 'declaracion.txt');
    await writeFile(text, Buffer.concat(Array.from({ length: 3000 }, () => secret)));
    const random = join(s.work, 'foto.bin');
    const randomBody = randomBytes(2 * MiB);
    await writeFile(random, randomBody);
    await add(s, [text, random]);
    await s.core.dispatch('vault:lock', {});
    const probes = [
      secret.subarray(0, 24),
      ...[0, 70_000, MiB, 2 * MiB - 40].map((at) => randomBody.subarray(at, at + 32)),
    ];
    const files = await listFiles(s.vaultDir);
    expect(files.some((f) => f.endsWith('.blob'))).toBe(true);
    for (const file of files) {
      const bytes = await readFile(file);
      for (const probe of probes) expect(bytes.includes(probe), `${file} holds plaintext`).toBe(false);
    }
    await s.core.dispose();
  });

  it('takes in folders (recursively, without litter) and many files at once', async () => {
    const s = await setup();
    const folder = join(s.work, 'chat-export');
    await mkdir(join(folder, 'media'), { recursive: true });
    await writeFile(join(folder, '_chat.txt'), '[12/03/24 21:04] X: ya sabemos dónde vives\n');
    await writeFile(join(folder, 'media', 'IMG-0001.jpg'), jpegWithExif({ make: 'Phone' }));
    await writeFile(join(folder, '.DS_Store'), 'litter');
    await writeFile(join(folder, 'Thumbs.db'), 'litter');
    const result = await add(s, [folder]);
    expect(result.added.map((a) => a.originalName).sort()).toEqual(['IMG-0001.jpg', '_chat.txt']);
    expect(result.added.map((a) => a.kind).sort()).toEqual(['image', 'text']);
    await s.core.dispose();
  });
});

describe('bad input', () => {
  it('reports unreadable paths, folders-as-files, pipes and odd names in plain words, writing nothing for them', async () => {
    const s = await setup();
    const odd = join(s.work, 'acta 12\\03 ¿qué?: "víctima" <A.A.Q.O.> |\u202egpj.exe');
    await writeFile(odd, 'contenido');
    const fifo = join(s.work, 'tuberia');
    await run('mkfifo', [fifo]);
    const result = await add(s, [join(s.work, 'no-existe.pdf'), fifo, odd]);
    expect(result.failed.map((f) => [f.name, f.code])).toEqual([
      ['no-existe.pdf', 'FILE_UNREADABLE'],
      ['tuberia', 'FILE_UNREADABLE'],
    ]);
    expect(result.failed[1]!.message).toMatch(/not a regular file/);
    expect(result.added).toHaveLength(1);
    expect(result.added[0]!.originalName).toBe('acta 12\\03 ¿qué?: "víctima" <A.A.Q.O.> |\u202egpj.exe');
    expect(await blobFiles(s.vaultDir)).toHaveLength(1);
    expect(await readdir(incomingDir(s.vaultDir))).toEqual([]);

    // Exported under a name safe everywhere, with no bidi override disguising the extension.
    const out = join(s.work, 'export');
    await mkdir(out);
    const exported = await call<{ files: { path: string }[] }>(s.core, 'evidence:export', {
      ids: [result.added[0]!.id],
      folder: out,
      confirmed: true,
    });
    expect(await readdir(out)).toEqual(['acta 12_03 ¿qué__ _víctima_ _A.A.Q.O._ _gpj.exe']);
    expect(await readFile(exported.files[0]!.path, 'utf8')).toBe('contenido');
    await s.core.dispose();
  });

  it('a file that changes or vanishes mid-read: FILE_CHANGED and nothing half-written', async () => {
    const s = await setup();
    const file = join(s.work, 'grabacion.wav');
    await writeFile(file, randomBytes(8 * MiB));
    await expect(
      stageFile(s.vaultDir, file, {
        progressEveryBytes: MiB,
        onProgress: () => void truncate(file, 10).catch(() => undefined),
      }),
    ).rejects.toMatchObject({ code: 'FILE_CHANGED' });
    expect(await blobFiles(s.vaultDir)).toEqual([]);
    expect(await readdir(incomingDir(s.vaultDir))).toEqual([]);
    await s.core.dispose();
  });

  it('maps a full disk to DISK_FULL', () => {
    expect(vaultWriteError(Object.assign(new Error('x'), { code: 'ENOSPC' }), 'Writing')).toMatchObject({
      code: 'DISK_FULL',
    });
    expect(vaultWriteError(Object.assign(new Error('x'), { code: 'EDQUOT' }), 'Writing')).toMatchObject({
      code: 'DISK_FULL',
    });
    // The database filling up is the same fault, with the same code, wherever it is reported.
    expect(mapSqliteError(Object.assign(new Error('x'), { code: 'SQLITE_FULL' }), 'Writing')).toMatchObject({
      code: 'DISK_FULL',
    });
  });

  it('validates paths and ids at the boundary', async () => {
    const s = await setup();
    const bad = await s.core.dispatch('evidence:add', {
      matterId: s.matterId,
      operationId: randomUUID(),
      paths: ['relative/file.pdf'],
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const noMatter = await s.core.dispatch('evidence:add', {
      matterId: randomUUID(),
      operationId: randomUUID(),
      paths: ['/tmp/x'],
    });
    expect(noMatter).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const unconfirmed = await s.core.dispatch('evidence:export', { ids: [randomUUID()], folder: '/tmp' });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    await s.core.dispose();
  });
});

describe('cancel and crash leftovers', () => {
  it('a cancelled import leaves no file and no row', async () => {
    const s = await setup();
    const small = join(s.work, 'primero.txt');
    await writeFile(small, 'primer archivo');
    const big = join(s.work, 'video.mp4');
    await writeFile(big, randomBytes(96 * MiB));
    const operationId = randomUUID();
    const off = s.core.onEvent('evidence:progress', (p) => {
      if (p.fileIndex === 1 && p.bytesDone > 20) void s.core.dispatch('evidence:cancel', { operationId });
    });
    const result = await call<AddEvidenceResult>(s.core, 'evidence:add', {
      matterId: s.matterId,
      operationId,
      paths: [small, big],
    });
    off();
    expect(result.cancelled).toBe(true);
    expect(result.added.map((a) => a.originalName)).toEqual(['primero.txt']);
    expect(await blobFiles(s.vaultDir)).toHaveLength(1);
    expect(await readdir(incomingDir(s.vaultDir))).toEqual([]);
    const list = await call<{ items: unknown[] }>(s.core, 'evidence:list', { matterId: s.matterId });
    expect(list.items).toHaveLength(1);
    const audit = await call<{ items: { action: string }[] }>(s.core, 'audit:list', {
      action: 'evidence.acquire',
    });
    expect(audit.items).toHaveLength(1);
    await s.core.dispose();
  });

  it('locking stops a running import, which cleans up after itself', async () => {
    const s = await setup();
    const big = join(s.work, 'video.mp4');
    await writeFile(big, randomBytes(96 * MiB));
    const off = s.core.onEvent('evidence:progress', (p) => {
      if (p.bytesDone > 0) void s.core.lock('user');
    });
    const pending = s.core.dispatch('evidence:add', {
      matterId: s.matterId,
      operationId: randomUUID(),
      paths: [big],
    });
    const result = await pending;
    off();
    expect(result.ok ? (result.value as AddEvidenceResult).added : []).toEqual([]);
    expect(await blobFiles(s.vaultDir)).toEqual([]);
    expect(await readdir(incomingDir(s.vaultDir))).toEqual([]);
    await s.core.dispose();
  });

  it('removes crash leftovers at unlock once they are old, and keeps recent ones', async () => {
    const s = await setup();
    const file = join(s.work, 'a.txt');
    await writeFile(file, 'a');
    await add(s, [file]);
    await s.core.dispatch('vault:lock', {});
    const old = new Date(Date.now() - 3600_000);
    const oldPart = join(incomingDir(s.vaultDir), `${randomUUID()}.part`);
    const oldOrphan = join(blobsDir(s.vaultDir), `${randomUUID()}.blob`);
    const newOrphan = join(blobsDir(s.vaultDir), `${randomUUID()}.blob`);
    for (const f of [oldPart, oldOrphan, newOrphan]) await writeFile(f, randomBytes(100));
    await utimes(oldPart, old, old);
    await utimes(oldOrphan, old, old);
    await call(s.core, 'vault:unlock', { path: s.vaultDir, passphrase: PASS });
    const left = await readdir(blobsDir(s.vaultDir));
    expect(left).toContain(newOrphan.split('/').pop());
    expect(left).not.toContain(oldOrphan.split('/').pop());
    expect(await readdir(incomingDir(s.vaultDir))).toEqual([]);
    expect(await blobFiles(s.vaultDir)).toHaveLength(2);
    const all = await call<{ strayFiles: number; ok: number }>(s.core, 'evidence:verifyAll', {});
    expect(all).toMatchObject({ ok: 1, strayFiles: 1 });
    await s.core.dispose();
  });
});

describe('integrity, custody, exhibits', () => {
  it('a flipped byte in a blob is reported by verify, preview and export, never shown as valid', async () => {
    const s = await setup();
    const file = join(s.work, 'denuncia.pdf');
    await writeFile(file, pdf('Denuncia ante la Fiscalía', { author: 'María Pérez' }));
    const [item] = (await add(s, [file])).added;
    expect(await call(s.core, 'evidence:verify', { id: item!.id })).toMatchObject({ status: 'ok' });

    const [blob] = await blobFiles(s.vaultDir);
    const path = join(blobsDir(s.vaultDir), blob!);
    const bytes = await readFile(path);
    bytes[BLOB_HEADER_SIZE + 5]! ^= 0x01;
    await writeFile(path, bytes);

    const check = await call(s.core, 'evidence:verify', { id: item!.id });
    expect(check).toMatchObject({ status: 'damaged', expectedSha256: item!.sha256, actualSha256: null });
    const all = await call<{ problems: { status: string }[]; ok: number }>(s.core, 'evidence:verifyAll', {});
    expect(all.ok).toBe(0);
    expect(all.problems.map((p) => p.status)).toEqual(['damaged']);

    const preview = await call<{ url: string }>(s.core, 'evidence:preview', { id: item!.id });
    const response = await s.core.media(preview.url.split('/').pop()!, { method: 'GET' });
    expect(response.status).toBe(422);
    expect(response.body).toBe('EVIDENCE_DAMAGED');

    const out = join(s.work, 'salida');
    await mkdir(out);
    expect(
      await s.core.dispatch('evidence:export', { ids: [item!.id], folder: out, confirmed: true }),
    ).toMatchObject({ ok: false, error: { code: 'EVIDENCE_DAMAGED' } });
    expect(await readdir(out)).toEqual([]);

    // A blob that went missing is reported as such.
    await writeFile(path, Buffer.alloc(0));
    expect(await call(s.core, 'evidence:verify', { id: item!.id })).toMatchObject({ status: 'damaged' });
    await import('node:fs/promises').then((fs) => fs.rm(path));
    expect(await call(s.core, 'evidence:verify', { id: item!.id })).toMatchObject({ status: 'missing' });
    await s.core.dispose();
  });

  it('records the chain of custody and audit entries without personal data in the audit', async () => {
    const s = await setup();
    const file = join(s.work, 'Foto de María López.jpg');
    await writeFile(
      file,
      jpegWithExif({ artist: 'María López', gps: { latitude: 17.0612, longitude: -96.7253 } }),
    );
    const [summary] = (await add(s, [file], { eventDate: '2024-03-12', tags: ['Amenaza', 'pared'] })).added;
    await call(s.core, 'evidence:verify', { id: summary!.id });
    const out = join(s.work, 'para-cidh');
    await mkdir(out);
    await call(s.core, 'evidence:export', { ids: [summary!.id], folder: out, confirmed: true });

    const item = await call<EvidenceItem>(s.core, 'evidence:get', { id: summary!.id });
    expect(item.custody.map((c) => c.action)).toEqual([
      'acquired',
      'exhibit_assigned',
      'verified',
      'exported',
    ]);
    const acquired = item.custody[0]!;
    expect(acquired).toMatchObject({
      seq: 1,
      fileName: 'Foto de María López.jpg',
      size: summary!.size,
      sha256: await sha256sum(file),
      source: 'A.L.Q.O. (hermana)',
      note: 'Entregado en memoria USB',
    });
    expect(acquired.at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(acquired.actor).toBeTruthy();
    expect(item.custody[2]).toMatchObject({ outcome: 'ok', sha256: summary!.sha256 });
    expect(item.tags).toEqual(['amenaza', 'pared']);
    expect(item.eventDate).toBe('2024-03-12');
    expect(item.metadata.gps).toEqual({ latitude: 17.0612, longitude: -96.7253 });
    expect(item.metadata.risks.sort()).toEqual(['location', 'person']);
    expect(item.metadata.fields).toContainEqual(
      expect.objectContaining({ name: 'Artist', value: 'María López', risk: 'person' }),
    );

    const audit = await call<{ items: { action: string; details: Record<string, unknown> }[] }>(
      s.core,
      'audit:list',
      { limit: 50 },
    );
    const actions = audit.items.map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['evidence.acquire', 'evidence.verify', 'evidence.export']),
    );
    // What the log stores names no one: the labels beside each entry are read from the records when the
    // log is shown (an evidence item by its title), so they are left out of this check.
    const stored = audit.items.map((entry) => {
      const { recordLabel: _label, matterLabel: _matter, ...rest } = entry as Record<string, unknown>;
      return rest;
    });
    expect(JSON.stringify(stored)).not.toMatch(/María|López|Foto de/);
    expect(await call(s.core, 'audit:verify', {})).toMatchObject({ ok: true });
    await s.core.dispose();
  });

  it('numbers exhibits per filing and never renumbers them', async () => {
    const s = await setup();
    const files = await Promise.all(
      ['1-acta.txt', '2-foto.txt', '3-audio.txt'].map(async (n) => {
        await writeFile(join(s.work, n), n);
        return join(s.work, n);
      }),
    );
    const added = (await add(s, files)).added;
    expect(added.map((a) => a.exhibits)).toEqual([
      [{ filing: '', number: 1 }],
      [{ filing: '', number: 2 }],
      [{ filing: '', number: 3 }],
    ]);
    await call(s.core, 'evidence:assignExhibit', { itemId: added[2]!.id, filing: 'Observaciones 2024' });
    const again = await call<{ number: number }>(s.core, 'evidence:assignExhibit', {
      itemId: added[2]!.id,
      filing: 'Observaciones 2024',
    });
    expect(again.number).toBe(1);
    await call(s.core, 'evidence:assignExhibit', { itemId: added[0]!.id, filing: 'Observaciones 2024' });
    const next = join(s.work, '4.txt');
    await writeFile(next, '4');
    await add(s, [next]);
    const exhibits = await call<{ filing: string; number: number; title: string }[]>(
      s.core,
      'evidence:exhibits',
      {
        matterId: s.matterId,
      },
    );
    expect(exhibits.map((e) => [e.filing, e.number, e.title])).toEqual([
      ['', 1, '1-acta'],
      ['', 2, '2-foto'],
      ['', 3, '3-audio'],
      ['', 4, '4'],
      ['Observaciones 2024', 1, '3-audio'],
      ['Observaciones 2024', 2, '1-acta'],
    ]);
    await s.core.dispose();
  });

  it('makes a working copy without metadata as a new item linked to the untouched original', async () => {
    const s = await setup();
    const file = join(s.work, 'IMG_2024.jpg');
    await writeFile(
      file,
      jpegWithExif({ make: 'Xiaomi', artist: 'Defensora', gps: { latitude: 17.06, longitude: -96.72 } }),
    );
    const [original] = (await add(s, [file])).added;
    expect(original!.metadataRisks.sort()).toEqual(['device', 'location', 'person']);
    const copy = await call<EvidenceItem>(s.core, 'evidence:stripMetadata', { id: original!.id });
    expect(copy.derivedFrom).toBe(original!.id);
    expect(copy.derivation).toBe('metadata_removed');
    expect([copy.kind, copy.mediaType]).toEqual(['image', 'image/jpeg']);
    expect(copy.metadata.risks).toEqual([]);
    expect(copy.metadata.gps).toBeNull();
    expect(copy.exhibits).toEqual([]);
    expect(copy.custody.map((c) => c.action)).toEqual(['derived']);
    const bytes = await plaintextOf(s, copy.id);
    expect(bytes.includes(Buffer.from('Defensora'))).toBe(false);
    expect(bytes.includes(Buffer.from('Xiaomi'))).toBe(false);
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const after = await call<EvidenceItem>(s.core, 'evidence:get', { id: original!.id });
    expect(after.sha256).toBe(original!.sha256);
    expect(after.workingCopies).toEqual([
      { id: copy.id, title: `${original!.title} (no metadata)`, derivation: 'metadata_removed' },
    ]);
    expect(after.custody.map((c) => c.action)).toEqual(['acquired', 'exhibit_assigned', 'working_copy_made']);
    expect(await call(s.core, 'evidence:verify', { id: original!.id })).toMatchObject({ status: 'ok' });
    await s.core.dispose();
  });

  it('detects a PDF author and media types from content, not names', async () => {
    const s = await setup();
    const a = join(s.work, 'oficio.dat');
    await writeFile(a, pdf('Oficio 123/2024', { author: 'Lic. Juan Ramírez', creator: 'Word' }));
    const [item] = (await add(s, [a])).added;
    expect(item!.kind).toBe('pdf');
    expect(item!.metadataRisks).toEqual(['person']);
    const full = await call<EvidenceItem>(s.core, 'evidence:get', { id: item!.id });
    expect(full.metadata.fields).toContainEqual(
      expect.objectContaining({ group: 'pdf', name: 'Author', value: 'Lic. Juan Ramírez' }),
    );
    await s.core.dispose();
  });
});

describe('preview streaming', () => {
  it('serves ranges, HEAD and 416, and stops working at lock', async () => {
    const s = await setup();
    const file = join(s.work, 'audio.ogg');
    const body = randomBytes(200_000);
    body.write('OggS', 0, 'latin1');
    await writeFile(file, body);
    const [item] = (await add(s, [file])).added;
    expect(item!.kind).toBe('audio');
    const preview = await call<{ url: string; kind: string }>(s.core, 'evidence:preview', { id: item!.id });
    expect(preview.url).toMatch(/^test-media:\/\/evidence\/[A-Za-z0-9_-]{32}$/);
    const ticket = preview.url.split('/').pop()!;

    const partial = await s.core.media(ticket, { method: 'GET', range: 'bytes=70000-140000' });
    expect(partial.status).toBe(206);
    expect(partial.headers['Content-Range']).toBe('bytes 70000-140000/200000');
    expect(partial.headers['Content-Type']).toBe('audio/ogg');
    expect(partial.headers['Cache-Control']).toBe('no-store');
    const parts: Buffer[] = [];
    for await (const p of partial.body as AsyncIterable<Buffer>) parts.push(p);
    expect(Buffer.concat(parts).equals(body.subarray(70000, 140001))).toBe(true);

    const suffix = await s.core.media(ticket, { method: 'HEAD', range: 'bytes=-100' });
    expect([suffix.status, suffix.headers['Content-Length'], suffix.body]).toEqual([206, '100', null]);
    expect((await s.core.media(ticket, { method: 'GET', range: 'bytes=300000-' })).status).toBe(416);
    expect((await s.core.media('x'.repeat(32), { method: 'GET' })).status).toBe(404);

    await s.core.dispatch('vault:lock', {});
    expect((await s.core.media(ticket, { method: 'GET' })).status).toBe(403);
    await call(s.core, 'vault:unlock', { path: s.vaultDir, passphrase: PASS });
    expect((await s.core.media(ticket, { method: 'GET' })).status).toBe(404);
    await s.core.dispose();
  });

  it('keeps confidential items out of lists until revealed', async () => {
    const s = await setup();
    const file = join(s.work, 'testimonio.txt');
    await writeFile(file, 'testimonio protegido');
    const [item] = (await add(s, [file], { classification: 'confidential' })).added;
    const list = await call<{ items: unknown[]; hiddenConfidential: number }>(s.core, 'evidence:list', {
      matterId: s.matterId,
    });
    expect(list).toMatchObject({ items: [], hiddenConfidential: 1 });
    expect(await s.core.dispatch('evidence:preview', { id: item!.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFIDENTIAL' },
    });
    expect((await stat(s.vaultDir)).isDirectory()).toBe(true);
    await s.core.dispose();
  });
});
