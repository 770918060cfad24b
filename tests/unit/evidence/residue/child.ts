// Run by key-residue.test.ts in a process of its own: takes files in, previews, checks, exports and makes a
// working copy, locks with a preview stream still open, collects garbage, then says "ready" and waits, so
// the test can read this process's memory and look for any file key left in it.
import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore } from '../../../../electron/core';
import { jpegWithExif } from '../../../support/media';

const [work, passphrase] = [process.env.AMPARO_RESIDUE_DIR!, process.env.AMPARO_RESIDUE_PASS!];

async function call(core: Awaited<ReturnType<typeof createCore>>, channel: string, input: unknown) {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as Record<string, unknown>;
}

async function drain(body: unknown): Promise<void> {
  for await (const part of body as AsyncIterable<Buffer>) void part;
}

async function main(): Promise<void> {
  const core = await createCore({
    configDir: join(work, 'config'),
    kdfCost: { memoryKiB: 8 * 1024, iterations: 1, parallelism: 1 },
    bundleScryptLogN: 10,
    shell: { chooseFolder: async () => ({ path: null }) },
  });
  await call(core, 'vault:create', { path: join(work, 'boveda'), passphrase });
  const matter = await call(core, 'matters:create', {
    title: 'Residuos',
    matterType: 'precautionary_request',
    forum: 'iachr',
    reference: 'MC-1-26',
    status: 'draft',
    openedOn: '2026-01-01',
    summary: '',
    classification: 'restricted',
  });
  const photo = join(work, 'foto.jpg');
  await writeFile(photo, jpegWithExif({ artist: 'A.L.Q.O.' }));
  const text = join(work, 'acta.txt');
  await writeFile(text, 'acta de hechos '.repeat(200_000)); // 3 MB: a stream left open mid-way below
  const added = await call(core, 'evidence:add', {
    matterId: matter.id,
    operationId: randomUUID(),
    paths: [photo, text],
  });
  const ids = (added.added as { id: string }[]).map((a) => a.id);
  const out = join(work, 'salida');
  await mkdir(out);
  for (const id of ids) {
    const preview = await call(core, 'evidence:preview', { id });
    const answer = await core.media(String(preview.url).split('/').pop()!, { method: 'GET' });
    await drain(answer.body);
    await call(core, 'evidence:verify', { id });
  }
  await call(core, 'evidence:verifyAll', {});
  await call(core, 'evidence:export', { ids, folder: out, confirmed: true });
  await call(core, 'evidence:stripMetadata', { id: ids[0] });
  // A case bundle: the bundle worker decrypts every blob of the case with its key.
  await call(core, 'bundles:export', {
    matterIds: [matter.id],
    out: join(work, 'caso.amparo'),
    seal: { passphrase: 'paquete' },
  });
  // A preview still playing when the vault locks.
  const playing = await call(core, 'evidence:preview', { id: ids[1] });
  const open = await core.media(String(playing.url).split('/').pop()!, { method: 'GET' });
  await (open.body as AsyncIterable<Buffer>)[Symbol.asyncIterator]().next();
  await core.lock('user');
  for (let i = 0; i < 5; i++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  process.stdout.write('ready\n');
  process.stdin.resume();
  process.stdin.on('end', () => process.exit(0));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
