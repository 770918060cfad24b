import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A form's submit and Cancel buttons. In a panel they start the row (submit first); in a dialog they end it
 * (`inDialog`: Cancel, then submit, on the right).
 */
export function FormButtons({
  submitLabel,
  submitting,
  onCancel,
  inDialog = false,
}: {
  submitLabel: string;
  submitting: boolean;
  onCancel: () => void;
  inDialog?: boolean;
}) {
  const { t } = useTranslation();
  const submit = (
    <Button key="submit" type="submit" loading={submitting}>
      {submitLabel}
    </Button>
  );
  const cancel = (
    <Button key="cancel" variant="default" onClick={onCancel} disabled={submitting}>
      {t('common.cancel')}
    </Button>
  );
  return inDialog ? (
    <Group justify="flex-end">
      {cancel}
      {submit}
    </Group>
  ) : (
    <Group>
      {submit}
      {cancel}
    </Group>
  );
}
