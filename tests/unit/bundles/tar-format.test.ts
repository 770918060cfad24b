// The tar layer (node-tar's headers, our framing) against two independent implementations: tar-stream
// reads back every header field it writes (short names, names split into ustar's prefix, non-ASCII and
// 200-byte UTF-8 names through a pax record, sizes beyond 8 GiB in base-256), GNU tar lists and extracts
// what it writes, and the parser reads back tar-stream's and GNU tar's archives (GNU long names and pax),
// fed in pieces of uneven sizes. Damage and trailing data are refused.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AmparoError } from '../../../shared/errors';
import {
  END_OF_ARCHIVE,
  TarParser,
  fileHeader,
  padding,
  type TarHeader,
} from '../../../electron/core/bundles/tar-format';

const MTIME = new Date('2026-12-01T10:00:00.000Z');
const NAMES = [
  'manifest.json',
  `attachments/MC-101-23/${'b'.repeat(36)}-${'x'.repeat(60)}.pdf`, // over 100 bytes: ustar prefix
  'attachments/MC-101-23/3f1e-declaración de la víctima (versión final).pdf', // not ASCII: pax
  // 200 bytes of UTF-8, a ustar prefix that fits and a pax path that holds the whole name
  `attachments/MC-101-23/${'ñ'.repeat(80)}-${'a'.repeat(13)}.pdf`,
  `attachments/${'c'.repeat(120)}/${'d'.repeat(120)}.bin`, // neither field fits: pax
];

/** The header fields tar-stream reads from `bytes`, one entry. */
async function tarStreamReads(bytes: Buffer): Promise<Record<string, unknown>[]> {
  const ex = extract();
  const out: Record<string, unknown>[] = [];
  const done = (async () => {
    for await (const entry of ex) {
      const { name, size, mode, mtime, type, uid, gid } = entry.header;
      out.push({ name, size, mode, mtime: mtime?.getTime(), type, uid, gid });
      entry.resume();
    }
  })();
  ex.end(bytes);
  await done;
  return out;
}

function archive(entries: { name: string; data: Buffer }[]): Buffer {
  const parts: Buffer[] = [];
  for (const e of entries) {
    parts.push(fileHeader(e.name, e.data.length, MTIME), e.data, Buffer.alloc(padding(e.data.length)));
  }
  parts.push(END_OF_ARCHIVE);
  return Buffer.concat(parts);
}

/** Feeds `bytes` to a parser in uneven pieces, so nothing leans on the pieces' sizes. */
function parserOf(bytes: Buffer): TarParser {
  let at = 0;
  let step = 1;
  return new TarParser(async () => {
    if (at >= bytes.length) return null;
    step = (step * 7 + 13) % 9000;
    const end = Math.min(bytes.length, at + 1 + step);
    const piece = Buffer.from(bytes.subarray(at, end));
    at = end;
    return piece;
  });
}

async function readAll(parser: TarParser): Promise<{ header: TarHeader; data: Buffer }[]> {
  const out: { header: TarHeader; data: Buffer }[] = [];
  for (let header = await parser.header(); header !== null; header = await parser.header()) {
    const parts: Buffer[] = [];
    for (let part = await parser.data(); part !== null; part = await parser.data()) parts.push(part);
    out.push({ header, data: Buffer.concat(parts) });
  }
  return out;
}

/** tar-stream's fields for a lone header (its entry's data never comes: a size beyond 8 GiB). */
async function tarStreamHeaderOnly(bytes: Buffer): Promise<Record<string, unknown>[]> {
  const ex = extract();
  const first = new Promise<Record<string, unknown>[]>((resolve, reject) => {
    ex.on('entry', (header, stream) => {
      const { name, size, mode, mtime, type, uid, gid } = header;
      resolve([{ name, size, mode, mtime: mtime?.getTime(), type, uid, gid }]);
      stream.resume();
      ex.destroy();
    });
    ex.on('error', reject);
  });
  ex.write(bytes);
  return first;
}

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AmparoError ? error.code : String(error)),
  );

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'amparo-tar-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('tar headers', () => {
  it('names 200 bytes of UTF-8 long', () => {
    expect(Buffer.byteLength(NAMES[3]!)).toBe(200);
  });

  for (const name of NAMES) {
    it(`tar-stream reads every field back for ${JSON.stringify(name.slice(0, 40))}…`, async () => {
      for (const size of [0, 1, 511, 512, 5000, 9 * 1024 ** 3 + 7]) {
        // The data is left out: tar-stream reads the header as soon as it is complete.
        const small = size <= 5000;
        const bytes = small
          ? archive([{ name, data: Buffer.alloc(size, 1) }])
          : fileHeader(name, size, MTIME);
        const read = small ? await tarStreamReads(bytes) : await tarStreamHeaderOnly(bytes);
        expect(read).toEqual([
          { name, size, mode: 0o600, mtime: MTIME.getTime(), type: 'file', uid: 0, gid: 0 },
        ]);
      }
    });
  }

  it('GNU tar lists and extracts every name and byte', async () => {
    const entries = NAMES.map((name, i) => ({ name, data: randomBytes(i * 3000 + 1) }));
    const file = join(dir, 'ours.tar');
    await writeFile(file, archive(entries));
    const listed = execFileSync('tar', ['-tf', file]).toString().trim().split('\n');
    expect(listed).toEqual(NAMES);
    const verbose = execFileSync('tar', ['--numeric-owner', '-tvf', file]).toString().trim().split('\n');
    expect(verbose.map((line) => line.split(/ +/).slice(0, 2).join(' '))).toEqual(
      NAMES.map(() => '-rw------- 0/0'),
    );
    const out = join(dir, 'out');
    execFileSync('mkdir', ['-p', out]);
    execFileSync('tar', ['-xf', file, '-C', out]);
    for (const e of entries) expect((await readFile(join(out, e.name))).equals(e.data)).toBe(true);
  });
});

