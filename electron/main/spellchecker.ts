// Chromium's spellchecker fetches Hunspell dictionaries from a Google CDN on Linux and Windows, started
// by the session itself even when no window asks for spellchecking. Amparo never touches the network,
// so it is switched off on every session, and no dictionary download URL is ever set (the default one
// stays unused because the checker is off). Type-only Electron import.
import type { Session } from 'electron';

export function disableSpellChecker(session: Pick<Session, 'setSpellCheckerEnabled'>): void {
  session.setSpellCheckerEnabled(false);
}
