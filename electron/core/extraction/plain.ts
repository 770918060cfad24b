// Plain text and chat exports (.txt): the encoding from a byte-order mark, else UTF-8 when it decodes
// cleanly, else Windows-1252 (what older Windows tools write in Spanish). WhatsApp and Signal exports are
// recognised by their dated message lines and recorded as `chat`.
import type { ExtractionMethod } from '../../../shared/schemas/extraction';

export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

// "12/03/2024, 10:15 - Ana: …" (WhatsApp Android), "[12/03/24, 10:15:02] Ana: …" (WhatsApp iOS),
// "[2024-03-12 10:15] Ana: …" (Signal and other exporters).
const CHAT_LINE =
  /^\u200e?\[?(\d{1,2}\/\d{1,2}\/\d{2,4}|\d{4}-\d{2}-\d{2}),? \d{1,2}:\d{2}(:\d{2})?(\s?[ap]\.?\s?m\.?)?\]?( -)? [^:]{1,80}: /i;

export function isChatExport(text: string): boolean {
  const lines = text.split(/\r?\n/, 200).filter((l) => l.trim() !== '');
  if (lines.length === 0) return false;
  const dated = lines.filter((l) => CHAT_LINE.test(l)).length;
  return dated >= Math.min(3, lines.length) && dated >= lines.length / 3;
}

export function plainText(bytes: Uint8Array): { method: ExtractionMethod; text: string } {
  const text = decodeText(bytes).replace(/\r\n?/g, '\n');
  return { method: isChatExport(text) ? 'chat' : 'plain', text };
}
