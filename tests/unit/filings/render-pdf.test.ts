// The PDF writer read back with independent tools: poppler's pdftotext, pdfinfo and pdffonts, and pdf-lib
// for the content streams (see render-pdf-text.ts).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  decodePDFRawStream,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFRef,
  PDFString,
} from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPdf, writeDocument } from '../../../electron/core/filings/render';
import { pdfPagesText, squeeze } from './render-pdf-text';
import { ACCENTED, HASHES, PROTECTED_NAME, sampleDocument } from './render-sample';

let work: string;
let file: string;
let bytes: Uint8Array;
let pages: number;

const pdftotext = (args: string[], pdf = file) =>
  execFileSync('pdftotext', [...args, pdf, '-'], { encoding: 'utf8' });
const pageText = (p: number, pdf = file) => pdftotext(['-layout', '-f', String(p), '-l', String(p)], pdf);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'amparo-render-pdf-'));
  bytes = await writeDocument(sampleDocument(), 'pdf');
  file = path.join(work, 'sample.pdf');
  writeFileSync(file, bytes);
  pages = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('renderPdf', () => {
  it('sets the title and the language, on US Letter pages, several of them', async () => {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/^Title:\s+Solicitud de medidas cautelares$/m);
    expect(info).toMatch(/^Page size:\s+612 x 792 pts/m);
    expect(pages).toBeGreaterThanOrEqual(3);
    const doc = await PDFDocument.load(bytes);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(es-MX)');
  });

  it('embeds subsets of the shipped fonts and nothing else', () => {
    const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
    const fonts = rows.map((row) => {
      const cols = row.trim().split(/\s+/);
      return { name: cols[0]?.replace(/^[A-Z]{6}\+/, ''), emb: cols.at(-5), sub: cols.at(-4) };
    });
    expect(fonts.map((f) => f.name).sort()).toEqual([
      'LiberationMono',
      'LiberationSerif',
      'LiberationSerif-Bold',
      'LiberationSerif-Italic',
    ]);
    for (const font of fonts) expect(font, font.name).toMatchObject({ emb: 'yes', sub: 'yes' });
  });

  it('prints the heading, the title and the sections in reading order, accents intact', () => {
    const text = pdftotext(['-layout']);
    const order = [
      'Comisión Interamericana de Derechos Humanos',
      'Ciudad de México, a 1 de diciembre de 2026',
      'Solicitud de medidas cautelares',
      'Índice',
      'Se solicita proteger a Azucena',
      'II. Cronología del riesgo',
      'Toda persona tiene derecho',
      '— Convención Americana sobre Derechos Humanos, art. 5.1',
      'Gravedad, urgencia e irreparabilidad',
      'Párrafo 25:',
      'Incidentes por mes',
      'Documento probatorio número 1',
      '1. Adoptar medidas de protección para Azucena.',
      'Notas',
      'Véase el Anexo 1, acta de la denuncia',
      'Segunda nota: informe de riesgo del Mecanismo.',
    ];
    let from = 0;
    for (const expected of order) {
      const at = text.indexOf(expected, from);
      expect(at, expected).toBeGreaterThanOrEqual(from);
      from = at + expected.length;
    }
    expect(squeeze(text)).toContain(squeeze(ACCENTED));
  });

  it('numbers paragraphs in a hanging indent: the number stands left of its text', () => {
    const line = pageText(1)
      .split('\n')
      .find((l) => l.includes('Párrafo 2:'));
    expect(line).toMatch(/^\s*2\.\s{2,}Párrafo 2:/);
  });

  it('puts the footer text and "Página N de M" on every page', () => {
    for (let p = 1; p <= pages; p++) {
      const text = pageText(p);
      expect(text, `page ${p}`).toMatch(new RegExp(`MC-123-25\\s+Página ${p} de ${pages}\\s*$`));
    }
  });

  it('lists every level-1 heading in the table of contents with the page it is printed on', () => {
    const headings = [
      'I. Beneficiarios propuestos',
      'II. Cronología del riesgo',
      'III. Índice de anexos',
      'IV. Medidas solicitadas',
    ];
    const toc = pageText(1);
    for (const heading of headings) {
      const entry = new RegExp(
        `^\\s*${heading.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s+(\\d+)\\s*$`,
        'm',
      ).exec(toc);
      expect(entry, heading).not.toBeNull();
      // The heading itself: the last page whose text starts a line with it (page 1 also holds the entry).
      let printedOn = 0;
      for (let p = 1; p <= pages; p++) {
        const lines = pageText(p)
          .split('\n')
          .filter((l) => l.trim() === heading);
        if (lines.length > 0) printedOn = p;
      }
      expect(Number(entry?.[1]), heading).toBe(printedOn);
    }
  });

  it("has bookmarks for the headings, nested by level, for the reader's side panel", async () => {
    const doc = await PDFDocument.load(bytes);
    const dict = (obj: unknown) =>
      (obj instanceof PDFRef ? doc.context.lookup(obj) : obj) as PDFDict | undefined;
    const level = (parent: PDFDict | undefined): [string, unknown[]][] => {
      const out: [string, unknown[]][] = [];
      for (
        let item = dict(parent?.get(PDFName.of('First')));
        item;
        item = dict(item.get(PDFName.of('Next')))
      ) {
        const title = item.get(PDFName.of('Title')) as PDFString | PDFHexString;
        out.push([title.decodeText(), level(item)]);
      }
      return out;
    };
    expect(level(dict(doc.catalog.get(PDFName.of('Outlines'))))).toEqual([
      ['I. Beneficiarios propuestos', []],
      ['II. Cronología del riesgo', [['Gravedad, urgencia e irreparabilidad', []]]],
      ['III. Índice de anexos', []],
      ['IV. Medidas solicitadas', []],
      ['Notas', []],
    ]);
  });

  it('draws the pseudonyms, accents and hashes in its content streams, and not the protected name', async () => {
    const drawn = squeeze((await pdfPagesText(bytes)).join(''));
    expect(drawn).toContain('Azucena');
    expect(drawn).toContain(squeeze(ACCENTED));
    for (const hash of HASHES) expect(drawn).toContain(hash);
    expect(drawn).not.toContain(squeeze(PROTECTED_NAME));
    expect(drawn).not.toContain('Bañuelos');
    // Nor anywhere else in the file (metadata, names, outlines), in any of the usual encodings.
    const doc = await PDFDocument.load(bytes);
    const streams = doc.context
      .enumerateIndirectObjects()
      .filter(([, obj]) => obj instanceof PDFRawStream)
      .map(([, obj]) => Buffer.from(decodePDFRawStream(obj as PDFRawStream).decode()));
    const everything = Buffer.concat([Buffer.from(bytes), ...streams]);
    for (const encoding of ['latin1', 'utf8', 'utf16le'] as const) {
      expect(everything.includes(Buffer.from(PROTECTED_NAME, encoding))).toBe(false);
    }
    expect(everything.includes(Buffer.from('Solicitud de medidas cautelares', 'latin1'))).toBe(true);
  });

  it('refers to no URL and no file outside itself', () => {
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).not.toMatch(/\/URI|\/Launch|\/GoToR|https?:/);
  });

  it('draws the chart as vector bars, one per month with incidents', async () => {
    const doc = await PDFDocument.load(bytes);
    const chartPage = Array.from({ length: pages }, (_, i) => i + 1).find((p) =>
      pageText(p).includes('Incidentes por mes'),
    );
    expect(chartPage).toBeDefined();
    const chart = pageText(chartPage ?? 1);
    for (const month of ['ene 2025', 'feb 2025', 'mar 2025', 'abr 2025', 'may 2025', 'jun 2025']) {
      expect(chart).toContain(month);
    }
    const contents = doc.getPages()[(chartPage ?? 1) - 1]?.node.get(PDFName.of('Contents'));
    const stream = Buffer.from(
      decodePDFRawStream(doc.context.lookup(contents) as PDFRawStream).decode(),
    ).toString('latin1');
    const barColour = `${0x3b / 255} ${0x5b / 255} ${0x7a / 255} scn`;
    // Six months, one of them (May) with no incident.
    expect(stream.split(barColour).length - 1).toBe(5);
  });

  it('repeats the header row of a long table on every page it runs onto', async () => {
    const long = await renderPdf(sampleDocument({ rows: 120, toc: false }));
    const longFile = path.join(work, 'long.pdf');
    writeFileSync(longFile, long);
    const total = Number(
      /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [longFile], { encoding: 'utf8' }))?.[1],
    );
    const withRows = Array.from({ length: total }, (_, i) => pageText(i + 1, longFile)).filter((t) =>
      /^\s*Anexo\s/m.test(t),
    );
    expect(withRows.length).toBeGreaterThanOrEqual(3);
    for (const text of withRows) expect(text).toMatch(/^\s*Núm\.\s+Título\s+Fecha\s+SHA-256\s*$/m);
    // Every row's hash is whole in the text, wrapped inside its cell.
    expect(squeeze(pdftotext(['-raw'], longFile)).split(HASHES[0] ?? '-').length - 1).toBe(40);
  });

  it('never leaves a heading alone at the foot of a page', async () => {
    const long = await renderPdf(sampleDocument({ paragraphs: 80, headingsEvery: 3, toc: false }));
    const longFile = path.join(work, 'headings.pdf');
    writeFileSync(longFile, long);
    const total = Number(
      /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [longFile], { encoding: 'utf8' }))?.[1],
    );
    let headings = 0;
    for (let p = 1; p <= total; p++) {
      const lines = pageText(p, longFile)
        .split('\n')
        .filter((l) => l.trim() !== '');
      headings += lines.filter((l) => /^\s*Sección \d+\s*$/.test(l)).length;
      // The last line is the footer; the one before it ends the body.
      expect(lines.at(-2), `page ${p}`).not.toMatch(/^\s*Sección \d+\s*$/);
    }
    // Paragraphs 2…81, a heading before every third: 3, 6, …, 81. Without keep-with-next two of them
    // end a page in this document.
    expect(headings).toBe(27);
  }, 60_000);

  it('writes English documents with their own words and language', async () => {
    const english = {
      ...sampleDocument(),
      lang: 'en' as const,
      labels: { page: 'Page {page} of {pages}', contents: 'Contents' },
    };
    const out = await renderPdf(english);
    const doc = await PDFDocument.load(out);
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en)');
    const enFile = path.join(work, 'en.pdf');
    writeFileSync(enFile, out);
    const text = pdftotext(['-layout'], enFile);
    expect(text).toContain('Contents');
    expect(text).toMatch(/^\s*Notes\s*$/m);
    expect(text).toMatch(/Page 1 of \d+/);
  });

  it('stops when its signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('cancelled by the user'));
    await expect(renderPdf(sampleDocument(), { signal: controller.signal })).rejects.toThrow(
      'cancelled by the user',
    );
  });
});
