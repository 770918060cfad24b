// A saved e-mail (.eml): its headers and text body, parsed as the correspondence import parses it.
import { AmparoError } from '../../../shared/errors';
import type { EmailHeaders } from '../../../shared/schemas/communications';
import { parseEml } from '../email/parse-eml';
import { ExtractionFailure } from './types';

const names = (list: EmailHeaders['from']) =>
  list.map((m) => (m.name ? `${m.name} <${m.address}>` : m.address)).join(', ');

export async function emailText(bytes: Uint8Array, name: string): Promise<string> {
  let parsed;
  try {
    parsed = await parseEml(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), name);
  } catch (error) {
    if (error instanceof AmparoError) throw new ExtractionFailure('unreadable', error.message);
    throw error;
  }
  const { headers } = parsed;
  const lines = [
    `From: ${names(headers.from)}`,
    `To: ${names(headers.to)}`,
    ...(headers.cc.length > 0 ? [`Cc: ${names(headers.cc)}`] : []),
    ...(headers.date ? [`Date: ${headers.date}`] : []),
    `Subject: ${headers.subject}`,
    '',
    parsed.text,
  ];
  return lines.join('\n');
}
