// `amparo deadline add | list | ics` on a real vault, in-process through the same entry the binary uses:
// case text comes from --from-json, confidential cases print by reference only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../../../electron/cli/run';
import { createTestVault, runAmparo } from '../../support/cli';
import { tempDir } from '../../support/temp';

const PASS = 'clave de prueba suficientemente larga';
const amparo = (args: string[], body = '') => runAmparo([...args, '--passphrase-stdin'], `${PASS}\n${body}`);

describe('amparo deadline (vault)', () => {
  it('adds by rule and by hand, lists with filters and writes an .ics file', async () => {
    const work = await tempDir();
    const dir = join(work, 'boveda');
    await createTestVault(dir, PASS);
    for (const c of [
      { title: 'A.L.Q.O.', type: 'precautionary_request', reference: 'MC-1008-19' },
      { title: 'Reservado', type: 'case', reference: 'CASO-9', classification: 'confidential' },
    ])
      expect((await amparo(['case', 'add', dir, '--from-json', '-'], JSON.stringify(c))).code).toBe(EXIT.ok);

    const byRule = await amparo(
      ['deadline', 'add', dir, '--case', 'MC-1008-19', '--lang', 'es', '--from-json', '-'],
      JSON.stringify({ title: 'Observaciones', rule: 'iacthr-court', from: '2026-03-05', days: '9' }),
    );
    expect(byRule.code, byRule.stderr).toBe(EXIT.ok);
    expect(byRule.stderr).toContain('Vence: lunes 16 de marzo de 2026 a las 24:00 (America/Costa_Rica)');
    const byHand = await amparo(
      ['deadline', 'add', dir, '--case', 'CASO-9', '--from-json', '-'],
      JSON.stringify({
        title: 'Declaración de Marisol',
        due: '2099-01-15',
        'end-time': '18:00',
        zone: 'America/Mexico_City',
      }),
    );
    expect(byHand.code, byHand.stderr).toBe(EXIT.ok);
    const bad = await amparo(
      ['deadline', 'add', dir, '--case', 'MC-1008-19', '--from-json', '-'],
      JSON.stringify({ title: 'X', rule: 'iacthr-court', from: '2026-03-05', days: '-3' }),
    );
    expect(bad.code).not.toBe(EXIT.ok);

    const list = await amparo(['deadline', 'list', dir, '--json']);
    expect(list.code, list.stderr).toBe(EXIT.ok);
    const items = JSON.parse(list.stdout) as {
      reference: string;
      title: string | null;
      due: { date: string };
    }[];
    expect(items.map((d) => [d.reference, d.title, d.due.date])).toEqual([
      ['MC-1008-19', 'Observaciones', '2026-03-16'],
      ['CASO-9', null, '2099-01-15'],
    ]);
    const text = await amparo(['deadline', 'list', dir, '--case', 'CASO-9']);
    expect(text.stdout).not.toContain('Marisol');
    expect(text.stdout).toContain('CASO-9');
    const overdue = await amparo(['deadline', 'list', dir, '--overdue', '--json']);
    expect(JSON.parse(overdue.stdout).map((d: { reference: string }) => d.reference)).toEqual(['MC-1008-19']);
    const window = await amparo(['deadline', 'list', dir, '--due-within', 'x']);
    expect(window.code).toBe(EXIT.usage);

    const out = join(work, 'plazos.ics');
    const ics = await amparo(['deadline', 'ics', dir, '--out', out, '--lang', 'es']);
    expect(ics.code, ics.stderr).toBe(EXIT.ok);
    const bytes = await readFile(out);
    expect(bytes.includes(Buffer.from('Marisol'))).toBe(false);
    const events = new ICAL.Component(ICAL.parse(bytes.toString('utf8'))).getAllSubcomponents('vevent');
    expect(events.map((e) => e.getFirstPropertyValue('summary')).sort()).toEqual([
      'CASO-9 — plazo',
      'MC-1008-19 — Observaciones',
    ]);
  });
});
