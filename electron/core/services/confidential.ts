// Revealing confidential items for a while: one matter's confidential incidents and notes, or (with no
// matter) confidential matters and people in lists. Logged with the user's reason; ends at lock.
import { CONFIDENTIAL_MATTERS_SCOPE } from './matters';
import { CONFIDENTIAL_PEOPLE_SCOPE } from './people';
import type { RevealState } from './reveal-state';
import type { VaultContext } from './vault-context';

export function revealConfidential(
  ctx: VaultContext,
  reveals: RevealState,
  matterId: string | undefined,
  reason: string,
): string {
  return ctx.db.transaction(() => {
    ctx.audit.append({
      action: 'confidential.reveal',
      entityType: matterId ? 'matter' : null,
      entityId: matterId ?? null,
      matterId: matterId ?? null,
      details: { reason, scope: matterId ? 'matter' : 'lists' },
    });
    if (matterId) return new Date(reveals.revealConfidential(matterId)).toISOString();
    reveals.revealConfidential(CONFIDENTIAL_PEOPLE_SCOPE);
    return new Date(reveals.revealConfidential(CONFIDENTIAL_MATTERS_SCOPE)).toISOString();
  })();
}
