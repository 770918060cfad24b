// The tar headers of a bundle's plain files, the same bytes tar-stream's packer writes (ustar; a name
// over 100 bytes split at a slash into the prefix field; a name that does not fit, or is not ASCII, in a
// pax extended header first). Written here so the export can stream file bodies straight into the age
// sealer without a stream library between them.
const BLOCK = 512;
const USTAR_MAGIC = Buffer.from('ustar\x0000', 'latin1');
export const END_OF_TAR = Buffer.alloc(2 * BLOCK);

export interface TarFile {
  name: string;
  size: number;
  mode: number;
  mtime: Date;
}

/** Zero bytes that pad a body of `size` bytes to the next 512-byte block. */
export const padding = (size: number): Buffer => END_OF_TAR.subarray(0, (BLOCK - (size % BLOCK)) % BLOCK);

function octal(value: number, digits: number): string {
  const text = value.toString(8);
  return `${text.length > digits ? '7'.repeat(digits) : text.padStart(digits, '0')} `;
}

/** Sizes of 8 GiB and more do not fit 11 octal digits: GNU base-256, as tar-stream writes them. */
function writeSize(size: number, block: Buffer): void {
  if (size.toString(8).length <= 11) {
    block.write(`${size.toString(8).padStart(11, '0')} `, 124, 'latin1');
    return;
  }
  block[124] = 0x80;
  let rest = size;
  for (let i = 11; i > 0; i--) {
    block[124 + i] = rest & 0xff;
    rest = Math.floor(rest / 0x100);
  }
}

function ustar(name: string, prefix: string, size: number, mode: number, mtime: Date, type: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.write(name, 0, 'utf8');
  block.write(octal(mode & 0o7777, 6), 100, 'latin1');
  block.write(octal(0, 6), 108, 'latin1');
  block.write(octal(0, 6), 116, 'latin1');
  writeSize(size, block);
  block.write(octal(Math.trunc(mtime.getTime() / 1000), 11), 136, 'latin1');
  block[156] = type;
  USTAR_MAGIC.copy(block, 257);
  block.write(octal(0, 6), 329, 'latin1');
  block.write(octal(0, 6), 337, 'latin1');
  if (prefix) block.write(prefix, 345, 'utf8');
  let sum = 8 * 0x20; // the checksum field counts as spaces
  for (let i = 0; i < BLOCK; i++) if (i < 148 || i >= 156) sum += block[i]!;
  block.write(octal(sum, 6), 148, 'latin1');
  return block;
}

/** The name and prefix fields, or null when the name needs a pax header. */
function split(path: string): { name: string; prefix: string } | null {
  if (Buffer.byteLength(path) !== path.length) return null;
  let name = path;
  let prefix = '';
  while (name.length > 100) {
    const slash = name.indexOf('/');
    if (slash === -1) return null;
    prefix += prefix ? `/${name.slice(0, slash)}` : name.slice(0, slash);
    name = name.slice(slash + 1);
  }
  return prefix.length > 155 ? null : { name, prefix };
}

/** pax records are `<length> key=value\n`, the length counting its own digits. */
function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  const length = Buffer.byteLength(body);
  let digits = Math.floor(Math.log10(length)) + 1;
  if (length + digits >= 10 ** digits) digits++;
  return `${length + digits}${body}`;
}

/** The header blocks that come before a plain file's body. */
export function fileHeader(file: TarFile): Buffer {
  const fields = split(file.name);
  if (fields) return ustar(fields.name, fields.prefix, file.size, file.mode, file.mtime, 0x30);
  const pax = Buffer.from(paxRecord('path', file.name));
  return Buffer.concat([
    ustar('PaxHeader', '', pax.length, file.mode, file.mtime, 0x78),
    pax,
    padding(pax.length),
    ustar('PaxHeader', '', file.size, file.mode, file.mtime, 0x30),
  ]);
}
