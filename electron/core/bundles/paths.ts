// Names inside a bundle. Written names are made safe on every system; read names are refused unless they
// are plain relative paths of the shapes Amparo writes (no `..`, no absolute path, no backslash, no
// control characters), so nothing a hostile bundle names can land outside where Amparo puts it.
import { AmparoError } from '../../../shared/errors';

const MAX_SEGMENT_BYTES = 120;

/** A name segment safe on Linux, macOS and Windows that still reads like the original. */
export function safeSegment(name: string, fallback: string): string {
  let safe = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\\/:*?"<>|]/g, '_')
    .replace(/^[\s.]+/, '')
    .replace(/[\s.]+$/, '');
  while (Buffer.byteLength(safe) > MAX_SEGMENT_BYTES) safe = [...safe].slice(1).join('');
  return safe === '' ? fallback : safe;
}

export function attachmentPath(
  caseRef: string,
  caseId: string,
  itemId: string,
  originalName: string,
): string {
  return `attachments/${safeSegment(caseRef, caseId)}/${itemId}-${safeSegment(originalName, 'file')}`;
}

/** Refuses a tar entry name that is not a plain relative path. */
export function checkEntryName(name: string): void {
  const unsafe =
    name.length === 0 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    /^[a-zA-Z]:/.test(name) ||
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f]/.test(name) ||
    name.split('/').some((part) => part === '..' || part === '.' || part === '');
  if (unsafe)
    throw new AmparoError('BUNDLE_UNSAFE_ENTRY', `Unsafe path in the bundle: ${JSON.stringify(name)}`);
}
