// The tar layer of a bundle, written and parsed here rather than through a streaming tar library: a 512-byte
// POSIX ustar header per entry (a pax `path` record first when the name does not fit ustar's fields or is
// not ASCII, a base-256 size beyond 8 GiB, as GNU tar and tar-stream write them), the data, zero padding
// to 512 bytes, and two zero blocks at the end. The parser reads what Amparo and common tars write (ustar,
// GNU magic, pax `path`/`size`, GNU long names) and reports every other kind of entry by its type name,
// so the reader can refuse it.
import { AmparoError } from '../../../shared/errors';

export const BLOCK = 512;
/** A pax or GNU long-name record larger than this is not one a bundle needs. */
const MAX_META = 1024 * 1024;
const MAX_OCTAL_SIZE = 0o77777777777;

const damaged = (message: string) => new AmparoError('BUNDLE_DAMAGED', `The bundle is damaged: ${message}`);

export const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

/** End of archive: two zero blocks. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

function octal(block: Buffer, at: number, width: number, value: number): void {
  // width - 1 octal digits and a space, as tar-stream and GNU tar write them.
  block.write(`${value.toString(8).padStart(width - 1, '0')} `, at, 'ascii');
}

function checksum(block: Buffer): number {
  let sum = 8 * 0x20; // the checksum field counts as spaces
  for (let i = 0; i < 148; i++) sum += block[i]!;
  for (let i = 156; i < BLOCK; i++) sum += block[i]!;
  return sum;
}

function ustar(name: string, prefix: string, size: number, mtime: number, type: string): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 100, 'utf8');
  octal(block, 100, 7, 0o600);
  octal(block, 108, 7, 0);
  octal(block, 116, 7, 0);
  if (size > MAX_OCTAL_SIZE) {
    block[124] = 0x80;
    let rest = size;
    for (let i = 11; i > 0; i--) {
      block[124 + i] = rest % 256;
      rest = Math.floor(rest / 256);
    }
  } else octal(block, 124, 12, size);
  octal(block, 136, 12, mtime);
  block.write(type, 156, 1, 'ascii');
  block.write('ustar\u000000', 257, 8, 'ascii');
  octal(block, 329, 7, 0);
  octal(block, 337, 7, 0);
  if (prefix) block.write(prefix, 345, 155, 'utf8');
  octal(block, 148, 7, checksum(block));
  return block;
}

/** Splits a name into ustar's prefix and name fields, or null when it does not fit (or is not ASCII). */
function split(path: string): [string, string] | null {
  if (Buffer.byteLength(path) !== path.length) return null;
  let name = path;
  let prefix = '';
  while (name.length > 100) {
    const slash = name.indexOf('/');
    if (slash === -1) return null;
    prefix += (prefix ? '/' : '') + name.slice(0, slash);
    name = name.slice(slash + 1);
  }
  return prefix.length > 155 ? null : [name, prefix];
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const length = Buffer.byteLength(body);
  let digits = String(length).length;
  if (String(length + digits).length > digits) digits += 1;
  return `${length + digits}${body}`;
}

/** The header block(s) of a regular file (mode 0600, owner 0): 512 bytes, or a pax entry and then 512. */
export function fileHeader(path: string, size: number, mtime: Date): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const fits = split(path);
  if (fits) return ustar(fits[0], fits[1], size, seconds, '0');
  const pax = Buffer.from(paxRecord('path', path));
  return Buffer.concat([
    ustar('PaxHeader', '', pax.length, seconds, 'x'),
    pax,
    Buffer.alloc(padding(pax.length)),
    ustar('PaxHeader', '', size, seconds, '0'),
  ]);
}

const TYPES: Record<string, string> = {
  '0': 'file',
  '\u0000': 'file',
  '1': 'link',
  '2': 'symlink',
  '3': 'character-device',
  '4': 'block-device',
  '5': 'directory',
  '6': 'fifo',
  '7': 'contiguous-file',
  g: 'pax-global-header',
  K: 'gnu-long-link-path',
  x: 'pax-header',
  L: 'gnu-long-path',
};

