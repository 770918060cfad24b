// File names as the file system holds them: bytes. Most are UTF-8 and are shown as they are; a name that is
// not (common on USB sticks from old cameras and Windows machines) keeps its exact bytes in the record and
// is shown in an escaped form that can be turned back into those bytes: every byte that is not part of a
// valid UTF-8 character as \xHH, and the backslash itself as \\.
import { isUtf8 } from 'node:buffer';

/** The name's raw bytes when they are not valid UTF-8 (null: the string form is exact). */
export function rawBytesIfNotUtf8(name: Buffer): Buffer | null {
  return isUtf8(name) ? null : Buffer.from(name);
}

/**
 * Bytes rewritten piece by piece: each valid UTF-8 character through `char`, each byte that is not part of
 * one through `byte`. The one walk behind every escaped form of a name (here, and on the terminal).
 */
export function mapUtf8(bytes: Buffer, char: (c: string) => string, byte: (b: number) => string): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    let length = 0;
    // The shortest valid sequence starting here (a lead byte decides a character's length).
    for (let n = 1; n <= 4 && i + n <= bytes.length; n++) {
      if (isUtf8(bytes.subarray(i, i + n))) {
        length = n;
        break;
      }
    }
    if (length === 0) {
      out += byte(bytes[i]!);
      i += 1;
    } else {
      out += char(bytes.subarray(i, i + length).toString('utf8'));
      i += length;
    }
  }
  return out;
}

export const hexByte = (b: number): string => `\\x${b.toString(16).padStart(2, '0')}`;

/** A name (or path) for display: unchanged when it is UTF-8, else the lossless escaped form. */
export function displayName(name: Buffer): string {
  if (isUtf8(name)) return name.toString('utf8');
  return mapUtf8(name, (c) => (c === '\\' ? '\\\\' : c), hexByte);
}

/** The bytes an escaped form stands for (the inverse of displayName for names that are not UTF-8). */
export function unescapeName(escaped: string): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < escaped.length;) {
    if (escaped[i] === '\\' && escaped[i + 1] === '\\') {
      parts.push(Buffer.from('\\'));
      i += 2;
    } else if (
      escaped[i] === '\\' &&
      escaped[i + 1] === 'x' &&
      /^[0-9a-f]{2}$/.test(escaped.slice(i + 2, i + 4))
    ) {
      parts.push(Buffer.from([parseInt(escaped.slice(i + 2, i + 4), 16)]));
      i += 4;
    } else {
      const char = String.fromCodePoint(escaped.codePointAt(i)!);
      parts.push(Buffer.from(char, 'utf8'));
      i += char.length;
    }
  }
  return Buffer.concat(parts);
}

const SEPARATORS = process.platform === 'win32' ? [0x2f, 0x5c] : [0x2f];

/** The last segment of a path given as bytes. */
export function baseNameOf(path: Buffer): Buffer {
  let end = path.length;
  while (end > 1 && SEPARATORS.includes(path[end - 1]!)) end -= 1;
  let start = end;
  while (start > 0 && !SEPARATORS.includes(path[start - 1]!)) start -= 1;
  return path.subarray(start, end);
}

/** `dir` + separator + `name`, all bytes. */
export function joinBytes(dir: Buffer, name: Buffer): Buffer {
  const slash = dir.length > 0 && SEPARATORS.includes(dir[dir.length - 1]!);
  return Buffer.concat(slash ? [dir, name] : [dir, Buffer.from('/'), name]);
}
