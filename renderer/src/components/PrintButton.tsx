import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from './ConfirmDialog';

/**
 * Prints the screen's print area, after saying where the pages go: the operating system's print spooler,
 * which may keep copies outside the encrypted vault (spool files, a network printer's memory).
 */
export function PrintButton({ label }: { label: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <Button variant="default" onClick={() => setAsking(true)}>
        {label}
      </Button>
      <ConfirmDialog
        opened={asking}
        title={t('print.confirmTitle')}
        confirmLabel={t('print.confirm')}
        onClose={() => setAsking(false)}
        onConfirm={async () => {
          setAsking(false);
          // The dialog lives outside the print area, so printing at once prints only what was asked for.
          window.print();
        }}
      >
        <Text size="sm">{t('print.spoolerWarning')}</Text>
      </ConfirmDialog>
    </>
  );
}
