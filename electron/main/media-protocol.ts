// The amparo-media:// protocol: evidence previews (images, PDF, audio, video, text) decrypted on the fly by
// the core and streamed to the window, with Range support so media elements can seek. Nothing is written
// to disk and nothing is cached. A URL carries only a random, short-lived ticket the core issued for one
// item (`evidence:preview`); locking the vault invalidates every ticket. A separate origin from app://, so
// a preview opened as a page could never call IPC (the sender check trusts app://amparo only), and its
// responses carry a sandboxing CSP. Electron-free like app-protocol.ts: tested under Node.
import type { CustomScheme } from 'electron';
import type { MediaResponse } from '../core/evidence/media';
import { APP_ORIGIN, MEDIA_HOST, MEDIA_SCHEME, isMediaUrl } from './security-policy';

/**
 * Registered before `ready`. `stream` lets media elements read ranges as they play; `corsEnabled` and
 * `supportFetchAPI` let the app origin fetch() a PDF or text preview (answered with CORS for app://amparo).
 */
export const MEDIA_SCHEME_DEFINITION: CustomScheme = {
  scheme: MEDIA_SCHEME,
  privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true },
};

export const mediaUrlFor = (ticket: string): string => `${MEDIA_SCHEME}://${MEDIA_HOST}/${ticket}`;

export type MediaRequestTarget = { kind: 'ticket'; ticket: string } | { kind: 'forbidden'; reason: string };

/** amparo-media://evidence/<ticket> exactly: no other host, no credentials, port, query or sub-path. */
export function resolveMediaRequest(url: string): MediaRequestTarget {
  if (!isMediaUrl(url)) return { kind: 'forbidden', reason: 'not an amparo-media://evidence URL' };
  const u = new URL(url);
  if (u.search !== '' || u.hash !== '') return { kind: 'forbidden', reason: 'query or fragment' };
  const match = /^\/([A-Za-z0-9_-]{32,64})$/.exec(u.pathname);
  if (!match) return { kind: 'forbidden', reason: 'malformed ticket' };
  return { kind: 'ticket', ticket: match[1]! };
}

export interface MediaSource {
  media(ticket: string, request: { method: string; range?: string | null }): Promise<MediaResponse>;
}

/** Turns the core's answer into a fetch Response, with CORS for the app origin only. */
function toResponse(answer: MediaResponse, allowOrigin: string): Response {
  const headers = { ...answer.headers, 'Access-Control-Allow-Origin': allowOrigin, Vary: 'Origin' };
  let body: ConstructorParameters<typeof Response>[0] = null;
  if (typeof answer.body === 'string') body = answer.body;
  else if (answer.body) body = ReadableStream.from(answer.body);
  return new Response(body, { status: answer.status, headers });
}

/** The `protocol.handle('amparo-media', …)` handler. */
export function createMediaProtocolHandler(
  source: MediaSource,
  allowOrigin: string = APP_ORIGIN,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const forbidden = (status: number, text: string) =>
      new Response(text, {
        status,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    if (request.method !== 'GET' && request.method !== 'HEAD') return forbidden(405, 'Method not allowed');
    const target = resolveMediaRequest(request.url);
    if (target.kind === 'forbidden') return forbidden(403, 'Forbidden');
    try {
      const answer = await source.media(target.ticket, {
        method: request.method,
        range: request.headers.get('range'),
      });
      return toResponse(answer, allowOrigin);
    } catch {
      return forbidden(500, 'Preview failed');
    }
  };
}
