// A real core over a real vault with one matter, for the evidence tests (no mocks: SQLCipher file on disk,
// real blob files). `clock` moves the core's time (reveals, preview tickets) without waiting.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createCore, type Core } from '../../../electron/core';
import { contract, isChannel } from '../../../shared/contract';
import type { AddEvidenceResult } from '../../../shared/schemas/evidence';
import { precautionaryRequest } from '../../support/fixtures';
import { TEST_KDF, tempDir } from '../../support/temp';

export const PASS = 'frase de contraseña larga para pruebas';

export interface EvidenceSetup {
  core: Core;
  vaultDir: string;
  work: string;
  matterId: string;
  clock: { now: number };
}

export async function setupEvidence(options: { vaultDir?: string } = {}): Promise<EvidenceSetup> {
  const work = await tempDir('amparo-evidence-');
  const vaultDir = options.vaultDir ?? join(work, 'boveda');
  const clock = { now: Date.now() };
  const core = await createCore({
    configDir: join(work, 'config'),
    kdfCost: TEST_KDF,
    now: () => clock.now,
    // Auto-lock is not under test here: moving the clock must not lock the vault behind the test's back.
    idleCheckMs: 2 ** 30,
    shell: { chooseFolder: async () => ({ path: null }), mediaUrl: (t) => `test-media://evidence/${t}` },
    logError: (where, error) => console.error(where, error),
  });
  expect((await core.dispatch('vault:create', { path: vaultDir, passphrase: PASS })).ok).toBe(true);
  const matter = await call<{ id: string }>(core, 'matters:create', precautionaryRequest());
  return { core, vaultDir, work, matterId: matter.id, clock };
}

/** A channel's answer, checked against the output schema the contract promises. */
export async function call<T>(core: Core, channel: string, input: unknown = {}): Promise<T> {
  const result = await core.dispatch(channel, input);
  if (!result.ok)
    throw Object.assign(new Error(`${channel}: ${result.error.code} ${result.error.message}`), result.error);
  if (!isChannel(channel)) throw new Error(`${channel} is not in the contract`);
  const checked = contract[channel].output.safeParse(result.value);
  if (!checked.success) throw new Error(`${channel} answered off-contract: ${checked.error.message}`);
  return result.value as T;
}

export function addEvidence(
  s: EvidenceSetup,
  paths: string[],
  fields: Record<string, unknown> = {},
): Promise<AddEvidenceResult> {
  return call<AddEvidenceResult>(s.core, 'evidence:add', {
    matterId: s.matterId,
    operationId: randomUUID(),
    paths,
    fields,
  });
}

/** The ticket at the end of a preview URL. */
export async function previewTicket(s: EvidenceSetup, id: string): Promise<string> {
  const preview = await call<{ url: string }>(s.core, 'evidence:preview', { id });
  return preview.url.split('/').pop()!;
}

export async function readBody(body: unknown): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of body as AsyncIterable<Buffer>) parts.push(part);
  return Buffer.concat(parts);
}
