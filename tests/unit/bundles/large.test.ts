// A large attachment (300 MB, generated as a stream) exported and imported with flat memory: the peak RSS
// grows by far less than the file, and the imported copy verifies against the hash taken at intake.
// BUNDLE_LARGE_MB picks another size.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { side } from './helpers';

const MB = Number(process.env.BUNDLE_LARGE_MB ?? 300);
const SIZE = MB * 1024 * 1024;

function generated(size: number): Readable {
  let sent = 0;
  const block = Buffer.alloc(1024 * 1024);
  return new Readable({
    read() {
      if (sent >= size) return this.push(null);
      const n = Math.min(block.length, size - sent);
      block.writeUInt32BE(sent / 1024, 0); // every MiB differs
      sent += n;
      this.push(Buffer.from(block.subarray(0, n)));
    },
  });
}

describe('a large attachment', () => {
  it(`exports and imports ${MB} MB with flat memory`, async () => {
    const a = await side('origen');
    const b = await side('destino');
    const file = join(a.dir, 'video.bin');
    await pipeline(generated(SIZE), createWriteStream(file));
    const matter = await a.ok('matters:create', {
      title: 'Video',
      matterType: 'petition',
      forum: 'iachr',
      reference: 'P-5-24',
      status: 'draft',
      openedOn: '2024-01-01',
      summary: '',
      classification: 'restricted',
    });
    const added = await a.ok('evidence:add', {
      matterId: matter.id,
      operationId: randomUUID(),
      paths: [file],
    });
    const sha256 = added.added[0].sha256;

    let peak = 0;
    const base = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 50);
    const out = join(a.dir, 'video.amparo');
    const t0 = Date.now();
    await a.ok('bundles:export', { matterIds: [matter.id], out, seal: { passphrase: 'paquete' } });
    const t1 = Date.now();
    const { fingerprint } = await a.ok('vault:identity');
    const imported = await b.ok('bundles:import', {
      file: out,
      key: { passphrase: 'paquete' },
      confirmSigner: fingerprint,
    });
    const t2 = Date.now();
    clearInterval(timer);
    console.log(
      `${MB} MB: export ${(SIZE / 1e6 / ((t1 - t0) / 1000)).toFixed(0)} MB/s, import ${(SIZE / 1e6 / ((t2 - t1) / 1000)).toFixed(0)} MB/s, peak RSS +${(peak / 1024 / 1024).toFixed(0)} MiB`,
    );
    expect(imported.attachments).toBe(1);
    const check = await b.ok('evidence:verify', { id: added.added[0].id });
    expect(check.status).toBe('ok');
    expect((await b.ok('evidence:get', { id: added.added[0].id })).sha256).toBe(sha256);
    // Flat: the growth stays far below the size of the file moved.
    expect(peak).toBeLessThan(Math.max(160 * 1024 * 1024, SIZE / 4));
  }, 300_000);
});
