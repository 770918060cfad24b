// Session and web-contents hardening, all in one place. Only type imports from Electron: index.ts passes
// the real `app` and sessions in, and tests/unit/security/hardening.test.ts passes fakes.
import type { App, Session, WebContents } from 'electron';
import { isAllowedNavigationUrl, isAllowedRequestUrl, type PolicyOptions } from './security-policy';
import { disableSpellChecker } from './spellchecker';

export interface HardeningOptions extends PolicyOptions {
  /** Where refusals are reported (never the renderer). */
  log?: (message: string) => void;
}

const hardenedSessions = new WeakSet<Session>();

/**
 * Every permission (camera, notifications, geolocation, clipboard-read, HID, USB, serial…) is refused,
 * both as a request and as a synchronous check; every request that is not app://amparo (or devtools:,
 * or the dev server in development) is cancelled; downloads are refused (nothing confidential may land
 * unencrypted in ~/Downloads).
 */
export function hardenSession(session: Session, options: HardeningOptions): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);

  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    options.log?.(`permission request refused: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  disableSpellChecker(session);

  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, options);
    if (!allowed) options.log?.(`request cancelled: ${describeUrl(details.url)}`);
    callback({ cancel: !allowed });
  });

  session.on('will-download', (event) => {
    options.log?.('download refused');
    event.preventDefault();
  });
}

/** No navigation or redirect away from the app origin, no new windows, no <webview>. */
export function hardenWebContents(contents: WebContents, options: HardeningOptions): void {
  const guard = (kind: string) => (event: { url: string; preventDefault(): void }) => {
    if (!isAllowedNavigationUrl(event.url, options)) {
      options.log?.(`${kind} blocked: ${describeUrl(event.url)}`);
      event.preventDefault();
    }
  };
  contents.on('will-navigate', guard('navigation'));
  contents.on('will-frame-navigate', guard('frame navigation'));
  contents.on('will-redirect', guard('redirect'));
  contents.on('will-attach-webview', (event) => {
    options.log?.('webview blocked');
    event.preventDefault();
  });
  contents.setWindowOpenHandler((details) => {
    options.log?.(`window.open denied: ${describeUrl(details.url)}`);
    return { action: 'deny' };
  });
}

/**
 * Must run before `ready`: sandbox every renderer process, and harden every session and web contents as
 * soon as Electron creates it (the default session is hardened again explicitly after `ready`).
 */
export function installAppHardening(app: App, options: HardeningOptions): void {
  app.enableSandbox();
  app.on('session-created', (session) => hardenSession(session, options));
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options));
}

/** Scheme and host only: a blocked URL may carry user data in its path or query. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(unparseable URL)';
  }
}
