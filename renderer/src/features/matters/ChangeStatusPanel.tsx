import { Group, Paper, Stack, Textarea, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { ChangeStatusInput } from '../../../../shared/schemas/status';
import type { Matter } from '../../../../shared/schemas/matter';
import { todayIso, useMatterOptions } from './labels';
import { DateFormField } from '../../components/DateField';

const ChangeStatusForm = ChangeStatusInput.pick({ toStatus: true, changedOn: true, note: true });
type ChangeStatusFormInput = z.input<typeof ChangeStatusForm>;
type ChangeStatusFormOutput = z.output<typeof ChangeStatusForm>;

/** Records a change of procedural status, with its date and a note. */
export function ChangeStatusPanel({
  matter,
  onChanged,
  onCancel,
}: {
  matter: Matter;
  onChanged: (m: Matter) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { statuses } = useMatterOptions();
  const form = useForm<ChangeStatusFormInput, unknown, ChangeStatusFormOutput>({
    resolver: zodResolver(ChangeStatusForm),
    defaultValues: { toStatus: matter.status, changedOn: todayIso(), note: '' },
  });
  const { register, control, handleSubmit, formState } = form;

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: ['toStatus', 'changedOn', 'note'] },
    async (values: ChangeStatusFormOutput) =>
      onChanged(
        await client.matters.changeStatus({ matterId: matter.id, revision: matter.revision, ...values }),
      ),
  );

  return (
    <Paper withBorder p="md" maw={880}>
      <form noValidate onSubmit={handleSubmit(submit)} aria-label={t('status.changeTitle')}>
        <Stack gap="sm">
          <Title order={4}>{t('status.changeTitle')}</Title>
          <Group align="flex-start" grow>
            <SelectField control={control} name="toStatus" label={t('status.toStatus')} data={statuses} />
            <DateFormField
              control={control}
              name="changedOn"
              emptyAs=""
              label={t('status.changedOn')}
              withAsterisk
            />
          </Group>
          <Textarea
            {...register('note')}
            label={t('status.note')}
            description={t('status.noteDescription')}
            error={fieldError(formState.errors.note)}
            autosize
            minRows={2}
          />
          <ErrorAlert error={error} title={t('status.failed')} />
          <FormButtons
            submitLabel={t('status.submit')}
            submitting={formState.isSubmitting}
            onCancel={onCancel}
          />
        </Stack>
      </form>
    </Paper>
  );
}
