// The test bridge: serves the built renderer to a plain browser and implements the preload API over
// loopback HTTP by calling the same core dispatch the Electron main process calls. For end-to-end tests
// and `npm run dev:browser` only: it lives under tests/ and is never bundled into the app.
import { build } from 'esbuild';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { EVENT_NAMES } from '../../shared/contract';
import { createCore, type Core, type CoreOptions } from '../../electron/core';
import { eventDrift, outputDrift } from '../support/contract-check';
import { createChooser } from './chooser';

export interface BridgeOptions {
  /** Built renderer (out/renderer). */
  rendererDir: string;
  /** App config folder: a fresh one per test gives a first-run app. */
  configDir: string;
  /** What the "Browse…" folder dialog answers. */
  chooseFolder?: (purpose: 'create' | 'open' | 'export') => string | null;
  /** What the "Choose files…" dialog answers (also settable later with `setChosenFiles`). */
  chooseFiles?: () => string[];
  /**
   * `npm run dev:browser -- --files DIR`: file dialogs and the export-folder dialog open a chooser page
   * listing DIR instead of answering from `chooseFiles` / `chooseFolder`.
   */
  filesDir?: string;
  kdfCost?: CoreOptions['kdfCost'];
  /**
   * false: the background text extraction (OCR included) is stopped as soon as a vault opens, with the same
   * Stop the user has (`extraction:cancel`), so a spec about something else does not pay for it; a spec
   * that starts the queue itself (Start, Resume) still can. Default true.
   */
  extraction?: boolean;
}

export interface Bridge {
  /** Page URL including the per-run secret. */
  url: string;
  origin: string;
  /** The evidence preview server: a second loopback origin, as amparo-media:// is in Electron. */
  mediaOrigin: string;
  core: Core;
  /**
   * Answers and events that broke the contract's output schemas. Each such call also fails in the page
   * (HTTP 500, INTERNAL); the e2e fixture fails the test on any entry.
   */
  contractDrift: string[];
  /** Sets what the next "Choose files…" dialogs answer. */
  setChosenFiles(paths: string[]): void;
  close(): Promise<void>;
}

// Same policy as the Electron shell's app:// responses; connect-src 'self' carries the bridge calls, and
// the media origin stands where amparo-media: stands in Electron.
const cspFor = (media: string) =>
  `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: ${media}; ` +
  `media-src ${media}; font-src 'self'; connect-src 'self' ${media}; object-src 'none'; base-uri 'none'; ` +
  "frame-ancestors 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

