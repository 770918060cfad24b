// `amparo`: the command line over the same core the app uses. Exit codes are documented in docs/cli.md.
import { randomUUID } from 'node:crypto';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { AmparoError, type ErrorCode } from '../../shared/errors';
import {
  DEFAULT_FORUM,
  MATTER_TYPES,
  MatterFields,
  MatterType,
  type MatterSummary,
} from '../../shared/schemas/matter';
import { AddEvidenceInput, type AddEvidenceResult } from '../../shared/schemas/evidence';
import { Passphrase } from '../../shared/schemas/vault';
import { toIssues } from '../core/ipc/dispatch';
import { describeCheck } from '../core/evidence/verify';
import { EvidenceService } from '../core/services/evidence';
import { RevealState } from '../core/services/reveal-state';
import { MatterService } from '../core/services/matters';
import { vaultContext } from '../core/services/vault-context';
import { LATEST_SCHEMA_VERSION } from '../core/vault/migrations';
import { schemaVersion } from '../core/vault/migrate';
import {
  changePassphrase,
  checkVault,
  createVault,
  openVault,
  reencryptVault,
  repairVault,
  type OpenVault,
} from '../core/vault/vault';
import { PassphraseSource, UsageError, type CliIo } from './io';

/** Who the audit log names for command-line changes. */
const cliActor = (): string => `${userInfo().username} (command line)`;

export const EXIT = {
  ok: 0,
  internal: 1,
  usage: 2,
  wrongPassphrase: 3,
  vaultUnusable: 4,
  checkFailed: 5,
  io: 6,
  notFound: 7,
  someFilesFailed: 8,
} as const;

const EXIT_BY_CODE: Partial<Record<ErrorCode, number>> = {
  WRONG_PASSPHRASE: EXIT.wrongPassphrase,
  NOT_A_VAULT: EXIT.vaultUnusable,
  HEADER_DAMAGED: EXIT.vaultUnusable,
  HEADER_TOO_NEW: EXIT.vaultUnusable,
  DATABASE_MISSING: EXIT.vaultUnusable,
  DATABASE_DAMAGED: EXIT.vaultUnusable,
  SCHEMA_TOO_NEW: EXIT.vaultUnusable,
  FOLDER_NOT_EMPTY: EXIT.usage,
  FOLDER_NOT_FOUND: EXIT.usage,
  VALIDATION_FAILED: EXIT.usage,
  VAULT_BUSY: EXIT.io,
  VAULT_READ_ONLY: EXIT.io,
  VAULT_PERMISSIONS: EXIT.vaultUnusable,
  DATABASE_REPLACED: EXIT.io,
  IO_ERROR: EXIT.io,
  DISK_FULL: EXIT.io,
  FILE_UNREADABLE: EXIT.io,
  FILE_CHANGED: EXIT.io,
  EVIDENCE_DAMAGED: EXIT.checkFailed,
  NOT_FOUND: EXIT.notFound,
};

export const USAGE = `Usage: amparo <command> [options]

Commands:
  vault create <dir>                 Create a vault in an empty or new folder
  vault check <dir> [--json] [--repair]
                                     Verify encryption, integrity and schema version; changes
                                     nothing unless --repair removes what interrupted operations left
  vault rekey <dir> [--reencrypt]    Change the passphrase; --reencrypt also replaces the database key
  case add <dir> --title T --type TYPE [--reference R] [--forum F] [--status S]
                 [--opened YYYY-MM-DD] [--summary TEXT] [--classification public|restricted|confidential]
  case list <dir> [--json] [--archived] [--query TEXT]
  evidence add <dir> --case REFERENCE-OR-ID <files or folders>...
               [--source WHO] [--acquisition HOW] [--event-date YYYY-MM-DD] [--title T]
               [--classification C] [--filing NAME | --no-exhibit] [--json]
                                     Take in evidence (hash, encrypt, custody entry); progress on stderr
  evidence verify <dir> [--case REFERENCE-OR-ID] [--json]
                                     Re-hash every item and report anything altered, damaged or missing

Options:
  --passphrase-stdin   Read passphrase(s) from stdin, one per line, instead of the terminal
                       (vault rekey reads the current one, then the new one)
  -h, --help           Show this help
  -v, --version        Show the version

Matter types: ${MATTER_TYPES.join(', ')}
`;

