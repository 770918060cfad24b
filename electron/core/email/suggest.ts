// What an imported e-mail suggests for its communication, all editable afterwards: the counterpart from
// the sender's address, the forum's reference and note number from the subject, and the date, time and
// zone from the Date header (the sender's own wall clock, with an IANA zone that has that offset then).
import { Temporal } from 'temporal-polyfill';
import type { CommunicationKind, Counterpart } from '../../../shared/schemas/communications';

/** Domains whose mail comes from one counterpart. */
const DOMAINS: [RegExp, Counterpart][] = [
  [/(^|\.)oas\.org$/i, 'commission'],
  [/(^|\.)cidh\.org$/i, 'commission'],
  [/(^|\.)corteidh\.or\.cr$/i, 'court'],
  [/(^|\.)sre\.gob\.mx$/i, 'state'],
  [/(^|\.)segob\.gob\.mx$/i, 'national_authority'],
  [/(^|\.)gob\.mx$/i, 'national_authority'],
];

export function guessCounterpart(address: string | undefined): Counterpart {
  const domain = (address ?? '').split('@')[1]?.trim() ?? '';
  return DOMAINS.find(([re]) => re.test(domain))?.[1] ?? 'other';
}

/** What the subject says the letter is (a suggestion; "other" when it says nothing known). */
const KINDS: [RegExp, CommunicationKind][] = [
  [/solicitud de informaci[oó]n|request for information|solicita informaci[oó]n/i, 'request_for_information'],
  [/pr[oó]rroga|extension/i, 'extension_request'],
  [/resoluci[oó]n|resolution/i, 'resolution'],
  [/audiencia|hearing/i, 'hearing_notice'],
  [/acuse de recibo|acknowledg/i, 'acknowledgement'],
  [/informe del estado|state report/i, 'state_report'],
  [/observaciones|observations/i, 'observations'],
];

export function guessKind(subject: string): CommunicationKind {
  return KINDS.find(([re]) => re.test(subject))?.[1] ?? 'other';
}

/** Where each counterpart usually writes from: tried first when naming the Date header's zone. */
const HOME_ZONES: Partial<Record<Counterpart, string>> = {
  commission: 'America/New_York',
  court: 'America/Costa_Rica',
  state: 'America/Mexico_City',
  national_authority: 'America/Mexico_City',
};
const COMMON_ZONES = ['America/Mexico_City', 'America/New_York', 'America/Costa_Rica', 'America/Bogota'];

/**
 * A forum reference in the subject: a precautionary measure ("MC-1008-19", "MC 1008-19"), a petition
 * ("P-1234-18"), a provisional measure or a case number ("Caso 12.345").
 */
export function referenceFrom(subject: string): string {
  const mc = /\b(MC|P)[-\s]?(\d{1,5})[-/](\d{2,4})\b/i.exec(subject);
  if (mc) return `${mc[1]!.toUpperCase()}-${mc[2]}-${mc[3]}`;
  const caso = /\b(?:Caso|Case)\s+(\d{1,2}\.\d{3})\b/i.exec(subject);
  return caso ? `Caso ${caso[1]}` : '';
}

/** "Ref.: CIDH/SE/Art.25/MC-1008-19/123" or "Nota 456/2026": the note number as written. */
export function noteNumberFrom(subject: string): string {
  const ref = /\bRef\.?\s*:\s*([^\s,;]+(?:\s*\/\s*[^\s,;]+)*)/i.exec(subject);
  if (ref) return ref[1]!.replace(/\s+/g, '');
  const note = /\b(?:Nota|Note|Oficio)\s+(?:No\.?\s*)?([A-Z0-9][\w./-]*\d[\w./-]*)/i.exec(subject);
  return note?.[1] ?? '';
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const NAMED_OFFSETS: Record<string, number> = {
  UT: 0,
  UTC: 0,
  GMT: 0,
  Z: 0,
  EST: -300,
  EDT: -240,
  CST: -360,
  CDT: -300,
  MST: -420,
  MDT: -360,
  PST: -480,
  PDT: -420,
};

export interface WhenReceived {
  occurredOn: string;
  occurredTime: string | null;
  zone: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The RFC 5322 Date header as the sender's local date, time and a zone with that offset; null if unreadable. */
export function whenFromDateHeader(header: string | null, counterpart: Counterpart): WhenReceived | null {
  if (!header) return null;
  const m =
    /(\d{1,2})\s+([A-Za-z]{3})[a-z]*\s+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[A-Za-z]{1,5})?/.exec(
      header,
    );
  if (!m) return null;
  const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
  let year = Number(m[3]);
  if (year < 100) year += year < 50 ? 2000 : 1900;
  const day = Number(m[1]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  if (month === 0 || hour > 23 || minute > 59) return null;
  let date: Temporal.PlainDateTime;
  try {
    date = Temporal.PlainDateTime.from(
      { year, month, day, hour, minute, second: Number(m[6] ?? 0) },
      { overflow: 'reject' },
    );
  } catch {
    return null;
  }
  const zoneText = m[7] ?? '';
  let offsetMinutes: number | null = null;
  if (/^[+-]\d{4}$/.test(zoneText)) {
    const sign = zoneText.startsWith('-') ? -1 : 1;
    offsetMinutes = sign * (Number(zoneText.slice(1, 3)) * 60 + Number(zoneText.slice(3, 5)));
  } else if (zoneText.toUpperCase() in NAMED_OFFSETS) {
    offsetMinutes = NAMED_OFFSETS[zoneText.toUpperCase()]!;
  }
  const local = (d: Temporal.PlainDateTime, zone: string | null): WhenReceived => ({
    occurredOn: d.toPlainDate().toString(),
    occurredTime: `${pad(d.hour)}:${pad(d.minute)}`,
    zone,
  });
  if (offsetMinutes === null) return local(date, null);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const instant = Temporal.Instant.from(
    `${date.toString()}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`,
  );
  const home = HOME_ZONES[counterpart];
  for (const zone of [...(home ? [home] : []), ...COMMON_ZONES]) {
    if (instant.toZonedDateTimeISO(zone).offsetNanoseconds === offsetMinutes * 60e9) return local(date, zone);
  }
  // A whole-hour offset has an Etc zone (its sign is inverted by POSIX convention); anything else in UTC.
  if (offsetMinutes % 60 === 0) {
    const hours = -offsetMinutes / 60;
    return local(date, hours === 0 ? 'UTC' : `Etc/GMT${hours > 0 ? '+' : ''}${hours}`);
  }
  return local(instant.toZonedDateTimeISO('UTC').toPlainDateTime(), 'UTC');
}
