// Turning bundle records into a lawyer's words with the map of shared/bundle-labels.ts: the kind of a
// record, a column's label, a value as it reads on screen (dates in the user's language, classifications
// and other fixed values as words, structures summarised), a record's name, and one conflict laid out
// mine beside theirs. The renderer passes i18next; the command line passes the English file.
import type { BundleConflict, ConflictName, ConflictNamePart } from './schemas/bundles';
import { stateName } from './countries';
import {
  DELETED_COLUMN,
  fieldLabelKeys,
  isBookkeeping,
  labelsFor,
  recordKindKey,
  recordsKindKey,
  refTable,
  valuePrefix,
  type FieldFormat,
} from './bundle-labels';

export interface Words {
  /** The text of a key with {{placeholders}} filled; the key itself when it is missing. */
  t: (key: string, values?: Record<string, string | number>) => string;
  exists: (key: string) => boolean;
  /** The UI language ('es' or 'en'). */
  language: string;
}

const locale = (w: Words) => (w.language.startsWith('es') ? 'es-MX' : 'en-US');

/** The kind of one record ("Caso"), or in a count ("Casos"); a table not in the map reads as itself. */
export function recordKind(w: Words, table: string, plural = false): string {
  const key = plural ? recordsKindKey(table) : recordKindKey(table);
  return w.exists(key) ? w.t(key) : table;
}

export function fieldLabel(w: Words, table: string, column: string): string {
  const key = fieldLabelKeys(table, column).find((k) => w.exists(k));
  return key ? w.t(key) : column;
}

function formatOf(table: string, column: string): FieldFormat {
  return labelsFor(table)?.fields[column] ?? 'text';
}

