// Full-text search latency (p50/p95) over 10,000 cases with 200,000 incidents and notes, beside a bare
// FTS5 ranked query (the same library without a key, no visibility rules, no counts) on the same rows
// with the same queries. One case in twenty is confidential with everything in it, and a few cases are
// in Deleted items, so the visibility rules and the hidden count have real work to do.
import { Database } from '@signalapp/sqlcipher';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { RevealState } from '../../electron/core/services/reveal-state';
import { RANKED_MAX, SearchService } from '../../electron/core/services/search';
import { FTS_TABLES, IndexMaintenance, segmentCount } from '../../electron/core/services/index-maintenance';
import { addToSearch } from '../../electron/core/services/search-index';
import { startVocabularies, vocabularyStep } from '../../electron/core/services/fts-vocabulary';
import { ftsQuery, searchIndexChanged } from '../../electron/core/services/search-query';
import { vaultContext } from '../../electron/core/services/vault-context';
import { migrate } from '../../electron/core/vault/migrate';
import { createVault, openVault, type OpenVault } from '../../electron/core/vault/vault';
import { existsSync, mkdirSync } from 'node:fs';
import { header, percentile, row, samples } from './measure';
import { SearchInput } from '../../shared/schemas/search';

// BENCH_SCALE=0.1 runs a tenth of the rows (a quick look while developing).
const SCALE = Number(process.env.BENCH_SCALE ?? 1);
// BENCH_SEARCH=documents keeps the cases and the 50,000 extracted pages but no incidents or notes, so the
// document part runs at full scale in a few minutes.
const DOCUMENTS_ONLY = process.env.BENCH_SEARCH === 'documents';
const CASES = Math.round(10_000 * SCALE);
const INCIDENTS = DOCUMENTS_ONLY ? 0 : Math.round(150_000 * SCALE);
const NOTES = DOCUMENTS_ONLY ? 0 : Math.round(50_000 * SCALE);
const QUERIES = 100;
// search inside the evidence: pages of text taken from documents, 10 per evidence item
const EXTRACTED_PAGES = Math.round(50_000 * SCALE);
const PAGES_PER_ITEM = 10;
export const DOMAIN = (
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
export function text(seed: number, words: number): string {
  let x = (seed * 2654435761) >>> 0;
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    const u = (x % 1_000_000) / 1_000_000;
    out.push(WORDS[Math.min(WORDS.length - 1, Math.floor(Math.exp(u * Math.log(WORDS.length))) - 1)]!);
  }
  return out.join(' ');
}

/** The same rows in both databases, written into the tables the services read, indexed as they index. */
export function fill(db: Database): void {
  const at = '2024-01-01T00:00:00.000Z';
  db.transaction(() => {
    const matter = db.prepare(
      `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, classification,
                            created_at, updated_at, deleted_at, search_text)
       VALUES ($id, $title, 'precautionary_request', 'iachr', $ref, 'follow_up', '2020-01-01', $summary, $classification,
               $at, $at, $deletedAt, '')`,
    );
    const incident = db.prepare(
      `INSERT INTO incidents (id, matter_id, occurred_on, kind, title, description, classification, created_at, updated_at)
       VALUES ($id, $matterId, '2021-03-04', 'threat', $title, $description, $classification, $at, $at)`,
    );
    const note = db.prepare(
      `INSERT INTO notes (id, matter_id, title, body, classification, created_at, updated_at)
       VALUES ($id, $matterId, $title, $body, $classification, $at, $at)`,
    );
    const matters: { id: string; confidential: boolean }[] = [];
    for (let i = 0; i < CASES; i++) {
      const id = randomUUID();
      const confidential = i % 20 === 0;
      matters.push({ id, confidential });
      const title = `Caso ${i} ${text(i, 6)}`;
      const summary = text(i + 7, 40);
      const classification = confidential ? 'confidential' : 'restricted';
      const deletedAt = i % 500 === 7 ? at : null;
      matter.run({ id, title, ref: `MC-${i}-19`, summary, classification, deletedAt, at });
      if (!deletedAt)
        addToSearch(db, {
          entityType: 'matter',
          entityId: id,
          matterId: id,
          classification,
          title,
          body: summary,
        });
    }
    for (let i = 0; i < INCIDENTS; i++) {
      const id = randomUUID();
      const m = matters[i % CASES]!;
      const title = text(i + 11, 5);
      const description = text(i + 13, 30);
      const classification = m.confidential || i % 50 === 3 ? 'confidential' : 'restricted';
      incident.run({ id, matterId: m.id, title, description, classification, at });
      addToSearch(db, {
        entityType: 'incident',
        entityId: id,
        matterId: m.id,
        classification,
        title,
        body: description,
      });
    }
    for (let i = 0; i < NOTES; i++) {
      const id = randomUUID();
      const m = matters[i % CASES]!;
      const title = text(i + 17, 5);
      const body = text(i + 19, 60);
      const classification = m.confidential ? 'confidential' : 'restricted';
      note.run({ id, matterId: m.id, title, body, classification, at });
      addToSearch(db, { entityType: 'note', entityId: id, matterId: m.id, classification, title, body });
    }
    // search inside the evidence: documents of the cases, their pages indexed by the schema's triggers
    const blob = db.prepare(
      `INSERT INTO evidence_blobs (id, key, chunk_size, plain_size, stored_size, sha256, created_at)
       VALUES ($id, zeroblob(32), 65536, 1, 1, '', $at)`,
    );
    const item = db.prepare(
      `INSERT INTO evidence_items (id, matter_id, blob_id, title, classification, original_name, media_type, size,
                                   sha256, acquired_at, acquired_by, created_at, updated_at)
       VALUES ($id, $matterId, $id, $title, $classification, 'oficio.pdf', 'application/pdf', 1, '', $at, 'bench', $at, $at)`,
    );
    const page = db.prepare(
      `INSERT INTO evidence_text (item_id, page, chunk, method, text) VALUES ($itemId, $page, 0, 'text_layer', $text)`,
    );
    for (let i = 0; i < EXTRACTED_PAGES / PAGES_PER_ITEM; i++) {
      const id = randomUUID();
      const m = matters[i % CASES]!;
      blob.run({ id, at });
      item.run({
        id,
        matterId: m.id,
        title: `Oficio ${i}`,
        classification: m.confidential ? 'confidential' : 'restricted',
        at,
      });
      for (let p = 1; p <= PAGES_PER_ITEM; p++)
        page.run({ itemId: id, page: p, text: text(i * 31 + p, 250) });
    }
  })();
}

