// `amparo backup <dir> <folder>` and `amparo restore FILE <new-vault-dir>`. Passphrases: the vault's on the
// first line (for restore: the new vault's), the backup's on the second.
import { resolve } from 'node:path';
import { withCore, withUnlockedVault } from '../core-client';
import { escapeForTerminal as esc } from '../escape';
import { EXIT } from '../exit';
import { UsageError } from '../io';
import { text, type Command } from './types';

export const backup: Command = {
  name: 'backup',
  usage: 'backup <dir> <folder> [--keep N]    Write a full encrypted, signed backup; keep the newest N (5)',
  options: { 'passphrase-stdin': { type: 'boolean' }, keep: { type: 'string' } },
  args: 'paths',
  async run(ctx) {
    if (ctx.args.length !== 1) throw new UsageError('backup needs the vault folder and one backup folder');
    const keep = Number(text(ctx.values, 'keep') ?? 5);
    if (!Number.isInteger(keep) || keep < 1)
      throw new UsageError('--keep needs a whole number of backups, 1 or more');
    return withUnlockedVault(ctx, async (core) => {
      const passphrase = await ctx.passphrases.readNew('Backup passphrase');
      const result = await core.call('backup:run', { folder: resolve(ctx.args[0]!), passphrase, keep });
      ctx.out(`Backup ${result.bundleId} written to ${esc(result.path)} (${result.size} bytes)`);
      for (const old of result.removed) ctx.out(`Removed older backup ${esc(old)}`);
      return EXIT.ok;
    });
  },
};

export const restore: Command = {
  name: 'restore',
  usage: 'restore FILE <new-vault-dir>         Rebuild a vault from a backup into a new folder',
  options: { 'passphrase-stdin': { type: 'boolean' } },
  vault: false,
  args: 'paths',
  async run(ctx) {
    if (ctx.args.length !== 2) throw new UsageError('restore needs the backup FILE and a new vault folder');
    const [file, folder] = ctx.args as [string, string];
    const vaultPassphrase = await ctx.passphrases.readNew('New vault passphrase');
    const passphrase = await ctx.passphrases.read('Backup passphrase');
    return withCore(ctx.io.stderr, async (core) => {
      const result = await core.call('backup:restore', {
        file: resolve(file),
        passphrase,
        folder: resolve(folder),
        vaultPassphrase,
      });
      ctx.out(
        `Vault restored in ${esc(resolve(folder))}: ${result.added} records, ${result.attachments} attachments.`,
      );
      return EXIT.ok;
    });
  },
};
