// The merge and verify screens speak a lawyer's words: every column a bundle carries has a label in
// Spanish and English (or is declared bookkeeping and never shown), every kind of record has a name, and
// values read as words. A new column or table added to a carried table fails here until it is labelled.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLE_LABELS,
  fieldLabelKeys,
  isBookkeeping,
  recordKindKey,
  recordsKindKey,
  refTable,
  valuePrefix,
} from '../../../shared/bundle-labels';
import { conflictView, formatValue, leftOutLabel, wordsFrom } from '../../../shared/bundle-labels-format';
import { carriedTables } from '../../../electron/core/bundles/tables';
import { createVault } from '../../../electron/core/vault/vault';
import { TEST_KDF, tempDir } from '../../support/temp';
import en from '../../../shared/i18n/en.json';
import es from '../../../shared/i18n/es.json';

const EN = wordsFrom(en, 'en');
const ES = wordsFrom(es, 'es');

async function carriedColumns(): Promise<Map<string, string[]>> {
  const vault = await createVault(join(await tempDir(), 'v'), 'frase de prueba larga', {
    kdfCost: TEST_KDF,
  });
  try {
    return new Map(
      carriedTables(true).map(([table]) => [
        table,
        vault.db
          .prepare(`SELECT name FROM pragma_table_info($table)`)
          .all<{ name: string }>({ table })
          .map((c) => c.name),
      ]),
    );
  } finally {
    vault.close();
  }
}

describe('bundle labels', () => {
  it('label or hide every column of every table a bundle carries, and name nothing else', async () => {
    const tables = await carriedColumns();
    expect(tables.size).toBeGreaterThan(30);
    const unlabelled: string[] = [];
    const unknown: string[] = [];
    for (const [table, columns] of tables) {
      const labels = BUNDLE_LABELS[table];
      if (!labels) {
        unlabelled.push(`${table} (the whole table)`);
        continue;
      }
      for (const column of columns) {
        if (!isBookkeeping(table, column) && !labels.fields[column]) unlabelled.push(`${table}.${column}`);
      }
      for (const column of [...Object.keys(labels.fields), ...(labels.bookkeeping ?? [])]) {
        if (!columns.includes(column)) unknown.push(`${table}.${column}`);
      }
      for (const column of labels.identify) {
        if (!labels.fields[column]) unknown.push(`${table} identifies by ${column}`);
      }
    }
    expect(unlabelled, 'carried columns with neither a label nor a bookkeeping mark').toEqual([]);
    expect(unknown, 'labels for columns the schema does not have').toEqual([]);
    expect(Object.keys(BUNDLE_LABELS).filter((t) => !tables.has(t))).toEqual([]);
  });

  it('have every kind, field and value prefix in Spanish and in English', () => {
    const missing: string[] = [];
    for (const [lang, words] of [
      ['en', EN],
      ['es', ES],
    ] as const) {
      for (const [table, labels] of Object.entries(BUNDLE_LABELS)) {
        for (const key of [recordKindKey(table), recordsKindKey(table)])
          if (!words.exists(key)) missing.push(`${lang}: ${key}`);
        for (const [column, format] of Object.entries(labels.fields)) {
          if (!fieldLabelKeys(table, column).some((k) => words.exists(k)))
            missing.push(`${lang}: label of ${table}.${column}`);
          const prefix = valuePrefix(format);
          const messages = lang === 'en' ? en : es;
          const node = prefix
            ?.split('.')
            .reduce<unknown>((n, p) => (n as Record<string, unknown> | undefined)?.[p], messages);
          if (prefix && (typeof node !== 'object' || node === null))
            missing.push(`${lang}: values ${prefix} of ${table}.${column}`);
          const target = refTable(format);
          if (target && !BUNDLE_LABELS[target]) missing.push(`${table}.${column} points at ${target}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('show values as a lawyer reads them', () => {
    expect(formatValue(ES, 'deadlines', 'due_date', '2026-03-03')).toBe('3 de marzo de 2026');
    expect(formatValue(EN, 'deadlines', 'due_date', '2026-03-03')).toBe('March 3, 2026');
    expect(formatValue(ES, 'notes', 'classification', 'confidential')).toBe('Confidencial');
    expect(formatValue(ES, 'matters', 'matter_type', 'petition')).toBe('Petición');
    expect(formatValue(ES, 'person_profiles', 'roles', '["journalist","migrant"]')).toBe(
      'Periodista, Persona migrante',
    );
    expect(formatValue(ES, 'protection_measures', 'agreed_with_beneficiaries', 1)).toBe('Sí');
    expect(formatValue(ES, 'matters', 'state', 'MX')).toBe('México');
    expect(formatValue(ES, 'deadlines', 'communication_id', 'f3b1…')).toBe('Comunicación');
    expect(
      formatValue(
        ES,
        'filings',
        'document',
        JSON.stringify({ type: 'doc', content: [{ type: 'text', text: 'Solicitamos medidas' }] }),
      ),
    ).toBe('doc · text · Solicitamos medidas');
    expect(formatValue(ES, 'notes', 'title', null)).toBe('—');
    // What a redaction left out, as the manifest writes it.
    expect(leftOutLabel(ES, 'notes (confidential)')).toBe('Notas (confidenciales)');
    expect(leftOutLabel(ES, 'protected_identities')).toBe('Identidades protegidas');
    expect(leftOutLabel(EN, 'evidence_items (chosen exhibits)')).toBe('Evidence items (exhibits you chose)');
    expect(leftOutLabel(ES, 'tags (linked to records left out)')).toBe(
      'Etiquetas (por su vínculo con registros excluidos)',
    );
  });

  it('lay out a conflict without bookkeeping, the deletion as its own line', () => {
    const view = conflictView(
      ES,
      {
        id: 'notes ["n1"]',
        table: 'notes',
        recordKey: '["n1"]',
        matterId: 'm1',
        fields: [
          { name: 'title', mine: 'Estrategia A', theirs: 'Estrategia B' },
          { name: 'updated_at', mine: '2026-11-15T12:00:00.000Z', theirs: '2026-11-16T12:00:00.000Z' },
          { name: 'revision', mine: 2, theirs: 3 },
          { name: 'deleted_at', mine: null, theirs: '2026-11-16T12:00:00.000Z' },
        ],
        name: [{ table: 'notes', column: 'title', value: 'Estrategia A' }],
      },
      [{ id: 'm1', reference: 'MC-101-23', title: 'Defensora de la Montaña' }],
    );
    expect(view.kind).toBe('Nota');
    expect(view.name).toBe('Estrategia A');
    expect(view.caseName).toBe('MC-101-23 · Defensora de la Montaña');
    expect(view.rows.map((r) => [r.label, r.mine, r.theirs])).toEqual([
      ['Título', 'Estrategia A', 'Estrategia B'],
    ]);
    expect(view.deleted?.mine).toBeNull();
    expect(view.deleted?.theirs).toMatch(/^Eliminado el 16 de noviembre de 2026/);
    expect(view.onlyBookkeeping).toBe(false);
  });
});
