// Extracted text travels with its case in a bundle: the receiving vault finds the words without reading the
// documents again; a redacted bundle leaves a confidential item's text out with the item.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WORDS, writeFixtures } from './fixtures';
import { open, type Bench } from './helpers';

const opened: Bench[] = [];
afterEach(async () => {
  for (const b of opened.splice(0).reverse()) await b.dispose();
});

describe('extracted text in bundles', () => {
  it('is carried and indexed on import, and a redacted bundle leaves confidential items’ text out', async () => {
    const a = await open();
    opened.push(a);
    const matterId = await a.newCase();
    const paths = await writeFixtures(a.fixtures);
    await a.add(matterId, [paths.eml]);
    await a.add(matterId, [paths.docx], 'confidential');
    await a.ok('extraction:start', { wait: true });
    const { fingerprint } = await a.ok('vault:identity');
    const seal = { passphrase: 'frase del paquete de prueba' };
    const full = join(a.root, 'completo.amparo');
    const redacted = join(a.root, 'redactado.amparo');
    await a.ok('bundles:export', { matterIds: [matterId], out: full, seal });
    await a.ok('bundles:export', {
      matterIds: [matterId],
      out: redacted,
      seal,
      redaction: 'pseudonyms-only',
    });

    for (const [file, docxHidden] of [
      [full, 1],
      [redacted, 0],
    ] as const) {
      const b = await open();
      opened.push(b);
      const result = await b.ok('bundles:import', { file, key: seal, confirmSigner: fingerprint });
      expect(result.status).toBe('imported');
      // Found at once: the text came in the bundle, the queue has nothing to do.
      expect(await b.ok('extraction:queue')).toMatchObject({ pending: 0 });
      expect((await b.ok('search:query', { query: WORDS.eml.word })).documents.hits).toHaveLength(1);
      expect((await b.ok('search:query', { query: WORDS.docx.word })).documents).toMatchObject({
        hits: [],
        hiddenConfidential: docxHidden,
      });
    }
  });
});