export interface TarHeader {
  name: string;
  size: number;
  /** file, link, symlink, directory, … (a pax or GNU long-name record is applied, never returned). */
  type: string;
}

function text(block: Buffer, at: number, width: number): string {
  const end = block.indexOf(0, at);
  return block.toString('utf8', at, end === -1 || end > at + width ? at + width : end);
}

function sizeField(block: Buffer): number {
  if (block[124]! & 0x80) {
    if (block[124] !== 0x80) throw damaged('a tar header has a negative size');
    let size = 0;
    for (let i = 1; i < 12; i++) size = size * 256 + block[124 + i]!;
    if (!Number.isSafeInteger(size)) throw damaged('a tar header has an impossible size');
    return size;
  }
  const digits = block
    .toString('ascii', 124, 136)
    .replace(/[\0 ]+$/, '')
    .replace(/^ +/, '');
  if (!/^[0-7]*$/.test(digits)) throw damaged('a tar header has a malformed size');
  return digits === '' ? 0 : parseInt(digits, 8);
}

/** The fields of one header block, or null for a zero block (end of archive). */
function decodeBlock(block: Buffer): (TarHeader & { flag: string }) | null {
  const sum = checksum(block);
  if (sum === 8 * 0x20 && block.every((b) => b === 0)) return null;
  const stored = parseInt(block.toString('ascii', 148, 156).replace(/[\0 ]+$/, ''), 8);
  if (stored !== sum) throw damaged('a tar header fails its checksum');
  const magic = block.toString('ascii', 257, 263);
  if (magic !== 'ustar\u0000' && magic !== 'ustar ') throw damaged('a tar header has an unknown format');
  const flag = String.fromCharCode(block[156]!);
  let name = text(block, 0, 100);
  if (magic === 'ustar\u0000' && block[345] !== 0) name = `${text(block, 345, 155)}/${name}`;
  const type = TYPES[flag] ?? `entry of type ${JSON.stringify(flag)}`;
  return { name, size: sizeField(block), type, flag };
}

function paxFields(data: Buffer): Map<string, string> {
  const fields = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    const space = data.indexOf(0x20, at);
    const length = space === -1 ? NaN : Number(data.toString('ascii', at, space));
    if (!Number.isSafeInteger(length) || length <= 0 || at + length > data.length)
      throw damaged('a pax header is malformed');
    const record = data.toString('utf8', space + 1, at + length - 1);
    const equals = record.indexOf('=');
    if (equals === -1) throw damaged('a pax header is malformed');
    fields.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return fields;
}

/**
 * Parses a tar stream as it arrives in pieces of any size. `header()` returns the next entry's header
 * (pax and GNU long-name records applied) or null at the end of the archive; `data()` then hands out the
 * entry's bytes in pieces (views into the pieces given, never copied), and `skip()` moves past what is
 * left of it. After the end, `trailing()` says whether anything but zeros followed.
 */
export class TarParser {
  private pieces: Buffer[] = [];
  private buffered = 0;
  private remaining = 0;
  private pad = 0;
  private ended = false;

  constructor(private readonly next: () => Promise<Buffer | null>) {}

  private async fill(n: number): Promise<boolean> {
    while (this.buffered < n) {
      const piece = await this.next();
      if (piece === null) return false;
      if (piece.length === 0) continue;
      this.pieces.push(piece);
      this.buffered += piece.length;
    }
    return true;
  }

  /** Exactly n buffered bytes (copied only when they span pieces). */
  private take(n: number): Buffer {
    const first = this.pieces[0]!;
    let out: Buffer;
    if (first.length >= n) {
      out = first.subarray(0, n);
      if (first.length === n) this.pieces.shift();
      else this.pieces[0] = first.subarray(n);
    } else {
      out = Buffer.allocUnsafe(n);
      let filled = 0;
      while (filled < n) {
        const piece = this.pieces[0]!;
        const k = Math.min(piece.length, n - filled);
        piece.copy(out, filled, 0, k);
        filled += k;
        if (k === piece.length) this.pieces.shift();
        else this.pieces[0] = piece.subarray(k);
      }
    }
    this.buffered -= n;
    return out;
  }

