import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSPHRASE_MIN_LENGTH } from '../../../shared/schemas/vault';

/**
 * Translates a form field's error. Shared schemas name i18n keys (`validation.*`) as messages; anything else
 * (zod's English defaults, a server message) becomes a generic "invalid value" rather than leaking English.
 */
export function useFieldError(): (
  error: { message?: string } | undefined,
  /** The field's length limit: "too long" then says it ("at most 200 characters"). */
  maxLength?: number,
) => string | undefined {
  const { t } = useTranslation();
  return useCallback(
    (error, maxLength) => {
      if (!error) return undefined;
      const message = error.message ?? '';
      if (message === 'validation.tooLong' && maxLength)
        return t('validation.tooLongMax', { max: maxLength });
      return message.startsWith('validation.')
        ? t(message, { passphraseMinLength: PASSPHRASE_MIN_LENGTH })
        : t('validation.invalid');
    },
    [t],
  );
}
