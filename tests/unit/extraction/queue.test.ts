// The extraction queue: a document that cannot be read is marked with its reason and the queue goes on;
// pause, cancel, a lock and the vault's switch stop it, and it resumes at the next page, never twice.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { encryptedPdf, textPdf, WORDS, writeFixtures } from './fixtures';
import { open, PASS, type Bench } from './helpers';

let bench: Bench | null = null;
afterEach(async () => {
  await bench?.dispose();
  bench = null;
});

const PAGES = 60;
/** A long text PDF: page N says "hojanumero<N>" so each page's text is known. */
async function longPdf(dir: string): Promise<string> {
  const path = join(dir, 'expediente-largo.pdf');
  const pages = Array.from({ length: PAGES }, (_, i) => [
    `Hoja hojanumero${i + 1} del expediente`,
    ...Array.from({ length: 30 }, (_, j) => `Renglón ${j} con texto de relleno para que cada hoja pese.`),
  ]);
  await writeFile(path, await textPdf(pages));
  return path;
}

type Progress = { current: { itemId: string; pagesDone: number } | null };

/** Calls `act` once, on the first progress event where the item has `pages` pages stored. */
function when(b: Bench, itemId: string, pages: number, act: () => Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    let fired = false;
    const off = b.core.onEvent('extraction:progress', (p: Progress) => {
      if (fired || p.current?.itemId !== itemId || p.current.pagesDone < pages) return;
      fired = true;
      off();
      void act().then(() => resolve());
    });
  });
}

async function pagesStored(b: Bench, itemId: string): Promise<number[]> {
  const text = await b.ok('extraction:text', { id: itemId });
  return text.pages.map((p: { page: number }) => p.page);
}

describe('the extraction queue', () => {
  it('marks a document it cannot read with the reason and goes on with the next', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    const broken = join(b.fixtures, 'roto.pdf');
    await writeFile(broken, '%PDF-1.7\nesto no es un PDF de verdad\n');
    const locked = await encryptedPdf(b.fixtures);
    if (!locked) console.log('Ghostscript (/usr/bin/gs) is missing: the encrypted-PDF case is not checked');
    const { chat } = await writeFixtures(b.fixtures);
    const ids = await b.add(matterId, [broken, ...(locked ? [locked] : []), chat]);
    await b.ok('extraction:start', { wait: true });
    expect(await b.ok('extraction:status', { id: ids[0] })).toMatchObject({
      state: 'failed',
      reason: 'unreadable',
    });
    if (locked)
      expect(await b.ok('extraction:status', { id: ids[1] })).toMatchObject({
        state: 'failed',
        reason: 'encrypted_pdf',
      });
    expect(await b.ok('extraction:status', { id: ids.at(-1) })).toMatchObject({ state: 'done' });
    expect((await b.ok('search:query', { query: WORDS.chat.word })).documents.hits).toHaveLength(1);
    expect(await b.ok('extraction:queue')).toMatchObject({ failed: locked ? 2 : 1, done: 1, pending: 0 });
  });

  it('pauses, survives a lock, resumes at the next page and cancels', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    const [id] = await b.add(matterId, [await longPdf(b.fixtures)]);

    // Pause after a few pages: the item stays pending with what it has, the queue says paused.
    const paused = when(b, id!, 3, () => b.ok('extraction:pause'));
    await b.ok('extraction:start', {});
    await paused;
    const atPause = await b.ok('extraction:status', { id });
    expect(atPause.state).toBe('pending');
    expect(atPause.pagesDone).toBeGreaterThanOrEqual(3);
    expect(atPause.pagesDone).toBeLessThan(PAGES);
    expect(await pagesStored(b, id!)).toEqual(Array.from({ length: atPause.pagesDone }, (_, i) => i + 1));

    // The pause is kept in the vault: after a lock and an unlock the queue does not start by itself.
    await b.ok('vault:lock');
    await b.ok('vault:unlock', { path: b.vaultDir, passphrase: PASS });
    expect(await b.ok('extraction:queue')).toMatchObject({ paused: true, running: false });

    // Resumed: it goes on from the next page; a lock in the middle stops the worker, the next start goes on.
    const firstSeen: number[] = [];
    const off = b.core.onEvent('extraction:progress', (p: Progress) => {
      if (p.current && p.current.itemId === id && firstSeen.length === 0) firstSeen.push(p.current.pagesDone);
    });
    const lockedMidway = when(b, id!, atPause.pagesDone + 3, () => b.ok('vault:lock'));
    void b.ok('extraction:resume');
    await lockedMidway;
    off();
    expect(firstSeen[0]).toBe(atPause.pagesDone);
    await b.ok('vault:unlock', { path: b.vaultDir, passphrase: PASS });
    const afterLock = await b.ok('extraction:status', { id });
    expect(afterLock.state).toBe('running');
    expect(afterLock.pagesDone).toBeGreaterThan(atPause.pagesDone);

    // Cancel stops it again (pending, not paused); start finishes it with every page exactly once.
    const cancelled = when(b, id!, afterLock.pagesDone + 2, () => b.ok('extraction:cancel'));
    void b.ok('extraction:start', {});
    await cancelled;
    expect(await b.ok('extraction:queue')).toMatchObject({ paused: false, running: false, pending: 1 });
    const done = await b.ok('extraction:start', { wait: true });
    expect(done).toMatchObject({ pending: 0, done: 1 });
    expect(await pagesStored(b, id!)).toEqual(Array.from({ length: PAGES }, (_, i) => i + 1));
    // (no page number here is the start of another: words match as prefixes)
    for (const n of [7, 33, PAGES]) {
      const hits = (await b.ok('search:query', { query: `hojanumero${n}` })).documents.hits;
      expect(hits.map((h: { page: number }) => h.page)).toEqual([n]);
    }
  });

  it('reads new evidence by itself, without being started', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    const { chat } = await writeFixtures(b.fixtures);
    const finished = new Promise<void>((resolve) => {
      const off = b.core.onEvent('extraction:progress', (q: { running: boolean; done: number }) => {
        if (!q.running && q.done === 1) {
          off();
          resolve();
        }
      });
    });
    const [id] = await b.add(matterId, [chat]);
    await finished;
    expect((await b.ok('extraction:status', { id })).state).toBe('done');
  });

  it('stores no new text while the vault switch is off', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    await b.ok('extraction:setVaultEnabled', { enabled: false });
    const { odt } = await writeFixtures(b.fixtures);
    const [id] = await b.add(matterId, [odt]);
    expect(await b.ok('extraction:start', { wait: true })).toMatchObject({ enabled: false, pending: 1 });
    expect(await pagesStored(b, id!)).toEqual([]);
    await b.ok('extraction:setVaultEnabled', { enabled: true });
    await b.ok('extraction:start', { wait: true });
    expect(await pagesStored(b, id!)).toEqual([1]);
  });
});