const PASSPHRASE = 'frase de contraseña para medir 2026';

/**
 * BENCH_SEARCH_CACHE=<folder> keeps both filled databases there (one pair per scale and mode) and opens
 * them again on the next run instead of indexing for minutes: for iterating on the queries only.
 */
async function databases(
  dir: string,
): Promise<{ vault: OpenVault; plain: Database; fillOurs: number | null }> {
  const cache = process.env.BENCH_SEARCH_CACHE;
  const base = cache ? join(cache, `search-${SCALE}-${DOCUMENTS_ONLY ? 'documents' : 'all'}`) : dir;
  const ready = cache !== undefined && existsSync(join(base, 'filled'));
  if (ready) {
    const vault = await openVault(join(base, 'search-vault'), PASSPHRASE);
    const plain = new Database(join(base, 'search-plain.db'), { cacheStatements: true });
    migrate(plain);
    return { vault, plain, fillOurs: null };
  }
  mkdirSync(base, { recursive: true });
  const vault = await createVault(join(base, 'search-vault'), PASSPHRASE);
  const plain = new Database(join(base, 'search-plain.db'), { cacheStatements: true });
  plain.pragma('journal_mode = WAL');
  migrate(plain);
  const fillStart = performance.now();
  fill(vault.db);
  const fillOurs = performance.now() - fillStart;
  fill(plain);
  if (cache) mkdirSync(join(base, 'filled'));
  return { vault, plain, fillOurs };
}

/** Accent-free queries of one and two words, as people type them (the profile driver runs the same). */
export function benchQueries(): string[] {
  return Array.from({ length: QUERIES }, (_, i) =>
    i % 2 === 0
      ? text(i + 101, 1)
          .normalize('NFD')
          .replace(/\p{M}/gu, '')
      : text(i + 103, 2),
  );
}

/** The commonest words of the vocabulary, each in most records, alone and in pairs. */
export function commonQueries(): string[] {
  return [...DOMAIN.slice(0, 10), ...DOMAIN.slice(0, 10).map((w, i) => `${w} ${DOMAIN[i + 1]!}`)];
}

