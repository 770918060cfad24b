// Mexican working-day counting: the federal calendar (date-holidays' public days for MX, moved to Mondays)
// and the Amparo Law's fixed dates, with an authority's own closures and vacations added per call.
import { describe, it } from 'vitest';
import { check, days, type Row } from './table';

const name = (es: string, en = es) => ({ en, es });

const ROWS: Row[] = [
  {
    name: 'Friday notice, Benito Juárez’s birthday observed on Monday 16 March',
    rule: 'mx-federal-working-days',
    from: '2026-03-13',
    period: days(5),
    due: '2026-03-23',
    phrases: [
      'Monday 16 March 2026: holiday (Benito Juárez',
      'Counting starts on Tuesday 17 March 2026',
      'Saturday 21 March 2026: weekend',
      '5 working days, skipping the days listed above: day 1 is Tuesday 17 March 2026, day 5 is Monday 23 March 2026',
    ],
  },
  {
    name: 'Holy Week is not a federal holiday',
    rule: 'mx-federal-working-days',
    from: '2026-03-31',
    period: days(3),
    due: '2026-04-03',
  },
  {
    name: 'an authority’s Holy Week closure added for the case',
    rule: 'mx-federal-working-days',
    from: '2026-03-31',
    period: days(3),
    extra: {
      closures: [
        { date: '2026-04-02', name: name('Semana Santa', 'Holy Week') },
        { date: '2026-04-03', name: name('Semana Santa', 'Holy Week') },
      ],
    },
    due: '2026-04-07',
    phrases: ['Thursday 2 April 2026: closed (Holy Week)', 'Friday 3 April 2026: closed (Holy Week)'],
  },
  {
    name: 'federal calendar: Constitution Day on Monday 2 February',
    rule: 'mx-federal-working-days',
    from: '2026-01-30',
    period: days(3),
    due: '2026-02-05',
    phrases: ['Monday 2 February 2026: holiday (Constitution Day)'],
  },
  {
    name: 'Amparo Law: Constitution Day on 5 February itself',
    rule: 'mx-amparo',
    from: '2026-01-30',
    period: days(3),
    due: '2026-02-04',
    phrases: ['Counting starts on Monday 2 February 2026'],
  },
  {
    name: 'court vacation as non-working days, in Spanish',
    rule: 'mx-amparo',
    from: '2026-12-14',
    period: days(4),
    extra: { recess: [{ from: '2026-12-16', to: '2026-12-31' }] },
    due: '2027-01-06',
    lang: 'es',
    phrases: [
      'Del miércoles 16 de diciembre de 2026 al viernes 18 de diciembre de 2026: receso, días inhábiles',
      'viernes 25 de diciembre de 2026: feriado (Navidad), día inhábil',
      'viernes 1 de enero de 2027: feriado (Año Nuevo), día inhábil',
      'el día 4 es el miércoles 6 de enero de 2027',
    ],
  },
];

describe('Mexican working days', () => {
  it.each(ROWS.map((row) => [row.name, row] as const))('%s', (_, row) => {
    check(row);
  });
});
