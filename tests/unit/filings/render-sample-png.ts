// Test-only script: renders the sample filing and writes its page N (1 by default) as a PNG, to look at
// the layout. `npx tsx tests/unit/filings/render-sample-png.ts out.png [page]` (needs poppler's pdftoppm).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { renderPdf } from '../../../electron/core/filings/render';
import { sampleDocument } from './render-sample';

async function main(): Promise<void> {
  const out = process.argv[2];
  const page = process.argv[3] ?? '1';
  if (!out) throw new Error('usage: render-sample-png.ts OUT.png [page]');
  const work = mkdtempSync(path.join(tmpdir(), 'amparo-render-png-'));
  try {
    const pdf = path.join(work, 'sample.pdf');
    writeFileSync(pdf, await renderPdf(sampleDocument()));
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '110',
      '-f',
      page,
      '-l',
      page,
      '-singlefile',
      pdf,
      path.join(work, 'page'),
    ]);
    renameSync(path.join(work, 'page.png'), path.resolve(out));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

void main();
