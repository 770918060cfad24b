import type { Incident } from '../../../../shared/schemas/incidents';
import { formatIsoDate } from '../../app/format';

/** An incident in a picker: its date, then its title. */
export function incidentLabel(incident: Pick<Incident, 'occurredOn' | 'title'>, language: string): string {
  return `${formatIsoDate(incident.occurredOn, language)} — ${incident.title}`;
}
