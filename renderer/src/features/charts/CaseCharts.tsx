import { BarChart } from '@mantine/charts';
import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseDashboard } from '../../../../shared/schemas/dashboard';
import { formatIsoMonth } from '../../app/format';
import { ChartFigure } from './ChartFigure';

const STATUS_COLORS: Record<string, string> = {
  proposed: 'gray.5',
  agreed: 'blue.6',
  implemented: 'teal.6',
  failing: 'red.6',
  withdrawn: 'dark.3',
};
const STATUSES = Object.keys(STATUS_COLORS);

/** The case overview's pictures: the escalation (incidents per month) and each measure kind's state. */
export function CaseCharts({ data }: { data: CaseDashboard }) {
  const { t, i18n } = useTranslation();
  const months = data.incidentsPerMonth.map((m) => ({
    month: formatIsoMonth(`${m.month}-01`, i18n.language),
    count: m.count,
  }));
  const statuses = STATUSES.filter((s) => data.measuresByKind.some((k) => k.counts[s]));
  const measures = data.measuresByKind.map((k) => ({
    kind: t(`charts.measureKind.${k.kind}`, { defaultValue: k.kind }),
    ...Object.fromEntries(statuses.map((s) => [s, k.counts[s] ?? 0])),
  }));
  if (months.length === 0 && measures.length === 0) return null;
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} maw={1100}>
      {months.length > 0 && (
        <ChartFigure
          id="chart-incidents"
          title={t('charts.incidentsPerMonth')}
          chart={
            <BarChart
              h={220}
              data={months}
              dataKey="month"
              series={[{ name: 'count', label: t('charts.incidents'), color: 'orange.6' }]}
              yAxisProps={{ allowDecimals: false }}
              // The table under the chart is the accessible version; the picture takes no focus.
              barChartProps={{ accessibilityLayer: false }}
            />
          }
          columns={[t('charts.month'), t('charts.incidents')]}
          rows={months.map((m) => [m.month, m.count])}
        />
      )}
      {measures.length > 0 && (
        <ChartFigure
          id="chart-measures"
          title={t('charts.measuresByState')}
          chart={
            <BarChart
              h={220}
              data={measures}
              dataKey="kind"
              type="stacked"
              withLegend
              series={statuses.map((s) => ({
                name: s,
                label: t(`charts.measureStatus.${s}`),
                color: STATUS_COLORS[s]!,
              }))}
              yAxisProps={{ allowDecimals: false }}
              // The table under the chart is the accessible version; the picture takes no focus.
              barChartProps={{ accessibilityLayer: false }}
            />
          }
          columns={[t('charts.measure'), ...statuses.map((s) => t(`charts.measureStatus.${s}`))]}
          rows={measures.map((m) => [
            m.kind,
            ...statuses.map((s) => (m as unknown as Record<string, number>)[s] ?? 0),
          ])}
        />
      )}
      {data.incidentsYearOnly > 0 && (
        <Text size="xs" c="dimmed">
          {t('charts.yearOnly', { count: data.incidentsYearOnly })}
        </Text>
      )}
    </SimpleGrid>
  );
}
