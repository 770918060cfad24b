// The contract's output schemas are enforced in tests: the unit tests' core and the e2e bridge both fail a
// call whose answer drifts from its channel's schema. These tests prove the checks fail when they should.
import { describe, expect, it, vi } from 'vitest';
import { createDispatcher, type Handlers } from '../../../electron/core/ipc/dispatch';
import { startBridge } from '../../bridge/server';
import {
  ContractDrift,
  checkedDispatch,
  createCore,
  eventDrift,
  outputDrift,
} from '../../support/contract-check';
import { TEST_KDF, tempDir } from '../../support/temp';

/** A dispatcher whose vault:status service answers `value` (real validation, real error mapping). */
const answering = (value: unknown) =>
  createDispatcher({ 'vault:status': () => value } as unknown as Handlers);

describe('output schema checks', () => {
  it('let an answer that keeps to the schema through unchanged', async () => {
    const value = { state: 'locked', path: '/home/abogada/boveda', recent: ['/home/abogada/boveda'] };
    await expect(checkedDispatch(answering(value))('vault:status', {})).resolves.toEqual({ ok: true, value });
  });

  it('reject an answer of the wrong shape, naming the channel and the field', async () => {
    const call = checkedDispatch(answering({ state: 'open', path: null, recent: [] }))('vault:status', {});
    await expect(call).rejects.toThrow(ContractDrift);
    await expect(
      checkedDispatch(answering({ state: 'open', path: null, recent: [] }))('vault:status', {}),
    ).rejects.toThrow(/vault:status answered outside its output schema: state:/);
  });

  it('reject fields the schema does not declare, nested ones too', async () => {
    const extra = { state: 'none', path: null, recent: [], passphraseHint: 'perro' };
    await expect(checkedDispatch(answering(extra))('vault:status', {})).rejects.toThrow(
      /undeclared field\(s\) passphraseHint/,
    );
    const change = {
      id: 'c1',
      fromStatus: null,
      toStatus: 'filed',
      changedOn: '2023-03-14',
      changedAt: '2023-03-14T10:00:00.000Z',
      actor: 'A.L.',
      note: '',
    };
    expect(outputDrift('matters:statusHistory', { ok: true, value: [change] })).toBeNull();
    expect(
      outputDrift('matters:statusHistory', { ok: true, value: [change, { ...change, actorEmail: 'x' }] }),
    ).toBe('matters:statusHistory answered outside its output schema: undeclared field(s) [1].actorEmail');
  });

  it('leave errors and unknown channels alone', async () => {
    const failing = createDispatcher({
      'vault:status': () => {
        throw new Error('disk on fire');
      },
    } as unknown as Handlers);
    await expect(checkedDispatch(failing)('vault:status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    await expect(checkedDispatch(failing)('no:such', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('check event payloads', () => {
    expect(eventDrift('vault:locked', { reason: 'user' })).toBeNull();
    expect(eventDrift('vault:locked', { reason: 'bored' })).toMatch(/event vault:locked/);
  });

  it('wrap the real core the unit tests use', async () => {
    const core = await createCore({
      configDir: await tempDir('amparo-config-'),
      kdfCost: TEST_KDF,
      shell: { chooseFolder: async () => ({ path: null }) },
    });
    await expect(core.dispatch('vault:status', {})).resolves.toMatchObject({ ok: true });
    await core.dispose();
  });
});

describe('the e2e bridge', () => {
  it('fails a call whose answer drifts from the contract, loudly, and records it', async () => {
    const bridge = await startBridge({
      rendererDir: await tempDir('amparo-renderer-'),
      configDir: await tempDir('amparo-config-'),
      kdfCost: TEST_KDF,
    });
    const token = new URL(bridge.url).searchParams.get('bridgeToken')!;
    const call = (channel: string) =>
      fetch(`${bridge.origin}/__bridge/call/${channel}`, {
        method: 'POST',
        headers: {
          origin: bridge.origin,
          'x-amparo-bridge-token': token,
          'content-type': 'application/json',
        },
        body: '{}',
      });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const honest = await call('vault:status');
      expect(honest.status).toBe(200);
      expect(await honest.json()).toMatchObject({ ok: true, value: { state: 'none' } });
      expect(bridge.contractDrift).toEqual([]);

      bridge.core.dispatch = answering({ state: 'none', path: 42, recent: [] });
      const drifted = await call('vault:status');
      expect(drifted.status).toBe(500);
      expect(await drifted.json()).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
      expect(bridge.contractDrift).toEqual([expect.stringMatching(/^vault:status answered outside .*path/)]);
      expect(errors).toHaveBeenCalledWith(expect.stringMatching(/^\[bridge\] contract drift: vault:status/));
    } finally {
      errors.mockRestore();
      await bridge.close();
    }
  });
});
