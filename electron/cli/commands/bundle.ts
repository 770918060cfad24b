// `amparo bundle export | verify | import` and `amparo vault identity`. Passphrases: the vault's on the
// first line of stdin (or the first prompt), the bundle's on the second.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { BundleKey, BundleSummary, ConflictChoice } from '../../../shared/schemas/bundles';
import { AmparoError } from '../../../shared/errors';
import {
  caseLabel,
  conflictView,
  leftOutLabel,
  recordKind,
  wordsFrom,
} from '../../../shared/bundle-labels-format';
import en from '../../../shared/i18n/en.json';
import { verifyBundle } from '../../core/bundles/verify';
import { groupedFingerprint } from '../../core/bundles/identity';
import { withUnlockedVault } from '../core-client';
import { escapeForTerminal as esc, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { flag, text, type Command, type Values } from './types';

const PASS = { 'passphrase-stdin': { type: 'boolean' } } as const;
/** The terminal speaks English, in the app's own words for records and fields. */
const WORDS = wordsFrom(en, 'en');

/** The age identity in a key file as age-keygen writes it (comment lines, then AGE-SECRET-KEY-1…). */
async function identityFile(path: string): Promise<string> {
  let content: string;
  try {
    content = await readFile(resolve(path), 'utf8');
  } catch (error) {
    throw new AmparoError('FILE_UNREADABLE', `Cannot read the identity file ${path}`, { cause: error });
  }
  const line = content.split(/\r?\n/).find((l) => l.startsWith('AGE-SECRET-KEY-1'));
  if (!line) throw new UsageError(`${path} holds no age identity (AGE-SECRET-KEY-1…)`);
  return line.trim();
}

async function bundleKey(values: Values, read: (prompt: string) => Promise<string>): Promise<BundleKey> {
  const identity = text(values, 'identity');
  if (identity) return { identity: await identityFile(identity) };
  if (flag(values, 'own-key')) return {};
  return { passphrase: await read('Bundle passphrase') };
}

function printSummary(out: (t: string) => void, s: BundleSummary): void {
  out(`Bundle:        ${s.bundleId} (${s.kind}, made ${s.createdAt})`);
  out(
    `Signer:        ${groupedFingerprint(s.signerFingerprint)} (${s.signerKnown ? 'known' : 'NOT KNOWN to this vault'})`,
  );
  out(`Cases:         ${s.cases.map((c) => esc(caseLabel(c) ?? c.id)).join(', ')}`);
  for (const c of s.counts) out(`  ${recordKind(WORDS, c.kind, true).padEnd(36)} ${c.count}`);
  out(`Attachments:   ${s.attachments}`);
  out(
    `Redaction:     ${s.redaction.profile === 'profile' ? `profile ${esc(s.redaction.profileName ?? '')}` : s.redaction.profile}${s.redaction.leftOut.map((l) => `; ${l.count} ${leftOutLabel(WORDS, l.kind)} left out`).join('')}`,
  );
  if (s.since) out(`Since bundle:  ${s.since}`);
  out(`Size:          ${s.size} bytes`);
}

/**
 * `--redact`: none, pseudonyms-only, or a filings redaction profile by id, built-in key (state) or name
 * (case-insensitive), as `filing generate --profile` names them.
 */
async function redactionChoice(
  ref: string | undefined,
  profiles: () => Promise<{ id: string; name: string; base: string | null; builtIn: boolean }[]>,
): Promise<{ redaction: 'none' | 'pseudonyms-only'; redactionProfileId?: string }> {
  if (ref === undefined || ref === 'none' || ref === 'pseudonyms-only') return { redaction: ref ?? 'none' };
  const all = await profiles();
  const found =
    all.find((p) => p.id === ref) ??
    all.find((p) => p.builtIn && p.base === ref) ??
    all.find((p) => p.name.toLocaleLowerCase() === ref.toLocaleLowerCase());
  if (!found) {
    const names = all.map((p) => (p.builtIn && p.base ? `${p.base} (${p.name})` : p.name));
    throw new UsageError(
      `No redaction profile ${esc(ref)}; profiles: none, pseudonyms-only, ${names.map(esc).join(', ')}`,
    );
  }
  return { redaction: 'none', redactionProfileId: found.id };
}

export const bundleExport: Command = {
  name: 'bundle export',
  usage: `bundle export <dir> --case REF... --out FILE (--to-passphrase | --to AGE-RECIPIENT...)
               [--redact pseudonyms-only|PROFILE] [--omit-evidence ID...] [--since BUNDLE-ID]
                                     Write one or several cases as an encrypted, signed bundle`,
  options: {
    ...PASS,
    case: { type: 'string', multiple: true },
    out: { type: 'string' },
    'to-passphrase': { type: 'boolean' },
    to: { type: 'string', multiple: true },
    redact: { type: 'string' },
    'omit-evidence': { type: 'string', multiple: true },
    since: { type: 'string' },
  },
  async run(ctx) {
    const { values, out, note } = ctx;
    const refs = (values.case as string[] | undefined) ?? [];
    const target = text(values, 'out');
    const recipients = (values.to as string[] | undefined) ?? [];
    if (refs.length === 0) throw new UsageError('bundle export needs --case REF (one or more)');
    if (!target) throw new UsageError('bundle export needs --out FILE');
    if (flag(values, 'to-passphrase') === recipients.length > 0)
      throw new UsageError('bundle export needs either --to-passphrase or --to AGE-RECIPIENT');
    return withUnlockedVault(ctx, async (core) => {
      const seal =
        recipients.length > 0
          ? { recipients }
          : { passphrase: await ctx.passphrases.readNew('Bundle passphrase') };
      const matterIds = [];
      for (const ref of refs) matterIds.push((await core.call('matters:find', { ref })).id);
      const stop = core.onEvent('bundles:progress', (p) =>
        note(`${Math.floor((p.bytesDone / Math.max(1, p.bytesTotal)) * 100)}%`),
      );
      try {
        const result = await core.call('bundles:export', {
          matterIds,
          out: resolve(target),
          seal,
          ...(await redactionChoice(text(values, 'redact'), () => core.call('filingProfiles:list', {}))),
          omitEvidence: (values['omit-evidence'] as string[] | undefined) ?? [],
          since: text(values, 'since') ?? null,
        });
        out(`Bundle ${result.bundleId} written to ${esc(result.path)} (${result.size} bytes)`);
        out(`${result.records} records, ${result.attachments} attachments`);
        for (const l of result.leftOut) out(`Left out: ${l.count} ${l.kind}`);
      } finally {
        stop();
      }
      return EXIT.ok;
    });
  },
};

export const bundleVerify: Command = {
  name: 'bundle verify',
  usage: `bundle verify FILE [--identity KEY-FILE] [--json]
                                     Check a bundle (decrypt, signature, every hash and record); writes nothing`,
  options: { ...PASS, identity: { type: 'string' }, json: { type: 'boolean' } },
  vault: false,
  args: 'paths',
  async run({ args, values, passphrases, out }) {
    if (args.length !== 1) throw new UsageError('bundle verify needs exactly one FILE');
    const key = await bundleKey(values, (p) => passphrases.read(p));
    const unseal = key.identity ? { identities: [key.identity] } : { passphrase: key.passphrase! };
    try {
      const summary = await verifyBundle(resolve(args[0]!), unseal);
      if (flag(values, 'json')) out(toTerminalJson({ ok: true, ...summary }));
      else {
        printSummary(out, summary);
        out('Bundle is intact: signature and every hash verified.');
      }
      return EXIT.ok;
    } catch (error) {
      if (error instanceof AmparoError && flag(values, 'json'))
        out(toTerminalJson({ ok: false, code: error.code, message: error.message }));
      throw error;
    }
  },
};

export const bundleImport: Command = {
  name: 'bundle import',
  usage: `bundle import <dir> FILE [--identity KEY-FILE | --own-key] [--confirm-signer FINGERPRINT]
               [--on-conflict mine|theirs|both] [--json]
                                     Import a bundle; lists conflicts (exit 10) unless --on-conflict decides`,
  options: {
    ...PASS,
    identity: { type: 'string' },
    'own-key': { type: 'boolean' },
    'confirm-signer': { type: 'string' },
    'on-conflict': { type: 'string' },
    json: { type: 'boolean' },
  },
  args: 'paths',
  async run(ctx) {
    const { args, values, out } = ctx;
    if (args.length !== 1) throw new UsageError('bundle import needs exactly one FILE');
    return withUnlockedVault(ctx, async (core) => {
      const key = await bundleKey(values, (p) => ctx.passphrases.read(p));
      const onConflict = text(values, 'on-conflict') as ConflictChoice | undefined;
      const confirm = text(values, 'confirm-signer')?.replace(/\s+/g, '').toLowerCase();
      const result = await core.call('bundles:import', {
        file: resolve(args[0]!),
        key,
        ...(confirm ? { confirmSigner: confirm } : {}),
        ...(onConflict ? { onConflict } : {}),
      });
      if (flag(values, 'json')) out(toTerminalJson(result));
      else {
        printSummary(out, result.summary);
        if (result.status === 'conflicts') {
          out(
            `${result.conflicts.length} record(s) changed both here and in the bundle; nothing was imported:`,
          );
          for (const c of result.conflicts) {
            const view = conflictView(WORDS, c, result.summary.cases);
            const what = view.name ? `${view.kind} «${view.name}»` : view.kind;
            const where = view.caseName ? ` in case «${view.caseName}»` : '';
            const changed = [...view.rows.map((r) => r.label), ...(view.deleted ? ['deleted'] : [])];
            out(
              `  ${esc(what + where)}: ${changed.length ? changed.join(', ') : 'saved again, nothing visible differs'}`,
            );
          }
          out('Run again with --on-conflict mine|theirs|both.');
        } else {
          out(
            `Imported: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged, ${result.attachments} attachments.`,
          );
        }
      }
      return result.status === 'conflicts' ? EXIT.conflicts : EXIT.ok;
    });
  },
};

export const vaultIdentity: Command = {
  name: 'vault identity',
  usage: "vault identity <dir>               Print the vault's age public key and signing fingerprint",
  options: PASS,
  async run(ctx) {
    return withUnlockedVault(ctx, async (core) => {
      const id = await core.call('vault:identity', {});
      ctx.out(`age public key:       ${id.ageRecipient}`);
      ctx.out(`signing fingerprint:  ${id.fingerprintGrouped}`);
      return EXIT.ok;
    });
  },
};
