// Bundle throughput: export and import of a case holding 1 GiB of evidence (AMPARO_BENCH_BUNDLE_MIB for
// another size), sealed to an age recipient, beside `tar | age -r` and `age -d | tar -x` on the same
// file in the same run, with the peak RSS growth of each. Goal: at least 0.8× of tar | age, memory flat.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCore } from '../../electron/core';
import { header, row } from './measure';

const run = promisify(execFile);
const SIZE_MIB = Number(process.env.AMPARO_BENCH_BUNDLE_MIB ?? 1024);
const MiB = 1024 * 1024;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; peak: number; value: T }> {
  const base = process.memoryUsage().rss;
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 20);
  const start = performance.now();
  try {
    const value = await fn();
    return { ms: performance.now() - start, peak, value };
  } finally {
    clearInterval(timer);
  }
}

export async function benchBundles(dir: string): Promise<void> {
  const sources = join(dir, 'sources');
  await mkdir(sources);
  const file = join(sources, 'evidence.bin');
  const handle = await open(file, 'w');
  const block = randomBytes(MiB);
  for (let i = 0; i < SIZE_MIB; i++) {
    block.writeUInt32LE(i, 0);
    await handle.write(block);
  }
  await handle.close();
  const key = join(dir, 'key.txt');
  await run('age-keygen', ['-o', key]);
  const recipient = (await run('age-keygen', ['-y', key])).stdout.trim();

  const sh = (script: string) => run('sh', ['-c', script], { maxBuffer: 1024 * 1024 });
  const refOut = join(dir, 'ref.age');
  const refExport = await timed(() =>
    sh(`tar -cf - -C '${sources}' evidence.bin | age -r ${recipient} -o '${refOut}'`),
  );
  const refDir = join(dir, 'ref-out');
  await mkdir(refDir);
  const refImport = await timed(() => sh(`age -d -i '${key}' '${refOut}' | tar -xf - -C '${refDir}'`));
  await rm(refDir, { recursive: true, force: true });

  const make = async (name: string) => {
    const core = await createCore({ configDir: null, shell: { chooseFolder: async () => ({ path: null }) } });
    const call = async (channel: string, input: unknown = {}) => {
      const result = await core.dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
      return result.value as Record<string, unknown> & { id: string };
    };
    await call('vault:create', { path: join(dir, name), passphrase: 'frase de contraseña para medir 2026' });
    return { core, call };
  };
  const a = await make('a');
  const matter = await a.call('matters:create', {
    title: 'Bench',
    matterType: 'petition',
    forum: 'iachr',
    reference: 'P-0-00',
    status: 'draft',
    openedOn: '2026-01-01',
    summary: '',
    classification: 'restricted',
  });
  await a.call('evidence:add', { matterId: matter.id, operationId: randomUUID(), paths: [file] });
  const out = join(dir, 'bundle.amparo');
  const ours = await timed(() =>
    a.call('bundles:export', { matterIds: [matter.id], out, seal: { recipients: [recipient] } }),
  );
  const fingerprint = String((await a.call('vault:identity')).fingerprint);
  const identity = (await run('sh', ['-c', `grep AGE-SECRET-KEY- '${key}'`])).stdout.trim();
  const b = await make('b');
  const oursImport = await timed(() =>
    b.call('bundles:import', { file: out, key: { identity }, confirmSigner: fingerprint }),
  );
  await a.core.dispose();
  await b.core.dispose();

  const mbps = (ms: number) => (SIZE_MIB * MiB) / 1e6 / (ms / 1000);
  console.log(header(`Bundles: ${SIZE_MIB} MiB of evidence, sealed to an age recipient`, 'tar | age'));
  // Throughput ratios: Amparo's MB/s over the reference's (≥ 0.8 is the goal).
  console.log(row('export MB/s', mbps(ours.ms), mbps(refExport.ms), 'MB/s'));
  console.log(
    row('import MB/s (verify + re-encrypt + store)', mbps(oursImport.ms), mbps(refImport.ms), 'MB/s'),
  );
  console.log(
    `peak RSS growth: export +${(ours.peak / MiB).toFixed(0)} MiB, import +${(oursImport.peak / MiB).toFixed(0)} MiB (age runs in its own process)`,
  );
}
