// Bundle throughput: export and import of a case holding 1 GiB of evidence (AMPARO_BENCH_BUNDLE_MIB for
// another size), sealed to an age recipient, beside `tar | age -r` and `age -d | tar -x` on the same
// file in the same run, with the peak RSS growth of each. Goal: at least 0.8× of tar | age, memory flat.
// AMPARO_BENCH_BUNDLE_RUNS=3 runs each side three times, interleaved, and keeps the best of each; the
// CPU seconds (all threads; tar and age together) and Amparo's stage times say what bounds it.
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createCore } from '../../electron/core';
import { stageTimes } from '../../electron/core/bundles/stage-times';
import { header, row } from './measure';

const run = promisify(execFile);
const SIZE_MIB = Number(process.env.AMPARO_BENCH_BUNDLE_MIB ?? 1024);
const RUNS = Number(process.env.AMPARO_BENCH_BUNDLE_RUNS ?? 1);
const MiB = 1024 * 1024;

interface Timed {
  ms: number;
  peak: number;
  /** CPU milliseconds, user + system. */
  cpu: number;
  stages?: Record<string, number>;
}

async function timed(fn: () => Promise<unknown>): Promise<Timed> {
  const base = process.memoryUsage().rss;
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss - base)), 20);
  const cpu = process.cpuUsage();
  const start = performance.now();
  try {
    await fn();
    const used = process.cpuUsage(cpu);
    return { ms: performance.now() - start, peak, cpu: (used.user + used.system) / 1000 };
  } finally {
    clearInterval(timer);
  }
}

/** A shell pipeline, timed, with its children's CPU time (the shell's `times`). */
async function timedShell(script: string): Promise<Timed> {
  let out = '';
  const result = await timed(async () => {
    out = (await run('sh', ['-c', `${script}; times`], { maxBuffer: 1024 * 1024 })).stdout;
  });
  const children = out.trim().split('\n').pop()!.split(/\s+/);
  const seconds = (t: string) => {
    const m = /^(\d+)m([\d.]+)s$/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  };
  return { ...result, cpu: (seconds(children[0]!) + seconds(children[1]!)) * 1000 };
}

const best = (runs: Timed[]) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));

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

  const refOut = join(dir, 'ref.age');
  const refDir = join(dir, 'ref-out');
  const refExport = () =>
    timedShell(
      `rm -f '${refOut}'; tar -cf - -C '${sources}' evidence.bin | age -r ${recipient} -o '${refOut}'`,
    );
  const refImport = async () => {
    await rm(refDir, { recursive: true, force: true });
    await mkdir(refDir);
    return timedShell(`age -d -i '${key}' '${refOut}' | tar -xf - -C '${refDir}'`);
  };

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
  const fingerprint = String((await a.call('vault:identity')).fingerprint);
  const identity = (await run('sh', ['-c', `grep AGE-SECRET-KEY- '${key}'`])).stdout.trim();
  const runs: Record<'ours' | 'ref', Record<'export' | 'import', Timed[]>> = {
    ours: { export: [], import: [] },
    ref: { export: [], import: [] },
  };
  for (let i = 0; i < RUNS; i++) {
    runs.ref.export.push(await refExport());
    runs.ref.import.push(await refImport());
    const out = join(dir, `bundle-${i}.amparo`);
    const exported = await timed(() =>
      a.call('bundles:export', { matterIds: [matter.id], out, seal: { recipients: [recipient] } }),
    );
    runs.ours.export.push({ ...exported, stages: { ...stageTimes.export } });
    // Each import into a fresh vault: the same bundle twice would find its files already there.
    const b = await make(`b-${i}`);
    const imported = await timed(() =>
      b.call('bundles:import', { file: out, key: { identity }, confirmSigner: fingerprint }),
    );
    runs.ours.import.push({ ...imported, stages: { ...stageTimes.import } });
    await b.core.dispose();
    await rm(out, { force: true });
    await rm(join(dir, `b-${i}`), { recursive: true, force: true });
  }
  await a.core.dispose();

  const mbps = (ms: number) => (SIZE_MIB * MiB) / 1e6 / (ms / 1000);
  const ours = { export: best(runs.ours.export), import: best(runs.ours.import) };
  const ref = { export: best(runs.ref.export), import: best(runs.ref.import) };
  const label = RUNS > 1 ? `, best of ${RUNS}` : '';
  console.log(
    header(`Bundles: ${SIZE_MIB} MiB of evidence, sealed to an age recipient${label}`, 'tar | age'),
  );
  // Throughput ratios: Amparo's MB/s over the reference's (≥ 0.8 is the goal).
  console.log(row('export MB/s', mbps(ours.export.ms), mbps(ref.export.ms), 'MB/s'));
  console.log(
    row('import MB/s (verify + re-encrypt + store)', mbps(ours.import.ms), mbps(ref.import.ms), 'MB/s'),
  );
  console.log(row('export CPU s (all threads)', ours.export.cpu / 1000, ref.export.cpu / 1000, 's'));
  console.log(row('import CPU s (all threads)', ours.import.cpu / 1000, ref.import.cpu / 1000, 's'));
  console.log(
    `peak RSS growth: export +${(ours.export.peak / MiB).toFixed(0)} MiB, import +${(ours.import.peak / MiB).toFixed(0)} MiB (age runs in its own process)`,
  );
  for (const side of ['export', 'import'] as const) {
    const stages = Object.entries(ours[side].stages ?? {})
      .map(([stage, ms]) => `${stage} ${ms.toFixed(0)} ms`)
      .join(', ');
    console.log(`${side} stages: ${stages}`);
  }
  const all = (list: Timed[]) => list.map((t) => mbps(t.ms).toFixed(0)).join(' / ');
  if (RUNS > 1) {
    console.log(
      `every run, MB/s: export ${all(runs.ours.export)} (tar | age ${all(runs.ref.export)}), import ${all(runs.ours.import)} (${all(runs.ref.import)})`,
    );
  }
}
