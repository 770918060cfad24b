// The command line of bundles and backups over real vaults: vault identity, bundle export / verify /
// import (vault passphrase on the first stdin line, the bundle's on the second), a damaged bundle's
// non-zero exit, backup and restore.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createTestVault, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const VAULT = 'clave de prueba suficientemente larga';
const BUNDLE = 'frase del paquete para la prueba';

describe('amparo bundle / backup / restore', () => {
  it('exports, verifies, imports, backs up and restores', async () => {
    const dir = await tempDir();
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    await createTestVault(a, VAULT);
    await createTestVault(b, VAULT);
    const add = await runAmparo(
      ['case', 'add', a, '--from-json', '-', '--passphrase-stdin'],
      `${VAULT}\n${JSON.stringify({ title: 'Defensora', type: 'petition', reference: 'P-77-24' })}`,
    );
    expect(add.code, add.stderr).toBe(EXIT.ok);

    const identity = await runAmparo(['vault', 'identity', a, '--passphrase-stdin'], `${VAULT}\n`);
    expect(identity.code, identity.stderr).toBe(EXIT.ok);
    expect(identity.stdout).toMatch(/^age public key: +age1[0-9a-z]+$/m);
    const fingerprint = /signing fingerprint: +([0-9a-f ]+)$/m.exec(identity.stdout)![1]!.replace(/ /g, '');
    expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);

    const out = join(dir, 'caso.amparo');
    const exported = await runAmparo(
      ['bundle', 'export', a, '--case', 'P-77-24', '--out', out, '--to-passphrase', '--passphrase-stdin'],
      `${VAULT}\n${BUNDLE}\n`,
    );
    expect(exported.code, exported.stderr).toBe(EXIT.ok);
    expect(exported.stdout).toMatch(/^Bundle [0-9a-f-]{36} written to /m);

    const verified = await runAmparo(['bundle', 'verify', out, '--passphrase-stdin'], `${BUNDLE}\n`);
    expect(verified.code, verified.stderr).toBe(EXIT.ok);
    expect(verified.stdout).toContain('Cases:         P-77-24');
    expect(verified.stdout.replace(/ /g, '')).toContain(fingerprint);

    const damaged = join(dir, 'danado.amparo');
    const bytes = Buffer.from(await readFile(out));
    bytes[bytes.length - 40]! ^= 1;
    await writeFile(damaged, bytes);
    const bad = await runAmparo(['bundle', 'verify', damaged, '--passphrase-stdin'], `${BUNDLE}\n`);
    expect(bad.code).toBe(EXIT.checkFailed);
    expect(bad.stderr).toMatch(/^amparo: BUNDLE_DAMAGED: /m);
    const wrong = await runAmparo(['bundle', 'verify', out, '--passphrase-stdin'], `no es\n`);
    expect(wrong.code).toBe(EXIT.wrongPassphrase);

    const refused = await runAmparo(
      ['bundle', 'import', b, out, '--passphrase-stdin'],
      `${VAULT}\n${BUNDLE}\n`,
    );
    expect(refused.code).toBe(EXIT.checkFailed);
    expect(refused.stderr).toMatch(/BUNDLE_UNKNOWN_SIGNER/);
    const imported = await runAmparo(
      ['bundle', 'import', b, out, '--confirm-signer', fingerprint, '--passphrase-stdin'],
      `${VAULT}\n${BUNDLE}\n`,
    );
    expect(imported.code, imported.stderr).toBe(EXIT.ok);
    expect(imported.stdout).toMatch(/^Imported: \d+ added/m);
    const listed = await runAmparo(['case', 'list', b, '--passphrase-stdin'], `${VAULT}\n`);
    expect(listed.stdout).toContain('P-77-24');

    const usb = join(dir, 'usb');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(usb);
    const backedUp = await runAmparo(['backup', a, usb, '--passphrase-stdin'], `${VAULT}\n${BUNDLE}\n`);
    expect(backedUp.code, backedUp.stderr).toBe(EXIT.ok);
    const file = /written to (\S+)/.exec(backedUp.stdout)![1]!;
    const restored = join(dir, 'restaurada');
    const back = await runAmparo(['restore', file, restored, '--passphrase-stdin'], `${VAULT}\n${BUNDLE}\n`);
    expect(back.code, back.stderr).toBe(EXIT.ok);
    const again = await runAmparo(['case', 'list', restored, '--passphrase-stdin'], `${VAULT}\n`);
    expect(again.stdout).toContain('P-77-24');
  }, 120_000);
});
