// Headings that fall at the foot of a page: the PDF writer moves them (and what they keep with) to the
// next page, and no text may be lost on the way. Each shape is laid out after a filler of 22 to 36 lines,
// so the page foot falls on every line of the run in turn: on the H1, on the H2, inside the paragraph.
// Read back with poppler's pdftotext; the DOCX of the same documents is read back with unzip.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDocument } from '../../../electron/core/filings/render';
import type { RenderBlock, RenderableDocument } from '../../../shared/schemas/filing-render';
import { squeeze } from './render-pdf-text';

const FILLER_LINES = Array.from({ length: 15 }, (_, i) => 22 + i);

const h = (level: 1 | 2, text: string): RenderBlock => ({ type: 'heading', level, content: [{ text }] });
const p = (text: string, number?: string): RenderBlock => ({
  type: 'paragraph',
  ...(number ? { number } : {}),
  content: [{ text }],
});
const MIDDLE = 'la autoridad responsable omitió investigar los hechos denunciados con la debida diligencia; ';
/** A paragraph whose first and last words are its own, so both ends can be looked for. */
const para = (first: string, last: string, repeat: number) => `${first} ${MIDDLE.repeat(repeat)}${last}.`;

interface Shape {
  name: string;
  blocks: RenderBlock[];
  /** Words that must be on one page: the headings and the first words of what they introduce. */
  together: string[];
  /** Every distinctive word, in reading order. */
  words: string[];
}

const SHAPES: Shape[] = [
  {
    name: 'H1 + H2 + a short paragraph, last in the document',
    blocks: [
      h(1, 'III. Capítulo Xilófono'),
      h(2, 'A. Sección Zanahoria'),
      p(para('Murciélago', 'Quetzal', 4), '7.'),
    ],
    together: ['Xilófono', 'Zanahoria', 'Murciélago'],
    words: ['Xilófono', 'Zanahoria', 'Murciélago', 'Quetzal'],
  },
  {
    name: 'H1 + H2 + a short paragraph, then another H1 + paragraph',
    blocks: [
      h(1, 'III. Capítulo Xilófono'),
      h(2, 'A. Sección Zanahoria'),
      p(para('Murciélago', 'Quetzal', 3)),
      h(1, 'IV. Capítulo Ornitorrinco'),
      p(para('Axolote', 'Cenzontle', 2)),
    ],
    together: ['Xilófono', 'Zanahoria', 'Murciélago'],
    words: ['Xilófono', 'Zanahoria', 'Murciélago', 'Quetzal', 'Ornitorrinco', 'Axolote', 'Cenzontle'],
  },
  {
    name: 'H1 + H2 + a paragraph too long to keep whole, then a closing paragraph',
    blocks: [
      h(1, 'III. Capítulo Xilófono'),
      h(2, 'A. Sección Zanahoria'),
      p(para('Murciélago', 'Quetzal', 22), '7.'),
      p(para('Tlacuache', 'Jaguarundi', 1)),
    ],
    together: ['Xilófono', 'Zanahoria', 'Murciélago'],
    words: ['Xilófono', 'Zanahoria', 'Murciélago', 'Quetzal', 'Tlacuache', 'Jaguarundi'],
  },
  {
    name: 'H2 + a short paragraph after a paragraph',
    blocks: [
      p(para('Tlacuache', 'Jaguarundi', 1)),
      h(2, 'B. Sección Zanahoria'),
      p(para('Murciélago', 'Quetzal', 3)),
    ],
    together: ['Zanahoria', 'Murciélago'],
    words: ['Tlacuache', 'Jaguarundi', 'Zanahoria', 'Murciélago', 'Quetzal'],
  },
];

function documentWith(fillerLines: number, shape: Shape): RenderableDocument {
  const filler = Array.from(
    { length: fillerLines },
    (_, i) => `Antecedente ${i + 1}: constancia de la diligencia practicada.`,
  ).join('\n');
  return {
    lang: 'es',
    title: 'Solicitud de medidas cautelares',
    heading: [],
    tableOfContents: false,
    blocks: [h(1, 'I. Antecedentes'), p(filler), ...shape.blocks],
    footer: 'MC-123-25',
    labels: { page: 'Página {page} de {pages}', contents: 'Índice' },
  };
}

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), 'amparo-render-foot-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** The text of each page, whitespace removed (pdftotext separates pages with a form feed). */
async function pdfPages(doc: RenderableDocument, name: string): Promise<string[]> {
  const file = path.join(work, `${name}.pdf`);
  writeFileSync(file, await writeDocument(doc, 'pdf'));
  const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  return text
    .split('\f')
    .filter((page) => page.trim() !== '')
    .map(squeeze);
}

const pageOf = (pages: string[], word: string) => pages.findIndex((page) => page.includes(word)) + 1;
const lastFillerLine = (n: number) => squeeze(`Antecedente ${n}:`);

describe.each(SHAPES)('PDF: $name', (shape) => {
  // Where the page foot fell in each layout, so the table is seen to reach every position.
  const seen = { runMoved: 0, runOnFirstPage: 0, paragraphSplit: 0 };

  it.each(FILLER_LINES)(
    'after %i filler lines: every word printed, headings kept with their text',
    async (n) => {
      const pages = await pdfPages(documentWith(n, shape), `${shape.name.slice(0, 12)}-${n}`);
      for (const word of [lastFillerLine(n), ...shape.words]) {
        expect(
          pages.some((page) => page.includes(squeeze(word))),
          `"${word}" after ${n} lines`,
        ).toBe(true);
      }
      const together = shape.together.map((word) => pageOf(pages, squeeze(word)));
      expect(new Set(together).size, `${shape.together.join(', ')} on pages ${together.join(', ')}`).toBe(1);
      const order = shape.words.map((word) => pageOf(pages, squeeze(word)));
      expect(order).toEqual([...order].sort((a, b) => a - b));

      const fillerPage = pageOf(pages, lastFillerLine(n));
      if ((together[0] ?? 0) > fillerPage) seen.runMoved++;
      else seen.runOnFirstPage++;
      if (pageOf(pages, squeeze('Quetzal')) > pageOf(pages, squeeze('Murciélago'))) seen.paragraphSplit++;
    },
  );

  it('reached the page foot: some layouts moved the headings to the next page, some did not', () => {
    expect(seen.runMoved).toBeGreaterThan(0);
    expect(seen.runOnFirstPage).toBeGreaterThan(0);
    // Only a paragraph too long to keep whole with its headings breaks across the page.
    if (shape.name.includes('too long')) expect(seen.paragraphSplit).toBeGreaterThan(0);
    else expect(seen.paragraphSplit).toBe(0);
  });
});

describe('DOCX of the same documents', () => {
  it.each(SHAPES)('$name: every word in word/document.xml, in order', async (shape) => {
    const file = path.join(work, 'shape.docx');
    writeFileSync(file, await writeDocument(documentWith(30, shape), 'docx'));
    const xml = execFileSync('unzip', ['-p', file, 'word/document.xml'], { encoding: 'utf8' });
    const text = [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
    const positions = [lastFillerLine(30), ...shape.words].map((word) =>
      squeeze(text).indexOf(squeeze(word)),
    );
    expect(
      positions.every((at) => at >= 0),
      positions.join(','),
    ).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });
});
