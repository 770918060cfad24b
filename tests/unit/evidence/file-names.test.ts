// Files and names as USB sticks and old machines hand them over, with real files on disk: names that are
// not UTF-8, links given directly and inside folders, pipes in folders, and a disk that fills mid-batch.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { displayName, unescapeName } from '../../../electron/core/evidence/names';
import { incomingDir } from '../../../electron/core/evidence/store';
import type { EvidenceItem } from '../../../shared/schemas/evidence';
import { tempDir } from '../../support/temp';
import { addEvidence, call, previewTicket, readBody, setupEvidence } from './evidence-setup';

const run = promisify(execFile);
const MiB = 1024 * 1024;

describe('names that are not UTF-8', () => {
  it('escape losslessly: odd bytes as \\xHH, the backslash doubled, everything else as it is', () => {
    const cases = [
      Buffer.from([0x66, 0x6f, 0x74, 0x6f, 0xff, 0xfe, 0x2e, 0x6a, 0x70, 0x67]),
      Buffer.concat([Buffer.from('acta\\03 ñ '), Buffer.from([0xe9]), Buffer.from('.pdf')]),
      Buffer.from([0xc3]), // a lone lead byte of a two-byte character
    ];
    expect(cases.map(displayName)).toEqual(['foto\\xff\\xfe.jpg', 'acta\\\\03 ñ \\xe9.pdf', '\\xc3']);
    for (const bytes of cases) expect(unescapeName(displayName(bytes)).equals(bytes)).toBe(true);
    // A valid name is shown exactly as it is, backslash included.
    expect(displayName(Buffer.from('acta 12\\03 ¿qué?.pdf'))).toBe('acta 12\\03 ¿qué?.pdf');
  });

  it('are taken in from a folder by their raw name, which the record keeps; the content round-trips', async () => {
    const s = await setupEvidence();
    const folder = join(s.work, 'camara-antigua');
    await mkdir(folder);
    const rawName = Buffer.concat([Buffer.from('foto-'), Buffer.from([0xff, 0xfe]), Buffer.from('.txt')]);
    const content = 'fotografía de la fachada';
    await writeFile(Buffer.concat([Buffer.from(`${folder}/`), rawName]), content);

    const result = await addEvidence(s, [folder]);
    expect(result.failed).toEqual([]);
    expect(result.added).toHaveLength(1);
    const [item] = result.added;
    expect(item!.originalName).toBe('foto-\\xff\\xfe.txt');
    expect(item!.originalNameRaw).toBe(rawName.toString('hex'));
    expect(item!.title).toBe('foto-\\xff\\xfe');
    const ticket = await previewTicket(s, item!.id);
    expect((await readBody((await s.core.media(ticket, { method: 'GET' })).body)).toString()).toBe(content);
    const full = await call<EvidenceItem>(s.core, 'evidence:get', { id: item!.id });
    expect(full.custody[0]).toMatchObject({ action: 'acquired', fileName: 'foto-\\xff\\xfe.txt' });
    await s.core.dispose();
  });

  it('given directly as text (each odd byte already replaced by U+FFFD), the file is still found by its bytes', async () => {
    const s = await setupEvidence();
    const folder = join(s.work, 'memoria');
    await mkdir(folder);
    const rawName = Buffer.concat([Buffer.from('acta-'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    await writeFile(Buffer.concat([Buffer.from(`${folder}/`), rawName]), 'acta');
    // What the command line (process.argv) or a file dialog hands over for that name.
    const asText = join(folder, rawName.toString('utf8'));
    expect(asText).toContain('\uFFFD');

    const result = await addEvidence(s, [asText]);
    expect(result.failed).toEqual([]);
    expect(result.added.map((a) => [a.originalName, a.originalNameRaw])).toEqual([
      ['acta-\\xe9.txt', rawName.toString('hex')],
    ]);
    await s.core.dispose();
  });

  it('a UTF-8 name keeps no raw bytes', async () => {
    const s = await setupEvidence();
    const file = join(s.work, 'declaración.txt');
    await writeFile(file, 'x');
    const [item] = (await addEvidence(s, [file])).added;
    expect(item).toMatchObject({ originalName: 'declaración.txt', originalNameRaw: null });
    await s.core.dispose();
  });
});

describe('links and special files', () => {
  it('a link given directly is recorded under its target’s name, with a note that it was a link', async () => {
    const s = await setupEvidence();
    await mkdir(join(s.work, 'fotos'));
    const target = join(s.work, 'fotos', 'original-2024.txt');
    await writeFile(target, 'contenido original');
    const link = join(s.work, 'acceso-directo.txt');
    await symlink(target, link);

    const result = await addEvidence(s, [link], { acquisition: 'Entregado en memoria USB' });
    expect(result.failed).toEqual([]);
    expect(result.added.map((a) => a.originalName)).toEqual(['original-2024.txt']);
    expect(result.linked).toEqual([{ link, target: await realpath(target) }]);
    const item = await call<EvidenceItem>(s.core, 'evidence:get', { id: result.added[0]!.id });
    expect(item.custody[0]!.fileName).toBe('original-2024.txt');
    expect(item.custody[0]!.note).toContain('Entregado en memoria USB');
    expect(item.custody[0]!.note).toContain(`symbolic link ${link}`);
    await s.core.dispose();
  });

  it('links and pipes inside folders are not taken in and are listed as skipped', async () => {
    const s = await setupEvidence();
    const folder = join(s.work, 'entrega');
    await mkdir(join(folder, 'sub'), { recursive: true });
    await writeFile(join(folder, 'acta.txt'), 'acta');
    await writeFile(join(folder, 'sub', 'foto.txt'), 'foto');
    await writeFile(join(s.work, 'fuera.txt'), 'fuera de la carpeta');
    await symlink(join(s.work, 'fuera.txt'), join(folder, 'enlace.txt'));
    await run('mkfifo', [join(folder, 'sub', 'tuberia')]);
    await writeFile(join(folder, '.DS_Store'), 'litter');

    const result = await addEvidence(s, [folder]);
    expect(result.failed).toEqual([]);
    expect(result.added.map((a) => a.originalName)).toEqual(['acta.txt', 'foto.txt']);
    expect(result.skipped).toEqual([
      { path: join(folder, 'enlace.txt'), name: 'enlace.txt', reason: 'link' },
      { path: join(folder, 'sub', 'tuberia'), name: 'tuberia', reason: 'special' },
    ]);
    await s.core.dispose();
  });
});

describe('a disk that fills up in the middle of a batch', () => {
  it('fails the files that do not fit with DISK_FULL and still takes in the ones after that do', async (ctx) => {
    const mountPoint = await tempDir('amparo-small-disk-');
    try {
      await run('mount', ['-t', 'tmpfs', '-o', 'size=6m,mode=0700', 'tmpfs', mountPoint]);
    } catch (error) {
      console.warn(
        `skipped: a full disk needs a small tmpfs, and mounting one failed here (${(error as Error).message.split('\n')[0]})`,
      );
      ctx.skip();
      return;
    }
    try {
      const s = await setupEvidence({ vaultDir: join(mountPoint, 'boveda') });
      const big = join(s.work, 'video-grande.mp4');
      const small = join(s.work, 'acta.txt');
      const big2 = join(s.work, 'video-otro.mp4');
      await writeFile(big, randomBytes(12 * MiB));
      await writeFile(small, 'acta de hechos');
      await writeFile(big2, randomBytes(12 * MiB));

      const result = await addEvidence(s, [big, small, big2]);
      expect(result.failed.map((f) => [f.name, f.code])).toEqual([
        ['video-grande.mp4', 'DISK_FULL'],
        ['video-otro.mp4', 'DISK_FULL'],
      ]);
      expect(result.added.map((a) => a.originalName)).toEqual(['acta.txt']);
      expect(await readdir(incomingDir(s.vaultDir))).toEqual([]);
      const ticket = await previewTicket(s, result.added[0]!.id);
      expect((await readBody((await s.core.media(ticket, { method: 'GET' })).body)).toString()).toBe(
        await readFile(small, 'utf8'),
      );
      await s.core.dispose();
    } finally {
      await run('umount', [mountPoint]).catch(() => undefined);
      await rm(mountPoint, { recursive: true, force: true });
    }
  });
});
