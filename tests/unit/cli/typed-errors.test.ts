// Faults a user meets, each through the real `amparo` process: a typed code, its documented exit status and
// a sentence a person can act on. Never a stack trace, a raw translation key or SQLCipher's own log lines.
import { execFileSync } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, rm, statfs, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import en from '../../../shared/i18n/en.json';
import { openVault } from '../../../electron/core/vault/vault';
import { createTestVault, execAmparo, runAmparo, type CliRun } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';
const NEXT = 'otra clave todavía más larga';
const CASE_JSON = JSON.stringify({ title: 'Caso de prueba', type: 'case' });

/** Every key of the app's translations (`validation.required`, `deadline.error.zone`…). */
const TRANSLATION_KEYS: string[] = (function keys(tree: object, prefix: string): string[] {
  return Object.entries(tree).flatMap(([name, value]) =>
    typeof value === 'string' ? [`${prefix}${name}`] : keys(value as object, `${prefix}${name}.`),
  );
})(en, '');

/** What every failure must look like on stderr, whatever the fault. */
function expectTypedFailure(run: CliRun, code: string, status: number, sentence: RegExp): void {
  expect(run.code, run.stderr).toBe(status);
  expect(run.stderr).toContain(`amparo: ${code}: `);
  expect(run.stderr).toMatch(sentence);
  expect(run.stderr).not.toMatch(/^\s+at .+[:(]\d+/m); // no stack frame
  for (const key of TRANSLATION_KEYS) expect(run.stderr, 'a raw translation key').not.toContain(key);
  expect(run.stderr).not.toMatch(/hmac check failed|ERROR CORE|sqlcipher_/i);
}

const newVault = (dir: string) => createTestVault(dir, PASS);

const mounts: string[] = [];
afterAll(async () => {
  for (const dir of mounts) {
    execFileSync('umount', [dir]);
    await rm(dir, { recursive: true });
  }
});

describe('amparo reports faults as typed errors', () => {
  it('case add while another program holds the write lock: VAULT_BUSY', async () => {
    const dir = join(await tempDir(), 'boveda');
    await newVault(dir);
    const other = await openVault(dir, PASS);
    other.db.exec('BEGIN IMMEDIATE');
    try {
      const run = await execAmparo(
        ['case', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
        `${PASS}\n${CASE_JSON}`,
      );
      expectTypedFailure(run, 'VAULT_BUSY', EXIT.io, /The vault is open in another program/);
    } finally {
      other.db.exec('ROLLBACK');
      other.close();
    }
    // Once the other program is done, the same command works.
    const again = await execAmparo(
      ['case', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
      `${PASS}\n${CASE_JSON}`,
    );
    expect(again.code, again.stderr).toBe(EXIT.ok);
  });

  it('an empty passphrase line at unlock: VALIDATION_FAILED in plain words', async () => {
    const dir = join(await tempDir(), 'boveda');
    await newVault(dir);
    for (const command of [
      ['case', 'list'],
      ['vault', 'check'],
    ]) {
      const run = await execAmparo([...command, dir, '--passphrase-stdin'], '\n');
      expectTypedFailure(run, 'VALIDATION_FAILED', EXIT.usage, /passphrase: This field is required\./);
    }
    const short = await execAmparo(
      ['vault', 'create', join(dir, '..', 'otra'), '--passphrase-stdin'],
      'corta\n',
    );
    expectTypedFailure(short, 'VALIDATION_FAILED', EXIT.usage, /at least 12 characters/);
  });

  it('field problems in plain words, each once, whatever the command', async () => {
    const work = await tempDir();
    const dir = join(work, 'boveda');
    await newVault(dir);
    const file = join(work, 'acta.txt');
    await writeFile(file, 'acta');
    expect(
      (
        await execAmparo(
          ['case', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
          `${PASS}\n${JSON.stringify({ title: 'Caso', type: 'case', reference: 'R-1' })}`,
        )
      ).code,
    ).toBe(EXIT.ok);
    const run = await execAmparo(
      ['evidence', 'add', dir, '--passphrase-stdin', '--from-json', '-', file],
      `${PASS}\n${JSON.stringify({ case: 'R-1', 'event-date': '99-1', title: 'x'.repeat(3000) })}`,
    );
    expectTypedFailure(run, 'VALIDATION_FAILED', EXIT.usage, /Check the fields and try again/);
    const lines = run.stderr.split('\n').filter((line) => line.startsWith('  fields.'));
    expect(lines).toEqual([
      '  fields.title: This is too long.',
      '  fields.eventDate: Enter a real date (YYYY-MM-DD).',
    ]);
  });

  it('permission denied at vault create: IO_ERROR', async () => {
    const work = await tempDir();
    const locked = join(work, 'solo-lectura');
    await mkdir(locked);
    const asRoot = process.getuid?.() === 0;
    // Root ignores permission bits, so as root the command runs as the unprivileged user "nobody".
    await chmod(work, 0o755);
    await chmod(locked, asRoot ? 0o755 : 0o500);
    const run = await execAmparo(
      ['vault', 'create', join(locked, 'boveda'), '--passphrase-stdin'],
      `${PASS}\n`,
      asRoot ? { uid: 65534, gid: 65534, cwd: work } : {},
    );
    await chmod(locked, 0o700);
    expectTypedFailure(run, 'IO_ERROR', EXIT.io, /permission denied/);
    expect(run.stderr).toMatch(/Check the disk and its permissions/);
  });

  it('a database path that is a folder: IO_ERROR, and a damaged first page: DATABASE_DAMAGED', async () => {
    const dir = join(await tempDir(), 'boveda');
    await newVault(dir);
    const dbFile = join(dir, 'vault-1.db');
    const bytes = await readFile(dbFile);
    await rm(dbFile);
    await mkdir(dbFile);
    const folder = await execAmparo(['case', 'list', dir, '--passphrase-stdin'], `${PASS}\n`);
    expectTypedFailure(folder, 'IO_ERROR', EXIT.io, /could not read or write the vault's files/);

    // A damaged page makes SQLCipher log "hmac check failed" itself: none of it may reach stderr.
    await rm(dbFile, { recursive: true });
    bytes.fill(0x5a, 100, 400);
    await writeFile(dbFile, bytes);
    const damaged = await execAmparo(['case', 'list', dir, '--passphrase-stdin'], `${PASS}\n`);
    expectTypedFailure(damaged, 'DATABASE_DAMAGED', EXIT.vaultUnusable, /database is damaged/);
  });

  it('vault rekey --reencrypt on a full disk: DISK_FULL, and the vault still opens', async (context) => {
    // Not a tempDir(): that one is removed after each test, before the tmpfs is unmounted.
    const mountPoint = await mkdtemp(join(tmpdir(), 'amparo-tmpfs-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m,mode=0700', 'tmpfs', mountPoint], {
        stdio: 'pipe',
      });
      mounts.push(mountPoint);
    } catch (error) {
      console.warn(
        `skipped: cannot mount a 4 MiB tmpfs to fill (${(error as Error).message.split('\n')[0]})`,
      );
      context.skip();
    }
    const dir = join(mountPoint, 'boveda');
    await newVault(dir);
    for (let i = 0; i < 3; i++)
      await runAmparo(
        ['case', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
        `${PASS}\n${CASE_JSON}`,
      );
    // Fill the disk, leaving room for a new header but not for a copy of the database.
    const free = await statfs(mountPoint);
    await writeFile(join(mountPoint, 'relleno'), Buffer.alloc(Number(free.bavail * free.bsize) - 128 * 1024));
    const run = await execAmparo(
      ['vault', 'rekey', dir, '--reencrypt', '--passphrase-stdin'],
      `${PASS}\n${NEXT}\n`,
    );
    expectTypedFailure(run, 'DISK_FULL', EXIT.io, /The disk is full\. Nothing was half-saved/);
    // The passphrase change (done first) is in force and said so; the database is untouched.
    expect(run.stdout).toContain('Passphrase changed.');
    await rm(join(mountPoint, 'relleno'));
    const listed = await runAmparo(['case', 'list', dir, '--json', '--passphrase-stdin'], `${NEXT}\n`);
    expect(JSON.parse(listed.stdout)).toHaveLength(3);
    const check = await runAmparo(['vault', 'check', dir, '--passphrase-stdin'], `${NEXT}\n`);
    expect(check.code, check.stdout).toBe(EXIT.ok);
  });
});
