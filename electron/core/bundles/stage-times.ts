// How long the stages of the last bundle export and import in this process took, in milliseconds: read
// by the bench (tests/bench/bundles.ts) to say what bounds the throughput. Nothing else depends on it.
export const stageTimes: { export: Record<string, number>; import: Record<string, number> } = {
  export: {},
  import: {},
};

/** Clears `into` and returns a lap timer: each call records the time since the last under `stage`. */
export function lapTimer(into: Record<string, number>): (stage: string) => void {
  for (const key of Object.keys(into)) delete into[key];
  let last = performance.now();
  return (stage) => {
    const now = performance.now();
    into[stage] = (into[stage] ?? 0) + (now - last);
    last = now;
  };
}
