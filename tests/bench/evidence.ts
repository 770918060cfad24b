// Evidence intake throughput: hash (SHA-256) + encrypt (AES-256-GCM, chunked) + store a 1 GiB file, beside
// the machine's own limit on the same bytes in the same run: `openssl cms -encrypt -aes-256-gcm -stream`
// (openssl enc has no AEAD modes) and `sha256sum`. Goal: at least 0.7× the slower of the two, with flat
// memory (peak RSS growth during intake reported too). Verifying the stored item is reported beside them.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EvidenceService } from '../../electron/core/services/evidence';
import { AddEvidenceInput } from '../../shared/schemas/evidence';
import { MatterService } from '../../electron/core/services/matters';
import { RevealState } from '../../electron/core/services/reveal-state';
import { vaultContext } from '../../electron/core/services/vault-context';
import { createVault } from '../../electron/core/vault/vault';

const run = promisify(execFile);
const SIZE_MIB = Number(process.env.AMPARO_BENCH_EVIDENCE_MIB ?? 1024);
const RUNS = 2;
const MiB = 1024 * 1024;

async function best(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

export async function benchEvidenceIntake(dir: string): Promise<void> {
  const file = join(dir, 'evidence.bin');
  const handle = await open(file, 'w');
  const block = randomBytes(MiB);
  for (let i = 0; i < SIZE_MIB; i++) {
    block.writeUInt32LE(i, 0);
    await handle.write(block);
  }
  await handle.close();

  const key = randomBytes(32).toString('hex');
  const cmsOut = join(dir, 'openssl.cms');
  const sha = await best(RUNS, () => run('sha256sum', [file])); // also warms the page cache for everyone
  const gcm = await best(RUNS, async () => {
    await run('openssl', [
      'cms',
      '-encrypt',
      '-binary',
      '-stream',
      '-aes-256-gcm',
      '-secretkey',
      key,
      '-secretkeyid',
      '01',
      '-outform',
      'DER',
      '-in',
      file,
      '-out',
      cmsOut,
    ]);
    await rm(cmsOut, { force: true });
  });

  const vault = await createVault(join(dir, 'vault'), 'frase de contraseña para medir 2026');
  const ctx = vaultContext(vault, () => 'bench');
  const reveals = new RevealState(Date.now);
  const matter = new MatterService(() => ctx, reveals).create({
    title: 'Bench',
    matterType: 'petition',
    forum: 'iachr',
    reference: 'P-0-00',
    status: 'draft',
    openedOn: '2026-01-01',
    summary: '',
    classification: 'restricted',
  });
  const evidence = new EvidenceService(() => ctx, reveals);
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  let lastId = '';
  const ours = await best(RUNS, async () => {
    const result = await evidence.add(
      AddEvidenceInput.parse({ matterId: matter.id, operationId: randomUUID(), paths: [file], filing: null }),
    );
    if (result.added.length !== 1) throw new Error(`intake failed: ${JSON.stringify(result.failed)}`);
    lastId = result.added[0]!.id;
  });
  clearInterval(sampler);
  // Reading it back end to end, as "verify integrity" does: decrypt, authenticate every chunk, hash again.
  const verify = await best(RUNS, async () => {
    const check = await evidence.verify(lastId);
    if (check.status !== 'ok') throw new Error(`verify failed: ${check.status}`);
  });
  vault.close();

  const mbps = (ms: number) => (SIZE_MIB * MiB) / 1e6 / (ms / 1000);
  const slower = Math.min(mbps(sha), mbps(gcm));
  const line = (label: string, ms: number) =>
    `${label.padEnd(46)} ${ms.toFixed(0).padStart(8)} ms  ${mbps(ms).toFixed(0).padStart(6)} MB/s  ${(mbps(ms) / slower).toFixed(2).padStart(6)}×`;
  console.log(
    `\nEvidence intake of a ${SIZE_MIB} MiB file (best of ${RUNS}), ratios to the slower reference`,
  );
  console.log(line('amparo intake (SHA-256 + AES-256-GCM + store)', ours));
  console.log(line('amparo verify (decrypt + authenticate + SHA-256)', verify));
  console.log(line('sha256sum', sha));
  console.log(line('openssl cms -encrypt -aes-256-gcm -stream', gcm));
  console.log(
    `peak RSS growth during intake: ${((peak - before) / MiB).toFixed(0)} MiB (file: ${SIZE_MIB} MiB)`,
  );
  console.log(`goal: intake ≥ 0.70× the slower reference; measured ${(mbps(ours) / slower).toFixed(2)}×`);
}