  private async block(what: string): Promise<Buffer | null> {
    if (!(await this.fill(BLOCK))) {
      if (this.buffered === 0 && what === 'header') return null;
      throw damaged(`the tar stream ends inside ${what === 'header' ? 'a header' : what}`);
    }
    return this.take(BLOCK);
  }

  private async meta(size: number): Promise<Buffer> {
    if (size > MAX_META) throw new AmparoError('BUNDLE_TOO_LARGE', `A tar name record of ${size} bytes`);
    if (!(await this.fill(size + padding(size)))) throw damaged('the tar stream ends inside a name record');
    const data = Buffer.from(this.take(size));
    this.take(padding(size));
    return data;
  }

  async header(): Promise<TarHeader | null> {
    if (this.ended) return null;
    if (this.remaining > 0 || this.pad > 0) await this.skip();
    let name: string | null = null;
    let size: number | null = null;
    for (;;) {
      const block = await this.block('header');
      const decoded = block && decodeBlock(block);
      if (!decoded) {
        if (name !== null || size !== null) throw damaged('a pax header is not followed by an entry');
        this.ended = true;
        return null;
      }
      if (decoded.flag === 'x') {
        const fields = paxFields(await this.meta(decoded.size));
        if (fields.has('path')) name = fields.get('path')!;
        if (fields.has('size')) {
          const value = fields.get('size')!;
          if (!/^[0-9]+$/.test(value) || !Number.isSafeInteger(Number(value)))
            throw damaged('a pax header has a malformed size');
          size = Number(value);
        }
        continue;
      }
      if (decoded.flag === 'L') {
        name = (await this.meta(decoded.size)).toString('utf8').replace(/\0+$/, '');
        continue;
      }
      const header = { name: name ?? decoded.name, size: size ?? decoded.size, type: decoded.type };
      // Old tars mark a folder by a trailing slash alone.
      if (header.type === 'file' && header.name.endsWith('/')) header.type = 'directory';
      // Only a regular file has data here; any other entry is refused by the reader before it moves on.
      this.remaining = header.type === 'file' ? header.size : 0;
      this.pad = padding(this.remaining);
      return header;
    }
  }

  /** The next piece of the current entry's data (at most `max` bytes), or null when it is all read. */
  async data(max = Infinity): Promise<Buffer | null> {
    if (this.remaining === 0) {
      if (this.pad > 0) {
        if (!(await this.fill(this.pad))) throw damaged('the tar stream ends inside an entry');
        this.take(this.pad);
        this.pad = 0;
      }
      return null;
    }
    if (this.buffered === 0 && !(await this.fill(1))) throw damaged('the tar stream ends inside an entry');
    const first = this.pieces[0]!;
    const n = Math.min(first.length, this.remaining, max);
    this.remaining -= n;
    return this.take(n);
  }

  /**
   * Hands the rest of the current entry's data to a reader of the source itself: the part already
   * buffered here, and how many more of its bytes the source holds. That reader must take exactly those
   * from the source before this parser reads on (the entry's padding is left to the parser).
   */
  handOff(): { buffered: Buffer[]; rest: number } {
    const buffered: Buffer[] = [];
    let got = 0;
    while (got < this.remaining && this.buffered > 0) {
      const n = Math.min(this.pieces[0]!.length, this.remaining - got);
      buffered.push(this.take(n));
      got += n;
    }
    const rest = this.remaining - got;
    this.remaining = 0;
    return { buffered, rest };
  }

  async skip(): Promise<void> {
    while ((await this.data()) !== null);
  }

  /** After the end of the archive: true when something other than zeros follows (read to the end). */
  async trailing(): Promise<boolean> {
    for (;;) {
      for (const piece of this.pieces) if (piece.some((b) => b !== 0)) return true;
      this.pieces = [];
      this.buffered = 0;
      const piece = await this.next();
      if (piece === null) return false;
      this.pieces.push(piece);
      this.buffered = piece.length;
    }
  }
}