const OPTIONS = {
  'passphrase-stdin': { type: 'boolean' },
  json: { type: 'boolean' },
  archived: { type: 'boolean' },
  reencrypt: { type: 'boolean' },
  repair: { type: 'boolean' },
  query: { type: 'string' },
  title: { type: 'string' },
  type: { type: 'string' },
  reference: { type: 'string' },
  forum: { type: 'string' },
  status: { type: 'string' },
  opened: { type: 'string' },
  summary: { type: 'string' },
  classification: { type: 'string' },
  case: { type: 'string' },
  source: { type: 'string' },
  acquisition: { type: 'string' },
  'event-date': { type: 'string' },
  filing: { type: 'string' },
  'no-exhibit': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>['values'];

export async function runCli(argv: string[], io: CliIo, version = '0.0.0'): Promise<number> {
  const out = (text: string) => io.stdout.write(`${text}\n`);
  const err = (text: string) => io.stderr.write(`${text}\n`);
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: OPTIONS,
      allowPositionals: true,
      strict: true,
    });
    if (values.version) return (out(version), EXIT.ok);
    if (values.help || positionals.length === 0) return (out(USAGE), EXIT.ok);
    const [area, action, dir, ...extra] = positionals;
    if (!dir) throw new UsageError(`Missing <dir> for "${area} ${action ?? ''}"`);
    const takesFiles = area === 'evidence' && action === 'add';
    if (extra.length > 0 && !takesFiles) throw new UsageError(`Unexpected arguments: ${extra.join(' ')}`);
    const passphrases = new PassphraseSource(io, values['passphrase-stdin'] === true);
    const vaultDir = resolve(dir);
    const command = `${area} ${action}`;
    switch (command) {
      case 'vault create':
        return await vaultCreate(vaultDir, passphrases, out);
      case 'vault check':
        return await vaultCheck(vaultDir, passphrases, values, out);
      case 'vault rekey':
        return await vaultRekey(vaultDir, passphrases, values, out);
      case 'case add':
        return await withVault(vaultDir, passphrases, (vault) => caseAdd(vault, values, out));
      case 'case list':
        return await withVault(vaultDir, passphrases, (vault) => caseList(vault, values, out));
      case 'evidence add':
        return await withVault(vaultDir, passphrases, (vault) =>
          evidenceAdd(
            vault,
            values,
            extra.map((p) => resolve(p)),
            io,
            out,
          ),
        );
      case 'evidence verify':
        return await withVault(vaultDir, passphrases, (vault) => evidenceVerify(vault, values, out));
      default:
        throw new UsageError(`Unknown command "${command}"`);
    }
  } catch (error) {
    return report(error, err);
  }
}

