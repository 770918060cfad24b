// `amparo hearing add | edit | list | show | binder` over a real vault: the hearing as JSON on stdin only (no
// case text in argv), its plan shown with start offsets, the binder written and read back with pdftotext,
// its hash equal to the file's, and the leak guard's refusal listed by place and kind (exit 9).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { runAmparo } from '../../support/cli';
import { caseWithPeople, PASS } from '../filings/setup';

const amparo = (args: string[], stdin = '') =>
  runAmparo([...args, '--passphrase-stdin'], `${PASS}\n${stdin}`);

async function closedCase() {
  const c = await caseWithPeople();
  const matter = await c.ok('matters:get', { id: c.matterId });
  await c.core.dispose();
  return { ...c, ref: matter.reference as string };
}

const definition = (c: { ana: string; threat: string; evidenceId: string }, points: string) => ({
  kind: 'working_meeting',
  title: 'Reunión de trabajo con el Estado',
  lang: 'es',
  heldOn: '2027-02-10',
  startTime: '09:00',
  zone: 'America/Mexico_City',
  ourMinutes: 10,
  keyAsks: ['Concertar el plan de protección'],
  participants: [
    { side: 'ours', personId: c.ana, role: 'Beneficiaria' },
    { side: 'ours', name: 'Lic. Rosa Méndez', role: 'Representante' },
  ],
  turns: [
    { speaker: 1, topic: 'Contexto', seconds: 240, talkingPoints: 'Medidas sin concertar' },
    { speaker: 0, topic: 'Testimonio', seconds: 420, talkingPoints: points },
  ],
  chronology: [c.threat],
  exhibits: [c.evidenceId],
  questions: [{ question: '¿Aceptó la escolta?', answer: 'No era confiable', answerer: 1 }],
});

describe('amparo hearing', () => {
  it('adds a hearing from stdin, lists and shows it, and writes its binder', async () => {
    const c = await closedCase();
    const added = await amparo(
      ['hearing', 'add', c.vaultDir, '--case', c.ref, '--from-json', '-'],
      JSON.stringify(definition(c, 'Las amenazas continúan')),
    );
    expect(added.stderr).toBe('');
    expect(added.code).toBe(EXIT.ok);
    const id = added.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);

    const listed = await amparo(['hearing', 'list', c.vaultDir, '--case', c.ref]);
    expect(listed.stdout.trim()).toBe(
      [id, '2027-02-10', 'working_meeting', 'requested', '11/10', 'Reunión de trabajo con el Estado'].join(
        '\t',
      ),
    );
    const shown = await amparo(['hearing', 'show', c.vaultDir, '--case', c.ref, '--hearing', id]);
    expect(shown.stdout).toContain(['plan', 'over', 660, 600, 60].join('\t'));
    expect(shown.stdout).toContain(['turn', 1, 0, 240, 'Lic. Rosa Méndez', 'Contexto'].join('\t'));
    expect(shown.stdout).toContain(['turn', 2, 240, 420, 'A.L.Q.', 'Testimonio'].join('\t'));
    expect(shown.stdout).toMatch(/^deadline\thearing\t2027-02-10\topen\t/m);

    const edited = await amparo(
      ['hearing', 'edit', c.vaultDir, '--case', c.ref, '--hearing', id, '--from-json', '-'],
      JSON.stringify({ ourMinutes: 12, status: 'scheduled' }),
    );
    expect(edited.code).toBe(EXIT.ok);

    const out = join(c.work, 'carpeta.pdf');
    const made = await amparo([
      'hearing',
      'binder',
      c.vaultDir,
      '--case',
      c.ref,
      '--hearing',
      id,
      '--profile',
      'co_counsel',
      '--out',
      out,
    ]);
    expect(made.stderr).toBe('');
    expect(made.code).toBe(EXIT.ok);
    const bytes = readFileSync(out);
    const [sha, size, path] = made.stdout.trim().split('\t');
    expect(sha).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(Number(size)).toBe(bytes.length);
    expect(path).toBe(out);
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('Intervenciones: 11:00 de 12:00: sobran 1:00');
    expect(text).toContain('A.L.Q.');
    expect(text).not.toContain('López');
    expect(text).toContain(c.evidenceSha.slice(0, 40));
  });

  it('refuses a binder that would print a protected name (exit 9, no value, no file) and bad JSON', async () => {
    const c = await closedCase();
    const file = join(c.work, 'audiencia.json');
    writeFileSync(file, JSON.stringify(definition(c, 'Ana María López Quintero teme por su vida')));
    const added = await amparo(['hearing', 'add', c.vaultDir, '--case', c.ref, '--from-json', file]);
    expect(added.code).toBe(EXIT.ok);
    const id = added.stdout.trim();
    const out = join(c.work, 'no.pdf');
    const refused = await amparo([
      'hearing',
      'binder',
      c.vaultDir,
      '--case',
      c.ref,
      '--hearing',
      id,
      '--profile',
      'commission',
      '--out',
      out,
    ]);
    expect(refused.code).toBe(EXIT.leakGuard);
    expect(refused.stderr).toMatch(/turns\.[0-9a-f-]{36}\.talkingPoints {2}A\.L\.Q\.: /);
    expect(refused.stdout + refused.stderr).not.toContain('López');
    expect(existsSync(out)).toBe(false);

    const bad = await amparo(
      ['hearing', 'add', c.vaultDir, '--case', c.ref, '--from-json', '-'],
      '{"title": "Ana María López Quintero", ',
    );
    expect(bad.code).toBe(EXIT.usage);
    expect(bad.stderr).not.toContain('López');
    const invalid = await amparo(
      ['hearing', 'add', c.vaultDir, '--case', c.ref, '--from-json', '-'],
      JSON.stringify({ kind: 'tea_party', title: 'Ana María López Quintero', lang: 'es' }),
    );
    expect(invalid.code).toBe(EXIT.usage);
    expect(invalid.stderr).toContain('kind');
    expect(invalid.stderr).not.toContain('López');
  });
});
