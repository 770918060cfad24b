import { z } from 'zod';
import { Id } from './common';

export const AUDIT_ACTIONS = [
  'vault.create',
  'vault.unlock',
  'vault.lock',
  'vault.passphraseChange',
  'vault.reencrypt',
  'record.create',
  'record.update',
  'record.delete',
  'record.restore',
  'record.purge',
  'identity.reveal',
  'confidential.reveal',
  'search.protected',
  'evidence.acquire',
  'evidence.verify',
  'evidence.export',
  'export',
  'import',
  // filings: a document generated (kind, profile, SHA-256, exhibits) and a leak-guard hit kept (no value)
  'filing.generate',
  'filing.leakKept',
  // bundles and backups
  'bundle.export',
  'bundle.import',
  'bundle.choice',
  'bundle.signerConfirm',
  'backup.run',
  'backup.restore',
  // hearings: a binder generated (profile, SHA-256, exhibits)
  'hearing.binder',
] as const;
export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditEntry = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  action: AuditAction,
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  matterId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
  /**
   * Safe names of the record and of its case (reference, pseudonym, title; never a protected value), added
   * when listed. 'confidential' stands for a confidential record not revealed now; null: nothing to name.
   */
  recordLabel: z.string().nullable().optional(),
  matterLabel: z.string().nullable().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditFilter = z.object({
  matterId: Id.optional(),
  action: AuditAction.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export type AuditFilter = z.input<typeof AuditFilter>;

export const AuditPage = z.object({ items: z.array(AuditEntry), total: z.number().int() });
export type AuditPage = z.infer<typeof AuditPage>;

export const AuditVerification = z.object({
  ok: z.boolean(),
  checked: z.number().int(),
  total: z.number().int(),
  /** The first entry where the chain breaks. */
  brokenAt: z.number().int().nullable(),
  problem: z.enum(['edited', 'missing', 'reordered', 'truncated']).nullable(),
});
export type AuditVerification = z.infer<typeof AuditVerification>;
