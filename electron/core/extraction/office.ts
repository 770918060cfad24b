// Word (.docx, through mammoth's raw text) and OpenDocument text (.odt: the paragraphs and headings of
// content.xml, read from the zip in memory with fflate).
import { unzipSync } from 'fflate';
import { ExtractionFailure } from './types';

export async function docxText(bytes: Uint8Array): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const result = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    });
    return result.value.replace(/\n{3,}/g, '\n\n').trim();
  } catch (error) {
    throw new ExtractionFailure('unreadable', `Not a readable Word document: ${(error as Error).message}`);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name] ?? whole;
  });
}

export function odtText(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (file) => file.name === 'content.xml' });
  } catch (error) {
    throw new ExtractionFailure(
      'unreadable',
      `Not a readable OpenDocument file: ${(error as Error).message}`,
    );
  }
  const content = files['content.xml'];
  if (!content) throw new ExtractionFailure('unreadable', 'The OpenDocument file has no content.xml');
  const xml = new TextDecoder('utf-8').decode(content);
  const body = xml.slice(Math.max(0, xml.indexOf('<office:body')));
  const paragraphs: string[] = [];
  for (const m of body.matchAll(/<text:(p|h)\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:\1>)/g)) {
    const inner = (m[2] ?? '')
      .replace(/<text:s\b[^>]*?c="(\d+)"[^>]*\/>/g, (_, n: string) => ' '.repeat(Number(n)))
      .replace(/<text:(s|tab)\b[^>]*\/>/g, (_, t: string) => (t === 'tab' ? '\t' : ' '))
      .replace(/<text:line-break\b[^>]*\/>/g, '\n')
      .replace(/<[^>]+>/g, '');
    paragraphs.push(decodeEntities(inner));
  }
  return paragraphs.join('\n').trim();
}
