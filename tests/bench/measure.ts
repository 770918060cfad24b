// Small timing helpers shared by the bench sections.

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const median = (values: number[]): number => percentile(values, 50);

export async function samples(runs: number, fn: () => unknown): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    out.push(performance.now() - start);
  }
  return out;
}

export async function time(runs: number, fn: () => unknown): Promise<number> {
  return median(await samples(runs, fn));
}

/** One line: our figure, the reference figure on the same machine in the same run, and the ratio. */
export function row(label: string, amparo: number, reference: number, unit = 'ms'): string {
  const fmt = (n: number) => `${n.toFixed(2).padStart(10)} ${unit}`;
  return `${label.padEnd(46)} ${fmt(amparo)}  ${fmt(reference)}  ${(amparo / reference).toFixed(2).padStart(8)}×`;
}

export function header(title: string, reference: string): string {
  return `\n${title}\n${'figure'.padEnd(46)} ${'amparo'.padStart(13)}  ${reference.padStart(13)}  ${'ratio'.padStart(9)}`;
}
