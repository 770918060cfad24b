// `amparo evidence list`, `amparo search` and `--from-json` over a real vault: case text and queries come
// from stdin or a file, hostile names print as one escaped line, confidential records stay hidden.
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createTestVault, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';

/** Passphrase line first, then the body (JSON or a query), as docs/cli.md shows. */
const amparo = (args: string[], body = '') => runAmparo([...args, '--passphrase-stdin'], `${PASS}\n${body}`);

async function vaultWithCases() {
  const work = await tempDir();
  const dir = join(work, 'boveda');
  await createTestVault(dir, PASS);
  const open = await amparo(
    ['case', 'add', dir, '--from-json', '-'],
    JSON.stringify({
      title: 'A.L.Q.O. — hostigamiento',
      type: 'precautionary_request',
      reference: 'MC-1008-19',
      summary: 'Vigilancia afuera del domicilio de la defensora',
    }),
  );
  expect(open.code, open.stderr).toBe(EXIT.ok);
  const file = join(work, 'secreto.json');
  await writeFile(
    file,
    JSON.stringify({
      title: 'Caso reservado',
      type: 'case',
      summary: 'vigilancia',
      classification: 'confidential',
    }),
  );
  const secret = await amparo(['case', 'add', dir, '--from-json', file]);
  expect(secret.code, secret.stderr).toBe(EXIT.ok);
  return { work, dir, openId: open.stdout.trim(), secretId: secret.stdout.trim() };
}

describe('amparo evidence list, search and --from-json', () => {
  it('takes case fields from stdin or a file, and refuses unknown or doubled fields', async () => {
    const { work, dir, openId } = await vaultWithCases();
    const listed = await amparo(['case', 'list', dir, '--json']);
    const items = JSON.parse(listed.stdout) as { id: string; title: string; reference: string }[];
    expect(items).toEqual([expect.objectContaining({ id: openId, title: 'A.L.Q.O. — hostigamiento' })]);
    expect(listed.stderr).toContain('1 confidential case(s) not shown');
    const found = await amparo(['case', 'list', dir, '--from-json', '-'], '{"query": "hostigamiento"}');
    expect(found.stdout.trim().split('\n')).toEqual([expect.stringContaining(openId)]);

    const unknown = await amparo(
      ['case', 'add', dir, '--from-json', '-'],
      '{"title": "X", "type": "case", "x": 1}',
    );
    expect(unknown.code).toBe(EXIT.usage);
    expect(unknown.stderr).toContain('"x" is not a field of "case add"');
    const badType = await amparo(
      ['case', 'add', dir, '--from-json', '-'],
      '{"title": "X", "type": "lawsuit"}',
    );
    expect(badType.code).toBe(EXIT.usage);
    expect(badType.stderr).toMatch(/^ {2}type: Invalid option/m);
    expect(badType.stderr).not.toMatch(/matterType|forum:/);
    const twice = await amparo(
      ['case', 'add', dir, '--title', 'Y', '--from-json', '-'],
      '{"title": "X", "type": "case"}',
    );
    expect(twice.code).toBe(EXIT.usage);
    // A JSON error never repeats the text it could not parse: it is case text.
    const broken = await amparo(['case', 'add', dir, '--from-json', '-'], '{"title": "Nombre Secreto",');
    expect(broken.code).toBe(EXIT.usage);
    expect(broken.stderr).not.toContain('Nombre Secreto');
    const missing = await amparo(['case', 'add', dir, '--from-json', join(work, 'no-existe.json')]);
    expect(missing.code).toBe(EXIT.usage);
  });

  it('lists evidence with SHA-256, size and exhibit number, escaping hostile names', async () => {
    const { work, dir } = await vaultWithCases();
    const folder = join(work, 'usb');
    await mkdir(folder);
    const files = [
      { name: 'acta\n0000 falsa.pdf', bytes: Buffer.from('%PDF-1.4\n%%EOF\n') },
      { name: 'foto\x1b[2J.jpg', bytes: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) },
    ];
    for (const f of files) await writeFile(join(folder, f.name), f.bytes);
    const added = await amparo([
      'evidence',
      'add',
      dir,
      '--case',
      'MC-1008-19',
      join(folder, files[0]!.name),
    ]);
    expect(added.code, added.stderr).toBe(EXIT.ok);
    expect(added.stdout).toContain('acta\\n0000 falsa.pdf');
    expect(
      // The case, the source and the paths (folder names can name the client) from stdin, none in argv.
      (
        await amparo(
          ['evidence', 'add', dir, '--from-json', '-'],
          JSON.stringify({ case: 'mc-1008-19', source: 'Defensora', paths: [join(folder, files[1]!.name)] }),
        )
      ).code,
    ).toBe(EXIT.ok);

    const listed = await amparo(['evidence', 'list', dir, '--case', 'MC-1008-19']);
    expect(listed.code, listed.stderr).toBe(EXIT.ok);
    const lines = listed.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(listed.stdout).not.toContain('\x1b');
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^[0-9a-f-]{36} {2}${sha(files[0]!.bytes)} {2}15 bytes {2}acta\\\\n0000 falsa\\.pdf {2}exhibit \\d$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^[0-9a-f-]{36} {2}${sha(files[1]!.bytes)} {2}4 bytes {2}foto\\\\x1b\\[2J\\.jpg {2}exhibit \\d$`,
          ),
        ),
      ]),
    );
    const json = await amparo(['evidence', 'list', dir, '--json']);
    const items = JSON.parse(json.stdout) as {
      sha256: string;
      size: number;
      originalName: string;
      exhibits: { number: number }[];
    }[];
    expect(items.map((i) => [i.originalName, i.sha256, i.size]).sort()).toEqual(
      files.map((f) => [f.name, sha(f.bytes), f.bytes.length]).sort(),
    );
    expect(items.map((i) => i.exhibits[0]!.number).sort()).toEqual([1, 2]);
    expect((await amparo(['evidence', 'list', dir, '--case', 'P-0000-00'])).code).toBe(EXIT.notFound);
  });

  it('searches with the query on stdin, as the app does: confidential matches hidden', async () => {
    const { dir, openId, secretId } = await vaultWithCases();
    const hits = await amparo(['search', dir, '-', '--json'], 'vigilancia\n');
    expect(hits.code, hits.stderr).toBe(EXIT.ok);
    const result = JSON.parse(hits.stdout) as { hits: { entityId: string }[]; hiddenConfidential: number };
    expect(result.hits.map((h) => h.entityId)).toEqual([openId]);
    expect(result.hiddenConfidential).toBe(1);
    expect(hits.stdout).not.toContain(secretId);
    const plain = await amparo(['search', dir, '-'], 'vigilancia');
    expect(plain.stdout.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^matter\\t${openId}\\t`)),
    ]);
    expect(plain.stderr).toContain('1 confidential match(es) not shown');
    expect((await amparo(['search', dir])).code).toBe(EXIT.usage);
    expect((await amparo(['search', dir, '-'], '   ')).code).toBe(EXIT.usage);
  });
});
