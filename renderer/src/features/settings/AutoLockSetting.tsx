import { NumberInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../../components/fieldError';
import { Settings } from '../../../../shared/schemas/settings';
import { SettingForm, useSettingSave } from './SettingForm';

const AutoLockForm = Settings.pick({ autoLockMinutes: true });
type AutoLockForm = { autoLockMinutes: number };

export function AutoLockSetting({ value, onSaved }: { value: number; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { error, saved, save, edited } = useSettingSave(onSaved);
  const { control, handleSubmit, formState, reset } = useForm<AutoLockForm>({
    resolver: zodResolver(AutoLockForm),
    defaultValues: { autoLockMinutes: value },
  });

  const submit = (values: AutoLockForm) =>
    save({ autoLockMinutes: values.autoLockMinutes }, (next) =>
      reset({ autoLockMinutes: next.autoLockMinutes }),
    );

  return (
    <SettingForm
      onSubmit={handleSubmit(submit)}
      submitting={formState.isSubmitting}
      saved={saved}
      error={error}
    >
      <Controller
        control={control}
        name="autoLockMinutes"
        render={({ field }) => (
          <NumberInput
            label={t('settings.autoLock.label')}
            description={t('settings.autoLock.description')}
            value={Number.isNaN(field.value) ? '' : field.value}
            // An emptied field is not a number: let the schema say so instead of saving 0.
            onChange={(next) => {
              edited();
              field.onChange(typeof next === 'number' ? next : Number.NaN);
            }}
            onBlur={field.onBlur}
            ref={field.ref}
            name={field.name}
            min={1}
            max={240}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            error={fieldError(formState.errors.autoLockMinutes) && t('validation.autoLockRange')}
            maw={360}
          />
        )}
      />
    </SettingForm>
  );
}
