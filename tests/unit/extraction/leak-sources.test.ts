// The leak guard and extracted text: a protected name the draft holds that also appears in a document of
// the case is flagged with that document's item and page as its source.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import { afterEach, describe, expect, it } from 'vitest';
import { open, type Bench } from './helpers';

let bench: Bench | null = null;
afterEach(async () => {
  await bench?.dispose();
  bench = null;
});

const LEGAL = 'Rosaura Tlacotempa Ixcuina';

describe('leak guard over quotations from documents', () => {
  it('names the item and page whose text holds the protected value', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    const person = await b.ok('people:create', {
      pseudonym: 'R.T.I.',
      classification: 'restricted',
      identity: {
        legalName: LEGAL,
        aliases: [],
        dateOfBirth: null,
        idNumbers: [],
        phones: ['+52 744 555 0142'],
        addresses: [],
        notes: '',
      },
    });
    await b.ok('parties:add', { matterId, role: 'beneficiary', personId: person.id });
    const docx = join(b.fixtures, 'oficio.docx');
    const doc = new Document({
      sections: [{ children: [new Paragraph(`La Fiscalía citó a ${LEGAL} a declarar el lunes.`)] }],
    });
    await writeFile(docx, await Packer.toBuffer(doc));
    const [itemId] = await b.add(matterId, [docx]);
    await b.ok('extraction:start', { wait: true });

    const filing = await b.ok('filings:create', { matterId, kind: 'precautionary_request', lang: 'es' });
    const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] });
    await b.ok('filings:update', {
      id: filing.id,
      revision: filing.revision,
      fields: {
        document: {
          sections: [
            {
              key: 'introduction',
              title: 'Introducción',
              doc: {
                type: 'doc',
                content: [
                  paragraph(`Según el oficio, "la Fiscalía citó a ${LEGAL} a declarar".`),
                  paragraph('Su teléfono es +52 744 555 0142.'),
                ],
              },
            },
          ],
        },
      },
      explicit: true,
    });
    const report = await b.ok('filings:leaks', { id: filing.id });
    const byKind = Object.fromEntries(
      report.hits.map((h: { valueKind: string; documentSource: unknown }) => [h.valueKind, h.documentSource]),
    );
    expect(byKind).toEqual({ legal_name: { itemId, page: 1 }, phone: null });
  });
});
