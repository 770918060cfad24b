// A bundle opens without Amparo, exactly as its README.txt says: Debian's `age` decrypts it (to a
// passphrase: `age -d` reads the passphrase from a terminal only, so it runs under `script`, which gives
// it one; to a recipient: with `-i`), `tar -xf` unpacks it, `sha256sum -c SHA256SUMS` checks every file,
// and `openssl pkeyutl -verify` checks the manifest's signature by the fingerprint Settings shows.
import { execFileSync } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_PASS, richCase, side, type Side } from './helpers';

function checkWithStandardTools(tar: string, folder: string, fingerprint: string): void {
  execFileSync('tar', ['-xf', tar, '-C', folder]);
  const sums = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: folder }).toString();
  expect(sums).toMatch(/manifest\.json: OK/);
  expect(sums).not.toMatch(/FAILED/);
  const verified = execFileSync(
    'openssl',
    [
      'pkeyutl',
      '-verify',
      '-pubin',
      '-inkey',
      'signer.pub.pem',
      '-rawin',
      '-in',
      'manifest.json',
      '-sigfile',
      'manifest.sig',
    ],
    { cwd: folder },
  ).toString();
  expect(verified).toMatch(/Signature Verified Successfully/);
  const der = execFileSync('openssl', ['pkey', '-pubin', '-in', 'signer.pub.pem', '-outform', 'DER'], {
    cwd: folder,
  });
  const printed = execFileSync('sha256sum', { input: der }).toString().split(' ')[0];
  expect(printed).toBe(fingerprint);
}

async function sources(s: Side): Promise<Map<string, Buffer>> {
  const folder = join(s.dir, 'sources');
  const names = execFileSync('ls', [folder]).toString().trim().split('\n');
  return new Map(await Promise.all(names.map(async (n) => [n, await readFile(join(folder, n))] as const)));
}

describe('a bundle without Amparo', () => {
  it('to a passphrase: age -d (under script), tar, sha256sum -c, openssl verify', async () => {
    const a = await side('origen');
    const rich = await richCase(a, [0, 4096]);
    const out = join(a.dir, 'caso.amparo');
    await a.ok('bundles:export', { matterIds: [rich.matterId], out, seal: { passphrase: BUNDLE_PASS } });
    const { fingerprint } = await a.ok('vault:identity');
    const tar = join(a.dir, 'case.tar');
    execFileSync('script', ['-qec', `age -d -o '${tar}' '${out}'`, '/dev/null'], {
      input: `${BUNDLE_PASS}\n`,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
    const folder = join(a.dir, 'case');
    await mkdir(folder);
    checkWithStandardTools(tar, folder, fingerprint);
    // The attachments are the very files taken in, under their own names.
    const files = execFileSync('find', ['attachments', '-type', 'f'], { cwd: folder })
      .toString()
      .trim()
      .split('\n');
    for (const [name, data] of await sources(a)) {
      const found = files.find((f) => f.endsWith(`-${name}`))!;
      expect(found).toMatch(/^attachments\/MC-101-23\//);
      expect((await readFile(join(folder, found))).equals(data)).toBe(true);
    }
    const readme = await readFile(join(folder, 'README.txt'), 'utf8');
    expect(readme).toContain('sha256sum -c SHA256SUMS');
    expect(readme).toContain(fingerprint);
  });

  it('to an age recipient: age -d -i, tar, sha256sum -c; and to the vault itself', async () => {
    const a = await side('origen');
    const rich = await richCase(a, [10]);
    const key = join(a.dir, 'clave.txt');
    execFileSync('age-keygen', ['-o', key], { stdio: 'ignore' });
    const recipient = execFileSync('age-keygen', ['-y', key]).toString().trim();
    const out = join(a.dir, 'caso.amparo');
    await a.ok('bundles:export', { matterIds: [rich.matterId], out, seal: { recipients: [recipient] } });
    const tar = join(a.dir, 'case.tar');
    execFileSync('age', ['-d', '-i', key, '-o', tar, out]);
    const folder = join(a.dir, 'case');
    await mkdir(folder);
    const { fingerprint, ageRecipient } = await a.ok('vault:identity');
    checkWithStandardTools(tar, folder, fingerprint);

    // Sealed to the vault's own age key, the vault opens it with no key given.
    const own = join(a.dir, 'propio.amparo');
    await a.ok('bundles:export', {
      matterIds: [rich.matterId],
      out: own,
      seal: { recipients: [ageRecipient] },
    });
    const summary = await a.ok('bundles:verify', { file: own, key: {} });
    expect(summary).toMatchObject({ signerKnown: true, signerFingerprint: fingerprint });
  });
});
