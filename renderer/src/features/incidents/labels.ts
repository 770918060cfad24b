import type { TFunction } from 'i18next';
import type { Incident } from '../../../../shared/schemas/incidents';
import { formatIsoDate, formatIsoMonth } from '../../app/format';

type Dated = Pick<Incident, 'occurredOn'> &
  Partial<Pick<Incident, 'occurredPrecision' | 'occurredQualifier'>>;

/** A fact's date as it was written: "15 jun 2023", "Marzo de 2023", "Desde 2022", "Alrededor del 15 jun 2023". */
export function incidentDate(t: TFunction, incident: Dated, language: string): string {
  const precision = incident.occurredPrecision ?? 'day';
  const qualifier = incident.occurredQualifier ?? 'exact';
  const date =
    precision === 'year'
      ? incident.occurredOn.slice(0, 4)
      : precision === 'month'
        ? formatIsoMonth(incident.occurredOn, language)
        : formatIsoDate(incident.occurredOn, language);
  const text = qualifier === 'exact' ? date : t(`incidents.when.${qualifier}_${precision}`, { date });
  // It opens a line: "Marzo de 2023", as a Spanish sentence would.
  return text.charAt(0).toLocaleUpperCase(language) + text.slice(1);
}

/** An incident in a picker: its date, then its title. */
export function incidentLabel(
  t: TFunction,
  incident: Dated & Pick<Incident, 'title'>,
  language: string,
): string {
  return `${incidentDate(t, incident, language)} — ${incident.title}`;
}
