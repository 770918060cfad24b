// The DOCX writer read back without its zip library: the `unzip` command takes the parts out, an XML
// parser (@xmldom/xmldom) reads them.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DOMParser, type Document as XmlDocument, type Element } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderDocx, writeDocument } from '../../../electron/core/filings/render';
import { ACCENTED, HASHES, PROTECTED_NAME, sampleDocument } from './render-sample';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
let work: string;
let file: string;

function part(name: string, docx = file): string {
  // unzip reads its file names as patterns: [Content_Types].xml needs its brackets escaped.
  return execFileSync('unzip', ['-p', docx, name.replace(/[[\]]/g, '\\$&')], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
function xml(name: string, docx = file): XmlDocument {
  return new DOMParser().parseFromString(part(name, docx), 'text/xml');
}
const all = (node: XmlDocument | Element, tag: string): Element[] =>
  Array.from(node.getElementsByTagNameNS(W, tag));
const val = (el: Element | undefined) =>
  el?.getAttributeNS(W, 'val') ?? el?.getAttribute('w:val') ?? undefined;
/** A paragraph's text, runs joined. */
const text = (p: Element) =>
  all(p, 't')
    .map((t) => t.textContent ?? '')
    .join('');
const styleOf = (p: Element) => val(all(p, 'pStyle')[0]);

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'amparo-render-docx-'));
  file = path.join(work, 'sample.docx');
  writeFileSync(file, await writeDocument(sampleDocument(), 'docx'));
}, 60_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('renderDocx', () => {
  it('gives the headings Word heading styles, so the navigation pane and the contents work', () => {
    const body = xml('word/document.xml');
    const headings = all(body, 'p')
      .filter((p) => /^Heading[1-3]$/.test(styleOf(p) ?? ''))
      .map((p) => [styleOf(p), text(p)]);
    expect(headings).toEqual([
      ['Heading1', 'I. Beneficiarios propuestos'],
      ['Heading1', 'II. Cronología del riesgo'],
      ['Heading2', 'Gravedad, urgencia e irreparabilidad'],
      ['Heading1', 'III. Índice de anexos'],
      ['Heading1', 'IV. Medidas solicitadas'],
    ]);
    const styles = xml('word/styles.xml');
    const ids = all(styles, 'style').map(
      (s) => s.getAttributeNS(W, 'styleId') ?? s.getAttribute('w:styleId'),
    );
    expect(ids).toEqual(expect.arrayContaining(['Heading1', 'Heading2', 'Heading3']));
  });

  it('has a table of contents field over the level-1 headings, with page numbers filled in', () => {
    const body = xml('word/document.xml');
    const instr = all(body, 'instrText').map((t) => t.textContent ?? '');
    expect(instr.some((i) => /TOC\b.*\\o\s+"1-1"/.test(i))).toBe(true);
    const entries = all(body, 'p')
      .filter((p) => styleOf(p) === 'TOC1')
      .map((p) => text(p));
    expect(entries).toHaveLength(4);
    expect(entries[0]).toMatch(/^I\. Beneficiarios propuestos1$/);
    expect(entries[3]).toMatch(/^IV\. Medidas solicitadas\d+$/);
  });

  it('keeps the text, accents and hashes, and not the protected name, in any part', () => {
    const body = all(xml('word/document.xml'), 'p').map(text).join('\n');
    expect(body).toContain('Comisión Interamericana de Derechos Humanos');
    expect(body).toContain(ACCENTED);
    for (const hash of HASHES) expect(body).toContain(hash);
    const parts = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    for (const name of parts.filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))) {
      expect(part(name), name).not.toContain(PROTECTED_NAME);
    }
  });

  it('prints numbered paragraphs with the number in a hanging indent', () => {
    const p = all(xml('word/document.xml'), 'p').find((el) => text(el).startsWith('2.'));
    expect(p).toBeDefined();
    const ind = all(p as Element, 'ind')[0];
    expect(ind?.getAttributeNS(W, 'hanging') ?? ind?.getAttribute('w:hanging')).toBe('680');
    expect(text(p as Element)).toMatch(/^2\.Párrafo 2:/);
    // A real tab after the number (not a tab character inside the text).
    const firstRun = all(p as Element, 'r')[0] as Element;
    expect(all(firstRun, 't')[0]?.textContent).toBe('2.');
    expect(all(firstRun, 'tab')).toHaveLength(1);
  });

  it('puts lists on numbering definitions, decimal and bullet, each ordered list from 1', () => {
    const body = xml('word/document.xml');
    const listed = all(body, 'p').filter((p) => all(p, 'numPr').length > 0);
    expect(listed.map(text)).toEqual([
      'Azucena, defensora del territorio.',
      'Su hijo, «Colibrí», de 12 años de edad.',
      'Adoptar medidas de protección para Azucena.',
      'Investigar los hechos.',
    ]);
    const numbering = xml('word/numbering.xml');
    const numIdOf = (p: Element) => val(all(p, 'numId')[0]);
    const abstractOf = (numId: string | undefined) => {
      const num = all(numbering, 'num').find(
        (n) => (n.getAttributeNS(W, 'numId') ?? n.getAttribute('w:numId')) === numId,
      );
      const abstractId = val(all(num as Element, 'abstractNumId')[0]);
      return all(numbering, 'abstractNum').find(
        (a) => (a.getAttributeNS(W, 'abstractNumId') ?? a.getAttribute('w:abstractNumId')) === abstractId,
      );
    };
    const formats = listed.map((p) => val(all(abstractOf(numIdOf(p)) as Element, 'numFmt')[0]));
    expect(formats).toEqual(['bullet', 'bullet', 'decimal', 'decimal']);
  });

  it('writes real footnotes, numbered in reading order', () => {
    const body = xml('word/document.xml');
    const refs = all(body, 'footnoteReference').map(
      (r) => r.getAttributeNS(W, 'id') ?? r.getAttribute('w:id'),
    );
    expect(refs).toEqual(['1', '2']);
    const notes = all(xml('word/footnotes.xml'), 'footnote')
      .map((n) => [
        n.getAttributeNS(W, 'id') ?? n.getAttribute('w:id'),
        all(n, 't')
          .map((t) => t.textContent)
          .join(''),
      ])
      .filter(([id]) => Number(id) > 0);
    expect(notes).toEqual([
      ['1', 'Véase el Anexo 1, acta de la denuncia presentada el 3 de febrero de 2025.'],
      ['2', 'Segunda nota: informe de riesgo del Mecanismo.'],
    ]);
  });

  it('repeats each table header row on every page, with the SHA-256 column in monospace', () => {
    const tables = all(xml('word/document.xml'), 'tbl');
    expect(tables).toHaveLength(2);
    for (const table of tables) {
      const rows = all(table, 'tr');
      expect(all(rows[0] as Element, 'tblHeader')).toHaveLength(1);
      expect(rows.slice(1).every((r) => all(r, 'tblHeader').length === 0)).toBe(true);
    }
    const index = tables[1] as Element;
    expect(all(all(index, 'tr')[0] as Element, 't').map((t) => t.textContent)).toEqual([
      'Núm.',
      'Título',
      'Fecha',
      'SHA-256',
    ]);
    const hashCell = all(all(index, 'tr')[1] as Element, 'tc')[3] as Element;
    expect(text(hashCell)).toBe(HASHES[0]);
    const font = all(hashCell, 'rFonts')[0];
    expect(font?.getAttributeNS(W, 'ascii') ?? font?.getAttribute('w:ascii')).toBe('Liberation Mono');
  });

  it('embeds the chart as a PNG image with its title as alternative text', () => {
    const parts = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).trim().split('\n');
    const media = parts.filter((n) => n.startsWith('word/media/'));
    expect(media).toHaveLength(1);
    const png = execFileSync('unzip', ['-p', file, media[0] ?? ''], { maxBuffer: 16 * 1024 * 1024 });
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(part('word/document.xml')).toMatch(/<wp:docPr [^>]*descr="Incidentes por mes"/);
  });

  it('has the page fields and footer text in its footer, the language and the title set', () => {
    const footerName = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' })
      .split('\n')
      .find((n) => /^word\/footer\d*\.xml$/.test(n));
    const footer = xml(footerName ?? 'word/footer1.xml');
    const words = all(footer, 't')
      .map((t) => t.textContent)
      .join('');
    // The fields' cached results (docx estimates the page count) sit between the label's words.
    expect(words).toMatch(/^MC-123-25Página \d* de \d*$/);
    expect(all(footer, 'r').some((r) => all(r, 'tab').length === 1)).toBe(true);
    const fields = all(footer, 'instrText').map((t) => t.textContent?.trim());
    expect(fields).toEqual(['PAGE', 'NUMPAGES']);
    const lang = all(all(xml('word/styles.xml'), 'docDefaults')[0] as Element, 'lang')[0];
    expect(val(lang)).toBe('es-MX');
    expect(part('docProps/core.xml')).toContain('<dc:title>Solicitud de medidas cautelares</dc:title>');
  });

  it('embeds the shipped serif so the document prints the same without it installed', () => {
    const fontTable = xml('word/fontTable.xml');
    const serif = all(fontTable, 'font').find(
      (f) => (f.getAttributeNS(W, 'name') ?? f.getAttribute('w:name')) === 'Liberation Serif',
    );
    expect(serif).toBeDefined();
    expect(all(serif as Element, 'embedRegular')).toHaveLength(1);
    expect(all(serif as Element, 'embedBold')).toHaveLength(1);
  });

  it('writes English documents in English', async () => {
    const en = path.join(work, 'en.docx');
    const doc = {
      ...sampleDocument(),
      lang: 'en' as const,
      labels: { page: 'Page {page} of {pages}', contents: 'Contents' },
    };
    writeFileSync(en, await renderDocx(doc));
    const lang = all(all(xml('word/styles.xml', en), 'docDefaults')[0] as Element, 'lang')[0];
    expect(val(lang)).toBe('en');
  });
});
