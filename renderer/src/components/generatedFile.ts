// Helpers for documents generated in the main process (filings, hearing binders): the bytes sent back for a
// preview, and the file name and path proposed when saving one.

export function decodeBase64(base64: string): Uint8Array {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A file name from a title: characters no file system accepts removed, at most 120 characters. */
export function documentFileName(title: string, extension: string, fallback: string): string {
  const base =
    title
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 120) || fallback;
  return `${base}.${extension}`;
}

/** A name inside a chosen folder, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  const sep = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(sep) ? folder + name : folder + sep + name;
}
