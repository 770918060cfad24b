// The vault's files on disk: owner-only whatever the umask, a loose folder tightened, leftovers of
// interrupted operations reported by `vault check` (which changes nothing) and removed at unlock or by
// `--repair`, and a vault on read-only media that opens read-only and says why writes are refused.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AmparoError } from '../../../shared/errors';
import { MatterService } from '../../../electron/core/services/matters';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { changePassphrase, checkVault, createVault, openVault } from '../../../electron/core/vault/vault';
import { precautionaryRequest } from '../../support/fixtures';
import { runAmparo } from '../../support/cli';
import { TEST_KDF, tempDir } from '../../support/temp';
import { VaultHolder } from './support/processes';
import { ListMattersInput } from '../../../shared/schemas/matter';

/** The first page of live cases, as dispatch would parse an empty request. */
const ALL_MATTERS = ListMattersInput.parse({});

const PASS = 'una frase de paso bastante larga 2024';
const opts = { kdfCost: TEST_KDF };
const POSIX = process.platform !== 'win32';

async function modes(dir: string, prefix = ''): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    // Folders are named with a trailing slash.
    out[prefix + entry.name + (entry.isDirectory() ? '/' : '')] = ((await stat(path)).mode & 0o777).toString(
      8,
    );
    if (entry.isDirectory()) Object.assign(out, await modes(path, `${prefix}${entry.name}/`));
  }
  return out;
}

const cases = (vault: Parameters<typeof vaultContext>[0]) =>
  new MatterService(() => vaultContext(vault, () => 'test'));

