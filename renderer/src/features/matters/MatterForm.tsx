import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { errorCode } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { useEnumOptions } from '../../components/options';
import { applyServerIssues } from '../../components/serverIssues';
import { CLASSIFICATIONS } from '../../../../shared/schemas/classification';
import { DEFAULT_FORUM, MatterFields, type MatterType } from '../../../../shared/schemas/matter';
import { useMatterOptions } from './labels';

const FIELD_NAMES = [
  'title',
  'matterType',
  'forum',
  'reference',
  'status',
  'openedOn',
  'summary',
  'classification',
] as const;

interface MatterFormProps {
  mode: 'create' | 'edit';
  initial: MatterFields;
  /** Saves; throws the client's AmparoError when the main process refuses. */
  onSubmit: (fields: MatterFields) => Promise<void>;
  onCancel: () => void;
  /** Edit only: fetch the latest saved version after a CONFLICT (discards what was typed). */
  onReload?: () => Promise<void>;
}

/** Creates or edits a case. The same zod schema checks it here and again in the main process. */
export function MatterForm({ mode, initial, onSubmit, onCancel, onReload }: MatterFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const options = useMatterOptions();
  const classifications = useEnumOptions('classification', CLASSIFICATIONS);
  const [error, setError] = useState<unknown>(null);
  const [reloading, setReloading] = useState(false);
  // Choosing a matter type suggests its usual forum until the user picks a forum themselves.
  const forumChosenByUser = useRef(false);
  const form = useForm<MatterFields>({ resolver: zodResolver(MatterFields), defaultValues: initial });
  const { register, control, handleSubmit, formState, getValues, setValue } = form;
  const errors = formState.errors;
  const conflict = errorCode(error) === 'CONFLICT';

  const submit = async (values: MatterFields) => {
    setError(null);
    try {
      await onSubmit(values);
    } catch (err) {
      // Whatever happens, the form keeps what the user typed.
      if (!applyServerIssues(err, FIELD_NAMES, form.setError, 'fields.')) setError(err);
    }
  };

  const reload = async () => {
    if (!onReload) return;
    setReloading(true);
    try {
      await onReload();
    } catch (err) {
      setError(err);
    } finally {
      setReloading(false);
    }
  };

  return (
    <form noValidate onSubmit={handleSubmit(submit)}>
      <Stack gap="md" maw={880}>
        <TextInput
          {...register('title')}
          label={t('matters.fields.title')}
          description={t('matters.fields.titleDescription')}
          error={fieldError(errors.title)}
          autoFocus={mode === 'create'}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="matterType"
            render={({ field }) => (
              <Select
                label={t('matters.fields.matterType')}
                data={options.types}
                value={field.value}
                onChange={(value) => {
                  if (!value) return;
                  const previous = getValues('matterType');
                  field.onChange(value);
                  const forum = getValues('forum');
                  // In an existing case, only a forum that was still the old type's usual one follows along.
                  if (
                    !forumChosenByUser.current &&
                    (mode === 'create' || forum === DEFAULT_FORUM[previous])
                  ) {
                    setValue('forum', DEFAULT_FORUM[value as MatterType], { shouldDirty: true });
                  }
                }}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.matterType)}
                allowDeselect={false}
                withAsterisk
              />
            )}
          />
          <Controller
            control={control}
            name="forum"
            render={({ field }) => (
              <Select
                label={t('matters.fields.forum')}
                data={options.forums}
                value={field.value}
                onChange={(value) => {
                  if (!value) return;
                  forumChosenByUser.current = true;
                  field.onChange(value);
                }}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.forum)}
                allowDeselect={false}
                withAsterisk
              />
            )}
          />
          <TextInput
            {...register('reference')}
            label={t('matters.fields.reference')}
            description={t('matters.fields.referenceDescription')}
            placeholder={t('matters.fields.referencePlaceholder')}
            error={fieldError(errors.reference)}
            spellCheck={false}
          />
          <Controller
            control={control}
            name="status"
            render={({ field }) => (
              <Select
                label={t('matters.fields.status')}
                description={t('matters.fields.statusDescription')}
                data={options.statuses}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.status)}
                allowDeselect={false}
                withAsterisk
              />
            )}
          />
          <TextInput
            {...register('openedOn')}
            type="date"
            label={t('matters.fields.openedOn')}
            description={t('matters.fields.openedOnDescription')}
            error={fieldError(errors.openedOn)}
            withAsterisk
          />
          <Controller
            control={control}
            name="classification"
            render={({ field }) => (
              <Select
                label={t('classification.label')}
                description={t('classification.description')}
                data={classifications}
                value={field.value}
                onChange={(value) => value && field.onChange(value)}
                onBlur={field.onBlur}
                ref={field.ref}
                name={field.name}
                error={fieldError(errors.classification)}
                allowDeselect={false}
                withAsterisk
              />
            )}
          />
        </SimpleGrid>
        <Textarea
          {...register('summary')}
          label={t('matters.fields.summary')}
          description={t('matters.fields.summaryDescription')}
          error={fieldError(errors.summary)}
          autosize
          minRows={4}
          maxRows={16}
        />
        {conflict ? (
          <Alert color="orange" variant="light" title={t('matters.form.conflictTitle')}>
            <Stack gap="sm" align="flex-start">
              {t('matters.form.conflictBody')}
              {onReload && (
                <Button variant="default" size="xs" onClick={() => void reload()} loading={reloading}>
                  {t('matters.form.reload')}
                </Button>
              )}
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={error} title={t('matters.form.saveFailed')} />
        )}
        <Group>
          <Button type="submit" loading={formState.isSubmitting}>
            {mode === 'create' ? t('matters.form.create') : t('matters.form.save')}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={formState.isSubmitting}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
