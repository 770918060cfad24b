// Everything a user or a file controls (titles, file names, messages quoting them) is printed through
// these two functions, so a name cannot break the one-line-per-item output or send codes to the terminal.
// The escaped form is lossless: a backslash is doubled, so every escape reads back to one original text.
import { hexByte, mapUtf8 } from '../core/evidence/names';

/** Control characters (C0, DEL, C1), line and paragraph separators, and bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const NAMED: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

// \xHH is kept for C0 and DEL (one byte each in UTF-8) and for a byte that is not UTF-8 at all (see
// escapeBytesForTerminal); every other character, C1 included, is \u{H…}, so the two never collide.
function hex(c: string): string {
  const code = c.codePointAt(0)!;
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** One visible line: `a\nb` → `a\\nb`, ESC → `\x1b`, a lone surrogate → `\u{d800}`. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => NAMED[c] ?? hex(c)).replace(LONE_SURROGATE, hex);
}

/**
 * A name held as bytes (a file name that is not valid UTF-8): each valid character escaped as above, each
 * byte that is not part of one as `\xHH`. One escape over the exact bytes, so `caf\xe9` (a byte) and
 * `caf\\xe9` (a backslash typed in a valid name) stay apart.
 */
export function escapeBytesForTerminal(bytes: Buffer): string {
  return mapUtf8(bytes, escapeForTerminal, hexByte);
}

/** A recorded name on the terminal: from its raw bytes (hex) when it has them, else from its text. */
export function nameForTerminal(name: string, rawHex?: string | null): string {
  return rawHex ? escapeBytesForTerminal(Buffer.from(rawHex, 'hex')) : escapeForTerminal(name);
}

/**
 * JSON for stdout. JSON.stringify already escapes C0 controls and lone surrogates; this also escapes the
 * characters a terminal may still act on (DEL, C1 such as the 8-bit CSI, separators, bidi overrides).
 */
export function toTerminalJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
