/* eslint-disable @typescript-eslint/no-explicit-any -- answers of channels are read by shape */
// A real vault behind the checked core for the extraction tests, with os.tmpdir() pointed at a folder of
// the test's own so that the byte scan can read every temporary file written while it ran.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../support/contract-check';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF } from '../../support/temp';

export const PASS = 'frase de contraseña larga y segura';

export interface Bench {
  core: Core;
  root: string;
  vaultDir: string;
  fixtures: string;
  ok(channel: string, input?: unknown): Promise<any>;
  call(channel: string, input?: unknown): Promise<any>;
  newCase(classification?: 'restricted' | 'confidential'): Promise<string>;
  add(matterId: string, paths: string[], classification?: string): Promise<string[]>;
  dispose(): Promise<void>;
}

export async function open(): Promise<Bench> {
  const before = process.env.TMPDIR;
  const root = await mkdtemp(join(tmpdir(), 'amparo-xtext-'));
  const tmp = join(root, 'tmp');
  const fixtures = join(root, 'fixtures');
  await mkdir(tmp);
  await mkdir(fixtures);
  process.env.TMPDIR = tmp;
  const vaultDir = join(root, 'boveda');
  const core = await createCore({
    configDir: null,
    kdfCost: TEST_KDF,
    extractionCheckMs: 0,
    bundleScryptLogN: 10,
    shell: { chooseFolder: async () => ({ path: null }) },
    logError: (where, error) => console.error(where, error),
  });
  const call = (channel: string, input: unknown = {}) => core.dispatch(channel, input) as Promise<any>;
  const ok = async (channel: string, input: unknown = {}) => {
    const result = await call(channel, input);
    if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  await ok('vault:create', { path: vaultDir, passphrase: PASS });
  return {
    core,
    root,
    vaultDir,
    fixtures,
    ok,
    call,
    async newCase(classification = 'restricted') {
      return (await ok('matters:create', precautionaryRequest({ classification }))).id as string;
    },
    async add(matterId, paths, classification = 'restricted') {
      const { added } = await ok('evidence:add', {
        matterId,
        operationId: randomUUID(),
        paths,
        fields: { classification },
      });
      return (added as { id: string }[]).map((a) => a.id);
    },
    async dispose() {
      await core.dispose();
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await files(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/** Every file under `dir` whose bytes hold one of the words (UTF-8 or UTF-16, any case). */
export async function filesHolding(dir: string, words: string[]): Promise<string[]> {
  const needles = words.flatMap((w) =>
    [w, w.toUpperCase(), w[0]!.toUpperCase() + w.slice(1)].flatMap((v) => [
      Buffer.from(v, 'utf8'),
      Buffer.from(v, 'utf16le'),
    ]),
  );
  const found: string[] = [];
  for (const file of await files(dir)) {
    const bytes = await readFile(file);
    if (needles.some((n) => bytes.includes(n))) found.push(file);
  }
  return found;
}
