// The `amparo` command line against real vault folders: in-process for most cases, and once as a real
// child process through bin/amparo.cjs, the way a user or a script runs it.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { HEADER_FILE } from '../../../electron/core/vault/header';
import { runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';

const amparo = runAmparo;

describe('amparo command line', () => {
  it('creates a vault, adds and lists cases, and checks the vault', async () => {
    const dir = join(await tempDir(), 'boveda');
    const created = await amparo(['vault', 'create', dir, '--passphrase-stdin'], `${PASS}\n`);
    expect(created).toMatchObject({ code: EXIT.ok });
    expect(created.stdout).toContain('cannot be recovered');

    const added = await amparo(
      [
        'case',
        'add',
        dir,
        '--passphrase-stdin',
        '--title',
        'A.L.Q.O. — amenazas',
        '--type',
        'precautionary_request',
        '--reference',
        'MC-1008-19',
      ],
      `${PASS}\n`,
    );
    expect(added.code).toBe(EXIT.ok);
    const id = added.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await amparo(
      ['case', 'add', dir, '--passphrase-stdin', '--title', 'Petición P-1234-18', '--type', 'petition'],
      `${PASS}\n`,
    );

    const listed = await amparo(['case', 'list', dir, '--json', '--passphrase-stdin'], `${PASS}\n`);
    const items = JSON.parse(listed.stdout) as {
      id: string;
      forum: string;
      reference: string;
      status: string;
    }[];
    expect(items).toHaveLength(2);
    expect(items.find((m) => m.id === id)).toMatchObject({
      forum: 'iachr',
      reference: 'MC-1008-19',
      status: 'draft',
    });

    const found = await amparo(
      ['case', 'list', dir, '--query', 'amenazas', '--passphrase-stdin'],
      `${PASS}\n`,
    );
    expect(found.stdout.trim().split('\n')).toHaveLength(1);

    const check = await amparo(['vault', 'check', dir, '--json', '--passphrase-stdin'], `${PASS}\n`);
    expect(check.code).toBe(EXIT.ok);
    expect(JSON.parse(check.stdout)).toMatchObject({ ok: true, pendingMigrations: 0, cipherIntegrity: [] });
  });

  it('answers bad input with documented exit codes and clear messages', async () => {
    const dir = join(await tempDir(), 'boveda');
    expect((await amparo(['vault', 'create', dir, '--passphrase-stdin'], 'short\n')).code).toBe(EXIT.usage);
    await amparo(['vault', 'create', dir, '--passphrase-stdin'], `${PASS}\n`);

    const wrong = await amparo(['case', 'list', dir, '--passphrase-stdin'], 'not the passphrase\n');
    expect(wrong.code).toBe(EXIT.wrongPassphrase);
    expect(wrong.stderr).toContain('WRONG_PASSPHRASE');

    const badType = await amparo(
      ['case', 'add', dir, '--passphrase-stdin', '--title', 'X', '--type', 'lawsuit'],
      `${PASS}\n`,
    );
    expect(badType.code).toBe(EXIT.usage);
    expect(badType.stderr).toContain('VALIDATION_FAILED');

    const noTty = await amparo(['case', 'list', dir]);
    expect(noTty.code).toBe(EXIT.usage);
    expect(noTty.stderr).toContain('--passphrase-stdin');

    expect((await amparo(['case', 'list', await tempDir(), '--passphrase-stdin'], `${PASS}\n`)).code).toBe(
      EXIT.vaultUnusable,
    );
    expect((await amparo(['case', 'frobnicate', dir])).code).toBe(EXIT.usage);
    expect((await amparo(['--passphrase', PASS, 'case', 'list', dir])).code).toBe(EXIT.usage);
    expect((await amparo(['--version'])).stdout.trim()).toBe('9.9.9');

    const header = join(dir, HEADER_FILE);
    await writeFile(header, (await readFile(header, 'utf8')).replace('"argon2id"', '"argon2i"'));
    const damaged = await amparo(['vault', 'check', dir, '--passphrase-stdin'], `${PASS}\n`);
    expect(damaged.code).toBe(EXIT.vaultUnusable);
    expect(damaged.stderr).toContain('HEADER_DAMAGED');
  });

  it('changes the passphrase and re-encrypts with vault rekey', async () => {
    const dir = join(await tempDir(), 'boveda');
    await amparo(['vault', 'create', dir, '--passphrase-stdin'], `${PASS}\n`);
    await amparo(
      ['case', 'add', dir, '--passphrase-stdin', '--title', 'Caso', '--type', 'case'],
      `${PASS}\n`,
    );
    const next = 'otra clave todavía más larga';
    const rekey = await amparo(
      ['vault', 'rekey', dir, '--reencrypt', '--passphrase-stdin'],
      `${PASS}\n${next}\n`,
    );
    expect(rekey).toMatchObject({ code: EXIT.ok });
    expect(rekey.stdout).toContain('re-encrypted');
    expect((await amparo(['case', 'list', dir, '--passphrase-stdin'], `${PASS}\n`)).code).toBe(
      EXIT.wrongPassphrase,
    );
    const listed = await amparo(['case', 'list', dir, '--json', '--passphrase-stdin'], `${next}\n`);
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
  });

  it('runs as a real command through bin/amparo.cjs', async () => {
    const dir = join(await tempDir(), 'boveda');
    const run = (args: string[], input: string) =>
      new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          [join(__dirname, '../../../bin/amparo.cjs'), ...args],
          (error, stdout, stderr) =>
            resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
        child.stdin!.end(input);
      });
    expect((await run(['vault', 'create', dir, '--passphrase-stdin'], `${PASS}\n`)).code).toBe(0);
    const wrong = await run(['case', 'list', dir, '--passphrase-stdin'], 'nope\n');
    expect(wrong.code).toBe(EXIT.wrongPassphrase);
    expect(wrong.stderr).toContain('WRONG_PASSPHRASE');
  });
});
