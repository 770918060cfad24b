import { NumberInput, SimpleGrid, Text, Title } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { MATTER_TYPES } from '../../../../shared/schemas/matter';
import { InactivityMonths } from '../../../../shared/schemas/vault-settings';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { useLoad } from '../../components/useLoad';
import { SettingForm } from './SettingForm';

/**
 * The inactivity alert, per matter type: months without a sent communication before the dashboard flags
 * the case (0 = off). Kept in the vault, so every laptop opening it alerts alike.
 */
export function InactivitySetting() {
  const { t } = useTranslation();
  const fieldError = useFieldError();
  const load = useLoad(() => client.vaultSettings.get({}), []);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const { control, handleSubmit, formState, reset } = useForm<InactivityMonths>({
    resolver: zodResolver(InactivityMonths),
  });
  const loaded = load.data?.inactivityMonths;
  useEffect(() => {
    if (loaded) reset(loaded);
  }, [loaded, reset]);

  const submit = async (values: InactivityMonths) => {
    setError(null);
    setSaved(false);
    try {
      const next = await client.vaultSettings.update({ inactivityMonths: values });
      reset(next.inactivityMonths);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section aria-labelledby="inactivity-setting-title">
      <Title order={3} size="h4" id="inactivity-setting-title">
        {t('inactivitySetting.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('inactivitySetting.description')}
      </Text>
      <ErrorAlert error={load.error} />
      {loaded && (
        <SettingForm
          onSubmit={handleSubmit(submit)}
          submitting={formState.isSubmitting}
          saved={saved}
          error={error}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {MATTER_TYPES.map((type) => (
              <Controller
                key={type}
                control={control}
                name={type}
                render={({ field }) => (
                  <NumberInput
                    label={t(`matterType.${type}`)}
                    suffix={` ${t('inactivitySetting.months')}`}
                    value={Number.isNaN(field.value) ? '' : field.value}
                    onChange={(next) => {
                      setSaved(false);
                      field.onChange(typeof next === 'number' ? next : Number.NaN);
                    }}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    min={0}
                    max={120}
                    allowDecimal={false}
                    allowNegative={false}
                    clampBehavior="none"
                    error={fieldError(formState.errors[type]) && t('inactivitySetting.range')}
                  />
                )}
              />
            ))}
          </SimpleGrid>
        </SettingForm>
      )}
    </section>
  );
}