describe('the tar parser', () => {
  it('reads back what it writes, entry by entry', async () => {
    const entries = NAMES.map((name, i) => ({ name, data: randomBytes(i * 70_001) }));
    const read = await readAll(parserOf(archive(entries)));
    expect(read.map((r) => [r.header.name, r.header.type, r.header.size])).toEqual(
      entries.map((e) => [e.name, 'File', e.data.length]),
    );
    read.forEach((r, i) => expect(r.data.equals(entries[i]!.data)).toBe(true));
  });

  it("reads GNU tar's archive, long names (GNU and pax) included", async () => {
    const src = join(dir, 'src');
    const long = `${'e'.repeat(130)}.txt`;
    const folder = 'attachments/MC-101-23';
    const utf8 = `${folder}/${'ñ'.repeat(80)}-${'a'.repeat(13)}.pdf`; // 200 bytes
    execFileSync('mkdir', ['-p', join(src, folder)]);
    await writeFile(join(src, long), 'largo');
    await writeFile(join(src, 'año.txt'), 'eñe');
    await writeFile(join(src, utf8), 'doscientos');
    for (const format of ['gnu', 'pax']) {
      const file = join(dir, `gnu-${format}.tar`);
      execFileSync('tar', [`--format=${format}`, '-cf', file, '-C', src, long, 'año.txt', utf8]);
      const read = await readAll(parserOf(await readFile(file)));
      expect(read.map((r) => [r.header.name, r.header.type, r.data.toString()])).toEqual([
        [long, 'File', 'largo'],
        ['año.txt', 'File', 'eñe'],
        [utf8, 'File', 'doscientos'],
      ]);
    }
  });

  it('names other kinds of entry by their type, so the reader can refuse them', async () => {
    const src = join(dir, 'kinds');
    execFileSync('mkdir', ['-p', join(src, 'carpeta')]);
    execFileSync('ln', ['-sf', '/etc/passwd', join(src, 'enlace')]);
    const file = join(dir, 'kinds.tar');
    execFileSync('tar', ['-cf', file, '-C', src, 'carpeta', 'enlace']);
    const parser = parserOf(await readFile(file));
    expect((await parser.header())?.type).toBe('Directory');
    expect((await parser.header())?.type).toBe('SymbolicLink');
  });

  it('refuses a changed header, a cut entry and data after the end of the archive', async () => {
    const good = archive([{ name: 'a.txt', data: Buffer.from('hola') }]);
    const changed = Buffer.from(good);
    changed[10] = 0x41; // inside the name: the checksum no longer holds
    expect(await code(readAll(parserOf(changed)))).toBe('BUNDLE_DAMAGED');
    expect(await code(readAll(parserOf(good.subarray(0, 514))))).toBe('BUNDLE_DAMAGED');
    const trailing = Buffer.concat([good, Buffer.from('oculto')]);
    const parser = parserOf(trailing);
    await readAll(parser);
    expect(await parser.trailing()).toBe(true);
    const clean = parserOf(Buffer.concat([good, Buffer.alloc(4096)]));
    await readAll(clean);
    expect(await clean.trailing()).toBe(false);
  });

  it('hands out an entry’s data in pieces of at most the size asked', async () => {
    const data = randomBytes(200_000);
    const parser = parserOf(archive([{ name: 'x.bin', data }]));
    await parser.header();
    const hash = createHash('sha256');
    for (let part = await parser.data(1000); part !== null; part = await parser.data(1000)) {
      expect(part.length).toBeLessThanOrEqual(1000);
      hash.update(part);
    }
    expect(hash.digest('hex')).toBe(createHash('sha256').update(data).digest('hex'));
  });
});
