// `amparo vault create | check | rekey`.
import { contract } from '../../../shared/contract';
import { AmparoError } from '../../../shared/errors';
import { toIssues } from '../../core/ipc/dispatch';
import { LATEST_SCHEMA_VERSION } from '../../core/vault/migrations';
import { schemaVersion } from '../../core/vault/migrate';
import { checkVault, openVault, repairVault } from '../../core/vault/vault';
import { withCore } from '../core-client';
import { escapeForTerminal, toTerminalJson } from '../escape';
import { EXIT } from '../exit';
import { flag, type Command } from './types';

const passphraseOption = { 'passphrase-stdin': { type: 'boolean' } } as const;

export const vaultCreate: Command = {
  name: 'vault create',
  usage: 'vault create <dir>                 Create a vault in an empty or new folder',
  options: passphraseOption,
  async run({ dir, passphrases, io, out }) {
    const passphrase = await passphrases.readNew('New passphrase');
    await withCore(io.stderr, (core) => core.call('vault:create', { path: dir, passphrase }));
    out(`Vault created in ${escapeForTerminal(dir)}`);
    out('Keep the passphrase safe: it cannot be recovered, and without it the vault cannot be opened.');
    return EXIT.ok;
  },
};

export const vaultCheck: Command = {
  name: 'vault check',
  usage:
    'vault check <dir> [--json] [--repair]\n' +
    '                                     Verify encryption, integrity and schema version; changes\n' +
    '                                     nothing unless --repair removes what interrupted operations left',
  options: { ...passphraseOption, json: { type: 'boolean' }, repair: { type: 'boolean' } },
  // A check changes nothing: no migration, no audit entry. So it reads the vault through the vault module
  // directly instead of unlocking a session (which migrates and records the unlock); the passphrase is
  // still validated by the contract's unlock schema.
  async run({ dir, passphrases, values, out }) {
    const input = contract['vault:unlock'].input.safeParse({
      path: dir,
      passphrase: await passphrases.read('Passphrase'),
    });
    if (!input.success)
      throw new AmparoError('VALIDATION_FAILED', 'Invalid input', { issues: toIssues(input.error) });
    const vault = await openVault(input.data.path, input.data.passphrase, { migrate: false });
    try {
      const repaired = flag(values, 'repair') ? await repairVault(vault) : [];
      const pendingFrom = schemaVersion(vault.db);
      const check = checkVault(vault);
      const pendingMigrations = Math.max(0, LATEST_SCHEMA_VERSION - pendingFrom);
      const ok =
        check.cipherIntegrity.length === 0 &&
        check.notRun.length === 0 &&
        check.integrity.join() === 'ok' &&
        check.foreignKeyProblems === 0;
      if (flag(values, 'json')) {
        out(toTerminalJson({ ...check, pendingMigrations, repaired, ok }));
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
        if (repaired.length > 0) out(`Removed leftovers:   ${repaired.map(escapeForTerminal).join(', ')}`);
        if (check.leftovers.length > 0)
          out(
            `Leftovers:           ${check.leftovers.map(escapeForTerminal).join(', ')} (from an interrupted` +
              ' operation, not in use; removed at the next unlock or with --repair)',
          );
        if (check.loosePermissions.length > 0)
          out(
            `Permissions:         others may read ${check.loosePermissions.map(escapeForTerminal).join(', ')}` +
              ' (tightened at the next unlock)',
          );
        if (check.readOnly) out(`Read-only:           ${check.readOnly}; changes cannot be saved`);
        out(ok ? 'Vault is healthy.' : 'PROBLEMS FOUND: restore from a backup before writing to this vault.');
      }
      return ok ? EXIT.ok : EXIT.checkFailed;
    } finally {
      vault.close();
    }
  },
};

export const vaultRekey: Command = {
  name: 'vault rekey',
  usage:
    'vault rekey <dir> [--reencrypt]    Change the passphrase; --reencrypt also replaces the database key',
  options: { ...passphraseOption, reencrypt: { type: 'boolean' } },
  async run({ dir, passphrases, values, io, out }) {
    const current = await passphrases.read('Current passphrase');
    return withCore(
      io.stderr,
      async (core) => {
        await core.call('vault:unlock', { path: dir, passphrase: current });
        const next = await passphrases.readNew('New passphrase');
        await core.call('vault:changePassphrase', { current, next });
        out('Passphrase changed.');
        if (flag(values, 'reencrypt')) {
          await core.call('vault:reencrypt', { passphrase: next });
          out('Database re-encrypted under a new key.');
        }
        return EXIT.ok;
      },
      { lock: 'exclusive' },
    );
  },
};
