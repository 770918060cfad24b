// A large attachment (300 MB, generated as a stream) exported and imported with flat memory: the peak RSS
// grows no more for it than for one a quarter of its size, and the imported copy verifies against the
// hash taken at intake.
// BUNDLE_LARGE_MB picks another size.
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { carry, caseWithFiles, side } from './helpers';

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

/** Export and import of one generated attachment of `size` bytes; the peak RSS growth over both. */
async function roundTrip(size: number) {
  const a = await side('origen');
  const b = await side('destino');
  const file = join(a.dir, 'video.bin');
  await pipeline(generated(size), createWriteStream(file));
  const { matter, added } = await caseWithFiles(a, 'Video', [file]);
  let peak = 0;
  const base = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 50);
  const { imported, exportMs, importMs } = await carry(a, b, matter.id, join(a.dir, 'video.amparo'));
  clearInterval(timer);
  const mb = size / 1e6;
  console.log(
    `${mb.toFixed(0)} MB: export ${(mb / (exportMs / 1000)).toFixed(0)} MB/s, import ${(mb / (importMs / 1000)).toFixed(0)} MB/s, peak RSS +${(peak / 1024 / 1024).toFixed(0)} MiB`,
  );
  return { b, item: added.added[0], imported, peak };
}

describe('a large attachment', () => {
  it(`exports and imports ${MB} MB with flat memory`, async () => {
    // Flat: the growth is what the buffers and the garbage collector keep, the same for a small file
    // as for a large one; a copy held anywhere of the file, or of a share of it, would show as a
    // difference of at least a quarter of the larger size.
    const small = await roundTrip(SIZE / 4);
    const large = await roundTrip(SIZE);
    expect(large.imported.attachments).toBe(1);
    const check = await large.b.ok('evidence:verify', { id: large.item.id });
    expect(check.status).toBe('ok');
    expect((await large.b.ok('evidence:get', { id: large.item.id })).sha256).toBe(large.item.sha256);
    expect(large.peak - small.peak).toBeLessThan((SIZE * 3) / 4 / 4);
    expect(large.peak).toBeLessThan(SIZE);
  }, 300_000);
});
