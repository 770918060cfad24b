// Search inside the evidence, end to end on a real vault: documents made by the test are taken in, read by
// the extraction queue in its worker thread, and found by a distinctive word on the right page.
import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { MATCH_END, MATCH_START } from '../../../shared/schemas/search';
import { ACCENTED, WORDS, writeFixtures } from './fixtures';
import { filesHolding, open, type Bench } from './helpers';

let bench: Bench | null = null;
afterEach(async () => {
  await bench?.dispose();
  bench = null;
});

type Hit = { itemId: string; page: number; method: string; snippet: string };

describe('search inside the evidence', () => {
  it('finds a word of each document on its page, accents folded, with nothing of the text on disk', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    const paths = await writeFixtures(b.fixtures);
    const kinds = Object.keys(paths) as (keyof typeof paths)[];
    const ids = await b.add(
      matterId,
      kinds.map((k) => paths[k]),
    );
    const itemOf = Object.fromEntries(kinds.map((k, i) => [k, ids[i]!]));
    // The scan sees a word written in plain (the control), then the source files go: from here on, the words may exist only inside the encrypted vault.
    expect(await filesHolding(b.root, [WORDS.chat.word])).toEqual([paths.chat]);
    await rm(b.fixtures, { recursive: true, force: true });

    const queue = await b.ok('extraction:start', { wait: true });
    expect(queue).toMatchObject({ pending: 0, done: 5, failed: 0, running: false });

    for (const kind of kinds) {
      const { word, page, method } = WORDS[kind];
      const result = await b.ok('search:query', { query: word });
      const hits = result.documents.hits as Hit[];
      expect(
        hits.map((h) => [h.itemId, h.page, h.method]),
        kind,
      ).toEqual([[itemOf[kind], page, method]]);
      expect(hits[0]!.snippet.toLowerCase()).toContain(`${MATCH_START}${word}${MATCH_END}`);
      expect((await b.ok('extraction:status', { id: itemOf[kind] })).state).toBe('done');
    }
    // The accented word of the PDF, typed without its accent.
    const folded = await b.ok('search:query', { query: ACCENTED.typed });
    expect((folded.documents.hits as Hit[]).map((h) => [h.itemId, h.page])).toEqual([[itemOf.pdf, 2]]);
    // Only the second page holds the word.
    const first = await b.ok('extraction:text', { id: itemOf.pdf, page: 1 });
    expect(first.pages[0].text).not.toContain(WORDS.pdf.word);

    // The PDF's word boxes: in points from the top-left corner of a US Letter page.
    const text = await b.ok('extraction:text', { id: itemOf.pdf, page: 2 });
    expect(text.pageCount).toBe(2);
    const page = text.pages[0];
    expect(page).toMatchObject({ page: 2, method: 'text_layer', width: 612, height: 792 });
    const box = page.words.find((w: { text: string }) => w.text === WORDS.pdf.word);
    expect(box).toBeDefined();
    // drawn at x 72, baseline 720 - 18 = 702 from the bottom: 90 points from the top
    expect(box.x0).toBeGreaterThan(72);
    expect(box.x1).toBeGreaterThan(box.x0);
    expect(box.y0).toBeGreaterThan(75);
    expect(box.y1).toBeLessThan(100);

    // No plaintext of any extracted text in the vault folder or the temporary folder.
    await b.ok('vault:lock');
    const words = [...Object.values(WORDS).map((w) => w.word), ACCENTED.written];
    expect(await filesHolding(b.root, words)).toEqual([]);
  });

  it('hides confidential items until revealed, and deleting, purging or switching off removes the hits', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    const paths = await writeFixtures(b.fixtures);
    const [secret] = await b.add(matterId, [paths.docx], 'confidential');
    const [open_] = await b.add(matterId, [paths.eml]);
    await b.ok('extraction:start', { wait: true });

    const hidden = await b.ok('search:query', { query: WORDS.docx.word });
    expect(hidden.documents).toMatchObject({ hits: [], hiddenConfidential: 1, total: 0 });
    expect((await b.call('extraction:text', { id: secret })).error.code).toBe('CONFIDENTIAL');
    await b.ok('confidential:reveal', { matterId, reason: 'Revisar la denuncia' });
    const shown = await b.ok('search:query', { query: WORDS.docx.word });
    expect(shown.documents.hits.map((h: Hit) => h.itemId)).toEqual([secret]);
    expect(shown.documents.hiddenConfidential).toBe(0);

    // Switching the item off removes its text; on again reads it again.
    await b.ok('extraction:setItemEnabled', { id: open_, enabled: false });
    expect((await b.ok('search:query', { query: WORDS.eml.word })).documents.hits).toEqual([]);
    expect((await b.ok('extraction:text', { id: open_ })).pages).toEqual([]);
    expect((await b.ok('extraction:status', { id: open_ })).state).toBe('disabled');
    await b.ok('extraction:start', { wait: true });
    expect((await b.ok('extraction:status', { id: open_ })).state).toBe('disabled');
    await b.ok('extraction:setItemEnabled', { id: open_, enabled: true });
    await b.ok('extraction:start', { wait: true });
    expect((await b.ok('search:query', { query: WORDS.eml.word })).documents.hits).toHaveLength(1);

    // A case in Deleted items hides its documents' pages; restored, they are found again.
    await b.ok('trash:delete', { entityType: 'matter', entityId: matterId });
    expect((await b.ok('search:query', { query: WORDS.eml.word })).documents.hits).toEqual([]);
    await b.ok('trash:restore', { entityType: 'matter', entityId: matterId });
    expect((await b.ok('search:query', { query: WORDS.eml.word })).documents.hits).toHaveLength(1);

    // Deleted items lose their hits; a restore reads the text again; emptying the bin removes every row.
    await b.ok('trash:delete', { entityType: 'evidence', entityId: open_ });
    expect((await b.ok('search:query', { query: WORDS.eml.word })).documents.hits).toEqual([]);
    await b.ok('trash:restore', { entityType: 'evidence', entityId: open_ });
    await b.ok('extraction:start', { wait: true });
    expect((await b.ok('search:query', { query: WORDS.eml.word })).documents.hits).toHaveLength(1);
    await b.ok('trash:delete', { entityType: 'evidence', entityId: open_ });
    await b.ok('trash:delete', { entityType: 'evidence', entityId: secret });
    await b.ok('trash:empty');
    expect((await b.ok('search:query', { query: WORDS.docx.word })).documents).toMatchObject({
      hits: [],
      hiddenConfidential: 0,
    });
    expect(await b.ok('extraction:queue')).toMatchObject({ pending: 0, done: 0, failed: 0, disabled: 0 });
  });
});
