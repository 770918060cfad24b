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
  // Quiet for three frames in a row: a Mantine transition mounts at its start style and only begins to
  // run a frame later, so one quiet frame can be the moment before a fade (text at half contrast).
  await page.evaluate(() => ((globalThis as unknown as { quietFrames: number }).quietFrames = 0));
  await page.waitForFunction(
    () => {
      const g = globalThis as unknown as { quietFrames: number; document: { getAnimations(): Running[] } };
      const quiet = g.document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity);
      g.quietFrames = quiet ? g.quietFrames + 1 : 0;
      return g.quietFrames >= 3;
    },
    undefined,
    { polling: 'raf' },
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary ?? v.help}`));
  expect(serious, `serious or critical axe violations on ${screen}`).toEqual([]);
}
