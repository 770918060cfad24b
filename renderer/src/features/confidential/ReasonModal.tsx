import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { RevealIdentityInput } from '../../../../shared/schemas/people';

const ReasonForm = z.object({ reason: RevealIdentityInput.shape.reason });
type ReasonForm = z.infer<typeof ReasonForm>;

interface ReasonModalProps {
  opened: boolean;
  title: string;
  /** What will be shown, and for how long. */
  description: string;
  confirmLabel: string;
  onClose: () => void;
  /** Does the logged action with the reason given; a refusal is shown and the reason kept. */
  onConfirm: (reason: string) => Promise<void>;
}

function ReasonFormBody({
  description,
  confirmLabel,
  onClose,
  onConfirm,
}: Omit<ReasonModalProps, 'opened' | 'title'>) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const [error, setError] = useState<unknown>(null);
  const { register, handleSubmit, formState } = useForm<ReasonForm>({
    resolver: zodResolver(ReasonForm),
    defaultValues: { reason: '' },
  });

  const submit = async ({ reason }: ReasonForm) => {
    setError(null);
    try {
      await onConfirm(reason);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="md">
        <Text size="sm">{description}</Text>
        <Textarea
          {...register('reason')}
          label={t('confidential.reason')}
          description={t('confidential.reasonDescription')}
          error={fieldError(formState.errors.reason)}
          autosize
          minRows={2}
          withAsterisk
          data-autofocus
        />
        <Text size="xs" c="dimmed">
          {t('confidential.logged')}
        </Text>
        <ErrorAlert error={error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={formState.isSubmitting}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Asks why before anything protected or confidential is shown; the reason goes into the audit log. */
export function ReasonModal({ opened, title, ...rest }: ReasonModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={opened}
      onClose={rest.onClose}
      title={title}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* Rendered only while open, so every reveal starts with an empty reason. */}
      {opened && <ReasonFormBody {...rest} />}
    </Modal>
  );
}
