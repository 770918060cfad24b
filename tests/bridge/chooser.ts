// The file and folder chooser of `npm run dev:browser -- --files DIR`: a browser has no native dialog that
// answers with paths, so when the renderer asks for files or an export folder the page opens this small
// chooser (same loopback origin, same per-run secret), which lists DIR; the picked paths go back as the
// ShellPort's answer. Only paths inside DIR are accepted. The e2e tests do not use it: they set their
// answers directly (setChosenFiles), which keeps them deterministic.
import { readdir } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, relative, resolve, sep } from 'node:path';

type Kind = 'files' | 'folder';

interface Pending {
  kind: Kind;
  resolve: (paths: string[]) => void;
}

/** Entries shown, at most: a chooser, not a file manager. */
const MAX_ENTRIES = 2000;

async function listUnder(root: string, kind: Kind): Promise<string[]> {
  const found: string[] = kind === 'folder' ? [root] : [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (found.length >= MAX_ENTRIES || entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (kind === 'folder') found.push(full);
        await walk(full);
      } else if (entry.isFile() && kind === 'files') {
        found.push(full);
      }
    }
  };
  await walk(root);
  return found;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Runs in the chooser window (script-src 'self': no inline script). Sends the ticked paths, then closes.
const CHOOSER_JS = `
const form = document.getElementById('chooser');
const send = async (paths) => {
  await fetch('/__bridge/chooser/answer', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-amparo-bridge-token': form.dataset.token },
    body: JSON.stringify({ paths }),
  });
  window.close();
};
document.getElementById('ok').addEventListener('click', () =>
  send([...form.querySelectorAll('input:checked')].map((i) => i.value)));
document.getElementById('cancel').addEventListener('click', () => send([]));
`;

export interface Chooser {
  chooseFiles(): Promise<string[]>;
  chooseFolder(): Promise<string | null>;
  /** Serves the chooser's routes; false for any other request. */
  handle(req: IncomingMessage, res: ServerResponse, url: URL, body: () => Promise<string>): Promise<boolean>;
}

export function createChooser(
  dir: string,
  checkSecret: (given: string | null | undefined) => boolean,
  /** The bridge page's origin: an answer from any other is refused, as calls are. */
  origin: () => string,
): Chooser {
  const root = resolve(dir);
  let pending: Pending | null = null;
  const waiters: (() => void)[] = [];
  const ask = (kind: Kind) =>
    new Promise<string[]>((done) => {
      // A new question replaces one left unanswered (its window was closed): that one answers "nothing".
      pending?.resolve([]);
      pending = { kind, resolve: done };
      for (const wake of waiters.splice(0)) wake();
    });
  /** The question being asked, waiting briefly: the window may load before the renderer's call lands. */
  const current = async (): Promise<Pending | null> => {
    if (pending) return pending;
    await new Promise<void>((wake) => {
      waiters.push(wake);
      setTimeout(wake, 3000);
    });
    return pending;
  };
  const inside = (path: string) => {
    const full = resolve(path);
    return full === root || full.startsWith(root + sep);
  };

  return {
    chooseFiles: () => ask('files'),
    chooseFolder: async () => (await ask('folder'))[0] ?? null,
    async handle(req, res, url, body) {
      if (url.pathname === '/__bridge/chooser.js' && req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(CHOOSER_JS);
        return true;
      }
      if (url.pathname === '/__bridge/chooser' && req.method === 'GET') {
        if (!checkSecret(url.searchParams.get('token'))) {
          res.writeHead(403).end();
          return true;
        }
        const question = await current();
        const kind = question?.kind ?? 'files';
        const entries = question ? await listUnder(root, kind) : [];
        const type = kind === 'files' ? 'checkbox' : 'radio';
        const rows = entries
          .map(
            (path, i) =>
              `<li><label><input type="${type}" name="p" value="${escapeHtml(path)}"${
                kind === 'folder' && i === 0 ? ' checked' : ''
              }> ${escapeHtml(relative(root, path) || '.')}</label></li>`,
          )
          .join('');
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Amparo dev chooser</title>
<style>body{font:14px system-ui;margin:16px}ul{list-style:none;padding:0;max-height:70vh;overflow:auto}
li{padding:2px 0}button{margin-right:8px;padding:6px 12px}</style></head>
<body><h1 style="font-size:16px">${kind === 'files' ? 'Choose files' : 'Choose a folder'} in ${escapeHtml(root)}</h1>
${question ? '' : '<p>No dialog is waiting. Close this window.</p>'}
<div id="chooser" data-token="${escapeHtml(url.searchParams.get('token') ?? '')}"><ul>${rows}</ul></div>
<button id="ok" type="button">Choose</button><button id="cancel" type="button">Cancel</button>
<script src="/__bridge/chooser.js"></script></body></html>`);
        return true;
      }
      if (url.pathname === '/__bridge/chooser/answer' && req.method === 'POST') {
        if (
          req.headers.origin !== origin() ||
          !checkSecret(req.headers['x-amparo-bridge-token'] as string | undefined)
        ) {
          res.writeHead(403).end();
          return true;
        }
        let paths: string[];
        try {
          const parsed = JSON.parse(await body()) as { paths?: unknown };
          paths = Array.isArray(parsed.paths) ? parsed.paths.filter((p) => typeof p === 'string') : [];
        } catch {
          paths = [];
        }
        const question = pending;
        pending = null;
        question?.resolve(paths.filter(inside).map((p) => resolve(p)));
        res.writeHead(204).end();
        return true;
      }
      return false;
    },
  };
}
