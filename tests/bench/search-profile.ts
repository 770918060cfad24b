// Per-query time split of the search bench's queries on a BENCH_SEARCH_CACHE vault: each prepared
// statement's time, grouped by what it does, for the slowest queries. For finding what dominates.
import { join } from 'node:path';
import { RevealState } from '../../electron/core/services/reveal-state';
import { SearchService } from '../../electron/core/services/search';
import { searchIndexChanged } from '../../electron/core/services/search-query';
import { startVocabularies, vocabularyStep } from '../../electron/core/services/fts-vocabulary';
import { vaultContext } from '../../electron/core/services/vault-context';
import { openVault } from '../../electron/core/vault/vault';
import { SearchInput } from '../../shared/schemas/search';
import { benchQueries, commonQueries, text } from './search';

async function main(): Promise<void> {
  const base = join(process.env.BENCH_SEARCH_CACHE!, 'search-1-all');
  const vault = await openVault(join(base, 'search-vault'), 'frase de contraseña para medir 2026');
  const db = vault.db;
  // As the app's index maintenance does after unlock: the indexes' words read into memory.
  const loading = performance.now();
  if (process.env.PROFILE_VOCABULARY !== '0' && startVocabularies(db)) while (vocabularyStep(db));
  console.log(`vocabulary read in ${(performance.now() - loading).toFixed(0)} ms`);
  let split = new Map<string, number>();
  const kind = (sql: string): string => {
    const s = sql.replace(/\s+/g, ' ');
    const where = s.includes('evidence_text') ? 'doc' : s.includes('search_index') ? 'rec' : 'other';
    if (s.includes('_instances')) return `${where}:prefix`;
    if (s.includes('count(*)')) return `${where}:count`;
    if (s.includes('bm25')) return `${where}:bm25`;
    if (s.includes('json_each($ids)') && s.includes('snippet')) return `${where}:snippet-page`;
    if (s.includes('ORDER BY s.rowid DESC')) return `${where}:recent-page`;
    if (s.includes('FROM matters')) return 'cases';
    return `${where}:${s.slice(0, 30)}`;
  };
  const orig = db.prepare.bind(db);
  (db as unknown as { prepare: unknown }).prepare = (sql: string) => {
    const st = orig(sql);
    const k = kind(sql);
    return new Proxy(st, {
      get(target, p) {
        const v = Reflect.get(target, p);
        if (typeof v !== 'function' || !['all', 'get', 'run'].includes(String(p))) return v;
        return (...args: unknown[]) => {
          const t = performance.now();
          try {
            return v.apply(target, args);
          } finally {
            split.set(k, (split.get(k) ?? 0) + performance.now() - t);
          }
        };
      },
    });
  };
  const ours = new SearchService(
    () => vaultContext({ dir: base, db }, () => 'bench'),
    new RevealState(Date.now),
  );
  const queries = benchQueries();
  const common = commonQueries();
  for (let i = 0; i < 20; i++) ours.search(SearchInput.parse({ query: text(i + 5001, 1 + (i % 2)) }));
  const pct = (v: number[], p: number) =>
    [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor((p / 100) * v.length))]!;
  for (const [name, list] of [
    ['queries', queries],
    ['common', common],
    ['queries again', queries],
  ] as const) {
    const out: { q: string; ms: number; split: Map<string, number>; order: string; docs: number }[] = [];
    for (const q of list) {
      searchIndexChanged();
      split = new Map();
      const t = performance.now();
      const r = ours.search(SearchInput.parse({ query: q }));
      out.push({ q, ms: performance.now() - t, split, order: r.order, docs: r.documents?.total ?? 0 });
    }
    const ms = out.map((o) => o.ms);
    console.log(
      `${name}: p50 ${pct(ms, 50).toFixed(1)} p95 ${pct(ms, 95).toFixed(1)} max ${Math.max(...ms).toFixed(1)}`,
    );
    for (const o of [...out].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
      const parts = [...o.split].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v.toFixed(1)}`);
      console.log(
        `  ${o.ms.toFixed(1).padStart(6)} "${o.q}" ${o.order} docs=${o.docs} | ${parts.join(', ')}`,
      );
    }
  }
  vault.close();
}
void main();
