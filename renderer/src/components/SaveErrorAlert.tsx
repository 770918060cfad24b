import { Alert, Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../api/client';
import { ErrorAlert } from './ErrorAlert';

interface SaveErrorAlertProps {
  error: unknown;
  /** The alert's title for any other failure ("The case was not saved"). */
  title: string;
  /** What to say when the record was saved elsewhere after the form was opened (CONFLICT). */
  conflict?: {
    title: string;
    body: string;
    /** Fetch the latest saved version (discards what was typed). */
    onReload?: () => Promise<void>;
  };
}

/** Why a form was not saved; a CONFLICT gets its own explanation and a way to load the latest version. */
export function SaveErrorAlert({ error, title, conflict }: SaveErrorAlertProps) {
  const { t } = useTranslation();
  const [reloading, setReloading] = useState(false);
  // A failed reload is shown until the form's error changes (the next save).
  const [failedReload, setFailedReload] = useState<{ after: unknown; error: unknown } | null>(null);
  const reloadError = failedReload && failedReload.after === error ? failedReload.error : null;
  if (!conflict || errorCode(error) !== 'CONFLICT' || reloadError) {
    return <ErrorAlert error={reloadError ?? error} title={title} />;
  }
  const { onReload } = conflict;
  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      await onReload();
    } catch (err) {
      setFailedReload({ after: error, error: err });
    } finally {
      setReloading(false);
    }
  };
  return (
    <Alert color="orange" variant="light" title={conflict.title}>
      <Stack gap="sm" align="flex-start">
        {conflict.body}
        {onReload && (
          <Button variant="default" size="xs" onClick={() => void reload()} loading={reloading}>
            {t('common.reloadLatest')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
