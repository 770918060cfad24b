import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CompletenessReport, ElementState } from '../../../../shared/schemas/filings';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatIsoDate } from '../../app/format';

const COLOR: Record<ElementState, string> = { met: 'green', missing: 'red', weak: 'yellow' };

/** Each required element of the kind as met / missing / weak, with its source article and a link to its field. */
export function CompletenessPanel({
  report,
  error,
  onGo,
}: {
  report: CompletenessReport | null;
  error: unknown;
  onGo: (path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const ui = i18n.language.startsWith('es') ? 'es' : 'en';
  return (
    <Paper
      withBorder
      p="sm"
      component="section"
      aria-labelledby="filing-completeness-title"
      data-testid="filing-completeness"
    >
      <Stack gap="xs">
        <Title order={4} id="filing-completeness-title">
          {t('filings.completeness.title')}
        </Title>
        <ErrorAlert error={error} />
        {!report ? (
          !error && <Loader size="sm" aria-label={t('common.loading')} />
        ) : (
          <>
            <Text size="sm" aria-live="polite">
              {t('filings.completeness.summary', {
                met: report.met,
                missing: report.missing,
                weak: report.weak,
              })}
            </Text>
            {report.timeliness && (
              <Text size="sm" c={report.timeliness.state === 'open' ? undefined : 'red'}>
                {t(`filings.completeness.timeliness.${report.timeliness.state}`, {
                  date: formatIsoDate(report.timeliness.dueDate, i18n.language),
                })}
              </Text>
            )}
            <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {report.elements.map((el) => (
                <li key={el.ruleId} data-element={el.ruleId} data-state={el.state}>
                  <Group gap={6} wrap="nowrap" align="flex-start">
                    <Badge color={COLOR[el.state]} variant="light" size="sm" miw={84}>
                      {t(`filings.completeness.state.${el.state}`)}
                    </Badge>
                    <Stack gap={0}>
                      <Anchor
                        component="button"
                        type="button"
                        size="sm"
                        ta="left"
                        onClick={() => onGo(el.path)}
                      >
                        {el.element[ui]}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {el.source}
                        {el.reason && el.state !== 'met' && el.reason !== 'filingCheck.missing'
                          ? ` · ${t(el.reason, { defaultValue: '', ...el.detail })}`
                          : ''}
                      </Text>
                    </Stack>
                  </Group>
                </li>
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </Paper>
  );
}
