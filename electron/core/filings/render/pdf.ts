// RenderableDocument → PDF with pdfmake (pdfkit underneath): Liberation Serif embedded as subsets, the
// table of contents from the level-1 headings, "Página N de M" and the footer text on every page, the
// document's title and language in the PDF's metadata. Footnotes are printed as numbered notes at the end
// ("Notas"): pdfmake cannot place text at the foot of the page it refers from.
// pdfmake may fetch fonts and images from URLs and read local files; this writer hands it the fonts
// as buffers and a resolver that refuses every URL, so rendering never touches the network or the disk.
import { createRequire } from 'node:module';
import type { RenderBlock, RenderableDocument } from '../../../../shared/schemas/filing-render';
import { footnoteNumbering } from './footnotes';
import { languageTag, notesTitle, pageLabelParts } from './labels';
import { loadFonts } from './fonts';
import { abortIfAsked, type RenderOptions } from './options';
import { installWordGapJustification } from './pdf-justify';
import { blockNode, endnotes, type Outline, PAGE, type PdfNode, STYLES, TABLE_LAYOUTS } from './pdf-content';

interface PdfKitStream {
  on(event: 'data', listener: (chunk: Buffer) => void): void;
  on(event: 'end', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  end(): void;
}
interface Printer {
  createPdfKitDocument(
    definition: Record<string, unknown>,
    options: { progressCallback?: (progress: number) => void; tableLayouts?: unknown },
  ): Promise<PdfKitStream>;
}
type PrinterClass = new (
  fonts: Record<string, Record<string, string>>,
  files: { existsSync(name: string): boolean; readFileSync(name: string): Buffer },
  urls: { resolve(url: string): void; resolved(): Promise<void> },
  localAccessPolicy: (path: string) => boolean,
) => Printer;

// pdfmake's public entry point is a process-wide singleton (fonts and callbacks shared by every caller);
// its Printer takes them per document.
const requireHere = createRequire(__filename);
const { default: PdfPrinter } = requireHere('pdfmake/js/Printer') as { default: PrinterClass };
installWordGapJustification();

const FONT_NAMES = {
  'serif.ttf': 'serif',
  'serif-bold.ttf': 'serifBold',
  'serif-italic.ttf': 'serifItalic',
  'serif-bold-italic.ttf': 'serifBoldItalic',
  'mono.ttf': 'mono',
} as const;
const FAMILIES = {
  Serif: {
    normal: 'serif.ttf',
    bold: 'serif-bold.ttf',
    italics: 'serif-italic.ttf',
    bolditalics: 'serif-bold-italic.ttf',
  },
  Mono: { normal: 'mono.ttf', bold: 'mono.ttf', italics: 'mono.ttf', bolditalics: 'mono.ttf' },
};

function fontFiles() {
  const fonts = loadFonts();
  return {
    existsSync: (name: string) => Object.hasOwn(FONT_NAMES, name),
    readFileSync: (name: string) => fonts[FONT_NAMES[name as keyof typeof FONT_NAMES]],
  };
}

const noNetwork = {
  resolve(url: string) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url)) throw new Error('Generated documents never load URLs.');
  },
  resolved: () => Promise.resolve(),
};

function footer(doc: RenderableDocument) {
  return (page: number, pages: number): PdfNode => {
    const label = pageLabelParts(doc.labels.page)
      .map((part) => ('text' in part ? part.text : String(part.field === 'page' ? page : pages)))
      .join('');
    return {
      margin: [PAGE.margin, 20, PAGE.margin, 0],
      style: 'footer',
      columns: [
        { width: '*', text: doc.footer, style: 'footer' },
        { width: 'auto', text: label, alignment: 'right', style: 'footer' },
      ],
    };
  };
}

/**
 * Keeps a heading with the text that follows it: a heading with no body text after it on its page moves
 * to the next one. The footer's nodes (style 'footer') are on every page: they do not count, and neither
 * do the headings below it (pdfmake asks about each node once, so an H1 whose H2 moved later would stay
 * behind alone).
 */
