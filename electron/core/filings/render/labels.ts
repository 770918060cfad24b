// The document's words and language tag as each writer prints them.

/** "Página {page} de {pages}" split around its placeholders, so each writer can put its own fields in. */
export function pageLabelParts(label: string): ({ text: string } | { field: 'page' | 'pages' })[] {
  const parts: ({ text: string } | { field: 'page' | 'pages' })[] = [];
  for (const piece of label.split(/(\{page\}|\{pages\})/)) {
    if (piece === '{page}') parts.push({ field: 'page' });
    else if (piece === '{pages}') parts.push({ field: 'pages' });
    else if (piece) parts.push({ text: piece });
  }
  return parts;
}

/** Words the schema's labels do not carry. */
export function notesTitle(lang: 'es' | 'en'): string {
  return lang === 'es' ? 'Notas' : 'Notes';
}

export function languageTag(lang: 'es' | 'en'): string {
  return lang === 'es' ? 'es-MX' : 'en';
}
