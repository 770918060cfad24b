// What an imported e-mail suggests, as tables: counterpart from the sender, reference, note number and
// kind from the subject, and the date, time and zone from the Date header.
import { describe, expect, it } from 'vitest';
import {
  guessCounterpart,
  guessKind,
  noteNumberFrom,
  referenceFrom,
  whenFromDateHeader,
} from '../../../electron/core/email/suggest';
import { htmlToText } from '../../../electron/core/email/parse-eml';

describe('suggestions from an e-mail', () => {
  it.each([
    ['cidhdenuncias@oas.org', 'commission'],
    ['someone@CIDH.oas.org', 'commission'],
    ['tramite@corteidh.or.cr', 'court'],
    ['ddhh@sre.gob.mx', 'state'],
    ['mecanismo@segob.gob.mx', 'national_authority'],
    ['amiga@example.org', 'other'],
    ['', 'other'],
  ])('%s → %s', (address, counterpart) => {
    expect(guessCounterpart(address)).toBe(counterpart);
  });

  it.each([
    ['MC-1008-19 – Solicitud de información', 'MC-1008-19', ''],
    ['Re: MC 1008-19 seguimiento', 'MC-1008-19', ''],
    ['Ref.: CIDH/SE/Art.25/MC-1008-19/123 Solicitud', 'MC-1008-19', 'CIDH/SE/Art.25/MC-1008-19/123'],
    ['Petición P-1234-18, Nota 456/2026', 'P-1234-18', '456/2026'],
    ['Caso 12.345 – Oficio No. UDH/311/2026', 'Caso 12.345', 'UDH/311/2026'],
    ['Saludos', '', ''],
  ])('%s → reference %s, note %s', (subject, reference, note) => {
    expect(referenceFrom(subject)).toBe(reference);
    expect(noteNumberFrom(subject)).toBe(note);
  });

  it.each([
    ['Solicitud de información al Estado', 'request_for_information'],
    ['Se otorga prórroga', 'extension_request'],
    ['Resolución 44/2023 de seguimiento', 'resolution'],
    ['Convocatoria a audiencia', 'hearing_notice'],
    ['Acuse de recibo', 'acknowledgement'],
    ['Hola', 'other'],
  ])('%s → kind %s', (subject, kind) => {
    expect(guessKind(subject)).toBe(kind);
  });

  it.each([
    // Standard time in Washington (before the second Sunday of March) and summer time after it.
    ['Tue, 3 Mar 2026 17:45:10 -0500', 'commission', ['2026-03-03', '17:45', 'America/New_York']],
    ['Mon, 16 Mar 2026 09:05:00 -0400', 'commission', ['2026-03-16', '09:05', 'America/New_York']],
    ['Fri, 6 Mar 2026 23:59:00 -0600', 'court', ['2026-03-06', '23:59', 'America/Costa_Rica']],
    ['6 Mar 2026 10:00 -0600', 'state', ['2026-03-06', '10:00', 'America/Mexico_City']],
    ['Fri, 06 Mar 2026 15:00:00 +0000', 'other', ['2026-03-06', '15:00', 'UTC']],
    ['Fri, 06 Mar 2026 15:00:00 +0100', 'other', ['2026-03-06', '15:00', 'Etc/GMT-1']],
    // No zone with that offset among the usual ones and not whole hours: the same instant in UTC.
    ['Fri, 06 Mar 2026 15:00:00 +0530', 'other', ['2026-03-06', '09:30', 'UTC']],
    ['Fri, 06 Mar 2026 12:00:00 EST', 'commission', ['2026-03-06', '12:00', 'America/New_York']],
    ['Fri, 06 Mar 2026 12:00:00', 'other', ['2026-03-06', '12:00', null]],
  ] as const)('Date %s (%s)', (header, counterpart, expected) => {
    const when = whenFromDateHeader(header, counterpart);
    expect(when && [when.occurredOn, when.occurredTime, when.zone]).toEqual(expected);
  });

  it.each(['', 'yesterday', 'Sat, 30 Feb 2026 10:00:00 -0500', 'Fri, 06 Xyz 2026 12:00:00 +0000'])(
    'an unreadable Date %j gives nothing',
    (header) => {
      expect(whenFromDateHeader(header, 'other')).toBeNull();
    },
  );

  it('turns HTML into text without tags, scripts or styles', () => {
    const text = htmlToText(
      '<style>p{color:red}</style><script>alert(1)</script><p>Plazo de <b>10 días</b></p><a href="https://x.org">sitio</a><img src="cid:a">',
    );
    expect(text).toBe('Plazo de 10 días\n\nsitio [https://x.org]');
  });
});
