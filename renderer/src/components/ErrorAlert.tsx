import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AmparoError } from '../../../shared/errors';
import { vaultHolderLines } from '../../../shared/vault-holders';
import { errorCode } from '../api/client';

/**
 * An error from the main process (or anything thrown), shown in the user's language by its code; a vault
 * held by another program names it.
 */
export function ErrorAlert({
  error,
  title,
  onClose,
}: {
  error: unknown;
  title?: string;
  onClose?: () => void;
}) {
  const { t } = useTranslation();
  if (error === null || error === undefined) return null;
  return (
    <Alert
      color="red"
      variant="light"
      title={title}
      withCloseButton={Boolean(onClose)}
      closeButtonLabel={t('common.dismiss')}
      onClose={onClose}
    >
      {t(`errors.${errorCode(error)}`)}
      {error instanceof AmparoError && error.holders && error.holders.length > 0 && (
        <ul data-testid="vault-holders">
          {vaultHolderLines(error.holders, (key, values) => t(key, values)).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
