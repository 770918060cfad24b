// The terminal escaping: one visible line whatever a name holds, and nothing lost (a reader can decode it).
import { describe, expect, it } from 'vitest';
import {
  escapeBytesForTerminal,
  escapeForTerminal,
  nameForTerminal,
  toTerminalJson,
} from '../../../electron/cli/escape';

/** No unpaired UTF-16 surrogate (String.prototype.isWellFormed is not in this project's ES2023 lib). */
const wellFormed = (text: string) =>
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);

/** Decoder written from the documented form (\\ \n \r \t \xHH \u{H…}), independent of the encoder. */
function unescape(text: string): string {
  return text.replace(/\\(\\|n|r|t|x[0-9a-f]{2}|u\{[0-9a-f]+\})/g, (_, e: string) => {
    if (e === '\\') return '\\';
    if (e === 'n') return '\n';
    if (e === 'r') return '\r';
    if (e === 't') return '\t';
    return String.fromCharCode(parseInt(e.startsWith('x') ? e.slice(1) : e.slice(2, -1), 16));
  });
}

const HOSTILE = [
  'acta\n0000  fake line.pdf',
  'foto\x1b[2J\x1b]0;owned\x07.jpg',
  'tab\there\rcarriage',
  'C:\\Users\\ana\\x1b.txt',
  'del\x7f and 8-bit CSI \x9b31m',
  'bidi \u202eexe.pdf \u2066x\u2069 sep\u2028arator',
  'lone \ud800 surrogate',
  'Señora Núñez — amenazas 📎',
];

describe('escapeForTerminal', () => {
  it('gives one line without control, separator or bidi characters', () => {
    for (const name of HOSTILE) {
      const shown = escapeForTerminal(name);
      // eslint-disable-next-line no-control-regex -- the assertion is about control characters
      expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
      expect(wellFormed(shown)).toBe(true);
    }
    expect(escapeForTerminal('a\nb')).toBe('a\\nb');
    expect(escapeForTerminal('\x1b[31m')).toBe('\\x1b[31m');
    expect(escapeForTerminal('\u202e')).toBe('\\u{202e}');
    // C1 is a character (two bytes in UTF-8), so not \xHH: that form is kept for bytes that are not UTF-8.
    expect(escapeForTerminal('\x9b')).toBe('\\u{9b}');
  });

  it('escapes a name held as bytes once: an odd byte as \\xHH, a typed backslash doubled', () => {
    const latin1 = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x9b]); // c a f <E9> \n <9B>
    expect(escapeBytesForTerminal(latin1)).toBe('caf\\xe9\\n\\x9b');
    expect(escapeBytesForTerminal(Buffer.from('caf\\xe9 \u009b'))).toBe('caf\\\\xe9 \\u{9b}');
    expect(nameForTerminal('caf\\xe9', latin1.subarray(0, 4).toString('hex'))).toBe('caf\\xe9');
    expect(nameForTerminal('caf\\xe9', null)).toBe('caf\\\\xe9');
  });

  it('is lossless: decoding gives back the original, backslashes included', () => {
    for (const name of HOSTILE) expect(unescape(escapeForTerminal(name))).toBe(name);
  });

  it('leaves ordinary text, accents and emoji as they are', () => {
    expect(escapeForTerminal('Señora Núñez — amenazas 📎')).toBe('Señora Núñez — amenazas 📎');
  });

  it('JSON output stays valid JSON with terminal-active characters escaped', () => {
    const value = { names: HOSTILE.filter(wellFormed) };
    const json = toTerminalJson(value);
    expect(json).not.toMatch(
      // eslint-disable-next-line no-control-regex -- the assertion is about control characters
      /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/,
    );
    expect(JSON.parse(json)).toEqual(value);
  });
});
