// The amparo-media:// handler under Node with a stand-in media source: only well-formed ticket URLs
// reach the core, the Range header is passed on, and answers carry CORS for the app origin only, no
// caching and a sandboxing CSP.
import { describe, expect, it, vi } from 'vitest';
import type { MediaResponse } from '../../../electron/core/evidence/media';
import { mediaHeaders } from '../../../electron/core/evidence/media';
import {
  MEDIA_SCHEME_DEFINITION,
  createMediaProtocolHandler,
  mediaUrlFor,
  resolveMediaRequest,
} from '../../../electron/main/media-protocol';

const TICKET = 'AbCdEfGhIjKlMnOpQrStUvWxYz012345';

describe('amparo-media:// scheme', () => {
  it('is registered standard, secure, streamable and fetchable with CORS, and nothing more', () => {
    expect(MEDIA_SCHEME_DEFINITION).toEqual({
      scheme: 'amparo-media',
      privileges: { standard: true, secure: true, stream: true, supportFetchAPI: true, corsEnabled: true },
    });
    expect(mediaUrlFor(TICKET)).toBe(`amparo-media://evidence/${TICKET}`);
  });

  it.each([
    `amparo-media://evidence/${TICKET}/x`,
    `amparo-media://evidence/${TICKET}?a=1`,
    `amparo-media://evidence/${TICKET}#x`,
    'amparo-media://evidence/short',
    'amparo-media://evidence/..%2f..%2fetc%2fpasswd',
    `amparo-media://other/${TICKET}`,
    `app://amparo/${TICKET}`,
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveMediaRequest(url).kind).toBe('forbidden');
  });

  it('hands the ticket and range to the core and streams its answer', async () => {
    const media = vi.fn(async (): Promise<MediaResponse> => ({
      status: 206,
      headers: { ...mediaHeaders('video/mp4'), 'Content-Range': 'bytes 2-4/10', 'Content-Length': '3' },
      body: (async function* () {
        yield Buffer.from('abc');
      })(),
    }));
    const handler = createMediaProtocolHandler({ media }, 'app://amparo');
    const response = await handler(
      new Request(`amparo-media://evidence/${TICKET}`, { headers: { range: 'bytes=2-4' } }),
    );
    expect(media).toHaveBeenCalledWith(TICKET, { method: 'GET', range: 'bytes=2-4' });
    expect(response.status).toBe(206);
    expect(response.headers.get('access-control-allow-origin')).toBe('app://amparo');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(response.headers.get('content-range')).toBe('bytes 2-4/10');
    expect(await response.text()).toBe('abc');
  });

  it('refuses other methods and malformed URLs without asking the core', async () => {
    const media = vi.fn();
    const handler = createMediaProtocolHandler({ media });
    expect((await handler(new Request(`amparo-media://evidence/${TICKET}`, { method: 'POST' }))).status).toBe(
      405,
    );
    expect((await handler(new Request('amparo-media://evidence/x'))).status).toBe(403);
    expect(media).not.toHaveBeenCalled();
  });
});
