// The vault lock across real processes: a separate Node process holds a vault while this one tries to
// re-encrypt it, two `amparo vault rekey` run at once, and processes are killed with SIGKILL.
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AmparoError } from '../../../shared/errors';
import { MatterService } from '../../../electron/core/services/matters';
import { vaultContext } from '../../../electron/core/services/vault-context';
import { changePassphrase, createVault, openVault, reencryptVault } from '../../../electron/core/vault/vault';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';
import { amparoProcess, VaultHolder } from './support/processes';
import { ListMattersInput } from '../../../shared/schemas/matter';

/** The first page of live cases, as dispatch would parse an empty request. */
const ALL_MATTERS = ListMattersInput.parse({});

const PASS = 'una frase de paso bastante larga 2024';
const opts = { kdfCost: TEST_KDF };
const holders: VaultHolder[] = [];

function holderNotes(dir: string): { pid: number; mode: string }[] {
  try {
    return readdirSync(join(dir, 'amparo-vault.holders')).flatMap((name) => {
      try {
        return [
          JSON.parse(readFileSync(join(dir, 'amparo-vault.holders', name), 'utf8')) as {
            pid: number;
            mode: string;
          },
        ];
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

afterEach(async () => {
  await Promise.all(holders.splice(0).map((h) => h.kill()));
});

async function holder(dir: string, mode: 'shared' | 'exclusive' = 'shared', program?: string) {
  const h = new VaultHolder(dir, mode, program);
  holders.push(h);
  return h;
}

async function failure(promise: Promise<unknown>): Promise<AmparoError> {
  const error = await promise.then(
    () => new Error('expected a failure, but it succeeded'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AmparoError);
  return error as AmparoError;
}

const titles = (vault: Parameters<typeof vaultContext>[0]) =>
  new MatterService(() => vaultContext(vault, () => 'test'))
    .list(ALL_MATTERS)
    .items.map((m) => m.title)
    .sort();

describe('the vault lock', () => {
  it('refuses re-encryption while another program has the vault open, naming it, and loses none of its cases', async () => {
    const dir = await tempDir();
    (await createVault(dir, PASS, opts)).close();
    const other = await holder(dir, 'shared', 'the desktop stand-in');
    expect(await other.send(PASS)).toBe('ready');
    expect(await other.send('add Caso del otro programa 1')).toBe('ok');

    const mine = await openVault(dir, PASS, opts);
    const busy = await failure(reencryptVault(mine, PASS));
    expect(busy.code).toBe('VAULT_BUSY');
    expect(busy.message).toContain(`the desktop stand-in (pid ${other.pid})`);
    expect(busy.message).toMatch(/since \d\d:\d\d/);
    const refused = await failure(changePassphrase(mine, PASS, 'otra frase de paso muy larga', opts));
    expect(refused.code).toBe('VAULT_BUSY');

    // The other program keeps writing into the database that is still in force.
    expect(await other.send('add Caso del otro programa 2')).toBe('ok');
    mine.close();
    expect(await other.send('close')).toBe('ok');

    const after = await openVault(dir, PASS, opts);
    expect(titles(after)).toEqual(['Caso del otro programa 1', 'Caso del otro programa 2']);
    expect(after.header.database.file).toBe('vault-1.db');
    after.close();
  });

  it('is released by the OS when a holder is killed, and its stale note is not named', async () => {
    const dir = await tempDir();
    (await createVault(dir, PASS, opts)).close();
    const crashed = await holder(dir, 'shared', 'the crashing program');
    expect(await crashed.send(PASS)).toBe('ready');
    await crashed.kill();
    // The note of the killed process is still on disk: only the OS lock was released.
    expect((await readdir(join(dir, 'amparo-vault.holders'))).length).toBe(1);

    const alive = await holder(dir, 'shared', 'the living program');
    expect(await alive.send(PASS)).toBe('ready');
    const mine = await openVault(dir, PASS, opts);
    const busy = await failure(reencryptVault(mine, PASS));
    expect(busy.message).toContain('the living program');
    expect(busy.message).not.toContain('the crashing program');
    await alive.kill();

    const reencrypted = await reencryptVault(mine, PASS);
    expect(reencrypted.header.database.file).toBe('vault-2.db');
    reencrypted.close();
  });

  it('lets a process re-encrypt the vault it has open, then holds it shared again', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    new MatterService(() => vaultContext(vault, () => 'test')).create(
      precautionaryRequest({ title: 'Antes' }),
    );
    const reencrypted = await reencryptVault(vault, PASS);
    const changed = await changePassphrase(reencrypted, PASS, 'otra frase de paso muy larga', opts);
    new MatterService(() => vaultContext(changed, () => 'test')).create(
      precautionaryRequest({ title: 'Después' }),
    );

    // Still held (shared): another program may open it, but not take it exclusively.
    const reader = await holder(dir, 'shared');
    expect(await reader.send('otra frase de paso muy larga')).toBe('ready');
    await reader.kill();
    const rekeyer = await holder(dir, 'exclusive');
    expect(await rekeyer.send('otra frase de paso muy larga')).toBe('error VAULT_BUSY');
    await rekeyer.kill();

    expect(titles(changed)).toEqual(['Antes', 'Después']);
    changed.close();
  });

  it('refuses to open a vault while another program re-encrypts it', async () => {
    const dir = await tempDir();
    (await createVault(dir, PASS, opts)).close();
    const rekeyer = await holder(dir, 'exclusive', 'amparo vault rekey');
    expect(await rekeyer.send(PASS)).toBe('ready');
    const busy = await failure(openVault(dir, PASS, opts));
    expect(busy.code).toBe('VAULT_BUSY');
    expect(busy.message).toContain(`being re-encrypted by amparo vault rekey (pid ${rekeyer.pid})`);
    // The refusal carries its holder as data across the IPC boundary, so the screen can name it.
    expect(busy.toWire().holders).toEqual([
      { program: 'amparo vault rekey', pid: rekeyer.pid, since: expect.any(String), mode: 'exclusive' },
    ]);
    expect(AmparoError.fromWire(busy.toWire()).holders).toEqual(busy.holders);
  });

  it('refuses a second `vault rekey` while the first runs; the passphrase the first set is the one in force', async () => {
    const dir = await tempDir();
    (await createVault(dir, PASS, opts)).close();
    const [first, second] = ['primera frase nueva bastante larga', 'segunda frase nueva bastante larga'];
    const a = amparoProcess(
      ['vault', 'rekey', dir, '--reencrypt', '--passphrase-stdin'],
      `${PASS}\n${first}\n`,
    );
    // Frozen (SIGSTOP) the moment it holds the lock, so the second certainly runs while the first does:
    // a stopped process keeps its locks, as a slow one would.
    await until(() => holderNotes(dir).some((h) => h.pid === a.child.pid && h.mode === 'exclusive'));
    a.child.kill('SIGSTOP');
    const b = await amparoProcess(
      ['vault', 'rekey', dir, '--reencrypt', '--passphrase-stdin'],
      `${PASS}\n${second}\n`,
    ).done;
    a.child.kill('SIGCONT');
    const done = await a.done;

    expect(b.code).toBe(6);
    expect(b.stderr).toContain(
      `VAULT_BUSY: The vault is being re-encrypted or re-keyed by another program: being re-encrypted by the amparo command line (pid ${a.child.pid})`,
    );
    expect(b.stdout).not.toContain('Passphrase changed.');
    expect(done.code).toBe(0);
    expect(done.stdout).toContain('Passphrase changed.');

    expect((await failure(openVault(dir, second, opts))).code).toBe('WRONG_PASSPHRASE');
    const opened = await openVault(dir, first, opts);
    expect(opened.header.database.file).toBe('vault-2.db');
    opened.close();
  });

  it('after a re-encryption killed part-way, `vault check` says which passphrase and key are in force and changes nothing', async () => {
    const dir = await tempDir();
    const vault = await createVault(dir, PASS, opts);
    // Enough rows (raw, for speed) that copying them takes a moment to interrupt.
    const insert = vault.db.prepare(
      `INSERT INTO matters (id, title, matter_type, forum, reference, status, opened_on, summary, created_at, updated_at)
       VALUES ($id, $title, 'petition', 'iachr', '', 'draft', '2024-01-01', $summary, '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z')`,
    );
    vault.db.transaction(() => {
      for (let i = 0; i < 250; i++)
        insert.run({ id: randomUUID(), title: `Caso ${i}`, summary: randomBytes(9000).toString('base64') });
    })();
    vault.close();

    const next = 'la frase nueva después del corte';
    const rekey = amparoProcess(
      ['vault', 'rekey', dir, '--reencrypt', '--passphrase-stdin'],
      `${PASS}\n${next}\n`,
    );
    // Killed while the new copy is being written, after the passphrase change was reported.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        const copy = statSync(join(dir, 'vault-2.db'), { throwIfNoEntry: false });
        if (copy && copy.size > 4096) {
          rekey.child.kill('SIGKILL');
          clearInterval(poll);
          resolve();
        }
      }, 2);
    });
    await rekey.done;
    const header = JSON.parse(await readFile(join(dir, 'amparo-vault.json'), 'utf8')) as {
      database: { file: string };
    };
    // SQLite's own journals (-wal, -shm, -journal) are recovered by whoever opens next: not our files.
    const ours = async () => (await readdir(dir)).filter((n) => !/-(wal|shm|journal)$/.test(n)).sort();
    const before = await ours();
    expect(before).toContain('vault-2.db');

    const check = await amparoProcess(['vault', 'check', dir, '--passphrase-stdin'], `${next}\n`).done;
    expect(check.stderr).toBe('');
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(
      `In force:            the passphrase you entered, the database key of ${header.database.file}`,
    );
    // Whatever the kill interrupted is reported, not removed.
    expect(await ours()).toEqual(before);
    const strays = before.filter((n) => /^vault-\d+\.db$/.test(n) && n !== header.database.file);
    expect(strays.length).toBeGreaterThan(0);
    const leftovers = /^Leftovers: +(.*) \(from an interrupted operation/m
      .exec(check.stdout)?.[1]
      ?.split(', ');
    expect(leftovers).toEqual(expect.arrayContaining(strays));

    const reopened = await openVault(dir, next, opts);
    expect(reopened.db.prepare('SELECT count(*) AS n FROM matters').get()?.n).toBe(250);
    reopened.close();
  });
});
