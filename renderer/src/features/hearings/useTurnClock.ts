import { useCallback, useEffect, useState } from 'react';

/** How often the countdown is redrawn; the time itself comes from the clock, not from counting ticks. */
const TICK_MS = 250;

export interface TurnClock {
  /** The turn being spoken (0-based). */
  index: number;
  running: boolean;
  /** Whole seconds spent on each turn so far (the current one included). */
  spentOn: (turn: number) => number;
  /** Whole seconds spent on all turns. */
  spentTotal: number;
  next: () => void;
  previous: () => void;
  toggle: () => void;
}

/**
 * The hearing-day clock: time runs on the current turn while not paused; moving to another turn keeps what
 * was spent on the one left (going back resumes it). Counting from Date.now() keeps it right even when the
 * window was throttled in the background.
 */
export function useTurnClock(turnCount: number): TurnClock {
  const [index, setIndex] = useState(0);
  const [running, setRunning] = useState(true);
  // Milliseconds spent per turn, not counting the segment under way.
  const [spent, setSpent] = useState<number[]>(() => Array.from({ length: turnCount }, () => 0));
  // When the segment under way started (null while paused).
  const [since, setSince] = useState<number | null>(() => Date.now());
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, [running]);

  /** Adds the segment under way to the current turn and starts a new one (or none, when pausing). */
  const settle = useCallback(
    (keepRunning: boolean) => {
      const at = Date.now();
      if (since !== null) setSpent((prev) => prev.map((ms, i) => (i === index ? ms + (at - since) : ms)));
      setSince(keepRunning ? at : null);
      setNow(at);
    },
    [index, since],
  );

  const go = useCallback(
    (to: number) => {
      if (to < 0 || to >= turnCount || to === index) return;
      settle(running);
      setIndex(to);
    },
    [index, turnCount, running, settle],
  );

  const toggle = useCallback(() => {
    settle(!running);
    setRunning(!running);
  }, [running, settle]);

  const live = running && since !== null ? Math.max(0, now - since) : 0;
  const spentMs = (turn: number) => (spent[turn] ?? 0) + (turn === index ? live : 0);
  const total = spent.reduce((sum, ms) => sum + ms, 0) + live;
  return {
    index,
    running,
    spentOn: (turn) => Math.floor(spentMs(turn) / 1000),
    spentTotal: Math.floor(total / 1000),
    next: () => go(index + 1),
    previous: () => go(index - 1),
    toggle,
  };
}
