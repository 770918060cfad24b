// Footnotes are numbered once, in reading order, so the PDF and the DOCX print the same numbers.
import type { RenderInline, RenderText } from '../../../../shared/schemas/filing-render';

export type NumberedInline = RenderText | { footnote: RenderText[]; number: number };

export interface NumberedNotes {
  /** The inlines with their footnotes numbered on from the last call's; text runs unchanged. */
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
