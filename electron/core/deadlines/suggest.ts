// Periods written in a communication ("en un plazo de 10 días", "dentro del término de un mes", "within 20
// days", "10 working days"), found so the user can confirm a deadline from them. Only suggestions: nothing
// is set without the user. Numbers may be written in words (Spanish and English, up to 99) or digits, or both
// ("diez (10) días": the digits win, as the note's own clarification).
import type { PeriodSuggestion } from '../../../shared/schemas/deadline-records';
import { PERIOD_MAX } from '../../../shared/schemas/deadline';

const ES_UNITS = ['', 'uno', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve'];
const ES_TEENS = [
  'diez',
  'once',
  'doce',
  'trece',
  'catorce',
  'quince',
  'dieciseis',
  'diecisiete',
  'dieciocho',
  'diecinueve',
];
const ES_TWENTIES = [
  'veinte',
  'veintiuno',
  'veintidos',
  'veintitres',
  'veinticuatro',
  'veinticinco',
  'veintiseis',
  'veintisiete',
  'veintiocho',
  'veintinueve',
];
const ES_TENS = ['', '', '', 'treinta', 'cuarenta', 'cincuenta', 'sesenta', 'setenta', 'ochenta', 'noventa'];
const EN_UNITS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const EN_TEENS = [
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** Number words (accents already removed) → value. */
const WORDS: ReadonlyMap<string, number> = (() => {
  const words = new Map<string, number>([
    ['un', 1],
    ['una', 1],
    ['veintiun', 21],
    ['veintiuna', 21],
    ['cien', 100],
    ['a', 1],
    ['an', 1],
  ]);
  ES_UNITS.forEach((w, i) => i > 0 && words.set(w, i));
  ES_TEENS.forEach((w, i) => words.set(w, 10 + i));
  ES_TWENTIES.forEach((w, i) => words.set(w, 20 + i));
  for (let t = 3; t <= 9; t++) {
    words.set(ES_TENS[t]!, t * 10);
    for (let u = 1; u <= 9; u++) words.set(`${ES_TENS[t]} y ${ES_UNITS[u]}`, t * 10 + u);
    words.set(`${ES_TENS[t]} y un`, t * 10 + 1);
    words.set(`${ES_TENS[t]} y una`, t * 10 + 1);
  }
  EN_UNITS.forEach((w, i) => i > 0 && words.set(w, i));
  EN_TEENS.forEach((w, i) => words.set(w, 10 + i));
  for (let t = 2; t <= 9; t++) {
    words.set(EN_TENS[t]!, t * 10);
    for (let u = 1; u <= 9; u++) {
      words.set(`${EN_TENS[t]}-${EN_UNITS[u]}`, t * 10 + u);
      words.set(`${EN_TENS[t]} ${EN_UNITS[u]}`, t * 10 + u);
    }
  }
  words.set('one hundred', 100);
  words.set('a hundred', 100);
  return words;
})();

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&').replace(/ /g, '\\s+');
const WORD_ALTERNATION = [...WORDS.keys()]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');

// On text lowercased with accents removed (same length as the original, so indexes carry over).
const PERIOD = new RegExp(
  String.raw`\b(?:(\d{1,4})|(${WORD_ALTERNATION}))(?:\s*\(\s*(\d{1,4})\s*\))?\s+` +
    String.raw`(?:(working|business|calendar|clear)\s+)?` +
    String.raw`(dias?|days?|mes(?:es)?|months?|semanas?|weeks?)` +
    String.raw`(?:\s+(habiles|naturales|calendario|corridos))?\b`,
  'g',
);

// Words that introduce a period, kept in the phrase shown to the user.
const LEAD_IN = new RegExp(
  String.raw`(?:(?:(?:en|dentro)\s+(?:de(?:l)?\s+)?)?(?:(?:un|el)\s+)?(?:plazo|termino)\s+(?:de\s+)?(?:(?:no\s+mayor|maximo)\s+(?:a|de)\s+)?` +
    String.raw`|(?:en|dentro\s+de)\s+(?:los\s+)?(?:proximos\s+|siguientes\s+)?` +
    String.raw`|within\s+(?:a\s+(?:period|time\s+limit)\s+of\s+)?(?:the\s+next\s+)?` +
    String.raw`|(?:no\s+later\s+than|in)\s+)$`,
);

/** Lowercase without accents, one character for one character. */
function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').charAt(0).toLowerCase();
    // A character outside the BMP is two code units: keep the length by padding.
    out += ch.length === 2 ? `${base} ` : base.length === 1 ? base : ch.toLowerCase();
  }
  return out;
}

/** The periods written in `text`, in order, each with the phrase as written and where it starts. */
export function suggestPeriods(input: string): PeriodSuggestion[] {
  const text = input.normalize('NFC');
  const folded = fold(text);
  const found: PeriodSuggestion[] = [];
  for (const m of folded.matchAll(PERIOD)) {
    const [, digits, word, clarified, qualifierBefore, unitWord, qualifierAfter] = m;
    const amountWritten = clarified ?? digits;
    let amount = amountWritten !== undefined ? Number(amountWritten) : WORDS.get(word!.replace(/\s+/g, ' '));
    if (amount === undefined) continue;
    // "a" / "an" only count before a unit ("within a month"), never "a 10 days" etc.; words are whole already.
    const u = unitWord!;
    let unit: PeriodSuggestion['unit'];
    if (u.startsWith('mes') || u.startsWith('month')) unit = 'months';
    else {
      const working =
        qualifierBefore === 'working' || qualifierBefore === 'business' || qualifierAfter === 'habiles';
      unit = working ? 'working-days' : 'days';
      if (u.startsWith('semana') || u.startsWith('week')) {
        if (working) continue; // "working weeks" is not a count the engine knows
        amount *= 7;
      }
    }
    if (amount < 1 || amount > PERIOD_MAX[unit]) continue;
    let start = m.index;
    const before = folded.slice(Math.max(0, start - 80), start);
    const lead = LEAD_IN.exec(before);
    if (lead) start -= lead[0].length;
    const end = m.index + m[0].length;
    found.push({ amount, unit, phrase: text.slice(start, end).replace(/\s+/g, ' ').trim(), index: start });
  }
  return found;
}
