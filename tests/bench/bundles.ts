// Bundle throughput: export and import of a case holding 1 GiB of evidence (AMPARO_BENCH_BUNDLE_MIB for
// another size), sealed to an age recipient, beside `tar | age -r` and `age -d | tar -x` on the same
// file in the same run, with the peak RSS growth of each. Goal: at least 0.8× of tar | age, memory flat.
// Each side runs three times (AMPARO_BENCH_BUNDLE_RUNS), interleaved, and the best of each is kept; the
// CPU seconds (all threads; tar and age together) and Amparo's stage times say what bounds it.
// Every step starts after a `sync`, untimed, so that none pays for the writeback of the one before (the
// reference's unsynced gigabyte used to be flushed during Amparo's turn), and with its input out of the
// page cache. Amparo makes what it writes
// durable before it reports success (an imported attachment must survive a power cut once the import
// has committed); tar and age do not, so the reference is timed both ways: as it is, and with the same
// guarantee (`sync FILE`, an fsync of what it wrote, inside the timing). The goal's ratio is taken
// against the durable reference; the other row shows how much of it the page cache hides.
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
const RUNS = Number(process.env.AMPARO_BENCH_BUNDLE_RUNS ?? 3);
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

/**
 * Before each step, outside the timing: every dirty page flushed, and every file of the bench dropped
 * from the page cache (`dd iflag=nocache`), so each side reads its input from the disk, as a bundle
 * brought on a stick or evidence added weeks ago is read.
 */
async function settle(dir: string): Promise<void> {
  await run('sync');
  await run('sh', ['-c', `find '${dir}' -type f -exec dd if={} iflag=nocache count=0 status=none \\;`]);
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

  const refOut = join(dir, 'ref.age');
  const refDir = join(dir, 'ref-out');
  // `durable`: the written file is fsynced (coreutils' `sync FILE`) before the clock stops, as Amparo's is.
  const refExport = async (durable: boolean) => {
    await rm(refOut, { force: true });
    await settle(dir);
    const then = durable ? `; sync '${refOut}'` : '';
    return timedShell(`tar -cf - -C '${sources}' evidence.bin | age -r ${recipient} -o '${refOut}'${then}`);
  };
  const refImport = async (durable: boolean) => {
    await rm(refDir, { recursive: true, force: true });
    await mkdir(refDir);
    await settle(dir);
    const then = durable ? `; sync '${join(refDir, 'evidence.bin')}'` : '';
    return timedShell(`age -d -i '${key}' '${refOut}' | tar -xf - -C '${refDir}'${then}`);
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
  const runs: Record<'ours' | 'ref' | 'cached', Record<'export' | 'import', Timed[]>> = {
    ours: { export: [], import: [] },
    ref: { export: [], import: [] },
    cached: { export: [], import: [] },
  };
  const ourRun = async (i: number) => {
    const out = join(dir, `bundle-${i}.amparo`);
    await settle(dir);
    const exported = await timed(() =>
      a.call('bundles:export', { matterIds: [matter.id], out, seal: { recipients: [recipient] } }),
    );
    runs.ours.export.push({ ...exported, stages: { ...stageTimes.export } });
    // Each import into a fresh vault: the same bundle twice would find its files already there.
    const b = await make(`b-${i}`);
    await settle(dir);
    const imported = await timed(() =>
      b.call('bundles:import', { file: out, key: { identity }, confirmSigner: fingerprint }),
    );
    runs.ours.import.push({ ...imported, stages: { ...stageTimes.import } });
    await b.core.dispose();
    await rm(out, { force: true });
    await rm(join(dir, `b-${i}`), { recursive: true, force: true });
  };
  const refRun = (durable: boolean) => async () => {
    const side = durable ? runs.ref : runs.cached;
    side.export.push(await refExport(durable));
    side.import.push(await refImport(durable));
  };
  // The three take turns at going first: on this kind of virtual machine a step right after a large
  // write runs slower (the host is still taking the pages back), and no side should always pay for it.
  const sides = [(i: number) => ourRun(i), refRun(true), refRun(false)];
  for (let i = 0; i < RUNS; i++) {
    for (let k = 0; k < sides.length; k++) await sides[(i + k) % sides.length]!(i);
  }
  await a.core.dispose();

  const mbps = (ms: number) => (SIZE_MIB * MiB) / 1e6 / (ms / 1000);
  const ours = { export: best(runs.ours.export), import: best(runs.ours.import) };
  const ref = { export: best(runs.ref.export), import: best(runs.ref.import) };
  const cached = { export: best(runs.cached.export), import: best(runs.cached.import) };
  const label = RUNS > 1 ? `, best of ${RUNS}` : '';
  console.log(
    header(`Bundles: ${SIZE_MIB} MiB of evidence, sealed to an age recipient${label}`, 'tar|age+sync'),
  );
  // Throughput ratios: Amparo's MB/s over the durable reference's (≥ 0.8 is the goal).
  console.log(row('export MB/s', mbps(ours.export.ms), mbps(ref.export.ms), 'MB/s'));
  console.log(
    row('import MB/s (verify + re-encrypt + store)', mbps(ours.import.ms), mbps(ref.import.ms), 'MB/s'),
  );
  // The same against tar and age left unsynced (their file may still be only in the page cache).
  console.log(
    row('export MB/s, beside unsynced tar | age', mbps(ours.export.ms), mbps(cached.export.ms), 'MB/s'),
  );
  console.log(
    row('import MB/s, beside unsynced age | tar', mbps(ours.import.ms), mbps(cached.import.ms), 'MB/s'),
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
      `every run, MB/s: export ${all(runs.ours.export)} (tar | age + sync ${all(runs.ref.export)}; unsynced ${all(runs.cached.export)}), import ${all(runs.ours.import)} (${all(runs.ref.import)}; unsynced ${all(runs.cached.import)})`,
    );
  }
}
