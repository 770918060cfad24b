// The RenderableDocument's blocks as pdfmake content: numbered paragraphs with the number in a hanging
// indent, lists, indented quotations, tables whose header row repeats on every page, and footnote calls
// (superscript numbers linked to the notes at the end).
import type { RenderBlock, RenderText } from '../../../../shared/schemas/filing-render';
import type { NumberedInline, NumberedNotes } from './footnotes';
import { chartContent } from './pdf-chart';

/** pdfmake's document definition is plain JSON; its library ships no types. */
export type PdfNode = Record<string, unknown> | string;

export const PAGE = { width: 612, height: 792, margin: 72, footerHeight: 48 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const NUMBER_INDENT = 34;

export function textRun(run: RenderText): PdfNode {
  const node: Record<string, unknown> = { text: run.text };
  if (run.bold) node.bold = true;
  if (run.italic) node.italics = true;
  if (run.underline) node.decoration = 'underline';
  return node;
}

export function inlineNodes(inlines: NumberedInline[]): PdfNode[] {
  return inlines.map((inline) =>
    'footnote' in inline
      ? {
          text: String(inline.number),
          sup: true,
          linkToDestination: `note-${inline.number}`,
        }
      : textRun(inline),
  );
}

function paragraph(block: Extract<RenderBlock, { type: 'paragraph' }>, notes: NumberedNotes): PdfNode {
  const text = { text: inlineNodes(notes.number(block.content)), alignment: 'justify' };
  if (block.number === undefined) return { ...text, style: 'body' };
  return {
    style: 'body',
    columns: [
      { width: NUMBER_INDENT, text: block.number },
      { width: '*', ...text },
    ],
    columnGap: 0,
  };
}

/** Numbers the document's bookmarks (the PDF outline) and remembers each level's last one, its parent. */
export interface Outline {
  next: number;
  parents: Partial<Record<1 | 2, string>>;
}

function heading(
  block: Extract<RenderBlock, { type: 'heading' }>,
  notes: NumberedNotes,
  outline: Outline,
): PdfNode {
  const inlines = notes.number(block.content);
  const id = `heading-${++outline.next}`;
  const node: Record<string, unknown> = {
    id,
    text: inlineNodes(inlines),
    style: `h${block.level}`,
    headlineLevel: block.level,
    // A bookmark in the reader's side panel, nested under the heading above it.
    outline: true,
    outlineText: inlines.map((i) => ('footnote' in i ? '' : i.text)).join(''),
    outlineParentId: block.level > 1 ? outline.parents[(block.level - 1) as 1 | 2] : undefined,
  };
  if (block.level < 3) outline.parents[block.level as 1 | 2] = id;
  if (block.level === 1) {
    node.tocItem = true;
    delete outline.parents[2];
  }
  return node;
}

function list(block: Extract<RenderBlock, { type: 'list' }>, notes: NumberedNotes): PdfNode {
  const items = block.items.map((item) => ({ text: inlineNodes(notes.number(item)), alignment: 'justify' }));
  return { [block.ordered ? 'ol' : 'ul']: items, style: 'list' };
}

function quote(block: Extract<RenderBlock, { type: 'quote' }>, notes: NumberedNotes): PdfNode {
  const stack: PdfNode[] = [{ text: inlineNodes(notes.number(block.content)), alignment: 'justify' }];
  if (block.source) stack.push({ text: `— ${block.source}`, alignment: 'right', margin: [0, 2, 0, 0] });
  return { stack, style: 'quote' };
}

function table(block: Extract<RenderBlock, { type: 'table' }>): PdfNode {
  const mono = new Set(block.monospace ?? []);
  // Column widths are relative weights; columns without one share what is left.
  const total = block.columns.reduce((sum, c) => sum + (c.width ?? 0), 0);
  const unweighted = block.columns.filter((c) => c.width === undefined).length;
  const share = unweighted === 0 ? 100 : 80;
  const widths = block.columns.map((c) =>
    c.width === undefined || total === 0 ? '*' : `${((c.width / total) * share).toFixed(3)}%`,
  );
  const header = block.columns.map((c) => ({ text: c.title, style: 'tableHeader' }));
  const rows = block.rows.map((row) =>
    block.columns.map((_, i) => {
      const cell = row[i] ?? '';
      // break-all: a SHA-256 has no spaces, so it would overflow its column otherwise.
      return mono.has(i) ? { text: cell, style: 'mono', wordBreak: 'break-all' } : { text: cell };
    }),
  );
  return {
    table: { headerRows: 1, widths, body: [header, ...rows] },
    layout: 'filing',
    style: 'table',
  };
}

export function blockNode(block: RenderBlock, notes: NumberedNotes, outline: Outline): PdfNode {
  switch (block.type) {
    case 'heading':
      return heading(block, notes, outline);
    case 'paragraph':
      return paragraph(block, notes);
    case 'list':
      return list(block, notes);
    case 'quote':
      return quote(block, notes);
    case 'table':
      return table(block);
    case 'chart':
      return chartContent(block, CONTENT_WIDTH);
    case 'pageBreak':
      return { text: '', pageBreak: 'after' };
  }
}

/** The notes at the end of the document ("Notas"), each number linked back from its call. */
export function endnotes(notes: NumberedNotes, title: string): PdfNode[] {
  if (notes.notes.length === 0) return [];
  return [
    { text: title, style: 'h1', headlineLevel: 1, outline: true },
    ...notes.notes.map((note) => ({
      id: `note-${note.number}`,
      style: 'note',
      columns: [
        { width: 22, text: `${note.number}.` },
        { width: '*', text: note.content.map(textRun), alignment: 'justify' },
      ],
      columnGap: 0,
    })),
  ];
}

export const STYLES = {
  heading: { fontSize: 11, lineHeight: 1.15, margin: [0, 0, 0, 14] },
  title: { fontSize: 14, bold: true, alignment: 'center', margin: [0, 6, 0, 18] },
  tocTitle: { fontSize: 13, bold: true, margin: [0, 0, 0, 8] },
  toc: { fontSize: 11, margin: [0, 1, 0, 1] },
  h1: { fontSize: 13, bold: true, margin: [0, 14, 0, 8] },
  h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 6] },
  h3: { fontSize: 12, bold: true, italics: true, margin: [0, 8, 0, 4] },
  body: { margin: [0, 0, 0, 8] },
  list: { margin: [12, 0, 0, 8] },
  quote: { fontSize: 11, margin: [36, 0, 36, 10], lineHeight: 1.15 },
  table: { fontSize: 9.5, margin: [0, 4, 0, 12], lineHeight: 1.1 },
  tableHeader: { bold: true, fillColor: '#e8e8e8' },
  mono: { font: 'Mono', fontSize: 7.5 },
  note: { fontSize: 10, margin: [0, 0, 0, 4], lineHeight: 1.15 },
  footer: { fontSize: 9, color: '#444444' },
} as const;

export const TABLE_LAYOUTS = {
  filing: {
    hLineWidth: () => 0.5,
    vLineWidth: () => 0.5,
    hLineColor: () => '#888888',
    vLineColor: () => '#888888',
    paddingLeft: () => 4,
    paddingRight: () => 4,
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
};
