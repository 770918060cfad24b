// The app:// protocol: serves the built renderer (out/renderer) to the window with a strict CSP. Only
// files under the renderer folder can ever be returned. Electron-free (the handler is a plain
// Request → Response function), so tests/unit/security/app-protocol.test.ts drives it under Node.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, isAppUrl } from './security-policy';

/** Registered before `ready`: a standard, secure origin that may use fetch; nothing more (no CSP bypass). */
export const APP_SCHEME_DEFINITION: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
};

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppRequestTarget =
  { kind: 'file'; filePath: string; spaFallback: boolean } | { kind: 'forbidden'; reason: string };

/**
 * Maps an app:// URL to a file under `rootDir`, or refuses it. Percent-decoding happens before the
 * containment check, so `%2e%2e%2f` and encoded backslashes cannot climb out of the folder.
 */
export function resolveAppRequest(rootDir: string, requestUrl: string): AppRequestTarget {
  if (!isAppUrl(requestUrl)) return { kind: 'forbidden', reason: 'not an app://amparo URL' };
  const root = path.resolve(rootDir);
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl).pathname);
  } catch {
    return { kind: 'forbidden', reason: 'malformed path' };
  }
  if (pathname.includes('\0')) return { kind: 'forbidden', reason: 'NUL byte in path' };
  const relative = pathname.replace(/^[/\\]+/, '');
  if (path.isAbsolute(relative) || /^[a-zA-Z]:/.test(relative)) {
    return { kind: 'forbidden', reason: 'absolute path' };
  }
  const filePath = path.resolve(root, relative === '' ? 'index.html' : relative);
  if (filePath !== root && !filePath.startsWith(root + path.sep)) {
    return { kind: 'forbidden', reason: 'path escapes the renderer folder' };
  }
  // Client-side routes (no file extension) get index.html; missing assets stay 404.
  return { kind: 'file', filePath, spaFallback: path.extname(filePath) === '' };
}

/** Headers on every app:// response. */
function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // Nothing from the renderer needs to sit in Chromium's disk cache on a laptop that may be seized.
    'Cache-Control': 'no-store',
  };
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

function plain(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/** The `protocol.handle('app', …)` handler for the renderer folder `rootDir`. */
export function createAppProtocolHandler(rootDir: string): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir);
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed');
    const target = resolveAppRequest(root, request.url);
    if (target.kind === 'forbidden') return plain(403, 'Forbidden');

    let filePath = target.filePath;
    if (!(await isFile(filePath))) {
      if (!target.spaFallback) return plain(404, 'Not found');
      filePath = path.join(root, 'index.html');
      if (!(await isFile(filePath))) return plain(404, 'Not found');
    }
    const body = request.method === 'HEAD' ? null : new Uint8Array(await readFile(filePath));
    return new Response(body, { status: 200, headers: securityHeaders(mimeTypeFor(filePath)) });
  };
}
