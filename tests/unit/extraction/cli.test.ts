// `amparo evidence extract`, `amparo evidence text` and document hits in `amparo search`, in-process over a
// real vault; the query comes from stdin, as docs/cli.md asks for case text.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createTestVault, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';
import { WORDS, writeFixtures } from './fixtures';

const PASS = 'clave de prueba suficientemente larga';
const amparo = (args: string[], body = '') => runAmparo([...args, '--passphrase-stdin'], `${PASS}\n${body}`);

describe('amparo evidence text and extract', () => {
  it('runs the queue with progress on stderr, prints the text of a page and finds it with search', async () => {
    const work = await tempDir();
    const dir = join(work, 'boveda');
    await createTestVault(dir, PASS);
    const made = await amparo(
      ['case', 'add', dir, '--from-json', '-'],
      JSON.stringify({
        title: 'Defensora de la Montaña',
        type: 'precautionary_request',
        reference: 'MC-77-24',
      }),
    );
    expect(made.code, made.stderr).toBe(EXIT.ok);
    const paths = await writeFixtures(work);
    const added = await amparo([
      'evidence',
      'add',
      dir,
      '--case',
      'MC-77-24',
      '--json',
      paths.pdf,
      paths.chat,
    ]);
    expect(added.code, added.stderr).toBe(EXIT.ok);
    const [pdf, chat] = (JSON.parse(added.stdout) as { added: { id: string }[] }).added.map((a) => a.id);

    const run = await amparo(['evidence', 'extract', dir, '--case', 'MC-77-24']);
    expect(run.code, run.stderr).toBe(EXIT.ok);
    expect(run.stdout.trim()).toBe('Evidence text: 2 done, 0 failed, 0 pending, 0 turned off.');
    expect(run.stderr).toMatch(/page 2\/2 {2}informe-estado {2}/);

    const page = await amparo(['evidence', 'text', dir, pdf!, '--page', '2']);
    expect(page.code, page.stderr).toBe(EXIT.ok);
    expect(page.stdout).toContain('--- page 2 (text_layer) ---');
    expect(page.stdout).toContain(WORDS.pdf.word);
    expect(page.stdout).not.toContain('Primera hoja');
    const all = await amparo(['evidence', 'text', dir, chat!]);
    expect(all.stdout).toContain('--- page 1 (chat) ---');

    const found = await amparo(['search', dir, '-'], WORDS.pdf.word);
    expect(found.code, found.stderr).toBe(EXIT.ok);
    const line = found.stdout.split('\n').find((l) => l.startsWith('document'));
    expect(line?.split('\t').slice(0, 4)).toEqual(['document', pdf, expect.any(String), 'page 2']);
    expect(line).toContain(WORDS.pdf.word);
    expect(found.stderr).toContain('1 page(s) of documents');
    const bad = await amparo(['evidence', 'text', dir, pdf!, '--page', 'dos']);
    expect(bad.code).toBe(EXIT.usage);
  });
});
