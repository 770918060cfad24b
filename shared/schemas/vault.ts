import { z } from 'zod';
import { FolderPath } from './common';

export const PASSPHRASE_MIN_LENGTH = 12;

const Passphrase = z
  .string()
  .min(PASSPHRASE_MIN_LENGTH, 'validation.passphraseTooShort')
  .max(1024, 'validation.tooLong');

/** Unlocking accepts any non-empty passphrase: an old vault may predate today's length rule. */
const ExistingPassphrase = z.string().min(1, 'validation.required').max(1024, 'validation.tooLong');

export const CreateVaultInput = z.object({ path: FolderPath, passphrase: Passphrase });
export type CreateVaultInput = z.infer<typeof CreateVaultInput>;

/** The create form asks twice; only the main process input above crosses the boundary. */
export const CreateVaultForm = CreateVaultInput.extend({ confirmation: z.string() }).refine(
  (v) => v.passphrase === v.confirmation,
  { message: 'validation.passphraseMismatch', path: ['confirmation'] },
);
export type CreateVaultForm = z.infer<typeof CreateVaultForm>;

export const UnlockVaultInput = z.object({ path: FolderPath, passphrase: ExistingPassphrase });
export type UnlockVaultInput = z.infer<typeof UnlockVaultInput>;

export const ChangePassphraseInput = z.object({ current: ExistingPassphrase, next: Passphrase });
export type ChangePassphraseInput = z.infer<typeof ChangePassphraseInput>;

export const ChangePassphraseForm = ChangePassphraseInput.extend({ confirmation: z.string() }).refine(
  (v) => v.next === v.confirmation,
  { message: 'validation.passphraseMismatch', path: ['confirmation'] },
);
export type ChangePassphraseForm = z.infer<typeof ChangePassphraseForm>;

/** Re-encrypting the database asks for the passphrase again: it is slow and deliberate. */
export const ReencryptVaultInput = z.object({ passphrase: ExistingPassphrase });
export type ReencryptVaultInput = z.infer<typeof ReencryptVaultInput>;

export const LockReason = z.enum(['user', 'idle', 'system']);
export type LockReason = z.infer<typeof LockReason>;

export const VaultStatus = z.object({
  /** `none`: no vault known yet (first run); `locked`: a vault is known but closed; `unlocked`: open. */
  state: z.enum(['none', 'locked', 'unlocked']),
  /** The vault the app is pointed at: the last one used, or the open one. */
  path: z.string().nullable(),
  recent: z.array(z.string()),
});
export type VaultStatus = z.infer<typeof VaultStatus>;

export const VaultLockedEvent = z.object({ reason: LockReason });
export type VaultLockedEvent = z.infer<typeof VaultLockedEvent>;

export const ChooseFolderInput = z.object({ purpose: z.enum(['create', 'open', 'export']) });
export const ChooseFolderResult = z.object({ path: z.string().nullable() });
export type ChooseFolderResult = z.infer<typeof ChooseFolderResult>;
