// A real vault behind the checked core (every answer held to its channel's schema) with a clock the test
// moves, for the stored-deadline tests.
import { join } from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core } from '../../support/contract-check';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

export const PASS = 'frase de contraseña larga y segura';

export type Wire = {
  ok: boolean;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- payloads are read as the renderer would, untyped
  value?: any;
  error?: { code: string; message: string; issues?: { path: string; message: string }[] };
};

export interface DeadlineVault {
  core: Core;
  vaultDir: string;
  work: string;
  clock: { set(iso: string): void };
  call(channel: string, input?: unknown): Promise<Wire>;
  /** A successful call's value (fails the test otherwise). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  ok(channel: string, input?: unknown): Promise<any>;
  matterId: string;
}

export async function deadlineVault(
  options: { now?: string; exportDir?: string; matter?: Parameters<typeof precautionaryRequest>[0] } = {},
): Promise<DeadlineVault> {
  const work = await tempDir('amparo-deadlines-');
  const vaultDir = join(work, 'boveda');
  let now = Date.parse(options.now ?? '2026-03-02T15:00:00Z');
  const core = await createCore({
    configDir: join(work, 'config'),
    kdfCost: TEST_KDF,
    now: () => now,
    logError: (where, error) => console.error(where, error),
    shell: {
      chooseFolder: async () => ({ path: null }),
      ...(options.exportDir
        ? { chooseSaveFile: async ({ defaultName }) => ({ path: join(options.exportDir!, defaultName) }) }
        : {}),
    },
  });
  const call = async (channel: string, input: unknown = {}) => (await core.dispatch(channel, input)) as Wire;
  const ok = async (channel: string, input: unknown = {}) => {
    const result = await call(channel, input);
    if (!result.ok) expect.fail(`${channel} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };
  await ok('vault:create', { path: vaultDir, passphrase: PASS });
  await ok('settings:update', { language: 'es' });
  const matter = await ok('matters:create', precautionaryRequest(options.matter));
  return {
    core,
    vaultDir,
    work,
    call,
    ok,
    matterId: matter.id,
    clock: { set: (iso) => void (now = Date.parse(iso)) },
  };
}

/** A Court deadline by rule: notified Thursday 5 March 2026, 9 calendar days (the engine's own table row). */
export const courtByRule = (matterId: string, extra: Record<string, unknown> = {}) => ({
  matterId,
  title: 'Observaciones de los representantes',
  kind: 'observations',
  date: {
    mode: 'rule',
    ruleId: 'iacthr-court',
    trigger: { date: '2026-03-05' },
    period: { unit: 'days', amount: 9 },
  },
  ...extra,
});
