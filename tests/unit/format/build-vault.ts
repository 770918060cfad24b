// Builds a vault the way the app does (through the core's public dispatch) and then dies by SIGKILL with
// the database still open, as after a crash: the newest commits are then only in the -wal file. Run as a
// child process by independent-reader.test.ts, so the reader's own module graph holds no Amparo code.
// Usage: tsx build-vault.ts <work dir>; the passphrase arrives on stdin; writes <work dir>/built.json.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCore } from '../../../electron/core';

async function main(): Promise<void> {
  const work = process.argv[2]!;
  const passphrase = await new Promise<string>((resolve) => {
    let text = '';
    process.stdin.on('data', (d) => (text += d));
    process.stdin.on('end', () => resolve(text.replace(/\n$/, '')));
  });
  const vaultDir = join(work, 'vault');
  const sources = join(work, 'sources');
  await mkdir(sources, { recursive: true });
  const core = await createCore({
    configDir: join(work, 'config'),
    shell: { chooseFolder: async () => ({ path: vaultDir }) },
  });
  const call = async <T>(channel: string, input: unknown): Promise<T> => {
    const result = await core.dispatch(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  await call('vault:create', { path: vaultDir, passphrase });
  const live = await call<{ id: string }>('matters:create', {
    title: 'Medidas cautelares — A.A.Q.O. y familia',
    matterType: 'precautionary_request',
    forum: 'iachr',
    reference: 'MC-1008-19',
    status: 'filed',
    openedOn: '2023-03-14',
    summary: 'Amenazas en redes sociales.',
    classification: 'restricted',
  });
  const deleted = await call<{ id: string }>('matters:create', {
    title: 'Petición P-1234-18 (borrada)',
    matterType: 'petition',
    forum: 'iachr',
    reference: 'P-1234-18',
    status: 'draft',
    openedOn: '2018-05-02',
    summary: '',
    classification: 'restricted',
  });
  await call('trash:delete', { entityType: 'matter', entityId: deleted.id });

  // Sizes around the 64 KiB chunk: empty, one byte, exactly one chunk, several chunks and a remainder.
  const files: { path: string; size: number }[] = [];
  for (const size of [0, 1, 65536, 3 * 65536 + 1234]) {
    const path = join(sources, `file-${size}.bin`);
    await writeFile(path, randomBytes(size));
    files.push({ path, size });
  }
  await call('evidence:add', {
    matterId: live.id,
    operationId: randomUUID(),
    paths: files.map((f) => f.path),
  });
  await writeFile(
    join(work, 'built.json'),
    JSON.stringify({ vaultDir, liveMatterId: live.id, deletedMatterId: deleted.id, files }),
  );
  process.kill(process.pid, 'SIGKILL');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