describe.runIf(POSIX)('owner-only files', () => {
  let umask: number | undefined;
  afterEach(() => {
    if (umask !== undefined) process.umask(umask);
    umask = undefined;
  });

  it('makes every file 0600 and every folder 0700, the database, WAL and SHM too, even with umask 000', async () => {
    umask = process.umask(0);
    const dir = join(await tempDir(), 'boveda');
    const vault = await createVault(dir, PASS, opts);
    cases(vault).create(precautionaryRequest());
    // While open: the WAL and SHM files exist.
    const open = await modes(dir);
    expect(Object.keys(open)).toEqual(
      expect.arrayContaining(['vault-1.db', 'vault-1.db-wal', 'vault-1.db-shm']),
    );
    vault.close();
    expect(Object.keys(open)).toContain('amparo-vault.holders/');
    for (const [name, mode] of Object.entries(open)) {
      expect({ name, mode }).toEqual({ name, mode: name.endsWith('/') ? '700' : '600' });
    }
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
  });

  it('tightens a pre-existing empty folder with mode 0777 when a vault is created in it', async () => {
    const dir = join(await tempDir(), 'abierta');
    await mkdir(dir);
    await chmod(dir, 0o777);
    (await createVault(dir, PASS, opts)).close();
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
  });

  it('reports a loose vault at check (changing nothing) and tightens it at unlock', async () => {
    const dir = join(await tempDir(), 'boveda');
    (await createVault(dir, PASS, opts)).close();
    await chmod(dir, 0o777);
    await chmod(join(dir, 'vault-1.db'), 0o644);
    await chmod(join(dir, 'amparo-vault.json'), 0o666);
    await mkdir(join(dir, 'blobs'), { mode: 0o755 });
    await writeFile(join(dir, 'blobs', 'abc.blob'), 'cifrado', { mode: 0o644 });
    await chmod(join(dir, 'blobs'), 0o755);
    await chmod(join(dir, 'blobs', 'abc.blob'), 0o644);

    const check = await runAmparo(['vault', 'check', dir, '--passphrase-stdin'], `${PASS}\n`);
    expect(check.stdout).toMatch(
      /Permissions: +others may read \., amparo-vault\.json, blobs, blobs\/abc\.blob, vault-1\.db \(/,
    );
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('777');

    (await openVault(dir, PASS, opts)).close();
    const after = await modes(dir);
    expect(after['vault-1.db']).toBe('600');
    expect(after['amparo-vault.json']).toBe('600');
    expect(after['blobs/']).toBe('700');
    expect(after['blobs/abc.blob']).toBe('600');
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('700');
  });
});

describe.runIf(POSIX)('a vault folder that belongs to someone else', () => {
  it('is refused with VAULT_PERMISSIONS when others can change it and its user cannot tighten it', async () => {
    if (process.getuid?.() !== 0) {
      console.log('skipped: needs root to give the folder and its files to two different users');
      return;
    }
    const base = await tempDir();
    await chmod(base, 0o755);
    const dir = join(base, 'compartida');
    (await createVault(dir, PASS, opts)).close();
    // The files are the user's (nobody), the folder root's, and anyone may write into the folder.
    execFileSync('chown', ['-R', '65534:65534', dir]);
    execFileSync('chown', ['0:0', dir]);
    await chmod(dir, 0o777);
    const user = new VaultHolder(dir, 'shared', undefined, 65534);
    try {
      expect(await user.send(PASS)).toBe('error VAULT_PERMISSIONS');
    } finally {
      await user.kill();
    }
    expect(((await stat(dir)).mode & 0o777).toString(8)).toBe('777');
  });
});

describe('leftovers of interrupted operations', () => {
  it('are reported by vault check, which changes nothing, and removed by --repair', async () => {
    const dir = join(await tempDir(), 'boveda');
    (await createVault(dir, PASS, opts)).close();
    await writeFile(join(dir, 'vault-2.db'), 'half a re-encrypted copy');
    await writeFile(join(dir, 'amparo-vault.json.4242.1700000000000.tmp'), '{"half":');

    const check = await runAmparo(['vault', 'check', dir, '--json', '--passphrase-stdin'], `${PASS}\n`);
    expect(check.code).toBe(0);
    const report = JSON.parse(check.stdout) as { leftovers: string[]; databaseFile: string };
    expect(report.leftovers).toEqual(['amparo-vault.json.4242.1700000000000.tmp', 'vault-2.db']);
    expect(report.databaseFile).toBe('vault-1.db');
    expect(existsSync(join(dir, 'vault-2.db'))).toBe(true);
    expect(existsSync(join(dir, 'amparo-vault.json.4242.1700000000000.tmp'))).toBe(true);

    const repair = await runAmparo(['vault', 'check', dir, '--repair', '--passphrase-stdin'], `${PASS}\n`);
    expect(repair.code).toBe(0);
    expect(repair.stdout).toContain(
      'Removed leftovers:   amparo-vault.json.4242.1700000000000.tmp, vault-2.db',
    );
    expect(existsSync(join(dir, 'vault-2.db'))).toBe(false);
    expect(existsSync(join(dir, 'amparo-vault.json.4242.1700000000000.tmp'))).toBe(false);
  });

  it('are removed at unlock: a temporary header left by a crash, and an unused database file', async () => {
    const dir = join(await tempDir(), 'boveda');
    (await createVault(dir, PASS, opts)).close();
    await writeFile(join(dir, 'amparo-vault.json.4242.1700000000000.tmp'), '{"half":');
    await writeFile(join(dir, 'vault-3.db-wal'), 'stray');
    const vault = await openVault(dir, PASS, opts);
    expect(checkVault(vault).leftovers).toEqual([]);
    vault.close();
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp') || n.startsWith('vault-3'))).toEqual([]);
  });
});

/** A read-only view of `source`: a read-only bind mount as root, else permissions alone. */
function readOnlyView(source: string, target: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    execFileSync('chmod', ['-R', 'a-w', source]);
    return () => execFileSync('chmod', ['-R', 'u+w', source]);
  }
  try {
    execFileSync('mount', ['--bind', source, target], { stdio: 'ignore' });
  } catch {
    return null;
  }
  try {
    execFileSync('mount', ['-o', 'remount,bind,ro', target], { stdio: 'ignore' });
  } catch {
    execFileSync('umount', [target]);
    return null;
  }
  return () => execFileSync('umount', [target]);
}

