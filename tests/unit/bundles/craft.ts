// Hand-made bundles for the hostile-input tests: unpack a real one, change its entries, pack and encrypt
// it again (with age-encryption, the same passphrase), re-signing the manifest with a fresh key when the
// test needs a valid signature over a changed manifest.
import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { Decrypter, Encrypter } from 'age-encryption';
import { extract, pack } from 'tar-stream';

export interface CraftEntry {
  name: string;
  data?: Buffer;
  type?: 'file' | 'symlink' | 'link' | 'character-device' | 'directory' | 'fifo';
  linkname?: string;
  size?: number;
}

export async function unpack(file: string, passphrase: string): Promise<CraftEntry[]> {
  const d = new Decrypter();
  d.addPassphrase(passphrase);
  const tar = Buffer.from(await d.decrypt(new Uint8Array(await readFile(file))));
  const out: CraftEntry[] = [];
  const ex = extract();
  const done = (async () => {
    for await (const entry of ex) {
      const parts: Buffer[] = [];
      for await (const part of entry) parts.push(part as Buffer);
      out.push({ name: entry.header.name, data: Buffer.concat(parts) });
    }
  })();
  ex.end(tar);
  await done;
  return out;
}

export async function tarOf(entries: CraftEntry[]): Promise<Buffer> {
  const p = pack();
  const chunks: Buffer[] = [];
  const collected = (async () => {
    for await (const chunk of p) chunks.push(chunk as Buffer);
  })();
  for (const e of entries) {
    await new Promise<void>((resolve, reject) => {
      const header = {
        name: e.name,
        type: e.type ?? 'file',
        ...(e.linkname ? { linkname: e.linkname } : {}),
        ...(e.size !== undefined ? { size: e.size } : {}),
        mode: 0o600,
      };
      if ((e.type ?? 'file') === 'file')
        p.entry(header, e.data ?? Buffer.alloc(0), (err) => (err ? reject(err) : resolve()));
      else p.entry(header, (err) => (err ? reject(err) : resolve()));
    });
  }
  p.finalize();
  await collected;
  return Buffer.concat(chunks);
}

export async function seal(tar: Buffer, passphrase: string, out: string): Promise<string> {
  const e = new Encrypter();
  e.setScryptWorkFactor(10);
  e.setPassphrase(passphrase);
  await writeFile(out, await e.encrypt(new Uint8Array(tar)));
  return out;
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

export function manifestOf(
  entries: CraftEntry[],
): Record<string, unknown> & { files: { path: string; size: number; sha256: string }[] } {
  return JSON.parse(entries.find((e) => e.name === 'manifest.json')!.data!.toString('utf8'));
}

/** A changed manifest signed by a fresh key; SHA256SUMS rewritten to match. Returns the new fingerprint. */
export function resign(entries: CraftEntry[], manifest: Record<string, unknown>): string {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const spki = publicKey.export({ format: 'der', type: 'spki' });
  const fingerprint = sha256(spki);
  const creator = { ...(manifest.creator as object), signingKey: spki.toString('base64'), fingerprint };
  const bytes = Buffer.from(`${JSON.stringify({ ...manifest, creator }, null, 2)}\n`);
  const sig = sign(null, bytes, privateKey);
  const set = (name: string, data: Buffer) => (entries.find((e) => e.name === name)!.data = data);
  set('manifest.json', bytes);
  set('manifest.sig', sig);
  const files = manifest.files as { path: string; sha256: string }[];
  set(
    'SHA256SUMS',
    Buffer.from(
      [
        { path: 'manifest.json', sha256: sha256(bytes) },
        { path: 'manifest.sig', sha256: sha256(sig) },
        ...files,
      ]
        .map((f) => `${f.sha256}  ${f.path}\n`)
        .join(''),
    ),
  );
  return fingerprint;
}
