// When the extraction queue stops, the core merges the documents' full-text index that its page writes
// left in several segments (each stored page is its own transaction).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { segmentCount } from '../../../electron/core/services/index-maintenance';
import { openVault } from '../../../electron/core/vault/vault';
import { TEST_KDF } from '../../support/temp';
import { open, PASS, type Bench } from './helpers';

let bench: Bench | null = null;
afterEach(async () => {
  await bench?.dispose();
  bench = null;
});

const ITEMS = 12;

describe('documents index after the extraction queue', () => {
  it('is merged into one segment once the queue stops, and the pages are still found', async () => {
    bench = await open();
    const b = bench;
    const matterId = await b.newCase();
    const paths: string[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const path = join(b.fixtures, `nota-${i}.txt`);
      await writeFile(path, `Constancia número ${i}: palabraunica${i} y hostigamiento en la comunidad.\n`);
      paths.push(path);
    }
    const finished = new Promise<void>((resolve) => {
      const off = b.core.onEvent('extraction:progress', (q: { running: boolean; done: number }) => {
        if (!q.running && q.done === ITEMS) {
          off();
          resolve();
        }
      });
    });
    await b.add(matterId, paths);
    await finished;
    // the merge starts on the next turn of the event loop and takes milliseconds on twelve pages
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const found = await b.ok('search:query', { query: 'palabraunica7' });
    expect(found.documents.total).toBe(1);
    await b.core.lock('user');

    const vault = await openVault(b.vaultDir, PASS, { kdfCost: TEST_KDF });
    try {
      expect(segmentCount(vault.db, 'evidence_text_index')).toBe(1);
      const pages = vault.db
        .prepare(
          `SELECT count(*) AS n FROM evidence_text_index WHERE evidence_text_index MATCH 'hostigamiento'`,
        )
        .get<{ n: number }>();
      expect(pages?.n).toBe(ITEMS);
    } finally {
      vault.close();
    }
  });
});