describe.runIf(POSIX)('a vault on read-only media', () => {
  it('opens read-only, lists its cases, and refuses every change with VAULT_READ_ONLY saying why', async () => {
    const base = await tempDir();
    const source = join(base, 'stick');
    const vault = await createVault(source, PASS, opts);
    cases(vault).create(precautionaryRequest({ title: 'Caso en la memoria USB' }));
    vault.close();
    const root = process.getuid?.() === 0;
    const view = root ? join(base, 'mounted') : source;
    if (root) await mkdir(view);
    const undo = readOnlyView(source, view);
    if (!undo) {
      console.log('skipped: running as root without permission to make a read-only bind mount');
      return;
    }
    try {
      const before = await modes(view);
      const ro = await openVault(view, PASS, opts);
      expect(ro.readOnly).toBe(
        root ? 'the vault is on read-only media' : 'you may not write to the vault folder',
      );
      expect(
        cases(ro)
          .list(ALL_MATTERS)
          .items.map((m) => m.title),
      ).toEqual(['Caso en la memoria USB']);
      let refused: unknown;
      try {
        cases(ro).create(precautionaryRequest({ title: 'No se puede' }));
      } catch (error) {
        refused = error;
      }
      expect((refused as AmparoError).code).toBe('VAULT_READ_ONLY');
      expect((refused as AmparoError).message).toContain(ro.readOnly!);
      const rekey = await changePassphrase(ro, PASS, 'otra frase de paso bastante larga', opts).catch(
        (e: unknown) => e,
      );
      expect((rekey as AmparoError).code).toBe('VAULT_READ_ONLY');
      expect(checkVault(ro).ok).toBe(true);
      ro.close();
      expect(await modes(view)).toEqual(before);

      const check = await runAmparo(['vault', 'check', view, '--passphrase-stdin'], `${PASS}\n`);
      expect(check.stdout).toContain(`Read-only:           ${ro.readOnly}`);
      const add = await runAmparo(
        ['case', 'add', view, '--title', 'Nada', '--type', 'petition', '--passphrase-stdin'],
        `${PASS}\n`,
      );
      expect(add.stderr).toContain('VAULT_READ_ONLY');
      expect(add.code).toBe(6);
      // Reading through the command line works too: its unlock and lock write no audit entry there.
      for (const command of [
        ['case', 'list'],
        ['evidence', 'list'],
        ['evidence', 'verify'],
      ]) {
        const read = await runAmparo([...command, view, '--passphrase-stdin'], `${PASS}\n`);
        expect(read.stderr, command.join(' ')).not.toContain('VAULT_READ_ONLY');
        expect(read.code, command.join(' ')).toBe(0);
      }
      const listed = await runAmparo(['case', 'list', view, '--passphrase-stdin'], `${PASS}\n`);
      expect(listed.stdout).toContain('Caso en la memoria USB');
      expect(await modes(view)).toEqual(before);
    } finally {
      undo();
    }
  });

  it('reads what a crashed program committed (its WAL left behind) from read-only media', async () => {
    const base = await tempDir();
    const source = join(base, 'stick');
    (await createVault(source, PASS, opts)).close();
    const crashed = new VaultHolder(source);
    expect(await crashed.send(PASS)).toBe('ready');
    expect(await crashed.send('add Escrito antes del corte')).toBe('ok');
    await crashed.kill();
    expect(await readdir(source)).toEqual(expect.arrayContaining(['vault-1.db-wal', 'vault-1.db-shm']));

    const root = process.getuid?.() === 0;
    const view = root ? join(base, 'mounted') : source;
    if (root) await mkdir(view);
    const undo = readOnlyView(source, view);
    if (!undo) {
      console.log('skipped: running as root without permission to make a read-only bind mount');
      return;
    }
    try {
      const ro = await openVault(view, PASS, opts);
      expect(ro.readOnly).not.toBeNull();
      expect(
        cases(ro)
          .list(ALL_MATTERS)
          .items.map((m) => m.title),
      ).toEqual(['Escrito antes del corte']);
      ro.close();
    } finally {
      undo();
    }
  });
});
