// Saved e-mails built the way mail programs write them, for the correspondence tests: the decoded bytes
// of each attachment are kept apart so a test can hash them with an independent tool.
import { randomBytes } from 'node:crypto';

const CRLF = '\r\n';

/** base64 in 76-character lines, as MIME writes it. */
export const base64Lines = (data: Buffer): string => data.toString('base64').replace(/.{76}/g, `$&${CRLF}`);

export const encodedWord = (text: string): string =>
  `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;

/** RFC 2231 extended parameter value: UTF-8'' and percent-encoded bytes. */
export const rfc2231 = (text: string): string =>
  `UTF-8''${[...Buffer.from(text, 'utf8')].map((b) => (/[A-Za-z0-9._-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).toUpperCase().padStart(2, '0')}`)).join('')}`;

export const SUBJECT = 'MC-1008-19 – Solicitud de información – Ref.: CIDH/SE/Art.25/MC-1008-19/123';
export const PDF_NAME = 'Informe_Señora.pdf';
export const PHOTO_NAME = 'Fotografía de la cámara.jpg';

export interface CommissionEmail {
  eml: Buffer;
  pdf: Buffer;
  photo: Buffer;
}

/** A request for information from the Commission: multipart/mixed with text + HTML and two attachments. */
export function commissionEmail(options: { messageId?: string } = {}): CommissionEmail {
  const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(40_000), Buffer.from('\n%%EOF\n')]);
  const photo = Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    randomBytes(20_000),
    Buffer.from([0xff, 0xd9]),
  ]);
  const text =
    'Estimada representación:\r\n\r\nLa Comisión solicita información actualizada en un plazo de 10 días.\r\n\r\nSecretaría Ejecutiva';
  const html =
    '<html><head><style>p { color: red }</style><script>alert("x")</script></head><body>' +
    '<p>Estimada representación:</p><p>La Comisión solicita información <b>actualizada</b> en un plazo de 10 días.</p></body></html>';
  const photoName = rfc2231(PHOTO_NAME);
  const lines = [
    'Return-Path: <cidhdenuncias@oas.org>',
    `From: ${encodedWord('Secretaría Ejecutiva CIDH')} <cidhdenuncias@oas.org>`,
    'To: Defensa <defensa@example.org>',
    'Cc: Co-representante <otra@example.org>',
    'Date: Tue, 3 Mar 2026 17:45:10 -0500',
    `Message-ID: ${options.messageId ?? '<20260303174510.MC100819@oas.org>'}`,
    `Subject: ${encodedWord(SUBJECT)}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="=_mixed_1"',
    '',
    'This is a multi-part message in MIME format.',
    '--=_mixed_1',
    'Content-Type: multipart/alternative; boundary="=_alt_1"',
    '',
    '--=_alt_1',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(text, 'utf8')),
    '--=_alt_1',
    'Content-Type: text/html; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(html, 'utf8')),
    '--=_alt_1--',
    '',
    '--=_mixed_1',
    `Content-Type: application/pdf; name*=${rfc2231(PDF_NAME)}`,
    `Content-Disposition: attachment; filename*=${rfc2231(PDF_NAME)}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(pdf),
    '--=_mixed_1',
    'Content-Type: image/jpeg',
    // A long name split in RFC 2231 continuations, as Outlook and Thunderbird write them.
    `Content-Disposition: attachment;\r\n filename*0*=${photoName.slice(0, photoName.indexOf('%20la'))};\r\n filename*1*=${photoName.slice(photoName.indexOf('%20la'))}`,
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(photo),
    '--=_mixed_1--',
    '',
  ];
  return { eml: Buffer.from(lines.join(CRLF), 'utf8'), pdf, photo };
}

/** A small message with the given MIME body lines after the headers. */
export function simpleEmail(headers: string[], body: string[]): Buffer {
  return Buffer.from(
    [
      'From: Estado <embajada@sre.gob.mx>',
      'To: defensa@example.org',
      'Date: Mon, 16 Mar 2026 10:00:00 -0600',
      ...headers,
      '',
      ...body,
      '',
    ].join(CRLF),
    'utf8',
  );
}
