import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../api/client';

/** An error from the main process (or anything thrown), shown in the user's language by its code. */
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
    </Alert>
  );
}
