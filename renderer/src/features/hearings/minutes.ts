// A turn's length as the lawyer types it: whole minutes ("5") or minutes and seconds ("2:30"); the core
// keeps seconds, at most four hours.
export const MAX_TURN_SECONDS = 240 * 60;

/** Seconds for "m" or "m:ss" (seconds 00–59), or null when it is neither or longer than four hours. */
export function parseMinutes(text: string): number | null {
  const match = /^(\d{1,3})(?::([0-5]\d))?$/.exec(text.trim());
  if (!match) return null;
  const seconds = Number(match[1]) * 60 + Number(match[2] ?? 0);
  return seconds <= MAX_TURN_SECONDS ? seconds : null;
}

/** "m:ss", as the field shows a saved length (5:00, 2:30, 0:45). */
export function formatMinutes(seconds: number): string {
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}