function formatDate(w: Words, value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat(locale(w), { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

function formatInstant(w: Words, value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  return new Intl.DateTimeFormat(locale(w), { dateStyle: 'long', timeStyle: 'short' }).format(date);
}

function translated(w: Words, prefix: string, value: string): string {
  const key = `${prefix}.${value}`;
  return w.exists(key) ? w.t(key) : value;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

/** The words and numbers inside a structure (a rich-text document, a calculation basis), in order. */
function leaves(value: unknown, out: string[]): void {
  if (out.join(' ').length > 400) return;
  if (typeof value === 'string' && value.trim()) out.push(value.trim());
  else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value) leaves(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) leaves(v, out);
}

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** A value as it reads on screen ("—" for none). */
export function formatValue(w: Words, table: string, column: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  const format = formatOf(table, column);
  const prefix = valuePrefix(format);
  if (typeof value === 'object' && '$base64' in (value as object)) return w.t('bundleLabels.value.binary');
  const text = String(value);
  if (format === 'date') return formatDate(w, text);
  if (format === 'instant') return formatInstant(w, text);
  if (format === 'yesno') return w.t(Number(value) ? 'bundleLabels.value.yes' : 'bundleLabels.value.no');
  if (format === 'bytes') return w.t('bundleLabels.value.bytes', { size: formatBytes(w, Number(value)) });
  if (format === 'hash') return cut(text, 17);
  if (format === 'country') return `${stateName(text, w.language)}`;
  if (format.startsWith('enum:')) return translated(w, prefix!, text);
  if (format === 'list' || format.startsWith('list:')) {
    const list = parseJson(value);
    if (!Array.isArray(list)) return text;
    if (list.length === 0) return w.t('bundleLabels.value.none');
    return list.map((v) => (prefix ? translated(w, prefix, String(v)) : String(v))).join(', ');
  }
  if (format === 'json') {
    const words: string[] = [];
    leaves(parseJson(value), words);
    return words.length ? cut(words.join(' · '), 300) : w.t('bundleLabels.value.none');
  }
  if (format === 'ref' || format.startsWith('ref:')) {
    const target = refTable(format);
    return target ? recordKind(w, target) : w.t('bundleLabels.value.linked');
  }
  return text;
}

function formatBytes(w: Words, n: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let size = n;
  let unit = 0;
  while (size >= 1000 && unit < units.length - 1) {
    size /= 1000;
    unit += 1;
  }
  const digits = unit === 0 ? 0 : 1;
  return `${new Intl.NumberFormat(locale(w), { maximumFractionDigits: digits }).format(size)} ${units[unit]}`;
}

/** A record's name from its parts ("MC-101-23 · Defensora de la Montaña"), or null when it has none. */
export function recordName(w: Words, parts: readonly ConflictNamePart[] | null | undefined): string | null {
  if (!parts || parts.length === 0) return null;
  return parts.map((p) => formatValue(w, p.table, p.column, p.value)).join(' · ');
}

export interface ConflictRow {
  column: string;
  label: string;
  mine: string;
  theirs: string;
  /** A long text: shown in full, wrapped. */
  long: boolean;
}

export interface ConflictView {
  /** "Caso", "Plazo"… */
  kind: string;
  /** The record's name, or null (then the kind alone names it). */
  name: string | null;
  /** The case it belongs to, for a record other than the case itself. */
  caseName: string | null;
  rows: ConflictRow[];
  /** "deleted on …" for a side that deleted the record (null: that side keeps it). */
  deleted: { mine: string | null; theirs: string | null } | null;
  /** Only bookkeeping differs (the record was saved again without a visible change). */
  onlyBookkeeping: boolean;
  /** The values are protected identities and are not shown. */
  hidden: boolean;
}

function sideName(w: Words, table: string, column: string, raw: unknown, name: ConflictName | undefined) {
  if (raw === null || raw === undefined || raw === '') return '—';
  const named = recordName(w, name);
  const kind = formatValue(w, table, column, raw);
  return named ? `${kind}: ${named}` : kind;
}

/** A case as the lawyer knows it: reference and title, whichever the bundle has. */
export function caseLabel(c: { id: string; reference: string; title?: string }): string | null {
  const parts = [c.reference, c.title].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' · ') : null;
}

/** One conflict laid out for a person: labelled rows of what differs, bookkeeping left out. */
export function conflictView(
  w: Words,
  conflict: BundleConflict,
  cases: readonly { id: string; reference: string; title?: string }[] = [],
): ConflictView {
  const { table } = conflict;
  const hidden =
    conflict.fields.length > 0 && conflict.fields.every((f) => f.mine === null && f.theirs === null);
  const rows: ConflictRow[] = [];
  let deleted: ConflictView['deleted'] = null;
  for (const f of conflict.fields) {
    if (f.name === DELETED_COLUMN) {
      const on = (v: unknown) =>
        v ? w.t('bundleLabels.deletedOn', { date: formatInstant(w, String(v)) }) : null;
      if (!hidden) deleted = { mine: on(f.mine), theirs: on(f.theirs) };
      continue;
    }
    if (isBookkeeping(table, f.name)) continue;
    const format = formatOf(table, f.name);
    const linked = conflict.linked?.[f.name];
    const isRef = format === 'ref' || format.startsWith('ref:');
    rows.push({
      column: f.name,
      label: fieldLabel(w, table, f.name),
      mine: hidden
        ? w.t('bundleLabels.value.protected')
        : isRef
          ? sideName(w, table, f.name, f.mine, linked?.mine)
          : formatValue(w, table, f.name, f.mine),
      theirs: hidden
        ? w.t('bundleLabels.value.protected')
        : isRef
          ? sideName(w, table, f.name, f.theirs, linked?.theirs)
          : formatValue(w, table, f.name, f.theirs),
      long: format === 'long' || format === 'json',
    });
  }
  const matter = table === 'matters' ? null : cases.find((c) => c.id === conflict.matterId);
  return {
    kind: recordKind(w, table),
    name: recordName(w, conflict.name),
    caseName: matter ? caseLabel(matter) : null,
    rows,
    deleted,
    onlyBookkeeping: rows.length === 0 && deleted === null && !hidden,
    hidden,
  };
}

/** Words read straight from a translation file (the command line's English; tests). */
export function wordsFrom(messages: unknown, language: string): Words {
  const lookup = (key: string): unknown =>
    key
      .split('.')
      .reduce<unknown>(
        (node, part) =>
          node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined,
        messages,
      );
  return {
    language,
    exists: (key) => typeof lookup(key) === 'string',
    t: (key, values = {}) => {
      const text = lookup(key);
      if (typeof text !== 'string') return key;
      return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
    },
  };
}

const LEFT_OUT_REASONS: Record<string, string> = {
  confidential: 'bundleLabels.leftOut.confidential',
  'chosen exhibits': 'bundleLabels.leftOut.chosen',
  'linked to records left out': 'bundleLabels.leftOut.linked',
  // redaction through a filings profile
  'left out by the profile': 'bundleRedaction.leftOutProfile',
  'details beyond the name': 'bundleRedaction.leftOutDetails',
};

/**
 * A redaction's "left out" kind as the manifest writes it (`notes (confidential)`) in words: "Notas
 * (confidenciales)". A kind it does not know reads as written.
 */
export function leftOutLabel(w: Words, kind: string): string {
  const match = /^([a-z_]+)(?: \((.+)\))?$/.exec(kind);
  if (!match || !labelsFor(match[1]!)) return kind;
  const records = recordKind(w, match[1]!, true);
  const reason = match[2] ? LEFT_OUT_REASONS[match[2]] : undefined;
  if (match[2] && !reason) return `${records} (${match[2]})`;
  return reason ? `${records} (${w.t(reason)})` : records;
}