function report(error: unknown, err: (text: string) => void): number {
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    err(`amparo: ${(error as Error).message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  if (error instanceof AmparoError) {
    err(`amparo: ${error.code}: ${error.message}`);
    for (const issue of error.issues ?? []) err(`  ${issue.path}: ${issue.message}`);
    return EXIT_BY_CODE[error.code] ?? EXIT.internal;
  }
  err(`amparo: unexpected error: ${(error as Error)?.stack ?? error}`);
  return EXIT.internal;
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new AmparoError('VALIDATION_FAILED', 'Invalid input', { issues: toIssues(parsed.error) });
  return parsed.data;
}

async function withVault(
  dir: string,
  passphrases: PassphraseSource,
  work: (vault: OpenVault) => number | Promise<number>,
): Promise<number> {
  const vault = await openVault(dir, await passphrases.read('Passphrase'));
  try {
    return await work(vault);
  } finally {
    vault.close();
  }
}

async function vaultCreate(
  dir: string,
  passphrases: PassphraseSource,
  out: (t: string) => void,
): Promise<number> {
  const passphrase = parseOrThrow(Passphrase, await passphrases.readNew('New passphrase'));
  (await createVault(dir, passphrase)).close();
  out(`Vault created in ${dir}`);
  out('Keep the passphrase safe: it cannot be recovered, and without it the vault cannot be opened.');
  return EXIT.ok;
}

async function vaultCheck(
  dir: string,
  passphrases: PassphraseSource,
  values: Values,
  out: (t: string) => void,
) {
  const vault = await openVault(dir, await passphrases.read('Passphrase'), { migrate: false });
  try {
    const repaired = values.repair ? await repairVault(vault) : [];
    const pendingFrom = schemaVersion(vault.db);
    const check = checkVault(vault);
    const pendingMigrations = Math.max(0, LATEST_SCHEMA_VERSION - pendingFrom);
    const ok =
      check.cipherIntegrity.length === 0 &&
      check.notRun.length === 0 &&
      check.integrity.join() === 'ok' &&
      check.foreignKeyProblems === 0;
    if (values.json) {
      out(JSON.stringify({ ...check, pendingMigrations, repaired, ok }, null, 2));
    } else {
      out(`Vault format:        ${check.formatVersion}`);
      out(
        `Schema version:      ${check.schemaVersion} of ${check.latestSchemaVersion}` +
          (pendingMigrations > 0
            ? ` (${pendingMigrations} migration(s) run at next unlock)`
            : ' (up to date)'),
      );
      out(`In force:            the passphrase you entered, the database key of ${check.databaseFile}`);
      out(
        `Page authentication: ${check.cipherIntegrity.length === 0 ? 'ok' : check.cipherIntegrity.join('; ')}`,
      );
      if (check.notRun.length === 0) {
        out(`Database integrity:  ${check.integrity.join('; ')}`);
        out(
          `Foreign keys:        ${check.foreignKeyProblems === 0 ? 'ok' : `${check.foreignKeyProblems} problem(s)`}`,
        );
      } else {
        out(`Not checked:         ${check.notRun.join('; ')}`);
      }
      if (repaired.length > 0) out(`Removed leftovers:   ${repaired.join(', ')}`);
      if (check.leftovers.length > 0)
        out(
          `Leftovers:           ${check.leftovers.join(', ')} (from an interrupted operation, not in use;` +
            ' removed at the next unlock or with --repair)',
        );
      if (check.loosePermissions.length > 0)
        out(
          `Permissions:         others may read ${check.loosePermissions.join(', ')} (tightened at the next unlock)`,
        );
      if (check.readOnly) out(`Read-only:           ${check.readOnly}; changes cannot be saved`);
      out(ok ? 'Vault is healthy.' : 'PROBLEMS FOUND: restore from a backup before writing to this vault.');
    }
    return ok ? EXIT.ok : EXIT.checkFailed;
  } finally {
    vault.close();
  }
}

async function vaultRekey(
  dir: string,
  passphrases: PassphraseSource,
  values: Values,
  out: (t: string) => void,
) {
  const current = await passphrases.read('Current passphrase');
  // Exclusive from the start: a second rekey, or any other program, is refused with VAULT_BUSY.
  let vault = await openVault(dir, current, { lock: 'exclusive' });
  try {
    const next = parseOrThrow(Passphrase, await passphrases.readNew('New passphrase'));
    vault = await changePassphrase(vault, current, next);
    out('Passphrase changed.');
    if (values.reencrypt) {
      vault = await reencryptVault(vault, next);
      out('Database re-encrypted under a new key.');
    }
    return EXIT.ok;
  } finally {
    vault.close();
  }
}

function caseAdd(vault: OpenVault, values: Values, out: (t: string) => void): number {
  if (!values.title || !values.type) throw new UsageError('case add needs --title and --type');
  const type = parseOrThrow(MatterType, values.type);
  const fields = parseOrThrow(MatterFields, {
    title: values.title,
    matterType: type,
    forum: values.forum ?? DEFAULT_FORUM[type],
    reference: values.reference ?? '',
    status: values.status ?? 'draft',
    openedOn: values.opened ?? new Date().toISOString().slice(0, 10),
    summary: values.summary ?? '',
    classification: values.classification ?? 'restricted',
  });
  const matter = new MatterService(() => vaultContext(vault, cliActor)).create(fields);
  out(values.json ? JSON.stringify(matter, null, 2) : matter.id);
  return EXIT.ok;
}

function caseList(vault: OpenVault, values: Values, out: (t: string) => void): number {
  const service = new MatterService(() => vaultContext(vault, cliActor));
  const items: MatterSummary[] = [];
  for (let offset = 0; ; offset += 500) {
    const page = service.list({
      archived: values.archived === true,
      query: values.query ?? '',
      limit: 500,
      offset,
    });
    items.push(...page.items);
    if (items.length >= page.total || page.items.length === 0) break;
  }
  if (values.json) {
    out(JSON.stringify(items, null, 2));
  } else {
    for (const m of items)
      out([m.id, m.reference || '-', m.matterType, m.status, m.openedOn, m.title].join('\t'));
  }
  return EXIT.ok;
}

function findMatter(vault: OpenVault, ref: string): string {
  const db = vault.db;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(ref)) {
    if (db.prepare('SELECT 1 AS x FROM matters WHERE id = $ref AND deleted_at IS NULL').get({ ref }))
      return ref;
  }
  const rows = db
    .prepare('SELECT id FROM matters WHERE lower(reference) = lower($ref) AND deleted_at IS NULL')
    .all({ ref }) as { id: string }[];
  if (rows.length === 1) return rows[0]!.id;
  if (rows.length > 1)
    throw new AmparoError(
      'VALIDATION_FAILED',
      `${rows.length} cases have the reference "${ref}": use the id`,
    );
  throw new AmparoError('NOT_FOUND', `No case with reference or id "${ref}"`);
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function evidenceAdd(
  vault: OpenVault,
  values: Values,
  paths: string[],
  io: CliIo,
  out: (t: string) => void,
): Promise<number> {
  if (!values.case) throw new UsageError('evidence add needs --case REFERENCE-OR-ID');
  if (paths.length === 0) throw new UsageError('evidence add needs at least one file or folder');
  const matterId = findMatter(vault, values.case);
  const isTty = (io.stderr as { isTTY?: boolean }).isTTY === true;
  let lastLine = '';
  const service = new EvidenceService(() => vaultContext(vault, cliActor), new RevealState(Date.now), {
    onProgress: (p) => {
      const percent = p.bytesTotal > 0 ? Math.floor((100 * p.bytesDone) / p.bytesTotal) : 100;
      const line = `[${p.fileIndex + 1}/${p.fileCount}] ${percent}% ${mib(p.bytesDone)} of ${mib(p.bytesTotal)}  ${p.name}`;
      if (isTty) io.stderr.write(`\r\x1b[K${line}`);
      else if (line.split(' ').slice(0, 2).join(' ') !== lastLine) io.stderr.write(`${line}\n`);
      lastLine = line.split(' ').slice(0, 2).join(' ');
    },
  });
  const operationId = randomUUID();
  // Ctrl+C stops cleanly: the file in progress leaves nothing behind; the ones finished stay recorded.
  const onInterrupt = () => service.cancel(operationId);
  process.once('SIGINT', onInterrupt);
  let result: AddEvidenceResult;
  try {
    result = await service.add(
      parseOrThrow(AddEvidenceInput, {
        matterId,
        operationId,
        paths,
        fields: {
          title: values.title ?? '',
          source: values.source ?? '',
          acquisition: values.acquisition ?? '',
          eventDate: values['event-date'] ?? null,
          classification: values.classification ?? 'restricted',
        },
        filing: values['no-exhibit'] ? null : (values.filing ?? ''),
      }),
    );
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    if (isTty) io.stderr.write('\n');
  }
  if (values.json) {
    out(JSON.stringify(result, null, 2));
  } else {
    for (const item of result.added) {
      const exhibit = item.exhibits[0] ? `  exhibit ${item.exhibits[0].number}` : '';
      out(`${item.id}  ${item.sha256}  ${item.size} bytes  ${item.originalName}${exhibit}`);
    }
  }
  for (const name of result.empty)
    io.stderr.write(`amparo: note: ${name} is empty (0 bytes); recorded as received\n`);
  for (const f of result.failed) io.stderr.write(`amparo: ${f.code}: ${f.message}\n`);
  if (result.cancelled) io.stderr.write('amparo: cancelled; nothing was saved of the file in progress\n');
  io.stderr.write(`${result.added.length} added, ${result.failed.length} failed\n`);
  return result.failed.length > 0 || result.cancelled ? EXIT.someFilesFailed : EXIT.ok;
}

async function evidenceVerify(vault: OpenVault, values: Values, out: (t: string) => void): Promise<number> {
  const matterId = values.case ? findMatter(vault, values.case) : undefined;
  const service = new EvidenceService(() => vaultContext(vault, cliActor), new RevealState(Date.now));
  const result = await service.verifyAll({ matterId });
  if (values.json) {
    out(JSON.stringify(result, null, 2));
  } else {
    out(`Checked ${result.checked} item(s): ${result.ok} intact, ${result.problems.length} with problems.`);
    for (const p of result.problems) {
      out(`  ${p.itemId}  ${p.title || '(confidential)'}: ${describeCheck(p.status)}`);
      out(`      recorded at intake: ${p.expectedSha256}`);
      if (p.actualSha256) out(`      found now:          ${p.actualSha256}`);
    }
    if (result.strayFiles > 0)
      out(
        `  ${result.strayFiles} stray file(s) in blobs/ (left by an interrupted intake; removed at a later unlock)`,
      );
    out(
      result.problems.length === 0
        ? 'All evidence is intact.'
        : 'PROBLEMS FOUND: restore the affected files from a backup.',
    );
  }
  return result.problems.length === 0 ? EXIT.ok : EXIT.checkFailed;
}
