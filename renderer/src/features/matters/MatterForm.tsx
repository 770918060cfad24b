import { SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useRef, useState } from 'react';
import { useForm, useWatch, type Resolver } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useFieldError } from '../../components/fieldError';
import { LengthDescription } from '../../components/lengthLimit';
import { FormButtons } from '../../components/FormButtons';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { ClassificationField, SelectField } from '../../components/SelectField';
import { useSave } from '../../components/useSave';
import {
  DEFAULT_FORUM,
  MatterFields,
  NewMatterForm,
  type CreateMatterInput,
} from '../../../../shared/schemas/matter';
import { DraftRestoredNotice } from '../drafts/DraftRestoredNotice';
import { useDraft } from '../drafts/useDraft';
import { todayIso, useMatterOptions } from './labels';
import { DateFormField } from '../../components/DateField';
import { stateFilter, useStateOptions } from '../../components/useStateOptions';

const FIELD_NAMES = [
  'title',
  'matterType',
  'forum',
  'reference',
  'status',
  'openedOn',
  'summary',
  'classification',
  'state',
  'statusOn',
] as const;

const TITLE_MAX = 200;

interface MatterFormProps {
  mode: 'create' | 'edit';
  initial: MatterFields;
  /** Saves; throws the client's AmparoError when the main process refuses. (Create: with `statusOn`.) */
  onSubmit: (fields: CreateMatterInput) => Promise<void>;
  /** Keeps unsaved typing as a draft in the vault under this key (and this case, when editing). */
  draft?: { key: string; matterId: string | null };
  onCancel: () => void;
  /** Edit only: fetch the latest saved version after a CONFLICT (discards what was typed). */
  onReload?: () => Promise<void>;
}

/** Creates or edits a case. The same zod schema checks it here and again in the main process. */
export function MatterForm({ mode, initial, onSubmit, onCancel, onReload, draft: draftOf }: MatterFormProps) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const options = useMatterOptions();
  const states = useStateOptions();
  // Choosing a matter type suggests its usual forum until the user picks a forum themselves.
  const forumChosenByUser = useRef(false);
  const form = useForm<CreateMatterInput>({
    // The form always holds a State (its initial values set one), so the schema's default never applies
    // here and its input and output types are the same.
    resolver: zodResolver(
      mode === 'create' ? NewMatterForm : MatterFields,
    ) as unknown as Resolver<CreateMatterInput>,
    defaultValues: initial,
  });
  const { register, control, handleSubmit, formState, getValues, setValue } = form;
  const errors = formState.errors;
  const draft = useDraft(draftOf?.key ?? null, draftOf?.matterId ?? null, form);
  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES, prefix: 'fields.' },
    (fields: CreateMatterInput) => draft.whileSaving(() => onSubmit(fields)),
  );
  const status = useWatch({ control, name: 'status' });
  const title = useWatch({ control, name: 'title' });
  // An opening date after today is usually a typo (2052 for 2025): asked once, then saved as given.
  const [future, setFuture] = useState<CreateMatterInput | null>(null);
  const guardedSubmit = async (fields: CreateMatterInput) => {
    if (fields.openedOn > todayIso()) setFuture(fields);
    else await submit(fields);
  };

  return (
    <form noValidate onSubmit={handleSubmit(guardedSubmit)}>
      <ConfirmDialog
        opened={future !== null}
        title={t('matters.form.futureTitle')}
        confirmLabel={t('matters.form.futureConfirm')}
        onClose={() => setFuture(null)}
        onConfirm={async () => {
          const fields = future!;
          setFuture(null);
          await submit(fields);
        }}
      >
        {t('matters.form.futureBody', { date: future?.openedOn ?? '' })}
      </ConfirmDialog>
      <Stack gap="md" maw={880}>
        <DraftRestoredNotice
          at={draft.restoredAt}
          onDiscard={() => {
            draft.discard({ keepDrafting: true });
            form.reset();
          }}
        />
        <TextInput
          {...register('title')}
          label={t('matters.fields.title')}
          description={
            <LengthDescription value={title} max={TITLE_MAX}>
              {t('matters.fields.titleDescription')}
            </LengthDescription>
          }
          error={fieldError(errors.title, TITLE_MAX)}
          autoFocus={mode === 'create'}
          withAsterisk
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <SelectField
            control={control}
            name="matterType"
            label={t('matters.fields.matterType')}
            data={options.types}
            onPicked={(value, previous) => {
              const forum = getValues('forum');
              // In an existing case, only a forum that was still the old type's usual one follows along.
              if (!forumChosenByUser.current && (mode === 'create' || forum === DEFAULT_FORUM[previous])) {
                setValue('forum', DEFAULT_FORUM[value], { shouldDirty: true });
              }
            }}
          />
          <SelectField
            control={control}
            name="forum"
            label={t('matters.fields.forum')}
            // Forum names run long ("Mecanismo de Protección para Personas Defensoras…"): a whole row, never cut.
            style={{ gridColumn: '1 / -1' }}
            data={options.forums}
            onPicked={() => {
              forumChosenByUser.current = true;
            }}
          />
          <SelectField
            control={control}
            name="state"
            label={t('matterState.label')}
            description={t('matterState.description')}
            data={states}
            searchable
            filter={stateFilter}
            nothingFoundMessage={t('matterState.nothingFound')}
            comboboxProps={{ width: 'max-content' }}
          />
          <TextInput
            {...register('reference')}
            label={t('matters.fields.reference')}
            description={t('matters.fields.referenceDescription')}
            placeholder={t('matters.fields.referencePlaceholder')}
            error={fieldError(errors.reference)}
            spellCheck={false}
          />
          <SelectField
            control={control}
            name="status"
            label={t('matters.fields.status')}
            description={t('matters.fields.statusDescription')}
            data={options.statuses}
          />
          <DateFormField
            control={control}
            name="openedOn"
            emptyAs=""
            label={t('matters.fields.openedOn')}
            description={t('matters.fields.openedOnDescription')}
            withAsterisk
          />
          {mode === 'create' && status !== 'draft' && (
            <TextInput
              {...register('statusOn', { setValueAs: (value: string) => value || undefined })}
              type="date"
              label={t('matters.fields.statusOn')}
              description={t('matters.fields.statusOnDescription')}
              error={fieldError(errors.statusOn)}
              withAsterisk
            />
          )}
          <ClassificationField control={control} name="classification" />
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
        <SaveErrorAlert
          error={error}
          title={t('matters.form.saveFailed')}
          conflict={{
            title: t('matters.form.conflictTitle'),
            body: t('matters.form.conflictBody'),
            onReload,
          }}
        />
        <FormButtons
          submitLabel={mode === 'create' ? t('matters.form.create') : t('matters.form.save')}
          submitting={formState.isSubmitting}
          onCancel={() => {
            draft.discard();
            onCancel();
          }}
        />
      </Stack>
    </form>
  );
}
