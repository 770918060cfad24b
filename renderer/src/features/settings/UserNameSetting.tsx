import { TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../../components/fieldError';
import { Settings } from '../../../../shared/schemas/settings';
import { SettingForm, useSettingSave } from './SettingForm';

const UserNameForm = Settings.pick({ userName: true });
type UserNameForm = { userName: string };

/** Who is at the keyboard, as the audit log and custody entries write it. */
export function UserNameSetting({ value, onSaved }: { value: string; onSaved: (s: Settings) => void }) {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const { error, saved, save, edited } = useSettingSave(onSaved);
  const { register, handleSubmit, formState, reset } = useForm<UserNameForm>({
    resolver: zodResolver(UserNameForm),
    defaultValues: { userName: value },
  });

  const submit = (values: UserNameForm) =>
    save({ userName: values.userName }, (next) => reset({ userName: next.userName }));

  const field = register('userName');
  return (
    <SettingForm
      onSubmit={handleSubmit(submit)}
      submitting={formState.isSubmitting}
      saved={saved}
      error={error}
    >
      <TextInput
        {...field}
        onChange={(event) => {
          edited();
          void field.onChange(event);
        }}
        label={t('settings.userName.label')}
        description={t('settings.userName.description')}
        error={fieldError(formState.errors.userName)}
        autoComplete="off"
        maw={360}
      />
    </SettingForm>
  );
}
