import type { Language } from '../../../../../shared/schemas/settings';
import type { StrengthEstimate } from './estimate';

export type { StrengthEstimate };

/** Passphrases scoring below this are refused by the create and change-passphrase forms. */
export const MIN_STRENGTH_SCORE = 3;

let loading: Promise<typeof import('./estimate')> | null = null;

function loadEstimator(): Promise<typeof import('./estimate')> {
  loading ??= import('./estimate');
  return loading;
}

export async function measureStrength(
  passphrase: string,
  userInputs: string[],
  language: Language,
): Promise<StrengthEstimate> {
  const { estimateStrength } = await loadEstimator();
  return estimateStrength(passphrase, userInputs, language);
}

/** Words a passphrase should not be built from: the folder's name parts and the app's own name. */
export function contextWords(folder: string | null | undefined): string[] {
  const parts = (folder ?? '').split(/[\\/:\s._-]+/).filter((part) => part.length > 2);
  return ['amparo', 'boveda', 'bóveda', 'vault', ...parts];
}
