import { useCallback, useEffect, useRef, useState } from 'react';
import { client } from '../api/client';
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/schemas/settings';
import type { VaultStatus } from '../../../shared/schemas/vault';
import type { DraftScreen } from '../features/drafts/DraftContext';
import { CreateVaultScreen } from '../features/vault/CreateVaultScreen';
import { UnlockScreen } from '../features/vault/UnlockScreen';
import { RestoreBackupScreen } from '../features/bundles/RestoreBackupScreen';
import { RevealedIdentitiesProvider } from '../features/people/revealedIdentities';
import { SettingsChangeContext } from '../components/GateLanguagePicker';
import { notifications } from '@mantine/notifications';
import { flushPendingDrafts, setLocking } from '../features/drafts/pending';
import { applyLanguage } from './i18n';
import { currentPlace } from './lastPlace';
import { lockedSession, sessionFromStatus, type Session } from './session';
import { StartScreen } from './StartScreen';
import { Workspace } from './Workspace';

async function start(): Promise<{ status: VaultStatus; settings: Settings }> {
  // Settings live outside any vault, so the very first screen can already speak the user's language.
  const settings = await client.settings.get({}).catch(() => DEFAULT_SETTINGS);
  await applyLanguage(settings.language);
  const status = await client.vault.status({});
  return { status, settings };
}

/** Chooses the screen from the vault's state: create, unlock, or the unlocked workspace. */
export function App() {
  const [session, setSession] = useState<Session>({ phase: 'starting' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [attempt, setAttempt] = useState(0);
  // Where the user was at the last lock, and in which vault: unlocking that vault again returns there.
  const returnTo = useRef<{ path: string | null; screen: DraftScreen } | null>(null);
  const openPath = useRef<string | null>(null);
  useEffect(() => {
    if (session.phase === 'unlocked') openPath.current = session.status.path;
  }, [session]);
  const rememberPlace = useCallback(() => {
    // The core's lock event also follows a lock the UI started, once nothing is shown: keep what was.
    const screen = currentPlace();
    if (screen) returnTo.current = { path: openPath.current, screen };
  }, []);

  useEffect(() => {
    let active = true;
    start().then(
      (result) => {
        if (!active) return;
        setSettings(result.settings);
        setSession(sessionFromStatus(result.status));
      },
      (error: unknown) => {
        if (active) setSession({ phase: 'startFailed', error });
      },
    );
    return () => {
      active = false;
    };
  }, [attempt]);

  // Locks decided elsewhere (idle timer, sleep/screen lock, the menu's Lock command) arrive as events.
  useEffect(() => {
    try {
      return client.events.onVaultLocked(({ reason }) => {
        rememberPlace();
        setLocking(true);
        notifications.clean();
        setSession((prev) => lockedSession(prev, reason));
      });
    } catch {
      return undefined;
    }
  }, [rememberPlace]);

  const lockNow = useCallback(async () => {
    // Drop every unlocked screen first, then tell the core; the UI never waits to hide case data. Typing
    // not yet autosaved is captured before the forms unmount and reaches the vault before it locks.
    rememberPlace();
    setLocking(true);
    const drafts = flushPendingDrafts();
    notifications.clean();
    setSession((prev) => lockedSession(prev, 'user'));
    try {
      await drafts;
      const status = await client.vault.lock({});
      setSession((prev) => (prev.phase === 'gate' ? { ...prev, status } : prev));
    } catch (error) {
      setSession((prev) => (prev.phase === 'gate' ? { ...prev, lockError: error } : prev));
    }
  }, [rememberPlace]);

  const changeSettings = useCallback((next: Settings) => {
    setSettings(next);
    void applyLanguage(next.language);
  }, []);

  const enter = useCallback((status: VaultStatus) => {
    setLocking(false);
    const back = returnTo.current;
    returnTo.current = null;
    const next = sessionFromStatus(status);
    setSession(
      next.phase === 'unlocked' && back && back.path === status.path
        ? { ...next, returnTo: back.screen }
        : next,
    );
  }, []);

  switch (session.phase) {
    case 'starting':
    case 'startFailed':
      return (
        <StartScreen
          error={session.phase === 'startFailed' ? session.error : null}
          onRetry={() => {
            setSession({ phase: 'starting' });
            setAttempt((n) => n + 1);
          }}
        />
      );
    case 'gate':
      return (
        <SettingsChangeContext.Provider value={changeSettings}>
          {session.gate === 'restore' ? (
            <RestoreBackupScreen
              onRestored={enter}
              onBack={() => setSession(sessionFromStatus(session.status))}
            />
          ) : session.gate === 'create' ? (
            <CreateVaultScreen
              onCreated={enter}
              onOpenExisting={() => setSession({ ...session, gate: 'unlock', notice: null })}
              onRestore={() => setSession({ ...session, gate: 'restore', notice: null })}
            />
          ) : (
            <UnlockScreen
              status={session.status}
              notice={session.notice}
              lockError={session.lockError}
              onUnlocked={enter}
              onCreateNew={() => setSession({ ...session, gate: 'create', notice: null })}
              onRestore={() => setSession({ ...session, gate: 'restore', notice: null })}
            />
          )}
        </SettingsChangeContext.Provider>
      );
    case 'unlocked':
      // Revealed identities live only while the vault is unlocked: locking unmounts them with the workspace.
      return (
        <RevealedIdentitiesProvider>
          <Workspace
            status={session.status}
            {...(session.returnTo ? { returnTo: session.returnTo } : {})}
            settings={settings}
            onSettingsChange={changeSettings}
            onLock={() => void lockNow()}
          />
        </RevealedIdentitiesProvider>
      );
  }
}
