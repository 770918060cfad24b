// The value axis of the incidents-per-month chart, shared by the PDF (vector) and DOCX (PNG) drawings:
// a round maximum and evenly spaced ticks, and which month labels fit under the bars.

export interface ChartScale {
  max: number;
  ticks: number[];
}

export function chartScale(values: number[]): ChartScale {
  const top = Math.max(1, ...values);
  // Steps of 1, 2 or 5 × 10^k, about four of them.
  const raw = top / 4;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const max = Math.ceil(top / step) * step;
  const ticks: number[] = [];
  for (let v = 0; v <= max; v += step) ticks.push(v);
  return { max, ticks };
}

/** Every how many bars a label is printed so labels of `labelWidth` do not collide. */
export function labelEvery(bars: number, plotWidth: number, labelWidth: number): number {
  if (bars === 0) return 1;
  return Math.max(1, Math.ceil(labelWidth / (plotWidth / bars)));
}