export async function benchSearch(dir: string): Promise<void> {
  const { vault, plain, fillOurs } = await databases(dir);
  // What the app's index maintenance does first after an unlock, before any merge: the indexes' words are
  // read into memory (fts-vocabulary.ts), in steps.
  const loadStart = performance.now();
  let loadSteps = 0;
  if (startVocabularies(vault.db)) while (vocabularyStep(vault.db)) loadSteps++;
  const loadSeconds = (performance.now() - loadStart) / 1000;

  const ours = new SearchService(
    () => vaultContext({ dir, db: vault.db }, () => 'bench'),
    new RevealState(Date.now),
  );
  // The reference: FTS5 ranking the same rows for the same words, nothing else.
  const bare = plain.prepare(
    `SELECT rowid, title, snippet(search_index, 5, '', '', '…', 12) FROM search_index
     WHERE search_index MATCH $match ORDER BY rank LIMIT 50`,
  );
  const theirs = (q: string) => bare.all({ match: ftsQuery(q) });
  // search inside the evidence: the reference for document hits, FTS5 ranking the pages and nothing else
  const bareDocuments = plain.prepare(
    `SELECT rowid, snippet(evidence_text_index, 4, '', '', '…', 16) FROM evidence_text_index
     WHERE evidence_text_index MATCH $match ORDER BY rank LIMIT 20`,
  );
  const theirsDocuments = (q: string) => bareDocuments.all({ match: `body : (${ftsQuery(q)!})` });
  const theirsBoth = (q: string) => (theirs(q), theirsDocuments(q));
  const queries = benchQueries();
  const common = commonQueries();
  // Warm the page caches of both before measuring, with other words.
  for (let i = 0; i < 20; i++) {
    const q = text(i + 5001, 1 + (i % 2));
    ours.search(SearchInput.parse({ query: q }));
    theirs(q);
  }
  const run = async (list: string[], fn: (q: string) => unknown) => {
    let k = 0;
    return samples(list.length, () => fn(list[k++ % list.length]!));
  };
  // Each measured search starts cold: the word expansions remembered between index changes are dropped.
  const cold = (q: string) => {
    searchIndexChanged();
    return ours.search(SearchInput.parse({ query: q }));
  };
  const measure = async () => ({
    a: await run(queries, cold),
    b: await run(queries, theirsBoth),
    c: await run(common, cold),
    d: await run(common, theirsBoth),
  });
  const { a, b, c, d } = await measure();
  const orders = queries.map((q) => ours.search(SearchInput.parse({ query: q })).order);
  // The same searches after the app's own index maintenance (FTS5 'merge' in short steps, as it runs after
  // the extraction queue, an import or an unlock): rows written over time leave several segments, and every
  // term lookup seeks each of them. The bare reference gets the same merge, so the comparison stays fair.
  // On a BENCH_SEARCH_CACHE vault the merge stays done: later runs measure a merged index twice.
  const segmentsBefore = FTS_TABLES.map((t) => `${t} ${segmentCount(vault.db, t)}`).join(', ');
  const stepTimes: number[] = [];
  let last = performance.now();
  const maintenance = new IndexMaintenance(() => vaultContext({ dir, db: vault.db }, () => 'bench'), {
    isUnlocked: () => true,
    onStep: () => {
      const now = performance.now();
      stepTimes.push(now - last);
      last = now;
    },
  });
  const start = performance.now();
  last = start;
  const run1 = await maintenance.request();
  const seconds = (performance.now() - start) / 1000;
  await new IndexMaintenance(() => vaultContext({ dir, db: plain }, () => 'bench'), {
    isUnlocked: () => true,
  }).request();
  const segmentsAfter = FTS_TABLES.map((t) => `${t} ${segmentCount(vault.db, t)}`).join(', ');
  const merged = { seconds, steps: run1?.steps ?? 0, ...(await measure()) };
  vault.close();
  plain.close();

  const total = CASES + INCIDENTS + NOTES + EXTRACTED_PAGES;
  console.log(
    header(
      `Search — ${CASES.toLocaleString('en')} cases, ${(INCIDENTS + NOTES).toLocaleString('en')} incidents and notes, ${EXTRACTED_PAGES.toLocaleString('en')} extracted pages, ${QUERIES} queries`,
      'bare FTS5',
    ),
  );
  for (const p of [50, 95]) {
    console.log(row(`search p${p} (50 + 20 document hits, counts)`, percentile(a, p), percentile(b, p)));
  }
  console.log(row('search p95, the 10 commonest words and pairs', percentile(c, 95), percentile(d, 95)));
  for (const p of [50, 95])
    console.log(
      row(`  after the app's index maintenance: p${p}`, percentile(merged.a, p), percentile(merged.b, p)),
    );
  console.log(
    row(
      "  after the app's index maintenance: commonest p95",
      percentile(merged.c, 95),
      percentile(merged.d, 95),
    ),
  );
  stepTimes.sort((x, y) => x - y);
  const ms = (x: number | undefined) => (x ?? 0).toFixed(0);
  console.log(
    `(index maintenance of the encrypted vault: ${merged.seconds.toFixed(1)} s in ${merged.steps} steps, ` +
      `step p50 ${ms(percentile(stepTimes, 50))} ms / p95 ${ms(percentile(stepTimes, 95))} ms / ` +
      `longest ${ms(stepTimes.at(-1))} ms; segments ${segmentsBefore} → ${segmentsAfter}; ` +
      `the bare reference merged the same way)`,
  );
  console.log(
    `(the indexes' words read into memory after unlock, before the first pass: ${loadSeconds.toFixed(1)} s in ${loadSteps} steps)`,
  );
  console.log(
    `(${orders.filter((o) => o === 'recent').length} of ${QUERIES} queries matched over ${RANKED_MAX.toLocaleString('en')} records and were shown newest first)`,
  );
  if (fillOurs !== null)
    console.log(
      `(indexing ${total.toLocaleString('en')} rows into the encrypted vault took ${(fillOurs / 1000).toFixed(1)} s)`,
    );
  else console.log(`(${total.toLocaleString('en')} rows, opened from BENCH_SEARCH_CACHE)`);
}
