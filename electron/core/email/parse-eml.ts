// A saved e-mail (.eml) turned into what a communication needs: decoded headers, the body as plain text
// (an HTML part converted to text, never kept as HTML), and the attachments as bytes with safe names.
// The parser is postal-mime (maintained, no native code); this file only checks that the input is an
// e-mail at all and shapes the result.
import PostalMime from 'postal-mime';
import type { Address, Email } from 'postal-mime';
import { convert } from 'html-to-text';
import { AmparoError } from '../../../shared/errors';
import type { EmailHeaders } from '../../../shared/schemas/communications';
import { safeFileName } from '../evidence/export';

export interface EmailPart {
  /** A file name safe on every system (separators and control characters replaced). */
  name: string;
  mediaType: string;
  data: Buffer;
  inline: boolean;
}

export interface ParsedEmail {
  headers: EmailHeaders;
  text: string;
  parts: EmailPart[];
}

/** Header names that every real message carries at least one of. */
const MESSAGE_HEADERS = ['from', 'date', 'subject', 'message-id', 'to'];
const HEADER_LINE = /^[!-9;-~]+:/;

function mailboxes(list: Address[] | Address | undefined): { name: string; address: string }[] {
  const all = list === undefined ? [] : Array.isArray(list) ? list : [list];
  return all.flatMap((a) =>
    a.group
      ? a.group.map((m) => ({ name: m.name, address: m.address }))
      : [{ name: a.name, address: a.address }],
  );
}

/** The header block ends at the first empty line; it must start with a header and name a message header. */
function assertHasHeaders(raw: Buffer, name: string): void {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  const block = head.split(/\r?\n\r?\n/, 1)[0] ?? '';
  const keys = block
    .split(/\r?\n/)
    .filter((l) => HEADER_LINE.test(l))
    .map((l) => l.slice(0, l.indexOf(':')).toLowerCase());
  if (!HEADER_LINE.test(firstLine) || !keys.some((k) => MESSAGE_HEADERS.includes(k))) {
    throw new AmparoError(
      'EMAIL_INVALID',
      `${name}: not an e-mail message (no headers such as From, Date or Subject at the start)`,
    );
  }
}

/** A multipart message whose declared boundary never appears cannot be split into its parts. */
function assertBoundaries(raw: Buffer, email: Email, name: string): void {
  const type = email.headers.find((h) => h.key === 'content-type')?.value ?? '';
  if (!/^\s*multipart\//i.test(type)) return;
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(type);
  const value = boundary?.[1] ?? boundary?.[2];
  if (!value) {
    throw new AmparoError('EMAIL_INVALID', `${name}: a multipart message without a MIME boundary`);
  }
  if (raw.indexOf(`--${value}`, 0, 'latin1') === -1) {
    throw new AmparoError(
      'EMAIL_INVALID',
      `${name}: broken MIME structure (the boundary the message declares never appears in it)`,
    );
  }
}

/** HTML as plain text: scripts and styles dropped, images left out, links written after their text. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  }).trim();
}

function toBuffer(content: ArrayBuffer | Uint8Array | string): Buffer {
  if (typeof content === 'string') return Buffer.from(content, 'utf8');
  return content instanceof Uint8Array
    ? Buffer.from(content.buffer, content.byteOffset, content.byteLength)
    : Buffer.from(content);
}

const EXTENSIONS: Record<string, string> = {
  'message/rfc822': '.eml',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'application/pdf': '.pdf',
  'text/calendar': '.ics',
};

export async function parseEml(raw: Buffer, name: string): Promise<ParsedEmail> {
  assertHasHeaders(raw, name);
  let email: Email;
  try {
    // Nested messages stay whole, as .eml attachments of their own: their bytes are evidence too.
    email = await PostalMime.parse(raw, {
      forceRfc822Attachments: true,
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: 64,
    });
  } catch (error) {
    throw new AmparoError(
      'EMAIL_INVALID',
      `${name}: the message cannot be read (${(error as Error).message})`,
      {
        cause: error,
      },
    );
  }
  assertBoundaries(raw, email, name);
  const header = (key: string) => email.headers.find((h) => h.key === key)?.value.trim() ?? null;
  const text = email.text?.trim() ? email.text.trim() : email.html ? htmlToText(email.html) : '';
  const used = new Set<string>();
  const parts = email.attachments.map((a, index) => {
    const fallback = `attachment-${index + 1}${EXTENSIONS[a.mimeType] ?? ''}`;
    let partName = a.filename ? safeFileName(a.filename, `attachment-${index + 1}`) : fallback;
    // Two parts of one message with the same name stay apart.
    for (let n = 2; used.has(partName.toLowerCase()); n++) partName = `${n}-${partName}`;
    used.add(partName.toLowerCase());
    return {
      name: partName,
      mediaType: a.mimeType || 'application/octet-stream',
      data: toBuffer(a.content),
      inline: a.disposition === 'inline' || a.related === true,
    };
  });
  return {
    headers: {
      from: mailboxes(email.from),
      to: mailboxes(email.to),
      cc: mailboxes(email.cc),
      date: header('date'),
      messageId: email.messageId?.trim() || null,
      inReplyTo: email.inReplyTo?.trim() || null,
      subject: (email.subject ?? '').trim(),
    },
    text,
    parts,
  };
}
