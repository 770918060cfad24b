// The main process's log lines, captured instead of printed: each test takes the lines it expects
// (`takeLog()`), and any line left over fails that test. Call once at the top of a test file.
import { afterAll, afterEach, expect } from 'vitest';
import { setMainLogSink } from '../../../electron/main/log';

export function captureMainLog(): () => string[] {
  const logged: string[] = [];
  const takeLog = () => logged.splice(0);
  setMainLogSink({
    warn: (message) => logged.push(message),
    error: (where, error) => logged.push(`ERROR ${where}: ${String(error)}`),
  });
  afterEach(() => expect(takeLog(), 'unexpected main-process log lines').toEqual([]));
  afterAll(() => setMainLogSink(null));
  return takeLog;
}
