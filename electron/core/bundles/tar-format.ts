// The tar layer of a bundle. The 512-byte headers are encoded and decoded by node-tar (npm's own tar): a
// POSIX ustar header per entry, after a pax record when the name does not fit ustar's fields or is not
// ASCII, or the size is beyond 8 GiB (written in base-256 as well). The framing is ours, since a streaming
// tar library's per-entry streams cost more than the sealing: the data, zero padding to 512 bytes, two
// zero blocks at the end. The parser reads what Amparo and common tars write (ustar, GNU magic, pax
// `path`/`size`, GNU long names) and reports every other kind of entry by node-tar's type name (File,
// SymbolicLink, Link, Directory, CharacterDevice, …), so the reader can refuse it.
import { Header, Pax, type HeaderData } from 'tar';
import { AmparoError } from '../../../shared/errors';

export const BLOCK = 512;
/** A pax or GNU long-name record larger than this is not one a bundle needs (node-tar's own limit). */
const MAX_META = 1024 * 1024;

const damaged = (message: string) => new AmparoError('BUNDLE_DAMAGED', `The bundle is damaged: ${message}`);

export const padding = (size: number): number => (BLOCK - (size % BLOCK)) % BLOCK;

/** End of archive: two zero blocks. */
export const END_OF_ARCHIVE = Buffer.alloc(2 * BLOCK);

/** The header block(s) of a regular file (mode 0600, owner 0): 512 bytes, or a pax entry and then 512. */
export function fileHeader(path: string, size: number, mtime: Date): Buffer {
  const seconds = new Date(Math.floor(mtime.getTime() / 1000) * 1000);
  const fields = { path, mode: 0o600, uid: 0, gid: 0, size, mtime: seconds, uname: '', gname: '' };
  const block = Buffer.alloc(BLOCK);
  const needPax = new Header({ ...fields, type: 'File' }).encode(block);
  if (!needPax) return block;
  return Buffer.concat([new Pax({ path, size, mtime: seconds }).encode(), block]);
}

export interface TarHeader {
  name: string;
  size: number;
  /** node-tar's name for the entry type: File, Directory, SymbolicLink, … (pax and GNU long-name records are applied, never returned). */
  type: string;
}

const EXTENDED = new Set(['ExtendedHeader', 'OldExtendedHeader']);
const LONG_PATH = new Set(['NextFileHasLongPath', 'OldGnuLongPath']);

/** One header block decoded by node-tar with the pending pax fields, or null for a zero block. */
function decodeBlock(block: Buffer, ex: HeaderData | undefined): Header | null {
  if (block.every((b) => b === 0)) return null;
  let header: Header;
  try {
    header = new Header(block, 0, ex);
  } catch (error) {
    throw damaged(`a tar header is malformed (${(error as Error).message})`);
  }
  if (!header.cksumValid) throw damaged('a tar header fails its checksum');
  const magic = block.toString('ascii', 257, 263);
  if (magic !== 'ustar\u0000' && magic !== 'ustar ') throw damaged('a tar header has an unknown format');
  if (header.size === undefined || !Number.isSafeInteger(header.size))
    throw damaged('a tar header has a malformed size');
  return header;
}

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
    let ex: HeaderData | undefined;
    for (;;) {
      const block = await this.block('header');
      const decoded = block && decodeBlock(block, ex);
      if (!decoded) {
        if (ex) throw damaged('a pax header is not followed by an entry');
        this.ended = true;
        return null;
      }
      if (EXTENDED.has(decoded.type)) {
        ex = Pax.parse((await this.meta(decoded.size!)).toString('utf8'), ex, false);
        continue;
      }
      if (LONG_PATH.has(decoded.type)) {
        const path = (await this.meta(decoded.size!)).toString('utf8').replace(/\0.*/s, '');
        ex = Object.assign(ex ?? {}, { path });
        continue;
      }
      // The pending fields win over the block's own, as in node-tar's ReadEntry: its Header puts a ustar
      // prefix in front of a pax path.
      const header = { name: ex?.path ?? decoded.path!, size: ex?.size ?? decoded.size!, type: decoded.type };
      // Only a regular file has data here; any other entry is refused by the reader before it moves on.
      this.remaining = header.type === 'File' ? header.size : 0;
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
