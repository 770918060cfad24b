// The RenderableDocument's blocks as Word structures: Heading 1–3 styles (Word's navigation pane and
// table of contents use them), numbered paragraphs with the number in a hanging indent, lists on
// numbering definitions (each ordered list counts from 1), real footnotes, tables whose header row
// repeats on every page, and the chart as a PNG.
import {
  AlignmentType,
  BorderStyle,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Paragraph,
  ShadingType,
  Tab,
  TabStopType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
} from 'docx';
import type { RenderBlock, RenderText } from '../../../../shared/schemas/filing-render';
import { CHART_SIZE, chartPng } from './chart-png';
import type { NumberedInline, NumberedNotes } from './footnotes';
import { MONO_FAMILY } from './fonts';

export const LIST_REFS = { ordered: 'amparo-ordered', bullet: 'amparo-bullet' } as const;
/** Twips: 1 inch margins on US Letter, as the PDF. */
export const PAGE_TWIPS = { width: 12240, height: 15840, margin: 1440 } as const;
const CONTENT_TWIPS = PAGE_TWIPS.width - 2 * PAGE_TWIPS.margin;
const HANGING = 680;

export function textRun(run: RenderText): TextRun {
  return new TextRun({
    text: run.text,
    bold: run.bold,
    italics: run.italic,
    underline: run.underline ? {} : undefined,
  });
}

function runs(inlines: NumberedInline[]): (TextRun | FootnoteReferenceRun)[] {
  return inlines.map((inline) =>
    'footnote' in inline ? new FootnoteReferenceRun(inline.number) : textRun(inline),
  );
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export interface DocxContext {
  notes: NumberedNotes;
  /** Each ordered list is an instance of its own, numbered from 1. */
  nextListInstance(): number;
}

function table(block: Extract<RenderBlock, { type: 'table' }>): Table {
  const mono = new Set(block.monospace ?? []);
  const total = block.columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const columnWidths = block.columns.map((c) => Math.round(((c.width ?? 1) / total) * CONTENT_TWIPS));
  const cell = (text: string, options: { header?: boolean; mono?: boolean }, width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      shading: options.header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8E8E8' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          spacing: { after: 0, line: 240 },
          children: [
            new TextRun({
              text,
              bold: options.header,
              size: options.mono ? 15 : 19,
              font: options.mono ? MONO_FAMILY : undefined,
            }),
          ],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) => cell(c.title, { header: true }, columnWidths[i] ?? 0)),
  });
  const rows = block.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: block.columns.map((_, i) =>
          cell(row[i] ?? '', { mono: mono.has(i) }, columnWidths[i] ?? 0),
        ),
      }),
  );
  const line = { style: BorderStyle.SINGLE, size: 4, color: '888888' };
  return new Table({
    width: { size: CONTENT_TWIPS, type: WidthType.DXA },
    columnWidths,
    borders: {
      top: line,
      bottom: line,
      left: line,
      right: line,
      insideHorizontal: line,
      insideVertical: line,
    },
    rows: [header, ...rows],
  });
}

async function chart(block: Extract<RenderBlock, { type: 'chart' }>): Promise<Paragraph> {
  const png = await chartPng(block);
  // docx measures images in pixels at 96 per inch.
  const px = (pt: number) => Math.round((pt * 96) / 72);
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    keepLines: true,
    spacing: { before: 120, after: 240 },
    children: [
      new ImageRun({
        type: 'png',
        data: png,
        transformation: { width: px(CHART_SIZE.points.width), height: px(CHART_SIZE.points.height) },
        altText: { name: block.title, title: block.title, description: block.title },
      }),
    ],
  });
}

export async function blockChildren(block: RenderBlock, ctx: DocxContext): Promise<FileChild[]> {
  switch (block.type) {
    case 'heading':
      return [
        new Paragraph({ heading: HEADINGS[block.level], children: runs(ctx.notes.number(block.content)) }),
      ];
    case 'paragraph':
      return [
        new Paragraph({
          style: 'AmparoBody',
          indent: block.number === undefined ? undefined : { left: HANGING, hanging: HANGING },
          tabStops: block.number === undefined ? undefined : [{ type: TabStopType.LEFT, position: HANGING }],
          children: [
            ...(block.number === undefined ? [] : [new TextRun({ children: [block.number, new Tab()] })]),
            ...runs(ctx.notes.number(block.content)),
          ],
        }),
      ];
    case 'list': {
      const instance = block.ordered ? ctx.nextListInstance() : undefined;
      return block.items.map(
        (item) =>
          new Paragraph({
            style: 'AmparoBody',
            numbering: block.ordered
              ? { reference: LIST_REFS.ordered, level: 0, instance }
              : { reference: LIST_REFS.bullet, level: 0 },
            children: runs(ctx.notes.number(item)),
          }),
      );
    }
    case 'quote': {
      const out = [new Paragraph({ style: 'AmparoQuote', children: runs(ctx.notes.number(block.content)) })];
      if (block.source) {
        out.push(
          new Paragraph({
            style: 'AmparoQuote',
            alignment: AlignmentType.RIGHT,
            children: [new TextRun({ text: `— ${block.source}` })],
          }),
        );
      }
      return out;
    }
    case 'table':
      return [table(block), new Paragraph({ spacing: { after: 120 }, children: [] })];
    case 'chart':
      return [await chart(block)];
    case 'pageBreak':
      return [new Paragraph({ pageBreakBefore: true, children: [] })];
  }
}
