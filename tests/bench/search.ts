// Full-text search latency (p50/p95) over 10,000 cases with 200,000 incidents and notes, beside plain
// SQLite FTS5 (the same library without a key) on the same rows with the same queries.
import { Database } from '@signalapp/sqlcipher';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { RevealState } from '../../electron/core/services/reveal-state';
import { SearchService } from '../../electron/core/services/search';
import { SearchInput } from '../../shared/schemas/search';
import { vaultContext } from '../../electron/core/services/vault-context';
import { migrate } from '../../electron/core/vault/migrate';
import { createVault } from '../../electron/core/vault/vault';
import { header, percentile, samples } from './measure';

// BENCH_SCALE=0.1 runs a tenth of the rows (a quick look while developing).
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
const CASES = Math.round(10_000 * SCALE);
const INCIDENTS = Math.round(150_000 * SCALE);
const NOTES = Math.round(50_000 * SCALE);
const QUERIES = 100;
const DOMAIN = (
  'amenaza vigilancia agresión hostigamiento desplazamiento hackeo cuenta facebook whatsapp patrulla policía fiscalía ' +
  'denuncia guerrero oaxaca chiapas veracruz chihuahua defensora periodista comunidad albergue migrantes mecanismo ' +
  'protección botón pánico cámaras escolta medidas cautelares comisión resolución seguimiento informe estado ' +
  'tierra territorio agua minera despojo desaparición familia hermana hijos madre sobreviviente trata llamada ' +
  'mensaje vehículo camioneta noche madrugada domicilio oficina asamblea ejido radio comunitaria'
).split(' ');
const SYLLABLES = [
  'ca',
  'mi',
  'to',
  'ra',
  'le',
  'sa',
  'no',
  'pe',
  'chi',
  'hua',
  'te',
  'lo',
  'ma',
  'ri',
  'go',
  'zu',
  'ña',
  'ci',
  'bo',
  'dé',
];

/** A vocabulary shaped like real text: the domain words plus thousands of rarer ones. */
const WORDS = [
  ...DOMAIN,
  ...Array.from({ length: 6000 }, (_, i) => {
    const a = SYLLABLES[i % 20]!;
    const b = SYLLABLES[Math.floor(i / 20) % 20]!;
    const c = SYLLABLES[Math.floor(i / 400) % 20]!;
    return `${a}${b}${c}${i % 7 === 0 ? 'ción' : ''}`;
  }),
];

/** Zipf-like draw (frequent words are frequent, most words are rare), deterministic per seed. */
function text(seed: number, words: number): string {
  let x = (seed * 2654435761) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const u = (x % 1_000_000) / 1_000_000;
    out.push(WORDS[Math.min(WORDS.length - 1, Math.floor(Math.exp(u * Math.log(WORDS.length))) - 1)]!);
  }
  return out.join(' ');
}

/** The same rows in both databases, written straight into the tables the services read. */
function fill(db: Database): void {
  const at = '2024-01-01T00:00:00.000Z';
  db.transaction(() => {
    const matter = db.prepare(
      `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, created_at, updated_at, search_text)
       VALUES ($id, $title, 'precautionary_request', 'iachr', $ref, 'follow_up', '2020-01-01', $summary, $at, $at, '')`,
    );
    const incident = db.prepare(
      `INSERT INTO incidents (id, matter_id, occurred_on, kind, title, description, created_at, updated_at)
       VALUES ($id, $matterId, '2021-03-04', 'threat', $title, $description, $at, $at)`,
    );
    const note = db.prepare(
      `INSERT INTO notes (id, matter_id, title, body, created_at, updated_at) VALUES ($id, $matterId, $title, $body, $at, $at)`,
    );
    const index = db.prepare(
      `INSERT INTO search_index (entity_type, entity_id, matter_id, classification, title, body)
       VALUES ($type, $id, $matterId, 'restricted', $title, $body)`,
    );
    const matterIds: string[] = [];
    for (let i = 0; i < CASES; i++) {
      const id = randomUUID();
      matterIds.push(id);
      const title = `Caso ${i} ${text(i, 6)}`;
      const summary = text(i + 7, 40);
      matter.run({ id, title, ref: `MC-${i}-19`, summary, at });
      index.run({ type: 'matter', id, matterId: id, title, body: summary });
    }
    for (let i = 0; i < INCIDENTS; i++) {
      const id = randomUUID();
      const matterId = matterIds[i % CASES]!;
      const title = text(i + 11, 5);
      const description = text(i + 13, 30);
      incident.run({ id, matterId, title, description, at });
      index.run({ type: 'incident', id, matterId, title, body: description });
    }
    for (let i = 0; i < NOTES; i++) {
      const id = randomUUID();
      const matterId = matterIds[i % CASES]!;
      const title = text(i + 17, 5);
      const body = text(i + 19, 60);
      note.run({ id, matterId, title, body, at });
      index.run({ type: 'note', id, matterId, title, body });
    }
  })();
}

export async function benchSearch(dir: string): Promise<void> {
  const vault = await createVault(join(dir, 'search-vault'), 'frase de contraseña para medir 2026');
  const plain = new Database(join(dir, 'search-plain.db'), { cacheStatements: true });
  plain.pragma('journal_mode = WAL');
  migrate(plain);
  const fillStart = performance.now();
  fill(vault.db);
  const fillOurs = performance.now() - fillStart;
  fill(plain);

  const service = (db: Database) =>
    new SearchService(() => vaultContext({ dir, db }, () => 'bench'), new RevealState(Date.now));
  const ours = service(vault.db);
  const theirs = service(plain);
  // Accent-free queries of one and two words, as people type them.
  const queries = Array.from({ length: QUERIES }, (_, i) =>
    i % 2 === 0
      ? text(i + 101, 1)
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
      : text(i + 103, 2),
  );
  // Warm the page caches of both before measuring.
  for (const q of queries.slice(0, 20)) {
    ours.search(SearchInput.parse({ query: q }));
    theirs.search(SearchInput.parse({ query: q }));
  }
  let k = 0;
  const a = await samples(QUERIES, () => ours.search(SearchInput.parse({ query: queries[k++ % QUERIES]! })));
  k = 0;
  const b = await samples(QUERIES, () =>
    theirs.search(SearchInput.parse({ query: queries[k++ % QUERIES]! })),
  );
  vault.close();
  plain.close();

  const total = CASES + INCIDENTS + NOTES;
  console.log(
    header(
      `Search — ${CASES.toLocaleString('en')} cases, ${(INCIDENTS + NOTES).toLocaleString('en')} incidents and notes, ${QUERIES} queries`,
      'plain FTS5',
    ),
  );
  for (const p of [50, 95]) {
    const ours = percentile(a, p);
    const ref = percentile(b, p);
    console.log(
      `${`search p${p} (50 hits, ranked)`.padEnd(46)} ${ours.toFixed(2).padStart(10)} ms  ${ref.toFixed(2).padStart(10)} ms  ${(ours / ref).toFixed(2).padStart(8)}×`,
    );
  }
  console.log(
    `(indexing ${total.toLocaleString('en')} rows into the encrypted vault took ${(fillOurs / 1000).toFixed(1)} s)`,
  );
}