function keepHeadingsWithNext(
  node: { headlineLevel?: number },
  nodes: { getFollowingNodesOnPage(): { style?: unknown; headlineLevel?: number }[] },
): boolean {
  if (node.headlineLevel === undefined) return false;
  return !nodes.getFollowingNodesOnPage().some((n) => n.style !== 'footer' && n.headlineLevel === undefined);
}

/**
 * Whether a block is surely shorter than a page (about 3,900 characters of body text): pdfmake keeps only
 * the first page of an unbreakable block taller than one, so only these are kept with their heading.
 */
function fitsOnAPage(block: RenderBlock): boolean {
  if (block.type !== 'paragraph' && block.type !== 'quote') return false;
  const length = block.content.reduce(
    (sum, inline) =>
      sum + ('footnote' in inline ? 4 : inline.text.length + (inline.text.match(/\n/g)?.length ?? 0) * 90),
    0,
  );
  return length <= 1500;
}

function withoutHeadlineLevel(node: PdfNode): PdfNode {
  if (typeof node === 'string' || !('headlineLevel' in node)) return node;
  const { headlineLevel: _level, ...rest } = node;
  return rest;
}

export function pdfDefinition(doc: RenderableDocument): Record<string, unknown> {
  const notes = footnoteNumbering();
  const outline: Outline = { next: 0, parents: {} };
  const content: PdfNode[] = [];
  if (doc.heading.length > 0) {
    content.push({
      stack: doc.heading.map((line) => ({ text: line })),
      style: 'heading',
      alignment: 'right',
    });
  }
  content.push({ text: doc.title, style: 'title' });
  if (doc.tableOfContents) {
    content.push({
      toc: { title: { text: doc.labels.contents, style: 'tocTitle' }, textStyle: 'toc', numberStyle: 'toc' },
      margin: [0, 0, 0, 12],
    });
  }
  for (let i = 0; i < doc.blocks.length; i++) {
    const block = doc.blocks[i] as RenderBlock;
    // A run of headings (an H1 straight followed by an H2, say) and the short block after it.
    let end = i;
    while (doc.blocks[end]?.type === 'heading') end++;
    const after = doc.blocks[end];
    if (end > i && after && fitsOnAPage(after)) {
      // One unbreakable stack keeps the headings with their first paragraph in a single layout pass
      // (keepHeadingsWithNext re-lays the whole document out for each heading it moves). Its headings
      // carry no headlineLevel: pdfmake records positions inside an unbreakable block before the block
      // moves to the next page, so keepHeadingsWithNext would misjudge them, and a page break it set
      // inside the block dropped the block from the PDF.
      const run = doc.blocks.slice(i, end + 1).map((b) => blockNode(b, notes, outline));
      content.push({ stack: run.map(withoutHeadlineLevel), unbreakable: true });
      i = end;
    } else {
      content.push(blockNode(block, notes, outline));
    }
  }
  content.push(...endnotes(notes, notesTitle(doc.lang)));
  return {
    pageSize: 'LETTER',
    pageMargins: [PAGE.margin, PAGE.margin, PAGE.margin, PAGE.margin],
    language: languageTag(doc.lang),
    info: { title: doc.title, creator: 'Amparo', producer: 'Amparo' },
    defaultStyle: { font: 'Serif', fontSize: 12, lineHeight: 1.25 },
    styles: STYLES,
    content,
    footer: footer(doc),
    pageBreakBefore: keepHeadingsWithNext,
  };
}

export async function renderPdf(doc: RenderableDocument, opts: RenderOptions = {}): Promise<Uint8Array> {
  const { signal } = opts;
  abortIfAsked(signal);
  const printer = new PdfPrinter(structuredClone(FAMILIES), fontFiles(), noNetwork, () => false);
  const stream = await printer.createPdfKitDocument(pdfDefinition(doc), {
    tableLayouts: TABLE_LAYOUTS,
    // Called while pages are written out; layout itself runs in one synchronous stretch.
    progressCallback: () => {
      abortIfAsked(signal);
    },
  });
  abortIfAsked(signal);
  return new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk) => chunks.push(chunk));
    stream.on('end', () => {
      const all = Buffer.concat(chunks);
      resolve(new Uint8Array(all.buffer, all.byteOffset, all.byteLength));
    });
    stream.on('error', reject);
    stream.end();
  });
}
