// Documents at the edges of the schema still print: nothing but a title, a chart of five years of months,
// a table with no rows, the schema refusing what composition must never hand over.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { RenderableDocument } from '../../../shared/schemas/filing-render';
import { writeDocument } from '../../../electron/core/filings/render';

const work = mkdtempSync(path.join(tmpdir(), 'amparo-render-edges-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const bare: RenderableDocument = {
  lang: 'es',
  title: 'Observaciones',
  heading: [],
  tableOfContents: true,
  blocks: [],
  footer: '',
  labels: { page: 'Página {page} de {pages}', contents: 'Índice' },
};

function pdfText(bytes: Uint8Array, name: string): string {
  const file = path.join(work, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('writeDocument at the edges', () => {
  it('prints a document with only a title, in both formats', async () => {
    expect(pdfText(await writeDocument(bare, 'pdf'), 'bare.pdf')).toMatch(
      /Observaciones[\s\S]*Página 1 de 1/,
    );
    const docx = path.join(work, 'bare.docx');
    writeFileSync(docx, await writeDocument(bare, 'docx'));
    expect(execFileSync('unzip', ['-p', docx, 'word/document.xml'], { encoding: 'utf8' })).toContain(
      'Observaciones',
    );
  });

  it('prints a chart of sixty months and a table without rows', async () => {
    const months = Array.from({ length: 60 }, (_, i) => ({
      label: `m${String(i + 1).padStart(2, '0')}`,
      value: i % 7,
    }));
    const doc: RenderableDocument = {
      ...bare,
      blocks: [
        { type: 'chart', title: 'Incidentes por mes, 2021–2025', series: months },
        { type: 'table', columns: [{ title: 'Anexo' }, { title: 'SHA-256' }], rows: [], monospace: [1] },
      ],
    };
    const text = pdfText(await writeDocument(doc, 'pdf'), 'sixty.pdf');
    expect(text).toContain('Incidentes por mes, 2021–2025');
    // Labels thinned so they do not collide: the first month is printed, not all sixty.
    expect(text).toContain('m01');
    const printed = months.filter((m) => text.includes(m.label)).length;
    expect(printed).toBeGreaterThan(5);
    expect(printed).toBeLessThan(60);
    expect(text).toMatch(/Anexo\s+SHA-256/);
    const docx = path.join(work, 'sixty.docx');
    writeFileSync(docx, await writeDocument(doc, 'docx'));
    const parts = execFileSync('unzip', ['-Z1', docx], { encoding: 'utf8' });
    expect(parts).toMatch(/^word\/media\/.+\.png$/m);
  });

  it('makes no network request, even for a document quoting web addresses', async () => {
    const calls: string[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = ((input: unknown) => {
      calls.push(String(input));
      return Promise.reject(new Error('no network in generated documents'));
    }) as typeof fetch;
    try {
      const url = 'https://www.oas.org/es/cidh/decisiones/mc/cautelares.asp';
      const doc: RenderableDocument = {
        ...bare,
        blocks: [{ type: 'paragraph', number: '1.', content: [{ text: `Véase ${url}` }] }],
      };
      expect(pdfText(await writeDocument(doc, 'pdf'), 'url.pdf')).toContain(url);
      await writeDocument(doc, 'docx');
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(calls).toEqual([]);
  });

  it('refuses a document outside the schema before writing anything', async () => {
    const wrong = { ...bare, blocks: [{ type: 'paragraph', content: [{ text: 'x', colour: 'red' }] }] };
    await expect(writeDocument(wrong as unknown as RenderableDocument, 'pdf')).rejects.toThrow();
  });
});
