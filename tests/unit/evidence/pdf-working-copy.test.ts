// A PDF's working copy without metadata, checked from outside Amparo with poppler's pdfinfo and pdftotext
// (CI installs poppler-utils): no Author, Creator, Producer or Title, no XMP stream, the same page count
// and the same text as the original, which stays untouched.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { EvidenceItem } from '../../../shared/schemas/evidence';
import {
  PDF_AUTHOR,
  PDF_OLD_AUTHOR,
  PDF_PAGE_TEXT,
  PDF_TITLE,
  pdfWithMetadata,
} from '../../support/pdf-with-metadata';
import { addEvidence, call, previewTicket, readBody, setupEvidence } from './evidence-setup';

const run = promisify(execFile);

async function pdfinfo(file: string): Promise<Record<string, string>> {
  const { stdout } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
  return Object.fromEntries(
    stdout
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!, m[2]!]),
  );
}

describe('PDF working copy without metadata', () => {
  it('drops Info and XMP, keeps pages and text, and links to the untouched original', async () => {
    const s = await setupEvidence();
    const source = join(s.work, 'denuncia.pdf');
    await writeFile(source, pdfWithMetadata());
    const before = await pdfinfo(source);
    expect(before).toMatchObject({ Author: PDF_AUTHOR, Title: PDF_TITLE, Pages: '2' });

    const [original] = (await addEvidence(s, [source])).added;
    const item = await call<EvidenceItem>(s.core, 'evidence:get', { id: original!.id });
    expect(item.metadata.strippable).toBe(true);
    // The author is a person; "Creator: Microsoft Word" and the Producer are programs.
    const risk = (group: string, name: string) =>
      item.metadata.fields.find((f) => f.group === group && f.name === name)?.risk;
    expect(risk('pdf', 'Author')).toBe('person');
    expect(risk('pdf', 'Creator')).toBeNull();
    expect(risk('pdf', 'Producer')).toBeNull();
    expect(risk('xmp', 'creator')).toBe('person');

    const copy = await call<EvidenceItem>(s.core, 'evidence:stripMetadata', { id: original!.id });
    expect([copy.derivedFrom, copy.derivation, copy.kind]).toEqual([original!.id, 'metadata_removed', 'pdf']);
    expect(copy.metadata.fields).toEqual([]);
    expect(copy.metadata.risks).toEqual([]);

    const bytes = await readBody(
      (await s.core.media(await previewTicket(s, copy.id), { method: 'GET' })).body,
    );
    const copyFile = join(s.work, 'copia.pdf');
    await writeFile(copyFile, bytes);
    const after = await pdfinfo(copyFile);
    for (const field of ['Author', 'Creator', 'Producer', 'Title', 'CreationDate', 'ModDate'])
      expect(after[field], field).toBeUndefined();
    expect(after['Metadata Stream']).toBe('no');
    expect(after.Pages).toBe(before.Pages);
    for (const name of [PDF_AUTHOR, PDF_OLD_AUTHOR, 'Microsoft', 'xpacket'])
      expect(bytes.includes(Buffer.from(name, 'latin1')), name).toBe(false);

    const text = async (file: string) => (await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).stdout;
    expect(await text(copyFile)).toBe(await text(source));
    expect(await text(copyFile)).toContain(PDF_PAGE_TEXT[1]);

    const originalAfter = await call<EvidenceItem>(s.core, 'evidence:get', { id: original!.id });
    expect(originalAfter.sha256).toBe(original!.sha256);
    expect(originalAfter.workingCopies.map((w) => w.id)).toEqual([copy.id]);
    expect(await call(s.core, 'evidence:verify', { id: original!.id })).toMatchObject({ status: 'ok' });
    await s.core.dispose();
  });

  it('refuses a damaged PDF with a validation error and adds nothing', async () => {
    const s = await setupEvidence();
    const source = join(s.work, 'roto.pdf');
    await writeFile(source, '%PDF-1.4\nesto no es un PDF completo');
    const [original] = (await addEvidence(s, [source])).added;
    const result = await s.core.dispatch('evidence:stripMetadata', { id: original!.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    const list = await call<{ items: { id: string }[] }>(s.core, 'evidence:list', { matterId: s.matterId });
    expect(list.items.map((i) => i.id)).toEqual([original!.id]);
    await s.core.dispose();
  });
});
