// The security rules of the shell as pure functions: which origin is "ours", which URLs the renderer may
// load or navigate to, and the Content-Security-Policy. No Electron import, so Node unit tests check every
// rule on hostile inputs (tests/unit/security/security-policy.test.ts).

/** The privileged custom scheme the production renderer is served from (see app-protocol.ts). */
export const APP_SCHEME = 'app';
const APP_HOST = 'amparo';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Evidence previews, decrypted on the fly (see media-protocol.ts): a separate origin from the app. */
export const MEDIA_SCHEME = 'amparo-media';
export const MEDIA_HOST = 'evidence';

export interface PolicyOptions {
  /**
   * The electron-vite dev server (`ELECTRON_RENDERER_URL`), already vetted by `resolveDevServerUrl`.
   * Always null in a packaged app.
   */
  devServerUrl: string | null;
}

/**
 * The page's Content-Security-Policy, sent as a response header by the app:// handler. No remote host,
 * no 'unsafe-eval'; inline styles only because Mantine sets style attributes.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: ${MEDIA_SCHEME}:`,
  `media-src ${MEDIA_SCHEME}:`,
  "font-src 'self'",
  `connect-src 'self' ${MEDIA_SCHEME}:`,
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

function parse(url: unknown): URL | null {
  if (typeof url !== 'string' || url.length === 0 || url.length > 8192) return null;
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** `app://amparo/...` exactly: no other host, no credentials, no port. */
export function isAppUrl(url: unknown): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${APP_SCHEME}:` &&
    u.host === APP_HOST &&
    u.username === '' &&
    u.password === '' &&
    u.port === ''
  );
}

/** `amparo-media://evidence/...` exactly: no other host, no credentials, no port. */
export function isMediaUrl(url: unknown): boolean {
  const u = parse(url);
  return (
    u !== null &&
    u.protocol === `${MEDIA_SCHEME}:` &&
    u.host === MEDIA_HOST &&
    u.username === '' &&
    u.password === '' &&
    u.port === ''
  );
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The dev server URL to load instead of app://, or null. Ignored entirely in a packaged app (an
 * environment variable must never point a production build at a web server), and only accepted when it
 * is plain http(s) on a loopback address.
 */
export function resolveDevServerUrl(value: unknown, isPackaged: boolean): string | null {
  if (isPackaged) return null;
  const u = parse(value);
  if (u === null) return null;
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  if (!LOOPBACK_HOSTS.has(u.hostname) || u.username !== '' || u.password !== '') return null;
  return u.href;
}

function sameDevOrigin(u: URL, devServerUrl: string | null, protocols: readonly string[]): boolean {
  if (devServerUrl === null) return false;
  const dev = parse(devServerUrl);
  if (dev === null) return false;
  return (
    protocols.includes(u.protocol) &&
    u.hostname === dev.hostname &&
    (u.port || defaultPort(u.protocol)) === (dev.port || defaultPort(dev.protocol)) &&
    u.username === '' &&
    u.password === ''
  );
}

function defaultPort(protocol: string): string {
  return protocol === 'https:' || protocol === 'wss:' ? '443' : '80';
}

/** Is this URL our own renderer's origin: app://amparo, or (in development only) the dev server? */
function isAppOrigin(url: unknown, options: PolicyOptions): boolean {
  if (isAppUrl(url)) return true;
  const u = parse(url);
  if (u === null || options.devServerUrl === null) return false;
  const dev = parse(options.devServerUrl);
  return dev !== null && sameDevOrigin(u, options.devServerUrl, [dev.protocol]);
}

/** May an IPC message from a frame at this URL reach the core? (checked by ipc.ts on every call) */
export function isTrustedSenderUrl(url: unknown, options: PolicyOptions): boolean {
  return isAppOrigin(url, options);
}

/** May the window navigate (or be redirected) to this URL? (checked by hardening.ts) */
export function isAllowedNavigationUrl(url: unknown, options: PolicyOptions): boolean {
  return isAppOrigin(url, options);
}

/**
 * May the renderer's session issue this request at all? Everything that is not app://amparo, an evidence
 * preview (amparo-media://evidence), a devtools:
 * page, or (in development only) the dev server and its hot-reload websocket is cancelled. This is what
 * makes "no remote content, ever" hold even if the CSP were bypassed.
 */
export function isAllowedRequestUrl(url: unknown, options: PolicyOptions): boolean {
  if (isAppUrl(url) || isMediaUrl(url)) return true;
  const u = parse(url);
  if (u === null) return false;
  if (u.protocol === 'devtools:') return true;
  if (options.devServerUrl === null) return false;
  const dev = parse(options.devServerUrl);
  if (dev === null) return false;
  const socket = dev.protocol === 'https:' ? 'wss:' : 'ws:';
  return sameDevOrigin(u, options.devServerUrl, [dev.protocol, socket]);
}
