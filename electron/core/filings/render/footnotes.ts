// Footnotes are numbered once, in reading order, so the PDF and the DOCX print the same numbers.
import type { RenderBlock, RenderInline, RenderText } from '../../../../shared/schemas/filing-render';

export type NumberedInline = RenderText | { footnote: RenderText[]; number: number };

export interface NumberedNotes {
  /** Each block's inlines with their footnotes numbered; same shape as the input blocks. */
  number(inlines: RenderInline[]): NumberedInline[];
  /** All footnotes, in the order numbered. */
  readonly notes: { number: number; content: RenderText[] }[];
}

export function footnoteNumbering(): NumberedNotes {
  const notes: { number: number; content: RenderText[] }[] = [];
  return {
    notes,
    number(inlines) {
      return inlines.map((inline) => {
        if (!('footnote' in inline)) return inline;
        const numbered = { footnote: inline.footnote, number: notes.length + 1 };
        notes.push({ number: numbered.number, content: inline.footnote });
        return numbered;
      });
    },
  };
}

/** The inlines of a block in reading order (lists item by item), for writers that walk blocks once. */
export function blockInlines(block: RenderBlock): RenderInline[][] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'quote':
      return [block.content];
    case 'list':
      return block.items;
    default:
      return [];
  }
}

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
