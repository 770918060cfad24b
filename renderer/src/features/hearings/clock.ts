/** Seconds as a countdown reads: "4:05", "1:02:03"; a negative value (overrun) with a minus sign "−0:30". */
export function formatCountdown(seconds: number): string {
  const negative = seconds < 0;
  const total = Math.floor(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  const body = `${h > 0 ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
  return negative ? `\u2212${body}` : body;
}
