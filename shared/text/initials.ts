// Pseudonyms as the Commission writes them in public documents: "Ana López Quintero" → "A.L.Q.".

/** Spanish (and a few Portuguese/English) particles that initials skip: "María de la Luz" → "M.L.". */
const PARTICLES = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'y',
  'e',
  'da',
  'do',
  'dos',
  'das',
  'van',
  'von',
  'of',
]);

export function initialsFromName(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .split(/[\s-]+/)
    .map((w) => w.replace(/[^\p{L}]/gu, ''))
    .filter((w) => w.length > 0 && !PARTICLES.has(w.toLowerCase()));
  return words.map((w) => `${w.charAt(0).toUpperCase()}.`).join('');
}
