// Where the main process reports refusals (a blocked request, a foreign sender) and errors: stderr. The sink
// is replaceable so the fake-Electron tests capture every line and assert on it instead of printing it.
export interface MainLogSink {
  warn(message: string, error?: unknown): void;
  error(where: string, error: unknown): void;
}

const stderrSink: MainLogSink = {
  warn: (message, error) =>
    error === undefined ? console.warn(`[amparo] ${message}`) : console.warn(`[amparo] ${message}`, error),
  error: (where, error) => console.error(`[amparo] ${where}:`, error),
};

let sink = stderrSink;

export const log = (message: string, error?: unknown): void => sink.warn(message, error);
export const logError = (where: string, error: unknown): void => sink.error(where, error);

/** Replaces the sink (tests); `null` restores stderr. */
export function setMainLogSink(next: MainLogSink | null): void {
  sink = next ?? stderrSink;
}
