import type { LockReason, VaultStatus } from '../../../shared/schemas/vault';
import type { DraftScreen } from '../features/drafts/DraftContext';

/**
 * Where the app stands. Only `unlocked` renders screens that hold case data; every other phase renders
 * none, so switching away from it unmounts them and drops their state.
 */
export type Session =
  | { phase: 'starting' }
  | { phase: 'startFailed'; error: unknown }
  | { phase: 'gate'; status: VaultStatus; gate: Gate; notice: LockReason | null; lockError: unknown }
  /** `returnTo`: where the user was when this vault last locked in this run (ids only). */
  | { phase: 'unlocked'; status: VaultStatus; returnTo?: DraftScreen };

/** The screen shown while no vault is open. */
export type Gate = 'create' | 'unlock' | 'restore';

export function sessionFromStatus(status: VaultStatus, notice: LockReason | null = null): Session {
  if (status.state === 'unlocked') return { phase: 'unlocked', status };
  return {
    phase: 'gate',
    status,
    gate: status.state === 'none' ? 'create' : 'unlock',
    notice,
    lockError: null,
  };
}

/** The vault locked (by the user, the idle timer or the system): leave the unlocked screens at once. */
export function lockedSession(prev: Session, reason: LockReason): Session {
  const notice = reason === 'user' ? null : reason;
  if (prev.phase === 'unlocked') {
    return {
      phase: 'gate',
      status: { ...prev.status, state: 'locked' },
      gate: 'unlock',
      notice,
      lockError: null,
    };
  }
  if (prev.phase === 'gate' && notice) return { ...prev, notice };
  return prev;
}
