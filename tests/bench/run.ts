// `npm run bench`: Amparo's figures beside the same work done by a reference (plain SQLite, openssl,
// sha256sum) in the same run on the same machine, so each ratio means something wherever it runs.
// A section is a file here exporting one async function; add it to SECTIONS.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { benchDashboard } from './dashboard';
import { benchBundles } from './bundles';
import { benchEvidenceIntake } from './evidence';
import { benchSearch } from './search';
import { benchUnlockAndList } from './unlock-and-list';
// search inside the evidence
import { benchExtraction } from './extraction';
// OCR section
import { benchOcr } from './ocr';

const SECTIONS: [string, (dir: string) => Promise<void>][] = [
  ['unlock-and-list', benchUnlockAndList],
  ['search', benchSearch],
  ['evidence', benchEvidenceIntake],
  ['dashboard', benchDashboard],
  ['bundles', benchBundles],
  // search inside the evidence
  ['extraction', benchExtraction],
  // OCR section
  ['ocr', benchOcr],
];

async function main(): Promise<void> {
  const only = process.argv[2];
  console.log(`Amparo bench — Node ${process.version}, ${new Date().toISOString()}`);
  for (const [name, section] of SECTIONS) {
    if (only && only !== name) continue;
    const dir = await mkdtemp(join(tmpdir(), `amparo-bench-${name}-`));
    try {
      await section(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

void main();
