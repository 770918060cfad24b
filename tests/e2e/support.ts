// Helpers several specs share: a typed call straight into the bridge's core (to seed what a test is not
// about), and the axe check of a screen once its animations have settled.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { Bridge } from '../bridge/server';

export async function call<T>(bridge: Bridge, channel: string, input: unknown): Promise<T> {
  const result = await bridge.core.dispatch(channel as never, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

type Running = { playState: string; effect: { getTiming(): { iterations?: number } } | null };

/** No serious or critical axe violation on what is shown (once fades and slides have finished). */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(() =>
    (globalThis as unknown as { document: { getAnimations(): Running[] } }).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
  expect(serious, `serious or critical axe violations on ${screen}`).toEqual([]);
}
