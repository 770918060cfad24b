// The leak guard: every protected value of the case's people looked for in free text. Names match as whole
// words, folded (NFD without marks, lower case), in any order, across line breaks and punctuation, whole or as
// first name / middle name + surname; aliases and addresses as phrases; ID numbers and phones digit by digit
// whatever the separators. A hit carries where it is and the folded context's fingerprint; logs, errors and
// the command line get only LeakHitRef (no value, no context).
import { createHash } from 'node:crypto';
import type { ProtectedIdentity } from '../../../shared/schemas/people';
import type { ProtectedValueKind } from '../../../shared/schemas/filings';

export interface GuardedPerson {
  id: string;
  pseudonym: string;
  identity: ProtectedIdentity;
}

/** One free text to scan, and where it sits in the draft (or in the composed document). */
export interface ScanText {
  path: string;
  sectionKey: string | null;
  block: number | null;
  text: string;
}

export interface RawHit {
  /** Fingerprint: person, kind, folded match and folded context. */
  id: string;
  /** Person, kind and folded value: the same value anywhere. */
  valueHash: string;
  personId: string;
  pseudonym: string;
  valueKind: ProtectedValueKind;
  path: string;
  sectionKey: string | null;
  block: number | null;
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
}

// ---------------------------------------------------------------------------------------------------------
// Folding with a map back to the original offsets.
// ---------------------------------------------------------------------------------------------------------

interface Folded {
  text: string;
  /** For each folded UTF-16 unit, the original offset it came from. */
  origin: number[];
}

function foldChar(ch: string): string {
  return ch
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

export function fold(text: string): Folded {
  let out = '';
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = foldChar(ch);
    out += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(i);
  return { text: out, origin };
}

export const foldText = (text: string): string => fold(text).text;

interface Token {
  word: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

function tokens(folded: string): Token[] {
  return [...folded.matchAll(WORD)].map((m) => ({
    word: m[0],
    start: m.index,
    end: m.index + m[0].length,
  }));
}

/** Words that join names ("María de la Luz", "Pérez y Gómez") and never identify anyone alone. */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'e',
  'da',
  'das',
  'do',
  'dos',
  'van',
  'von',
]);

