// Reads the text a PDF really draws, from its bytes: every content stream decompressed (pdf-lib, not the
// writer's pdfkit) and every shown glyph mapped back through its font's ToUnicode CMap. A name the
// document left out cannot hide in glyph codes, and a name it printed is found even though the streams
// hold glyph numbers rather than letters.
import {
  decodePDFRawStream,
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  type PDFObject,
} from 'pdf-lib';

type CMap = Map<number, string>;

function streamText(stream: PDFRawStream): string {
  return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
}

function hexToString(hex: string): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
  return out;
}

export function parseToUnicode(cmap: string): CMap {
  const map: CMap = new Map();
  for (const section of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (section[1] ?? '').matchAll(/<([0-9a-f]+)>\s*<([0-9a-f]+)>/gi)) {
      map.set(parseInt(m[1] ?? '', 16), hexToString(m[2] ?? ''));
    }
  }
  for (const section of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (section[1] ?? '').matchAll(
      /<([0-9a-f]+)>\s*<([0-9a-f]+)>\s*(\[[^\]]*\]|<[0-9a-f]+>)/gi,
    )) {
      const from = parseInt(m[1] ?? '', 16);
      const to = parseInt(m[2] ?? '', 16);
      const target = m[3] ?? '';
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9a-f]+)>/gi)].forEach((t, i) => map.set(from + i, hexToString(t[1] ?? '')));
      } else {
        const base = parseInt(target.slice(1, -1), 16);
        for (let c = from; c <= to; c++) map.set(c, String.fromCharCode(base + c - from));
      }
    }
  }
  return map;
}

function resolve(doc: PDFDocument, obj: PDFObject | undefined): PDFObject | undefined {
  return obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
}

function fontMaps(doc: PDFDocument, resources: PDFDict | undefined): Map<string, CMap> {
  const maps = new Map<string, CMap>();
  const fonts = resolve(doc, resources?.get(PDFName.of('Font')));
  if (!(fonts instanceof PDFDict)) return maps;
  for (const [name, ref] of fonts.entries()) {
    const font = resolve(doc, ref);
    const toUnicode = font instanceof PDFDict ? resolve(doc, font.get(PDFName.of('ToUnicode'))) : undefined;
    if (toUnicode instanceof PDFRawStream) maps.set(name.asString(), parseToUnicode(streamText(toUnicode)));
  }
  return maps;
}

function contentStreams(doc: PDFDocument, contents: PDFObject | undefined): string {
  const value = resolve(doc, contents);
  if (value instanceof PDFRawStream) return streamText(value);
  if (value instanceof PDFArray)
    return value
      .asArray()
      .map((item) => contentStreams(doc, item))
      .join('\n');
  return '';
}

/** The drawn text of each page, in content-stream order. */
export async function pdfPagesText(bytes: Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const maps = fontMaps(doc, page.node.Resources());
    const ops = contentStreams(doc, page.node.get(PDFName.of('Contents')));
    let current: CMap = new Map();
    let text = '';
    for (const m of ops.matchAll(
      /\/([^\s/]+)\s+[\d.]+\s+Tf|\[((?:<[0-9a-f]*>|[^\]])*)\]\s*TJ|<([0-9a-f]*)>\s*Tj/gi,
    )) {
      if (m[1] !== undefined) {
        current = maps.get(`/${m[1]}`) ?? new Map();
        continue;
      }
      const hexes =
        m[2] !== undefined ? [...m[2].matchAll(/<([0-9a-f]*)>/gi)].map((h) => h[1] ?? '') : [m[3] ?? ''];
      for (const hex of hexes) {
        for (let i = 0; i + 4 <= hex.length; i += 4)
          text += current.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\uFFFD';
      }
      text += ' ';
    }
    return text;
  });
}

/** Whitespace removed, so text is compared regardless of where lines broke. */
export const squeeze = (s: string) => s.replace(/\s+/g, '');
