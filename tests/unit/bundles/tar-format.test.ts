// The hand-made tar layer against two independent implementations: the header blocks equal tar-stream's
// for the same entries (short names, names split into ustar's prefix, non-ASCII names through a pax
// record, sizes beyond 8 GiB in base-256), GNU tar lists and extracts what it writes, and the parser reads
// back tar-stream's and GNU tar's archives, fed in pieces of uneven sizes. Damage and trailing data are
// refused.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pack } from 'tar-stream';
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
  `attachments/${'c'.repeat(120)}/${'d'.repeat(120)}.bin`, // neither field fits: pax
];

/** tar-stream's bytes for one entry header (the data left out), as Amparo used to write them. */
async function tarStreamHeader(name: string, size: number): Promise<Buffer> {
  const p = pack();
  const parts: Buffer[] = [];
  const collected = (async () => {
    for await (const part of p) parts.push(part as Buffer);
  })();
  const sink = p.entry({ name, size, mode: 0o600, mtime: MTIME, type: 'file' });
  // The header is pushed when the entry opens; the data need not follow for this comparison.
  await new Promise((resolve) => setImmediate(resolve));
  const header = Buffer.concat(parts);
  sink.destroy();
  p.destroy();
  await collected.catch(() => undefined);
  return header;
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

const code = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof AmparoError ? error.code : String(error)),
  );

let dir: string;
beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'amparo-tar-'))));
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('tar headers', () => {
  for (const name of NAMES) {
    it(`are tar-stream's bytes for ${JSON.stringify(name.slice(0, 40))}…`, async () => {
      for (const size of [0, 1, 511, 512, 5000]) {
        expect(fileHeader(name, size, MTIME).equals(await tarStreamHeader(name, size))).toBe(true);
      }
    });
  }

  it("are tar-stream's bytes for a size beyond 8 GiB (base-256)", async () => {
    const size = 9 * 1024 ** 3 + 7;
    expect(fileHeader('big.bin', size, MTIME).equals(await tarStreamHeader('big.bin', size))).toBe(true);
  });

  it('GNU tar lists and extracts every name and byte', async () => {
    const entries = NAMES.map((name, i) => ({ name, data: randomBytes(i * 3000 + 1) }));
    const file = join(dir, 'ours.tar');
    await writeFile(file, archive(entries));
    const listed = execFileSync('tar', ['-tf', file]).toString().trim().split('\n');
    expect(listed).toEqual(NAMES);
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
      entries.map((e) => [e.name, 'file', e.data.length]),
    );
    read.forEach((r, i) => expect(r.data.equals(entries[i]!.data)).toBe(true));
  });

  it("reads GNU tar's archive, long names (GNU and pax) included", async () => {
    const src = join(dir, 'src');
    const long = `${'e'.repeat(130)}.txt`;
    execFileSync('mkdir', ['-p', src]);
    await writeFile(join(src, long), 'largo');
    await writeFile(join(src, 'año.txt'), 'eñe');
    for (const format of ['gnu', 'pax']) {
      const file = join(dir, `gnu-${format}.tar`);
      execFileSync('tar', [`--format=${format}`, '-cf', file, '-C', src, long, 'año.txt']);
      const read = await readAll(parserOf(await readFile(file)));
      expect(read.map((r) => [r.header.name, r.header.type, r.data.toString()])).toEqual([
        [long, 'file', 'largo'],
        ['año.txt', 'file', 'eñe'],
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
    expect((await parser.header())?.type).toBe('directory');
    expect((await parser.header())?.type).toBe('symlink');
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
