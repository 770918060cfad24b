// An attachment whose stored file was altered stops the export with EVIDENCE_DAMAGED and leaves no file
// behind: the export does not hash attachments again, so this is the bundle worker authenticating every
// chunk of the vault blob as it decrypts it (a changed byte, a cut file).
import { open, readdir, truncate } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blobPath } from '../../../electron/core/evidence/store';
import { richCase, side, withDb } from './helpers';

describe('a damaged stored file', () => {
  for (const [what, damage] of [
    [
      'a changed byte',
      async (file: string) => {
        const handle = await open(file, 'r+');
        const byte = Buffer.alloc(1);
        await handle.read(byte, 0, 1, 36 + 70_000);
        byte[0]! ^= 0x01;
        await handle.write(byte, 0, 1, 36 + 70_000);
        await handle.close();
      },
    ],
    ['a cut file', (file: string) => truncate(file, 36 + 200_000)],
  ] as const) {
    it(`${what} stops the export, and no bundle is left`, async () => {
      const a = await side('origen');
      const rich = await richCase(a, [300_000]);
      const { blob_id: blobId } = await withDb(a, (db) =>
        db.prepare('SELECT blob_id FROM evidence_items WHERE id = $id').get({ id: rich.items[0]!.id }),
      );
      await damage(blobPath(a.vaultDir, blobId as string));
      const result = await a.call('bundles:export', {
        matterIds: [rich.matterId],
        out: join(a.dir, 'roto.amparo'),
        seal: { passphrase: 'paquete' },
      });
      expect(result.error?.code).toBe('EVIDENCE_DAMAGED');
      expect((await readdir(a.dir)).filter((name: string) => name.includes('roto'))).toEqual([]);
    });
  }
});
