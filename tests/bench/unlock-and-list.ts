// Unlock time and case-list time for 10,000 cases, beside the same library opened without a key.
import { Database } from '@signalapp/sqlcipher';
import { join } from 'node:path';
import { deriveKek } from '../../electron/core/crypto/kdf';
import { MatterService } from '../../electron/core/services/matters';
import { vaultContext } from '../../electron/core/services/vault-context';
import { readHeader } from '../../electron/core/vault/header';
import { migrate } from '../../electron/core/vault/migrate';
import { createVault, openVault } from '../../electron/core/vault/vault';
import {
  ListMattersInput,
  MATTER_STATUSES,
  MATTER_TYPES,
  type MatterFields,
} from '../../shared/schemas/matter';
import { header, row, time } from './measure';

const CASES = 10_000;
const RUNS = 7;
const PASS = 'frase de contraseña para medir 2026';

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
    state: 'MX',
  };
}

const service = (db: Database) => new MatterService(() => vaultContext({ dir: '', db }, () => 'bench'));

function fill(db: Database): void {
  const matters = service(db);
  db.transaction(() => {
    for (let i = 0; i < CASES; i++) matters.create(matter(i));
  })();
}

export async function benchUnlockAndList(dir: string): Promise<void> {
  const vaultDir = join(dir, 'vault');
  const vault = await createVault(vaultDir, PASS);
  fill(vault.db);
  vault.close();

  // Same library, same statement cache, same schema and rows: only the key differs.
  const plainFile = join(dir, 'plain.db');
  const plain = new Database(plainFile, { cacheStatements: true });
  plain.pragma('journal_mode = WAL');
  migrate(plain);
  fill(plain);
  plain.close();

  const kdfHeader = await readHeader(vaultDir);
  const kdf = await time(RUNS, () => deriveKek(PASS, kdfHeader.kdf));
  const unlock = await time(RUNS, async () => {
    const v = await openVault(vaultDir, PASS);
    service(v.db).list(ListMattersInput.parse({ limit: 1 }));
    v.close();
  });
  const plainOpen = await time(RUNS, () => {
    const db = new Database(plainFile, { cacheStatements: true });
    db.pragma('journal_mode = WAL');
    migrate(db);
    service(db).list(ListMattersInput.parse({ limit: 1 }));
    db.close();
  });

  const open = await openVault(vaultDir, PASS);
  const plainDb = new Database(plainFile, { cacheStatements: true });
  const ours = service(open.db);
  const theirs = service(plainDb);
  const listAll = (s: MatterService) => {
    for (let offset = 0; offset < CASES; offset += 500)
      s.list(ListMattersInput.parse({ limit: 500, offset }));
  };
  const firstPage = [
    await time(50, () => ours.list(ListMattersInput.parse({ limit: 100 }))),
    await time(50, () => theirs.list(ListMattersInput.parse({ limit: 100 }))),
  ];
  const filtered = [
    await time(50, () => ours.list(ListMattersInput.parse({ query: 'agresion', limit: 100 }))),
    await time(50, () => theirs.list(ListMattersInput.parse({ query: 'agresion', limit: 100 }))),
  ];
  const all = [await time(RUNS, () => listAll(ours)), await time(RUNS, () => listAll(theirs))];
  open.close();
  plainDb.close();

  console.log(
    header(
      `Unlock and case list — ${CASES.toLocaleString('en')} cases, median of ${RUNS}+ runs`,
      'plain SQLite',
    ),
  );
  console.log(row('unlock (Argon2id + open + first page)', unlock, plainOpen));
  console.log(row('  of which Argon2id (64 MiB, t=3)', kdf, plainOpen));
  console.log(row('case list: first page of 100 + count', firstPage[0]!, firstPage[1]!));
  console.log(row('case list: accent-folded title filter', filtered[0]!, filtered[1]!));
  console.log(row(`case list: all ${CASES} in pages of 500`, all[0]!, all[1]!));
  console.log(
    `limit: unlock should take 300–1000 ms (the KDF is deliberately slow); measured ${unlock.toFixed(0)} ms`,
  );
}
