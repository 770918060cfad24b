// The speaking plan's arithmetic, shared by the core (binder, hearing-day data) and the renderer (the
// planning screen warns while the user types). Pure functions over seconds; no dates, no clock.

export interface PlannedTurn {
  seconds: number;
}

export type PlanStatus = 'no_share' | 'under' | 'exact' | 'over';

export interface PlanCheck {
  plannedSeconds: number;
  shareSeconds: number | null;
  /** plannedSeconds − shareSeconds: positive = over by that much, negative = that much left; null without a share. */
  differenceSeconds: number | null;
  status: PlanStatus;
}

export const totalSeconds = (turns: readonly PlannedTurn[]): number =>
  turns.reduce((sum, t) => sum + Math.max(0, Math.trunc(t.seconds)), 0);

/** The sum of the turns against our share of the time (in minutes, as the forum grants it). */
export function checkPlan(turns: readonly PlannedTurn[], shareMinutes: number | null): PlanCheck {
  const plannedSeconds = totalSeconds(turns);
  if (shareMinutes === null || shareMinutes === undefined)
    return { plannedSeconds, shareSeconds: null, differenceSeconds: null, status: 'no_share' };
  const shareSeconds = Math.trunc(shareMinutes * 60);
  const differenceSeconds = plannedSeconds - shareSeconds;
  const status = differenceSeconds > 0 ? 'over' : differenceSeconds < 0 ? 'under' : 'exact';
  return { plannedSeconds, shareSeconds, differenceSeconds, status };
}

/** Where each turn starts, in seconds from the start of our share. */
export function startOffsets(turns: readonly PlannedTurn[]): number[] {
  const offsets: number[] = [];
  let at = 0;
  for (const turn of turns) {
    offsets.push(at);
    at += Math.max(0, Math.trunc(turn.seconds));
  }
  return offsets;
}

/** A new array with the item at `from` moved to `to` (both clamped to the list); the input is untouched. */
export function moveTo<T>(items: readonly T[], from: number, to: number): T[] {
  const next = [...items];
  if (from < 0 || from >= next.length) return next;
  const target = Math.min(Math.max(0, to), next.length - 1);
  const [moved] = next.splice(from, 1);
  next.splice(target, 0, moved as T);
  return next;
}

export const moveUp = <T>(items: readonly T[], index: number): T[] => moveTo(items, index, index - 1);
export const moveDown = <T>(items: readonly T[], index: number): T[] => moveTo(items, index, index + 1);

/** "12:05" for 725 seconds; "1:02:05" past an hour; a leading "−" for negative values. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '−' : '';
  const s = Math.abs(Math.trunc(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${rest}` : `${sign}${m}:${rest}`;
}
