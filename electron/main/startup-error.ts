// What the user reads when the app cannot start: the error, in plain words, and what to do about it.
// Pure (no Electron import): index.ts shows the result with dialog.showErrorBox, and
// tests/unit/security/startup-error.test.ts checks every case.
import type { VaultHolder } from '../../shared/errors';
import { vaultHolderLines } from '../../shared/vault-holders';
import type { Translate } from './menu';

export type StartupProblem =
  'missing' | 'busy' | 'permission' | 'diskFull' | 'settings' | 'crashed' | 'unknown';

export interface StartupDialog {
  problem: StartupProblem;
  title: string;
  /** What happened and what to do, then the technical message for whoever helps the user. */
  content: string;
}

/** English text used when a translation file lacks a key (the dialog must never show a bare key). */
export const STARTUP_FALLBACK: Record<string, string> = {
  'startup.title': 'Amparo could not start',
  'startup.missing':
    'A folder Amparo needs is missing: {{path}}. If it is on a removable drive, connect it; otherwise restore it from your backup. Then start Amparo again.',
  'startup.busy':
    'The vault is in use by another program, probably another Amparo window or an Amparo started with another profile. Close it, then start Amparo again.',
  'startup.permission':
    'Amparo may not read or write {{path}}. Check that your account owns this folder and that the drive is not read-only, then start Amparo again.',
  'startup.diskFull': 'The disk is full. Free some space, then start Amparo again.',
  'startup.settings':
    'The settings file was damaged. Amparo kept it as {{path}} and started with the default settings. Your vaults are not affected; set your preferences again in Settings.',
  'startup.settingsTitle': 'Settings were reset',
  'startup.crashed':
    'The window kept crashing, so Amparo closed. The vault was locked first; nothing was lost that had been saved. Start Amparo again; if this happens every time, send the technical details below to whoever supports your installation.',
  'startup.crashedTitle': 'Amparo closed',
  'startup.unknown':
    'An unexpected error stopped Amparo. Start it again; if this happens every time, send the technical details below to whoever supports your installation.',
  'startup.details': 'Technical details',
  'startup.busyHeld':
    'The vault is in use by another program. Close it or wait for it to finish, then start Amparo again.',
  'vaultHolders.app': 'Amparo',
  'vaultHolders.cli': 'the amparo command line',
  'vaultHolders.process': 'process {{pid}}',
  'vaultHolders.processElsewhere': 'process {{pid}} on {{host}}',
  'vaultHolders.open': 'Open in {{program}} ({{process}}) since {{since}}.',
  'vaultHolders.rekeying': 'Being re-encrypted by {{program}} ({{process}}) since {{since}}.',
};

interface ErrorFields {
  code?: unknown;
  path?: unknown;
  message?: unknown;
  name?: unknown;
  holders?: unknown;
}

function fields(error: unknown): ErrorFields {
  return error !== null && typeof error === 'object' ? (error as ErrorFields) : {};
}

export function classifyStartupError(error: unknown): StartupProblem {
  const { code, name } = fields(error);
  const c = typeof code === 'string' ? code : '';
  if (name === 'SettingsDamagedError') return 'settings';
  if (name === 'RendererCrashError') return 'crashed';
  if (c === 'VAULT_BUSY' || c.startsWith('SQLITE_BUSY') || c.startsWith('SQLITE_LOCKED')) return 'busy';
  if (c === 'ENOENT' || c === 'ENOTDIR') return 'missing';
  if (c === 'EACCES' || c === 'EPERM' || c === 'EROFS') return 'permission';
  if (c === 'ENOSPC' || c === 'DISK_FULL' || c.startsWith('SQLITE_FULL')) return 'diskFull';
  return 'unknown';
}

const TITLES: Partial<Record<StartupProblem, string>> = {
  settings: 'startup.settingsTitle',
  crashed: 'startup.crashedTitle',
};

export function startupErrorDialog(error: unknown, t: Translate): StartupDialog {
  const problem = classifyStartupError(error);
  const say = (key: string) => t.optional(key) ?? STARTUP_FALLBACK[key] ?? key;
  const { path, message, holders } = fields(error);
  const where = typeof path === 'string' && path.length > 0 ? path : '—';
  const named = problem === 'busy' && Array.isArray(holders) && holders.length > 0;
  const fill = (key: string, values: Record<string, string>) =>
    Object.entries(values).reduce((text, [name, value]) => text.replaceAll(`{{${name}}}`, value), say(key));
  const text = named
    ? [say('startup.busyHeld'), ...vaultHolderLines(holders as VaultHolder[], fill)].join('\n')
    : say(`startup.${problem}`).replaceAll('{{path}}', where);
  const technical = typeof message === 'string' && message.length > 0 ? message : String(error);
  return {
    problem,
    title: say(TITLES[problem] ?? 'startup.title'),
    content: `${text}\n\n${say('startup.details')}: ${technical}`,
  };
}
