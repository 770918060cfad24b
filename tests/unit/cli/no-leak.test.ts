// The documented ways to run `amparo` with case text (docs/cli.md) leave that text nowhere another user or
// a log could read it: not in the process list while the command runs, not in npm's debug log, not in
// plaintext in the vault. A control run through `npm exec` shows the scan does find a leak.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { AMPARO_BIN, createTestVault, execAmparo, spawnAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';
const TITLE = 'CENTINELA-titulo-7f3a';
const SUMMARY = 'CENTINELA-resumen-91c2';
const QUERY = 'CENTINELA';

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

async function filesContaining(dir: string, text: string): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await filesUnder(dir)) if ((await readFile(file)).includes(text)) hits.push(file);
  return hits;
}

/**
 * Runs one command with stdin held open, snapshots `ps -eo args` meanwhile, then feeds stdin. With
 * `waitFor`, the snapshot is retaken (up to 10 s) until it shows that text: `npm exec` starts the real
 * command a while after npm itself appears, longer on a busy machine.
 */
async function runWatched(
  args: string[],
  stdinText: string,
  env: NodeJS.ProcessEnv,
  command?: string[],
  waitFor?: string,
) {
  const run = spawnAmparo(args, { env, command: command ?? [process.execPath, AMPARO_BIN] });
  const pid = String(run.child.pid);
  let processList = '';
  for (let i = 0; i < 50 && !processList.includes('amparo'); i++) {
    processList = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.trim().split(/\s+/)[0] === pid)
      .join('\n');
    if (!processList) await sleep(50);
  }
  let everyone = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  for (let i = 0; waitFor && i < 100 && !everyone.includes(waitFor); i++) {
    await sleep(100);
    everyone = execFileSync('ps', ['-eo', 'args'], { encoding: 'utf8' });
  }
  run.child.stdin!.end(stdinText);
  return { result: await run.done, processList, everyone };
}

describe('case text stays out of argv and logs', () => {
  it('the documented commands leave no trace in the process list or npm logs', async () => {
    const work = await tempDir();
    const dir = join(work, 'boveda');
    await createTestVault(dir, PASS);
    const npmCache = join(work, 'npm-cache');
    const env = { ...process.env, npm_config_cache: npmCache };
    const caseJson = JSON.stringify({ title: TITLE, type: 'case', summary: SUMMARY });
    const jsonFile = join(work, 'caso.json');
    await writeFile(jsonFile, caseJson, { mode: 0o600 });

    const runs = [
      // { printf '%s\n' "$PASS"; cat caso.json; } | bin/amparo.cjs case add ./boveda --passphrase-stdin --from-json -
      await runWatched(
        ['case', 'add', dir, '--passphrase-stdin', '--from-json', '-'],
        `${PASS}\n${caseJson}`,
        env,
      ),
      // printf '%s\n' "$PASS" | bin/amparo.cjs case add ./boveda --passphrase-stdin --from-json caso.json
      await runWatched(['case', 'add', dir, '--passphrase-stdin', '--from-json', jsonFile], `${PASS}\n`, env),
      // { printf '%s\n' "$PASS" "$QUERY"; } | bin/amparo.cjs search ./boveda - --passphrase-stdin
      await runWatched(['search', dir, '-', '--passphrase-stdin'], `${PASS}\n${QUERY}\n`, env),
    ];
    for (const { result, processList, everyone } of runs) {
      expect(result.code, result.stderr).toBe(EXIT.ok);
      expect(processList).toContain(AMPARO_BIN);
      for (const secret of [TITLE, SUMMARY, QUERY, PASS]) {
        expect(everyone).not.toContain(secret);
      }
    }
    expect(runs[2]!.result.stdout).toContain(TITLE);
    for (const secret of [TITLE, SUMMARY, QUERY]) {
      expect(await filesContaining(npmCache, secret)).toEqual([]);
      expect(await filesContaining(dir, secret)).toEqual([]);
    }
  });

  it('control: the same text as arguments through npm exec lands in npm log and the process list', async (context) => {
    try {
      execFileSync('npm', ['--version'], { stdio: 'pipe' });
    } catch {
      console.warn('skipped: no npm on PATH to run the control through');
      context.skip();
    }
    const work = await tempDir();
    const dir = join(work, 'boveda');
    await createTestVault(dir, PASS);
    const npmCache = join(work, 'npm-cache');
    const { result, everyone } = await runWatched(
      ['case', 'add', dir, '--passphrase-stdin', '--title', TITLE, '--type', 'case'],
      `${PASS}\n`,
      { ...process.env, npm_config_cache: npmCache },
      ['npm', 'exec', '--offline', '--', process.execPath, AMPARO_BIN],
      TITLE,
    );
    expect(result.code, result.stderr).toBe(EXIT.ok);
    expect(everyone).toContain(TITLE);
    expect((await filesContaining(npmCache, TITLE)).length).toBeGreaterThan(0);
    // Even then the vault itself holds no plaintext.
    expect(await filesContaining(dir, TITLE)).toEqual([]);
    expect((await execAmparo(['case', 'list', dir, '--passphrase-stdin'], `${PASS}\n`)).stdout).toContain(
      TITLE,
    );
  });
});
