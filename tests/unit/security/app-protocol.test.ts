import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  APP_SCHEME_DEFINITION,
  createAppProtocolHandler,
  mimeTypeFor,
  resolveAppRequest,
} from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security-policy';

let base: string;
let root: string;
let handler: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(path.join(tmpdir(), 'amparo-protocol-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Amparo</title>');
  writeFileSync(path.join(root, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'font.woff2'), 'font');
  // Siblings of the renderer folder that must never be served.
  writeFileSync(path.join(base, 'secret.txt'), 'TOP SECRET');
  mkdirSync(path.join(base, 'renderer-evil'));
  writeFileSync(path.join(base, 'renderer-evil', 'x.js'), 'evil');
  handler = createAppProtocolHandler(root);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

describe('app:// scheme registration', () => {
  it('is standard, secure and fetch-capable, and nothing more', () => {
    expect(APP_SCHEME_DEFINITION).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true },
    });
  });
});

describe('app:// handler', () => {
  it('serves index.html with the CSP and the right MIME type', async () => {
    const response = await get('app://amparo/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.text()).toContain('<title>Amparo</title>');
  });

  it('serves assets with their MIME types', async () => {
    const js = await get('app://amparo/assets/index-abc.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('app://amparo/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await get('app://amparo/assets/font.woff2')).headers.get('content-type')).toBe('font/woff2');
  });

  it('falls back to index.html for the root and client-side routes', async () => {
    for (const url of ['app://amparo/', 'app://amparo', 'app://amparo/matters/42', 'app://amparo/settings']) {
      const response = await get(url);
      expect(response.status, url).toBe(200);
      expect(await response.text()).toContain('<title>Amparo</title>');
    }
  });

  it('answers 404 for a missing asset instead of the page', async () => {
    expect((await get('app://amparo/assets/missing.js')).status).toBe(404);
  });

  it.each([
    'app://amparo/../secret.txt',
    'app://amparo/%2e%2e/secret.txt',
    'app://amparo/..%2fsecret.txt',
    'app://amparo/assets/..%2f..%2fsecret.txt',
    'app://amparo/%2e%2e%2fsecret.txt',
    'app://amparo/..%5csecret.txt',
    'app://amparo/%2e%2e%5c%2e%2e%5csecret.txt',
    'app://amparo/..%2frenderer-evil/x.js',
    'app://amparo/%2fetc%2fpasswd',
    'app://amparo//etc/passwd',
    'app://amparo/C:%5cWindows%5cwin.ini',
    'app://amparo/index.html%00.js',
  ])('never serves a file outside the renderer folder: %s', async (url) => {
    const response = await get(url);
    const body = await response.text();
    expect(body).not.toContain('TOP SECRET');
    expect(body).not.toContain('evil');
    expect(body).not.toMatch(/root:/);
  });

  it('refuses encoded traversal outright', async () => {
    expect((await get('app://amparo/..%2fsecret.txt')).status).toBe(403);
    expect((await get('app://amparo/assets/..%2f..%2fsecret.txt')).status).toBe(403);
  });

  it('refuses other hosts and malformed escapes', async () => {
    expect((await get('app://evil/index.html')).status).toBe(403);
    expect((await get('app://amparo.evil/index.html')).status).toBe(403);
    expect((await get('app://amparo/%E0%A4%A')).status).toBe(403);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://amparo/index.html', 'POST')).status).toBe(405);
    const head = await get('app://amparo/index.html', 'HEAD');
    expect(head.status).toBe(200);
  });
});

describe('resolveAppRequest', () => {
  it('stays inside the root for every input', () => {
    for (const url of [
      'app://amparo/a/b/../../../x',
      'app://amparo/a%2f..%2f..%2fx',
      'app://amparo/%2e%2e',
    ]) {
      const target = resolveAppRequest(root, url);
      if (target.kind === 'file') expect(target.filePath.startsWith(root + path.sep)).toBe(true);
    }
  });
});

describe('mimeTypeFor', () => {
  it('knows the renderer file types and defaults to octet-stream', () => {
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('a.PNG')).toBe('image/png');
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});
