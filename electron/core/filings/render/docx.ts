// RenderableDocument → DOCX with the `docx` library: the same content as the PDF in Word's own structures
// (see docx-content.ts), the footer "Página {PAGE} de {NUMPAGES}" as fields, the document language on
// every run by default, the title in the core properties, and Liberation Serif embedded so accents and ñ
// print the same where the font is not installed.
import {
  AlignmentType,
  Document,
  Footer,
  LevelFormat,
  Packer,
  PageNumber,
  Tab,
  Paragraph,
  TableOfContents,
  TabStopPosition,
  TabStopType,
  TextRun,
  type FileChild,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import type { RenderableDocument } from '../../../../shared/schemas/filing-render';
import { blockChildren, LIST_REFS, PAGE_TWIPS, textRun } from './docx-content';
import { footnoteNumbering } from './footnotes';
import { languageTag, pageLabelParts } from './labels';
import { loadFonts, MONO_FAMILY, SERIF_FAMILY } from './fonts';
import { abortIfAsked, type RenderOptions } from './options';

function footer(doc: RenderableDocument): Footer {
  const label = pageLabelParts(doc.labels.page).map((part) =>
    'text' in part ? part.text : part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
  );
  return new Footer({
    children: [
      new Paragraph({
        tabStops: [{ type: TabStopType.RIGHT, position: TabStopPosition.MAX }],
        children: [
          new TextRun({ text: doc.footer, size: 18, color: '444444' }),
          new TextRun({ children: [new Tab(), ...label], size: 18, color: '444444' }),
        ],
      }),
    ],
  });
}

const half = (pt: number) => pt * 2;

function styles(lang: string) {
  const heading = (size: number, italics = false) => ({
    run: { font: SERIF_FAMILY, size: half(size), bold: true, italics, color: '000000' },
    paragraph: { spacing: { before: 240, after: 120 }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: { run: { font: SERIF_FAMILY, size: half(12), language: { value: lang } } },
      heading1: heading(13),
      heading2: heading(12),
      heading3: heading(12, true),
      title: { run: { font: SERIF_FAMILY, size: half(14), bold: true, color: '000000' } },
    },
    paragraphStyles: [
      {
        id: 'AmparoBody',
        name: 'Amparo Body',
        basedOn: 'Normal',
        quickFormat: true,
        paragraph: { alignment: AlignmentType.JUSTIFIED, spacing: { after: 160, line: 300 } },
      },
      {
        id: 'AmparoQuote',
        name: 'Amparo Quote',
        basedOn: 'Normal',
        run: { size: half(11) },
        paragraph: {
          alignment: AlignmentType.JUSTIFIED,
          indent: { left: 720, right: 720 },
          spacing: { after: 120, line: 264 },
        },
      },
      {
        id: 'AmparoHeadingLines',
        name: 'Amparo Heading Lines',
        basedOn: 'Normal',
        run: { size: half(11) },
        paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } },
      },
    ],
  };
}

const numbering = {
  config: [
    {
      reference: LIST_REFS.ordered,
      levels: [
        {
          level: 0,
          format: LevelFormat.DECIMAL,
          text: '%1.',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720, hanging: 360 } } },
        },
      ],
    },
    {
      reference: LIST_REFS.bullet,
      levels: [
        {
          level: 0,
          format: LevelFormat.BULLET,
          text: '•',
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent: { left: 720, hanging: 360 } } },
        },
      ],
    },
  ],
};

export async function renderDocx(doc: RenderableDocument, opts: RenderOptions = {}): Promise<Uint8Array> {
  abortIfAsked(opts.signal);
  const notes = footnoteNumbering();
  let listInstance = 0;
  const ctx = { notes, nextListInstance: () => ++listInstance };
  const children: FileChild[] = doc.heading.map(
    (line) => new Paragraph({ style: 'AmparoHeadingLines', text: line }),
  );
  children.push(
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 240, after: 360 },
      children: [new TextRun({ text: doc.title, bold: true, size: half(14) })],
    }),
  );
  if (doc.tableOfContents) {
    children.push(
      new Paragraph({ children: [new TextRun({ text: doc.labels.contents, bold: true, size: half(13) })] }),
      new TableOfContents(doc.labels.contents, { hyperlink: true, headingStyleRange: '1-1' }),
    );
  }
  for (const block of doc.blocks) {
    children.push(...(await blockChildren(block, ctx)));
    abortIfAsked(opts.signal);
  }
  const footnotes = Object.fromEntries(
    notes.notes.map((note) => [
      String(note.number),
      { children: [new Paragraph({ children: note.content.map(textRun) })] },
    ]),
  );
  const fonts = loadFonts();
  const document = new Document({
    title: doc.title,
    creator: 'Amparo',
    lastModifiedBy: 'Amparo',
    styles: styles(languageTag(doc.lang)),
    numbering,
    footnotes,
    fonts: [
      { name: SERIF_FAMILY, data: fonts.serif, bold: fonts.serifBold, italic: fonts.serifItalic },
      { name: MONO_FAMILY, data: fonts.mono },
    ],
    // The contents' page numbers as docx's own layout estimates them; Word recomputes them on opening.
    pageNumbers: doc.tableOfContents ? estimatePageNumbers : undefined,
    features: doc.tableOfContents ? { updateFields: true } : undefined,
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE_TWIPS.width, height: PAGE_TWIPS.height },
            margin: {
              top: PAGE_TWIPS.margin,
              bottom: PAGE_TWIPS.margin,
              left: PAGE_TWIPS.margin,
              right: PAGE_TWIPS.margin,
            },
          },
        },
        footers: { default: footer(doc) },
        children,
      },
    ],
  });
  const buffer = await Packer.toBuffer(document);
  abortIfAsked(opts.signal);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
