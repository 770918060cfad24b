import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../electron/core/vault/migrations';

const FOLDER = join(__dirname, '../../../electron/core/vault/migrations');
const MIGRATION_FILE = /^(\d{3})-([a-z0-9-]+)\.ts$/;

describe('migration files', () => {
  it('agree with the index: file number, version and position', async () => {
    const files = (await readdir(FOLDER)).filter((name) => MIGRATION_FILE.test(name)).sort();
    expect(files.length).toBeGreaterThanOrEqual(4);
    expect(MIGRATIONS).toHaveLength(files.length);
    for (const [position, file] of files.entries()) {
      const [, number, name] = MIGRATION_FILE.exec(file)!;
      const migration = MIGRATIONS[position]!;
      expect({ file, version: migration.version }).toEqual({ file, version: Number(number) });
      expect({ file, version: migration.version }).toEqual({ file, version: position + 1 });
      expect({ file, name: migration.name }).toEqual({ file, name });
    }
  });

  it('import nothing but the migration type and the database type: a migration is frozen', async () => {
    const files = (await readdir(FOLDER)).filter((name) => MIGRATION_FILE.test(name));
    for (const file of files) {
      const source = await readFile(join(FOLDER, file), 'utf8');
      const imports = [...source.matchAll(/^import\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);
      for (const from of imports)
        expect({ file, from }).toMatchObject({
          file,
          from: expect.stringMatching(/^\.\/migration$|^\.\.\/database$/),
        });
    }
  });
});
