// The lines that name who holds a vault when a VAULT_BUSY refusal carries its holders: shown under the
// error in the app and in the start-up dialog, in the user's language.
import type { VaultHolder } from './errors';

/** A translation lookup that fills `{{name}}` placeholders (i18next's `t`, or the main process's). */
export type FillText = (key: string, values: Record<string, string>) => string;

const KNOWN_PROGRAMS: Record<string, string> = {
  Amparo: 'vaultHolders.app',
  'the amparo command line': 'vaultHolders.cli',
};

function when(iso: string, now: Date): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}

export function vaultHolderLines(holders: readonly VaultHolder[], t: FillText, now = new Date()): string[] {
  return holders.map((h) => {
    const known = KNOWN_PROGRAMS[h.program];
    const program = known ? t(known, {}) : h.program;
    const pid = String(h.pid);
    const process = h.otherHost
      ? t('vaultHolders.processElsewhere', { pid, host: h.otherHost })
      : t('vaultHolders.process', { pid });
    return t(h.mode === 'exclusive' ? 'vaultHolders.rekeying' : 'vaultHolders.open', {
      program,
      process,
      since: when(h.since, now),
    });
  });
}
