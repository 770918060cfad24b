// A document ready to print: every name already chosen by the redaction profile, every exhibit already
// numbered, every date already formatted in the document's language. The PDF and DOCX writers take only
// this, so they cannot print what composition left out; filings and hearing binders both produce it.
import { z } from 'zod';

const Text = z.string().max(200000);

export const RenderText = z
  .object({
    text: Text,
    bold: z.boolean().optional(),
    italic: z.boolean().optional(),
    underline: z.boolean().optional(),
  })
  .strict();
export type RenderText = z.infer<typeof RenderText>;

/** A footnote: numbered by the writer in reading order, printed at the foot of the page (PDF) or as a Word footnote. */
export const RenderFootnote = z.object({ footnote: z.array(RenderText).max(200) }).strict();
export type RenderFootnote = z.infer<typeof RenderFootnote>;

export const RenderInline = z.union([RenderText, RenderFootnote]);
export type RenderInline = z.infer<typeof RenderInline>;

const Inlines = z.array(RenderInline).max(5000);

export const RenderBlock = z.discriminatedUnion('type', [
  /** Level 1 headings are the document's sections; they go into the table of contents when there is one. */
  z
    .object({
      type: z.literal('heading'),
      level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
      content: Inlines,
    })
    .strict(),
  /** `number` is the paragraph's number as printed ("12."), when the document numbers its paragraphs. */
  z
    .object({ type: z.literal('paragraph'), number: z.string().max(20).optional(), content: Inlines })
    .strict(),
  z.object({ type: z.literal('list'), ordered: z.boolean(), items: z.array(Inlines).max(2000) }).strict(),
  z.object({ type: z.literal('quote'), content: Inlines, source: z.string().max(500).optional() }).strict(),
  /** A table (the chronology, the exhibit index, a speaking plan): header cells and rows of plain text. */
  z
    .object({
      type: z.literal('table'),
      columns: z
        .array(z.object({ title: z.string().max(200), width: z.number().positive().optional() }).strict())
        .min(1)
        .max(12),
      rows: z.array(z.array(z.string().max(20000))).max(20000),
      /** Cells of these columns are set in a monospace font (SHA-256 values). */
      monospace: z.array(z.number().int().min(0)).optional(),
    })
    .strict(),
  /** Incidents per month, drawn as vector bars in the PDF and as an image in the DOCX. */
  z
    .object({
      type: z.literal('chart'),
      title: z.string().max(300),
      series: z
        .array(z.object({ label: z.string().max(40), value: z.number().int().min(0) }).strict())
        .max(600),
    })
    .strict(),
  z.object({ type: z.literal('pageBreak') }).strict(),
]);
export type RenderBlock = z.infer<typeof RenderBlock>;

export const RenderableDocument = z
  .object({
    lang: z.enum(['es', 'en']),
    /** Document title (PDF metadata, DOCX core properties, the cover). */
    title: z.string().max(500),
    /** The heading block at the top right/left: forum, addressee, references, place and date — one line each. */
    heading: z.array(z.string().max(500)).max(30),
    /** Print a table of contents of the level-1 headings after the heading (binders). */
    tableOfContents: z.boolean(),
    blocks: z.array(RenderBlock).max(100000),
    /** Footer text on every page beside the page number, e.g. the case reference. Never a protected name. */
    footer: z.string().max(300),
    /** Words the writer uses: "Página {page} de {pages}", "Índice", "Notas". */
    labels: z.object({ page: z.string().max(100), contents: z.string().max(100) }).strict(),
  })
  .strict();
export type RenderableDocument = z.infer<typeof RenderableDocument>;
