import {
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFieldError } from '../../components/fieldError';
import { FormButtons } from '../../components/FormButtons';
import { MultiSelectField } from '../../components/ListFields';
import { useEnumOptions } from '../../components/options';
import { useSave } from '../../components/useSave';
import type { Incident } from '../../../../shared/schemas/incidents';
import { RISK_RATINGS, RiskAssessmentFields, type RiskAssessment } from '../../../../shared/schemas/risk';
import { incidentLabel } from '../incidents/labels';
import { formatIsoDate, formatTimestamp, todayIso } from '../matters/labels';

const CRITERIA = ['seriousness', 'urgency', 'irreparableHarm'] as const;
type Criterion = (typeof CRITERIA)[number];
const FIELD_NAMES = [
  'assessedOn',
  'incidentIds',
  ...CRITERIA.flatMap((c) => [`${c}.rating`, `${c}.reasoning`]),
];
const RATING_COLOR: Record<string, string> = {
  low: 'teal',
  medium: 'yellow',
  high: 'orange',
  extreme: 'red',
};

function RiskForm({
  matterId,
  previous,
  incidents,
  onSaved,
  onCancel,
}: {
  matterId: string;
  previous: RiskAssessment | undefined;
  incidents: Incident[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const fieldError = useFieldError();
  const ratings = useEnumOptions('riskRating', RISK_RATINGS);
  // A new assessment starts from the last one: the team revises it rather than starting over.
  const form = useForm<RiskAssessmentFields>({
    resolver: zodResolver(RiskAssessmentFields),
    defaultValues: {
      assessedOn: todayIso(),
      seriousness: previous?.seriousness ?? { rating: 'medium', reasoning: '' },
      urgency: previous?.urgency ?? { rating: 'medium', reasoning: '' },
      irreparableHarm: previous?.irreparableHarm ?? { rating: 'medium', reasoning: '' },
      incidentIds: previous?.incidentIds.filter((id) => incidents.some((i) => i.id === id)) ?? [],
    },
  });
  const { register, control, handleSubmit, formState } = form;
  const errors = formState.errors;
  const incidentOptions = incidents.map((i) => ({ value: i.id, label: incidentLabel(i, i18n.language) }));

  const { error, submit } = useSave(
    { setFieldError: form.setError, fields: FIELD_NAMES },
    async (fields: RiskAssessmentFields) => {
      await client.risk.create({ matterId, ...fields });
      onSaved();
    },
  );

  return (
    <Paper withBorder p="md">
      <form noValidate onSubmit={handleSubmit(submit)} aria-label={t('risk.newTitle')}>
        <Stack gap="md">
          <Title order={4}>{t('risk.newTitle')}</Title>
          <TextInput
            {...register('assessedOn')}
            type="date"
            label={t('risk.assessedOn')}
            error={fieldError(errors.assessedOn)}
            withAsterisk
            w={200}
          />
          {CRITERIA.map((criterion: Criterion) => (
            <Stack key={criterion} gap={6} role="group" aria-label={t(`risk.criteria.${criterion}`)}>
              <Text fw={600}>{t(`risk.criteria.${criterion}`)}</Text>
              <Text size="sm" c="dimmed">
                {t(`risk.criteriaHelp.${criterion}`)}
              </Text>
              <Controller
                control={control}
                name={`${criterion}.rating`}
                render={({ field }) => (
                  <SegmentedControl
                    aria-label={t('risk.ratingOf', { criterion: t(`risk.criteria.${criterion}`) })}
                    data={ratings}
                    value={field.value}
                    onChange={field.onChange}
                    w="fit-content"
                  />
                )}
              />
              <Textarea
                {...register(`${criterion}.reasoning`)}
                label={t('risk.reasoningOf', { criterion: t(`risk.criteria.${criterion}`) })}
                error={fieldError(errors[criterion]?.reasoning)}
                autosize
                minRows={2}
                maxRows={10}
              />
            </Stack>
          ))}
          <MultiSelectField
            control={control}
            name="incidentIds"
            label={t('risk.incidents')}
            description={t('risk.incidentsDescription')}
            data={incidentOptions}
            nothingFoundMessage={t('risk.noIncidents')}
          />
          <ErrorAlert error={error} title={t('risk.saveFailed')} />
          <FormButtons submitLabel={t('risk.save')} submitting={formState.isSubmitting} onCancel={onCancel} />
        </Stack>
      </form>
    </Paper>
  );
}

/** The Art. 25 assessment (seriousness, urgency, irreparable harm), newest first; older ones are kept. */
export function RiskTab({ matterId }: { matterId: string }) {
  const { t, i18n } = useTranslation();
  const [assessments, setAssessments] = useState<RiskAssessment[] | null>(null);
  const [incidents, setIncidents] = useState<Incident[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  const [reload, setReload] = useState(0);
  const refresh = useCallback(() => setReload((n) => n + 1), []);

  useEffect(() => {
    let active = true;
    Promise.all([client.risk.list({ matterId }), client.incidents.list({ matterId, order: 'desc' })]).then(
      ([risk, list]) => {
        if (!active) return;
        setAssessments(risk);
        setIncidents(list.items);
      },
      (err: unknown) => active && setError(err),
    );
    return () => {
      active = false;
    };
  }, [matterId, reload]);

  const titles = useMemo(() => new Map(incidents.map((i) => [i.id, i])), [incidents]);

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={3}>{t('risk.title')}</Title>
        {!adding && assessments && <Button onClick={() => setAdding(true)}>{t('risk.new')}</Button>}
      </Group>
      <Text size="sm" c="dimmed">
        {t('risk.intro')}
      </Text>
      {adding && (
        <RiskForm
          matterId={matterId}
          previous={assessments?.[0]}
          incidents={incidents}
          onSaved={() => {
            setAdding(false);
            refresh();
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ErrorAlert error={error} />
      {!assessments && !error && <Loader size="sm" aria-label={t('common.loading')} />}
      {assessments && assessments.length === 0 && (
        <Text c="dimmed" role="status">
          {t('risk.empty')}
        </Text>
      )}
      {assessments && assessments.length > 0 && (
        <Stack
          component="ol"
          gap="sm"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('risk.history')}
        >
          {assessments.map((a, index) => (
            <Paper component="li" key={a.id} withBorder p="md">
              <Stack gap="xs">
                <Group gap="xs">
                  <Text fw={700}>{formatIsoDate(a.assessedOn, i18n.language)}</Text>
                  {index === 0 && <Badge variant="light">{t('risk.current')}</Badge>}
                  <Text size="sm" c="dimmed">
                    {t('risk.by', { actor: a.actor, at: formatTimestamp(a.createdAt, i18n.language) })}
                  </Text>
                </Group>
                {CRITERIA.map((criterion) => (
                  <Stack key={criterion} gap={2}>
                    <Group gap="xs">
                      <Text size="sm" fw={600}>
                        {t(`risk.criteria.${criterion}`)}
                      </Text>
                      <Badge color={RATING_COLOR[a[criterion].rating]} variant="light">
                        {t(`riskRating.${a[criterion].rating}`)}
                      </Badge>
                    </Group>
                    {a[criterion].reasoning && (
                      <Text size="sm" className="amparo-prewrap">
                        {a[criterion].reasoning}
                      </Text>
                    )}
                  </Stack>
                ))}
                {a.incidentIds.length > 0 && (
                  <Text size="sm">
                    {t('risk.linked', {
                      titles: a.incidentIds
                        .map((id) => titles.get(id)?.title ?? t('risk.hiddenIncident'))
                        .join('; '),
                    })}
                  </Text>
                )}
              </Stack>
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
