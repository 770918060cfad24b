import { Button, Group, Loader, Paper, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import { ChangeStatusInput } from '../../../../shared/schemas/status';
import type { Matter } from '../../../../shared/schemas/matter';
import { formatIsoDate, formatTimestamp, todayIso, useMatterOptions } from './labels';

const ChangeStatusForm = ChangeStatusInput.pick({ toStatus: true, changedOn: true, note: true });
type ChangeStatusFormInput = z.input<typeof ChangeStatusForm>;
type ChangeStatusFormOutput = z.output<typeof ChangeStatusForm>;

function ChangeStatusPanel({
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
            <TextInput
              {...register('changedOn')}
              type="date"
              label={t('status.changedOn')}
              error={fieldError(formState.errors.changedOn)}
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

/** Where the matter has stood before the forum, with dates and who recorded each change. */
export function StatusHistory({ matter, onChanged }: { matter: Matter; onChanged: (m: Matter) => void }) {
  const { t, i18n } = useTranslation();
  const history = useLoad(
    () => client.matters.statusHistory({ matterId: matter.id }),
    [matter.id, matter.revision],
  );
  const [changing, setChanging] = useState(false);

  const items = history.data ? [...history.data].reverse() : null;

  return (
    <Stack gap="sm">
      <Group justify="space-between" maw={880}>
        <Title order={3}>{t('status.historyTitle')}</Title>
        {!changing && (
          <Button variant="default" onClick={() => setChanging(true)}>
            {t('status.change')}
          </Button>
        )}
      </Group>
      {changing && (
        <ChangeStatusPanel
          matter={matter}
          onChanged={(next) => {
            setChanging(false);
            onChanged(next);
          }}
          onCancel={() => setChanging(false)}
        />
      )}
      <ErrorAlert error={history.error} />
      {!history && <Loader size="sm" aria-label={t('common.loading')} />}
      {items && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('status.empty')}
        </Text>
      )}
      {items && items.length > 0 && (
        <Table.ScrollContainer minWidth={640} maw={880}>
          <Table aria-label={t('status.historyTitle')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('status.changedOn')}</Table.Th>
                <Table.Th>{t('status.transition')}</Table.Th>
                <Table.Th>{t('status.actor')}</Table.Th>
                <Table.Th>{t('status.note')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((change) => (
                <Table.Tr key={String(change.id)}>
                  <Table.Td
                    style={{ whiteSpace: 'nowrap' }}
                    title={formatTimestamp(change.changedAt, i18n.language)}
                  >
                    {formatIsoDate(change.changedOn, i18n.language)}
                  </Table.Td>
                  <Table.Td>
                    {change.fromStatus
                      ? t('status.fromTo', {
                          from: t(`matterStatus.${change.fromStatus}`),
                          to: t(`matterStatus.${change.toStatus}`),
                        })
                      : t(`matterStatus.${change.toStatus}`)}
                  </Table.Td>
                  <Table.Td>{change.actor}</Table.Td>
                  <Table.Td className="amparo-prewrap">{change.note}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