/** Between two words of one name only spaces, line breaks and light punctuation ("López,\nAna"). */
const NAME_GAP = /^[\s,.;:'’"“”()\-–—\uFFFC]*$/u;

// ---------------------------------------------------------------------------------------------------------
// What is looked for.
// ---------------------------------------------------------------------------------------------------------

interface NameMatcher {
  personId: string;
  pseudonym: string;
  /** Significant words of the legal name, in order. */
  words: string[];
  given: string;
  surnames: Set<string>;
  /** Joining words of this name ("de la" in "María de la Luz"): only these may sit between its words. */
  particles: Set<string>;
}

interface PhraseMatcher {
  personId: string;
  pseudonym: string;
  kind: 'alias' | 'address';
  words: string[];
}

interface DigitMatcher {
  personId: string;
  pseudonym: string;
  kind: 'id_number' | 'phone';
  /** Letters and digits of the value, folded, without separators. */
  chars: string;
}

export interface Matchers {
  names: NameMatcher[];
  phrases: PhraseMatcher[];
  digits: DigitMatcher[];
}

const words = (value: string): string[] => tokens(foldText(value)).map((t) => t.word);

export function buildMatchers(people: GuardedPerson[]): Matchers {
  const m: Matchers = { names: [], phrases: [], digits: [] };
  for (const p of people) {
    const base = { personId: p.id, pseudonym: p.pseudonym };
    const allWords = words(p.identity.legalName);
    const nameWords = allWords.filter((w) => !PARTICLES.has(w));
    if (nameWords.length) {
      // Spanish names: the given name first, the last two words the surnames (one when the name is short).
      const surnameCount = nameWords.length >= 3 ? 2 : nameWords.length - 1;
      m.names.push({
        ...base,
        words: nameWords,
        given: nameWords[0]!,
        surnames: new Set(nameWords.slice(nameWords.length - surnameCount)),
        particles: new Set(allWords.filter((w) => PARTICLES.has(w))),
      });
    }
    for (const alias of p.identity.aliases) {
      const w = words(alias);
      if (w.length) m.phrases.push({ ...base, kind: 'alias', words: w });
    }
    for (const address of p.identity.addresses) {
      const w = words(address);
      if (w.length) m.phrases.push({ ...base, kind: 'address', words: w });
      // The street line alone ("Calle Reforma 123") identifies a home as well as the whole address.
      const street = words(address.split(/[,\n]/)[0] ?? '');
      if (street.length >= 2 && street.length < w.length && street.some((x) => /\d/.test(x)))
        m.phrases.push({ ...base, kind: 'address', words: street });
    }
    for (const id of p.identity.idNumbers) {
      const chars = foldText(id).replace(/[^\p{L}\p{N}]/gu, '');
      if (chars.length >= 4) m.digits.push({ ...base, kind: 'id_number', chars });
    }
    for (const phone of p.identity.phones) {
      const chars = phone.replace(/\D/g, '');
      if (chars.length >= 7) m.digits.push({ ...base, kind: 'phone', chars });
      // Mexican numbers are written with or without the country code (+52) and the old mobile prefix (1).
      const national = chars.replace(/^(52)?1?(?=\d{10}$)/, '');
      if (national !== chars && national.length === 10)
        m.digits.push({ ...base, kind: 'phone', chars: national });
    }
  }
  return m;
}

// ---------------------------------------------------------------------------------------------------------
// Scanning.
// ---------------------------------------------------------------------------------------------------------

interface Span {
  personId: string;
  pseudonym: string;
  kind: ProtectedValueKind;
  /** Folded offsets. */
  start: number;
  end: number;
  /** Canonical folded value (for the value hash). */
  value: string;
  rank: number;
}

function nameSpans(toks: Token[], folded: string, m: NameMatcher): Span[] {
  const spans: Span[] = [];
  const wanted = new Set(m.words);
  for (let i = 0; i < toks.length; i++) {
    if (!wanted.has(toks[i]!.word)) continue;
    const used: string[] = [];
    let last: number;
    let best: Span | null = null;
    for (let j = i; j < toks.length; j++) {
      const t = toks[j]!;
      if (j > i && !NAME_GAP.test(folded.slice(toks[j - 1]!.end, t.start))) break;
      if (m.particles.has(t.word) && !wanted.has(t.word) && used.length) continue;
      if (!wanted.has(t.word) || used.includes(t.word)) break;
      used.push(t.word);
      last = j;
      const full = used.length === m.words.length;
      const hasSurname = used.some((w) => m.surnames.has(w));
      if (full || (used.length >= 2 && hasSurname)) {
        best = {
          personId: m.personId,
          pseudonym: m.pseudonym,
          kind: full ? 'legal_name' : 'name_part',
          start: toks[i]!.start,
          end: toks[last]!.end,
          value: [...used].sort().join(' '),
          rank: full ? 3 : 2,
        };
      }
      if (full) break;
    }
    if (best) spans.push(best);
  }
  return spans;
}

function phraseSpans(toks: Token[], folded: string, m: PhraseMatcher): Span[] {
  const spans: Span[] = [];
  for (let i = 0; i + m.words.length <= toks.length; i++) {
    let ok = true;
    for (let k = 0; k < m.words.length && ok; k++) {
      ok = toks[i + k]!.word === m.words[k];
      if (ok && k > 0 && !NAME_GAP.test(folded.slice(toks[i + k - 1]!.end, toks[i + k]!.start))) ok = false;
    }
    if (ok)
      spans.push({
        personId: m.personId,
        pseudonym: m.pseudonym,
        kind: m.kind,
        start: toks[i]!.start,
        end: toks[i + m.words.length - 1]!.end,
        value: m.words.join(' '),
        rank: m.kind === 'address' ? 2 + m.words.length / 100 : 3,
      });
  }
  return spans;
}

const escapeRe = (c: string) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function digitSpans(folded: string, m: DigitMatcher): Span[] {
  // Each character of the value, with any run of separators between (spaces, dots, dashes, slashes, brackets).
  const body = [...m.chars].map(escapeRe).join('[\\s./()\\-–]*');
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:\\+\\s*\\(?|\\()?${body}(?![\\p{L}\\p{N}])`, 'gu');
  return [...folded.matchAll(re)].map((hit) => ({
    personId: m.personId,
    pseudonym: m.pseudonym,
    kind: m.kind,
    start: hit.index,
    end: hit.index + hit[0].length,
    value: m.chars,
    rank: 4,
  }));
}

const sha = (...parts: string[]) => createHash('sha256').update(parts.join('\u0000')).digest('hex');

export const valueHash = (personId: string, kind: string, value: string): string =>
  sha('value', personId, kind, value);

const CONTEXT = 40;

export function scanText(input: ScanText, matchers: Matchers): RawHit[] {
  if (!input.text) return [];
  const f = fold(input.text);
  const toks = tokens(f.text);
  const spans: Span[] = [
    ...matchers.names.flatMap((m) => nameSpans(toks, f.text, m)),
    ...matchers.phrases.flatMap((m) => phraseSpans(toks, f.text, m)),
    ...matchers.digits.flatMap((m) => digitSpans(f.text, m)),
  ];
  // Overlapping spans: the strongest kind (then the longest) wins, so "Ana López Quintero" is one hit.
  spans.sort((a, b) => b.rank - a.rank || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const s of spans) if (!kept.some((k) => s.start < k.end && k.start < s.end)) kept.push(s);
  kept.sort((a, b) => a.start - b.start);
  return kept.map((s) => {
    const start = f.origin[s.start]!;
    const end = f.origin[s.end]!;
    const before = input.text.slice(Math.max(0, start - CONTEXT), start);
    const after = input.text.slice(end, end + CONTEXT);
    const foldedBefore = foldText(before).replace(/\s+/g, ' ').slice(-24);
    const foldedAfter = foldText(after).replace(/\s+/g, ' ').slice(0, 24);
    return {
      id: sha('hit', s.personId, s.kind, s.value, foldedBefore, foldedAfter).slice(0, 32),
      valueHash: valueHash(s.personId, s.kind, s.value),
      personId: s.personId,
      pseudonym: s.pseudonym,
      valueKind: s.kind,
      path: input.path,
      sectionKey: input.sectionKey,
      block: input.block,
      start,
      end,
      before,
      match: input.text.slice(start, end),
      after,
    };
  });
}

export function scanAll(texts: ScanText[], people: GuardedPerson[]): RawHit[] {
  const matchers = buildMatchers(people);
  return texts.flatMap((t) => scanText(t, matchers));
}
