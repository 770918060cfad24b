import { describe, expect, it } from 'vitest';
import {
  APP_ENTRY_URL,
  CONTENT_SECURITY_POLICY,
  isAllowedNavigationUrl,
  isAllowedRequestUrl,
  isAppUrl,
  isMediaUrl,
  isTrustedSenderUrl,
  resolveDevServerUrl,
} from '../../../electron/main/security-policy';

const PROD = { devServerUrl: null };
const DEV = { devServerUrl: 'http://localhost:5173/' };

// URLs no build may ever load, navigate to, or accept IPC from.
const HOSTILE = [
  'https://evil.example/',
  'http://evil.example/x.js',
  'https://amparo/',
  'http://127.0.0.1:8080/',
  'ws://evil.example/socket',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/drivers/etc/hosts',
  'app://amparo.evil/index.html',
  'app://evil/index.html',
  'app://amparo@evil/index.html',
  'app://user:pw@amparo/index.html',
  'app://amparo:8080/index.html',
  'app:amparo/index.html',
  'app:///index.html',
  'data:text/html,<script>alert(1)</script>',
  'data:image/png;base64,AAAA',
  'javascript:alert(1)',
  'blob:app://amparo/8d1f0b9e-1111-2222-3333-444455556666',
  'about:blank',
  'chrome://settings',
  'chrome-extension://abcdef/page.html',
  'ftp://evil.example/',
  '',
  'not a url',
];

