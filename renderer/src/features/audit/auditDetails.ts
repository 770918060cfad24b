// What an audit entry's details say, in the reader's language: the log stores codes (field names, lock
// reasons, statuses); only these labels are shown.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/schemas/audit';

const LOCK_REASONS = new Set(['user', 'idle', 'system']);

/** The few details worth a reader's eye: the reason given for a reveal, why the vault locked, what changed. */
export function useAuditDetails(): (entry: AuditEntry) => string {
  const { t } = useTranslation();
  return useCallback(
    (entry: AuditEntry) => {
      const d = entry.details;
      const parts: string[] = [];
      if (typeof d.reason === 'string') {
        // A lock's reason is a code; a reveal's reason is what the user typed, shown as written.
        const reason =
          entry.action === 'vault.lock' && LOCK_REASONS.has(d.reason)
            ? t(`audit.lockReason.${d.reason}`)
            : d.reason;
        parts.push(t('audit.reason', { reason }));
      }
      if (Array.isArray(d.fields) && d.fields.length > 0) {
        const names = d.fields.map((field) =>
          t(`audit.field.${String(field)}`, { defaultValue: t('audit.field.other') }),
        );
        parts.push(t('audit.fields', { fields: [...new Set(names)].join(', ') }));
      }
      if (typeof d.from === 'string' && typeof d.to === 'string') {
        parts.push(
          t('audit.statusChange', {
            from: t(`matterStatus.${d.from}`, { defaultValue: t('audit.field.other') }),
            to: t(`matterStatus.${d.to}`, { defaultValue: t('audit.field.other') }),
          }),
        );
      }
      if (typeof d.matches === 'number') parts.push(t('audit.matches', { count: d.matches }));
      return parts.join(' · ');
    },
    [t],
  );
}
