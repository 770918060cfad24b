// The bundle worker reads and writes large files with O_DIRECT where the file system takes it
// (fs/direct.ts), through aligned staging buffers, and the last partial block through the ordinary
// descriptor. Attachments of sizes around every boundary of that (a 4 KiB block, a 4 MiB staging area,
// several of them in flight) go out and come back byte for byte, both ways: direct, and without direct
// I/O at all (macOS, Windows, file systems that refuse it), where openDirect gives null.
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { carry, caseWithFiles, dispose, side, type Side } from './helpers';

const direct = vi.hoisted(() => ({ off: false }));
vi.mock('../../../electron/core/fs/direct', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../../electron/core/fs/direct')>();
  return {
    openDirect: (path: string, mode: 'read' | 'write') =>
      direct.off ? Promise.resolve(null) : real.openDirect(path, mode),
  };
});
const { openDirect } = await vi.importActual<typeof import('../../../electron/core/fs/direct')>(
  '../../../electron/core/fs/direct',
);

const KiB = 1024;
const MiB = 1024 * KiB;
const SIZES = [0, 1, 4 * KiB - 1, 4 * KiB, 4 * KiB + 1, 4 * MiB - 7, 4 * MiB + 13, 17 * MiB + 5];

/** Bytes of `path` held in the page cache (util-linux fincore), or null where fincore is missing. */
function cached(path: string): number | null {
  try {
    const out = execFileSync('fincore', ['--bytes', '--noheadings', '--output', 'RES', path]);
    return Number(out.toString().trim());
  } catch {
    return null;
  }
}

let sides: Side[] = [];
afterEach(async () => {
  direct.off = false;
  await dispose(...sides);
  sides = [];
});

async function roundTrip(): Promise<{ bundle: string }> {
  const a = await side('origen');
  const b = await side('destino');
  sides.push(a, b);
  const expected = new Map<string, string>();
  const paths: string[] = [];
  for (const size of SIZES) {
    const bytes = randomBytes(size);
    const path = join(a.dir, `anexo-${size}.bin`);
    await writeFile(path, bytes);
    paths.push(path);
    expected.set(`anexo-${size}.bin`, createHash('sha256').update(bytes).digest('hex'));
  }
  const { matter } = await caseWithFiles(a, 'Tamaños', paths);
  const bundle = join(a.dir, 'tamanos.amparo');
  const { imported } = await carry(a, b, matter.id, bundle);
  expect(imported.attachments).toBe(SIZES.length);
  const { items } = await b.ok('evidence:list', { matterId: matter.id });
  expect(items.length).toBe(SIZES.length);
  for (const item of items) {
    // The hash the importing vault recorded, and its own check of the stored (re-encrypted) bytes.
    expect(item.sha256).toBe(expected.get(item.originalName));
    expect((await b.ok('evidence:verify', { id: item.id })).status).toBe('ok');
  }
  return { bundle };
}

describe('bundle files and direct I/O', () => {
  it('carries attachments of every boundary size through direct reads and writes', async () => {
    const { bundle } = await roundTrip();
    const probe = await openDirect(bundle, 'read');
    await probe?.close();
    if (!probe) {
      console.log(
        `direct I/O: ${bundle}'s file system refuses O_DIRECT here; only the round trip was checked`,
      );
      return;
    }
    const resident = cached(bundle);
    if (resident === null) {
      console.log('direct I/O: fincore (util-linux) is missing; the page-cache check did not run');
      return;
    }
    // Written direct, the bundle's bytes never went into the page cache: only its last partial block
    // (written through the ordinary descriptor) and what the import's small reads touched may be there.
    expect(resident).toBeLessThan(MiB);
  }, 120_000);

  it('carries the same without direct I/O', async () => {
    direct.off = true;
    await roundTrip();
  }, 120_000);
});
