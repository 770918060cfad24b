// `npm run bench`: Amparo's figures beside the same work on plain (unencrypted) SQLite, in the same run
// on the same machine, so the ratio means something wherever it runs.
import { Database } from '@signalapp/sqlcipher';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deriveKek } from '../../electron/core/crypto/kdf';
import { readHeader } from '../../electron/core/vault/header';
import { migrate } from '../../electron/core/vault/migrate';
import { createVault, openVault } from '../../electron/core/vault/vault';
import { MatterService } from '../../electron/core/services/matters';
import { vaultContext } from '../../electron/core/services/vault-context';
import { MATTER_STATUSES, MATTER_TYPES, type MatterFields } from '../../shared/schemas/matter';

const CASES = 10_000;
const RUNS = 7;
const PASS = 'frase de contraseña para medir 2026';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

async function time(runs: number, fn: () => unknown): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

function matter(i: number): MatterFields {
  return {
    title: `Expediente ${i}: agresión y vigilancia contra persona defensora en ${['Guerrero', 'Oaxaca', 'Chihuahua'][i % 3]}`,
    matterType: MATTER_TYPES[i % MATTER_TYPES.length]!,
    forum: 'iachr',
    reference: `MC-${1000 + (i % 9000)}-${String(i % 100).padStart(2, '0')}`,
    status: MATTER_STATUSES[i % MATTER_STATUSES.length]!,
    openedOn: `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`,
    summary: 'Amenazas por redes sociales, hackeo de cuentas y referencias a su ubicación. '.repeat(4),
    classification: 'restricted',
  };
}

function fill(db: Database): void {
  const service = new MatterService(() => vaultContext({ dir: '', db: db }, () => 'bench'));
  db.transaction(() => {
    for (let i = 0; i < CASES; i++) service.create(matter(i));
  })();
}

function row(label: string, amparo: number, plain: number, unit = 'ms'): string {
  return `${label.padEnd(44)} ${amparo.toFixed(2).padStart(10)} ${unit}  ${plain.toFixed(2).padStart(10)} ${unit}  ${(amparo / plain).toFixed(2).padStart(8)}×`;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'amparo-bench-'));
  try {
    const vaultDir = join(dir, 'vault');
    const vault = await createVault(vaultDir, PASS);
    fill(vault.db);
    vault.close();

    const plainFile = join(dir, 'plain.db');
    // Same library, same statement cache, same schema: only the key differs.
    const plain = new Database(plainFile, { cacheStatements: true });
    plain.pragma('journal_mode = WAL');
    migrate(plain);
    fill(plain);
    plain.close();

    const header = await readHeader(vaultDir);
    const kdf = await time(RUNS, () => deriveKek(PASS, header.kdf));
    const unlock = await time(RUNS, async () => {
      const v = await openVault(vaultDir, PASS);
      new MatterService(() => vaultContext(v, () => 'test')).list({ limit: 1 });
      v.close();
    });
    const plainOpen = await time(RUNS, () => {
      const db = new Database(plainFile, { cacheStatements: true });
      db.pragma('journal_mode = WAL');
      migrate(db);
      new MatterService(() => vaultContext({ dir: '', db: db }, () => 'bench')).list({ limit: 1 });
      db.close();
    });

    const open = await openVault(vaultDir, PASS);
    const plainDb = new Database(plainFile, { cacheStatements: true });
    const ours = new MatterService(() => vaultContext(open, () => 'test'));
    const theirs = new MatterService(() => vaultContext({ dir: '', db: plainDb }, () => 'bench'));
    const listAll = (s: MatterService) => {
      for (let offset = 0; offset < CASES; offset += 500) s.list({ limit: 500, offset });
    };
    const firstPage = [
      await time(50, () => ours.list({ limit: 100 })),
      await time(50, () => theirs.list({ limit: 100 })),
    ];
    const search = [
      await time(50, () => ours.list({ query: 'agresion', limit: 100 })),
      await time(50, () => theirs.list({ query: 'agresion', limit: 100 })),
    ];
    const all = [await time(RUNS, () => listAll(ours)), await time(RUNS, () => listAll(theirs))];
    open.close();
    plainDb.close();

    console.log(
      `Amparo bench — ${CASES.toLocaleString('en')} cases, median of ${RUNS}+ runs, Node ${process.version}`,
    );
    console.log(
      `${'figure'.padEnd(44)} ${'amparo'.padStart(13)}  ${'plain SQLite'.padStart(13)}  ${'ratio'.padStart(9)}`,
    );
    console.log(row('unlock (Argon2id + open + first page)', unlock, plainOpen));
    console.log(row('  of which Argon2id (64 MiB, t=3)', kdf, plainOpen));
    console.log(row('  unlock without the KDF', unlock - kdf, plainOpen));
    console.log(row('case list: first page of 100 + count', firstPage[0]!, firstPage[1]!));
    console.log(row('case list: accent-folded search', search[0]!, search[1]!));
    console.log(row(`case list: all ${CASES} in pages of 500`, all[0]!, all[1]!));
    console.log(
      `limit: unlock should take 300–1000 ms (the KDF is deliberately slow); measured ${unlock.toFixed(0)} ms`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

void main();
