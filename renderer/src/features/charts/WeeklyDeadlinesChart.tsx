import { BarChart } from '@mantine/charts';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from '../../../../shared/schemas/dashboard';
import { formatIsoDate } from '../../app/format';
import { ChartFigure } from './ChartFigure';

/** "Plazos por semana": open deadlines in each of the next twelve weeks. */
export function WeeklyDeadlinesChart({ weeks }: { weeks: Dashboard['perWeek'] }) {
  const { t, i18n } = useTranslation();
  const data = weeks.map((w) => ({ week: formatIsoDate(w.weekStart, i18n.language), count: w.count }));
  return (
    <ChartFigure
      id="chart-per-week"
      title={t('charts.perWeek')}
      chart={
        <BarChart
          h={220}
          data={data}
          dataKey="week"
          series={[{ name: 'count', label: t('charts.deadlines'), color: 'blue.6' }]}
          tickLine="y"
          yAxisProps={{ allowDecimals: false }}
          // The table under the chart is the accessible version; the picture takes no focus.
          barChartProps={{ accessibilityLayer: false }}
        />
      }
      columns={[t('charts.weekOf'), t('charts.deadlines')]}
      rows={data.map((d) => [d.week, d.count])}
    />
  );
}