describe('isAppUrl', () => {
  it('accepts app://amparo paths', () => {
    expect(isAppUrl(APP_ENTRY_URL)).toBe(true);
    expect(isAppUrl('app://amparo/')).toBe(true);
    expect(isAppUrl('app://amparo/assets/index-abc123.js')).toBe(true);
    expect(isAppUrl('app://amparo/index.html#/matters?x=1')).toBe(true);
  });

  it.each(HOSTILE)('rejects %s', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it('rejects non-strings', () => {
    for (const value of [undefined, null, 42, {}, ['app://amparo/']]) expect(isAppUrl(value)).toBe(false);
  });
});

describe('isAllowedRequestUrl (webRequest filter)', () => {
  it('allows the app origin and devtools in production', () => {
    expect(isAllowedRequestUrl('app://amparo/index.html', PROD)).toBe(true);
    expect(isAllowedRequestUrl('app://amparo/assets/font.woff2', PROD)).toBe(true);
    expect(isAllowedRequestUrl('devtools://devtools/bundled/inspector.html', PROD)).toBe(true);
  });

  it.each(HOSTILE)('cancels %s in production', (url) => {
    expect(isAllowedRequestUrl(url, PROD)).toBe(false);
  });

  it.each(HOSTILE)('cancels %s in development too', (url) => {
    expect(isAllowedRequestUrl(url, DEV)).toBe(false);
  });

  it('cancels the dev server in production', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/', PROD)).toBe(false);
    expect(isAllowedRequestUrl('ws://localhost:5173/', PROD)).toBe(false);
  });

  it('allows the dev server and its hot-reload socket in development only', () => {
    expect(isAllowedRequestUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5173/src/main.tsx?t=1', DEV)).toBe(true);
    expect(isAllowedRequestUrl('http://localhost:5173/@vite/client', DEV)).toBe(true);
    expect(isAllowedRequestUrl('ws://localhost:5173/?token=x', DEV)).toBe(true);
  });

  it('does not extend the dev exception to other ports, hosts or schemes', () => {
    expect(isAllowedRequestUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost.evil.example:5173/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('http://user@localhost:5173/', DEV)).toBe(false);
    expect(isAllowedRequestUrl('http://localhost/', DEV)).toBe(false);
  });
});

describe('evidence previews (amparo-media://evidence)', () => {
  it('may be requested, but never navigated to nor send IPC', () => {
    const url = 'amparo-media://evidence/AbCdEfGhIjKlMnOpQrStUvWxYz012345';
    expect(isMediaUrl(url)).toBe(true);
    expect(isAllowedRequestUrl(url, PROD)).toBe(true);
    expect(isAllowedNavigationUrl(url, PROD)).toBe(false);
    expect(isTrustedSenderUrl(url, PROD)).toBe(false);
  });

  it.each([
    'amparo-media://other/x',
    'amparo-media://evidence.evil/x',
    'amparo-media://user@evidence/x',
    'amparo-media://evidence:81/x',
    'amparo-media:evidence/x',
    ...HOSTILE,
  ])('refuses %s', (url) => {
    expect(isMediaUrl(url)).toBe(false);
    expect(isAllowedRequestUrl(url, PROD)).toBe(false);
  });
});

describe('isTrustedSenderUrl (IPC sender origin)', () => {
  it('trusts the app origin', () => {
    expect(isTrustedSenderUrl('app://amparo/index.html', PROD)).toBe(true);
    expect(isTrustedSenderUrl('app://amparo/index.html#/settings', PROD)).toBe(true);
  });

  it.each(HOSTILE)('does not trust %s (production)', (url) => {
    expect(isTrustedSenderUrl(url, PROD)).toBe(false);
  });

  it.each(HOSTILE)('does not trust %s (development)', (url) => {
    expect(isTrustedSenderUrl(url, DEV)).toBe(false);
  });

  it('trusts the dev server only in development', () => {
    expect(isTrustedSenderUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isTrustedSenderUrl('http://localhost:5173/', PROD)).toBe(false);
  });

  it('never trusts devtools or the hot-reload socket', () => {
    expect(isTrustedSenderUrl('devtools://devtools/bundled/inspector.html', DEV)).toBe(false);
    expect(isTrustedSenderUrl('ws://localhost:5173/', DEV)).toBe(false);
  });
});

describe('isAllowedNavigationUrl', () => {
  it('allows only the app origin', () => {
    expect(isAllowedNavigationUrl('app://amparo/index.html', PROD)).toBe(true);
    for (const url of HOSTILE) expect(isAllowedNavigationUrl(url, PROD)).toBe(false);
    expect(isAllowedNavigationUrl('devtools://devtools/bundled/inspector.html', PROD)).toBe(false);
  });
});

describe('resolveDevServerUrl', () => {
  it('ignores ELECTRON_RENDERER_URL in a packaged app', () => {
    expect(resolveDevServerUrl('http://localhost:5173', true)).toBeNull();
  });

  it('accepts loopback http(s) in development', () => {
    expect(resolveDevServerUrl('http://localhost:5173', false)).toBe('http://localhost:5173/');
    expect(resolveDevServerUrl('http://127.0.0.1:5173/', false)).toBe('http://127.0.0.1:5173/');
    expect(resolveDevServerUrl('http://[::1]:5173/', false)).toBe('http://[::1]:5173/');
  });

  it('rejects remote hosts and other schemes even in development', () => {
    for (const value of [
      'https://evil.example:5173',
      'http://localhost.evil.example:5173',
      'http://user@localhost:5173',
      'file:///tmp/index.html',
      'app://amparo/',
      'javascript:alert(1)',
      '',
      undefined,
    ]) {
      expect(resolveDevServerUrl(value, false)).toBeNull();
    }
  });
});

describe('CONTENT_SECURITY_POLICY', () => {
  const directives = new Map(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values] as const;
    }),
  );

  it('has no unsafe-eval, no wildcard and no remote host', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('wasm-unsafe-eval');
    expect(CONTENT_SECURITY_POLICY).not.toContain('*');
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|wss?:|\/\//);
    for (const values of directives.values()) {
      for (const value of values)
        expect(["'self'", "'none'", "'unsafe-inline'", 'data:', 'amparo-media:']).toContain(value);
    }
  });

  it('pins every directive', () => {
    expect(Object.fromEntries(directives)).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:', 'amparo-media:'],
      'media-src': ['amparo-media:'],
      'font-src': ["'self'"],
      'connect-src': ["'self'", 'amparo-media:'],
      'object-src': ["'none'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
      'form-action': ["'none'"],
    });
  });

  it('allows inline code only for styles', () => {
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
    expect(directives.get('default-src')).not.toContain("'unsafe-inline'");
  });
});
