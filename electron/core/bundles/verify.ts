// Verifying a bundle writes nothing: one full pass (age, signature, every hash, every record's schema),
// attachments hashed and dropped. Works without a vault (the command line's `bundle verify`).
import type { BundleSummary } from '../../../shared/schemas/bundles';
import type { Unseal } from './age-io';
import { summarise } from './import';
import { readBundle } from './read';
import { startPayloadWorker } from './payload-worker';

export async function verifyBundle(
  file: string,
  unseal: Unseal,
  options: {
    known?: (fingerprint: string) => boolean;
    signal?: AbortSignal;
    onBytes?: (done: number, total: number) => void;
  } = {},
): Promise<BundleSummary> {
  startPayloadWorker();
  let total = 0;
  let done = 0;
  const read = await readBundle(file, unseal, {
    ...(options.signal ? { signal: options.signal } : {}),
    onManifest: (m) => {
      total = m.files.reduce((n, f) => n + f.size, 0);
    },
    onBytes: (n) => {
      done += n;
      options.onBytes?.(done, total);
    },
  });
  const known = options.known ? options.known(read.manifest.creator.fingerprint) : false;
  return summarise(read, known, read.records);
}
