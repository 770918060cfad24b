// Expected failures stay off the console: SQLCipher's native log ("hmac check failed…") and SQLite's log
// are silent unless AMPARO_DEBUG_SQLCIPHER is set, so a real error in a test run stands out. SQLCipher
// writes to the process's stderr directly, so this runs in a child process and reads its stderr.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../support/temp';

const run = promisify(execFile);
const SCRIPT = join(__dirname, '../../support/open-with-wrong-key.ts');

async function openWithWrongKey(env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  const file = join(await tempDir('amparo-quiet-'), 'vault-1.db');
  const { AMPARO_DEBUG_SQLCIPHER: _ignored, ...inherited } = process.env;
  return run(process.execPath, ['--import', 'tsx', SCRIPT, file], { env: { ...inherited, ...env } });
}

describe('database logging', () => {
  it('says nothing on stderr when a wrong key is refused with a typed error', async () => {
    const { stdout, stderr } = await openWithWrongKey({});
    expect(stdout.trim()).toBe('DATABASE_DAMAGED');
    expect(stderr).toBe('');
  });

  it('shows SQLCipher’s own log when debugging (so the quiet test above can see it)', async () => {
    const { stderr } = await openWithWrongKey({ AMPARO_DEBUG_SQLCIPHER: '1' });
    expect(stderr).toContain('hmac check failed');
  });
});