async function bundleClient(): Promise<string> {
  const result = await build({
    entryPoints: [join(__dirname, 'client.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

function sameSecret(given: string | null | undefined, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

async function readBody(req: IncomingMessage, limit = 1_000_000): Promise<string> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * After each vault create or unlock, the extraction queue is stopped through its own channel (the user's
 * Stop). The service keeps that in memory until a Start, so evidence added later waits in the queue.
 */
function holdExtraction(core: Core): void {
  const dispatch = core.dispatch;
  core.dispatch = (async (channel: string, input: unknown) => {
    const result = await dispatch(channel as never, input);
    if (result.ok && (channel === 'vault:create' || channel === 'vault:unlock')) {
      const stopped = await dispatch('extraction:cancel', {});
      if (!stopped.ok) throw new Error(`extraction:cancel: ${stopped.error.code}`);
    }
    return result;
  }) as Core['dispatch'];
}

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(32).toString('hex');
  let chosenFiles = options.chooseFiles ?? (() => []);
  let mediaOrigin = '';
  const rendererDir = resolve(options.rendererDir);
  const chooser = options.filesDir
    ? createChooser(
        options.filesDir,
        (given) => sameSecret(given, token),
        () => origin,
      )
    : null;
  // The page's client opens the chooser window only when there is one.
  const clientJs = `${chooser ? 'window.__amparoBridgeChooser = true;\n' : ''}${await bundleClient()}`;
  const core = await createCore({
    configDir: options.configDir,
    ...(options.kdfCost ? { kdfCost: options.kdfCost } : {}),
    shell: {
      chooseFolder: async ({ purpose }) => ({
        path:
          chooser && purpose === 'export'
            ? await chooser.chooseFolder()
            : (options.chooseFolder?.(purpose) ?? null),
      }),
      chooseFiles: async () => ({ paths: chooser ? await chooser.chooseFiles() : chosenFiles() }),
      // Correspondence: the .eml picker answers like the evidence one.
      chooseEmails: async () => ({ paths: chooser ? await chooser.chooseFiles() : chosenFiles() }),
      // The spreadsheet chooser answers the first chosen file.
      chooseSpreadsheet: async () => ({ path: chosenFiles()[0] ?? null }),
      // Bundles: the backup chooser answers the first chosen file too.
      chooseBundle: async () => ({ path: chosenFiles()[0] ?? null }),
      // An .ics export goes into the folder the tests give for exports, under the suggested name.
      chooseSaveFile: async ({ defaultName }) => {
        const dir = options.chooseFolder?.('export') ?? null;
        return { path: dir ? join(dir, defaultName) : null };
      },
      mediaUrl: (ticket) => `${mediaOrigin}/evidence/${ticket}`,
    },
    logError: (where, error) => console.error(`[bridge] ${where}`, error),
  });
  if (options.extraction === false) holdExtraction(core);
  const streams = new Set<ServerResponse>();
  const contractDrift: string[] = [];
  const drifted = (message: string) => {
    contractDrift.push(message);
    console.error(`[bridge] contract drift: ${message}`);
  };
  const unsubscribers = EVENT_NAMES.map((name) =>
    core.onEvent(name, (payload) => {
      const drift = eventDrift(name, payload);
      if (drift) drifted(drift);
      for (const res of streams) res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  let origin = '';

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', origin);
      res.setHeader('Content-Security-Policy', cspFor(mediaOrigin));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-store');

      if (url.pathname.startsWith('/__bridge/call/') && req.method === 'POST') {
        // Same checks as the Electron IPC wrapper: the caller must be our page (origin) holding this run's secret.
        if (
          req.headers.origin !== origin ||
          !sameSecret(req.headers['x-amparo-bridge-token'] as string, token)
        ) {
          res.writeHead(403, { 'content-type': 'application/json' });
          res.end(
            JSON.stringify({ ok: false, error: { code: 'FORBIDDEN_SENDER', message: 'Not this run' } }),
          );
          return;
        }
        const channel = decodeURIComponent(url.pathname.slice('/__bridge/call/'.length));
        let input: unknown;
        try {
          input = JSON.parse((await readBody(req)) || '{}');
        } catch {
          input = Symbol('unparseable');
        }
        const result = await core.dispatch(channel, input);
        // Every answer is held to the channel's output schema, so a drifting service fails the e2e run.
        const drift = outputDrift(channel, result);
        if (drift) {
          drifted(drift);
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ ok: false, error: { code: 'INTERNAL', message: drift } }));
          return;
        }
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(result));
        return;
      }
      if (url.pathname === '/__bridge/events' && req.method === 'GET') {
        if (!sameSecret(url.searchParams.get('token'), token)) {
          res.writeHead(403).end();
          return;
        }
        res.writeHead(200, { 'content-type': 'text/event-stream', connection: 'keep-alive' });
        res.write(': connected\n\n');
        streams.add(res);
        req.on('close', () => streams.delete(res));
        return;
      }
      if (chooser && (await chooser.handle(req, res, url, () => readBody(req)))) return;
      if (url.pathname === '/__bridge/client.js') {
        res.writeHead(200, { 'content-type': MIME['.js']! }).end(clientJs);
        return;
      }
      if (req.method !== 'GET') {
        res.writeHead(405).end();
        return;
      }
      const path = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
      const file = normalize(join(rendererDir, path));
      if (!file.startsWith(rendererDir + sep)) {
        res.writeHead(404).end();
        return;
      }
      let body: Buffer | string = await readFile(file);
      if (file.endsWith('index.html')) {
        // The bridge client defines window.amparo before the app's module script runs, as the preload does;
        // the media origin stands in for amparo-media: in the page's own CSP.
        body = body
          .toString('utf8')
          .replace('<head>', '<head>\n    <script src="/__bridge/client.js"></script>')
          .replaceAll('amparo-media:', mediaOrigin);
      }
      res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch (error) {
      const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
      if (!res.headersSent) res.writeHead(missing ? 404 : 500);
      res.end();
    }
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  // Evidence previews, mirroring electron/main/media-protocol.ts: GET/HEAD /evidence/<ticket> only; the
  // ticket is the credential (random, issued per item by evidence:preview, void after lock); CORS for the
  // page's origin only.
  const mediaServer = createServer(async (req, res) => {
    const match = /^\/evidence\/([A-Za-z0-9_-]{32,64})$/.exec(req.url ?? '');
    if (!match || (req.method !== 'GET' && req.method !== 'HEAD')) {
      res.writeHead(403).end();
      return;
    }
    try {
      const answer = await core.media(match[1]!, { method: req.method, range: req.headers.range ?? null });
      res.writeHead(answer.status, {
        ...answer.headers,
        'Access-Control-Allow-Origin': origin,
        Vary: 'Origin',
      });
      if (answer.body === null) res.end();
      else if (typeof answer.body === 'string') res.end(answer.body);
      else {
        // A chunk failing authentication mid-stream aborts the response: the browser sees a network error.
        try {
          for await (const part of answer.body) {
            if (!res.write(part)) await new Promise((ok) => res.once('drain', ok));
            if (res.destroyed) break;
          }
          res.end();
        } catch {
          res.destroy();
        }
      }
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    }
  });
  await new Promise<void>((ok) => mediaServer.listen(0, '127.0.0.1', ok));
  mediaOrigin = `http://127.0.0.1:${(mediaServer.address() as AddressInfo).port}`;

  return {
    url: `${origin}/?bridgeToken=${token}`,
    origin,
    mediaOrigin,
    setChosenFiles(paths) {
      chosenFiles = () => paths;
    },
    core,
    contractDrift,
    async close() {
      for (const off of unsubscribers) off();
      for (const res of streams) res.end();
      server.closeAllConnections();
      mediaServer.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await new Promise<void>((ok) => mediaServer.close(() => ok()));
      await core.dispose();
    },
  };
}
