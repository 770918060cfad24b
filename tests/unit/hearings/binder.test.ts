// The hearing binder written by the real PDF writer and read back with poppler's pdftotext: the table of
// contents, the summary, pseudonyms under a pseudonyms profile and legal names only under a profile that
// prints them, exhibit hashes equal to SHA-256 of the original bytes computed here, the record and the audit
// entry, the leak guard on typed text, and cancel / lock leaving no file.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEARING_FIELDS, hearingCase, type HearingFixture } from './setup';

const pdftotext = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
/** The bytes the fixture took in as evidence ('captura.png'). */
const ORIGINAL = Buffer.from('captura de pantalla de la amenaza');
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function binder(c: HearingFixture, profile: string, name: string) {
  const outPath = join(c.work, name);
  const r = await c.ok('hearings:binder', { hearingId: c.hearingId, profile, outPath, date: '2027-02-20' });
  return { ...r, outPath, text: pdftotext(outPath) };
}

describe('the hearing binder', () => {
  it('prints cover, contents, summary, plan, points, chronology, exhibits and questions, by pseudonym', async () => {
    const c = await hearingCase(true, true);
    const b = await binder(c, 'co_counsel', 'carpeta.pdf');
    const text = b.text;
    const order = [
      'Carpeta de audiencia',
      'Audiencia pública MC-1008-19',
      'Índice',
      '1. Resumen',
      '2. Plan de intervenciones',
      '3. Puntos de intervención',
      '4. Cronología',
      '5. Lista de anexos',
      '6. Preguntas y argumentos esperados del Estado',
    ];
    let from = 0;
    for (const expected of order) {
      const at = text.indexOf(expected, from);
      expect(at, expected).toBeGreaterThanOrEqual(from);
      from = at + expected.length;
    }
    // The summary: date with time and zone, the plan's figure, the key asks.
    expect(text).toContain('4 de marzo de 2027, 10:30 (America/New_York)');
    expect(text).toContain('Intervenciones: 17:00 de 20:00: sobran 3:00');
    expect(text).toContain('Que el Estado investigue las amenazas');
    // The speaking plan with start offsets (0:00, 5:00, 13:00) and the speakers.
    expect(text).toMatch(/1\s+0:00\s+Lic\. Rosa Méndez\s+Contexto\s+5:00/);
    expect(text).toMatch(/2\s+5:00\s+A\.L\.Q\.\s+Testimonio\s+8:00/);
    expect(text).toMatch(/3\s+13:00\s+Lic\. Rosa Méndez\s+Peticiones\s+4:00/);
    expect(text).toContain('Incumplimiento');
    // Chronology in the order picked: the report (10 May) before the threat (3 April).
    expect(text.indexOf('Denuncia ante la Fiscalía')).toBeLessThan(
      text.indexOf('Amenaza de muerte por WhatsApp'),
    );
    // Exhibit 1 with the SHA-256 of the original bytes, computed here.
    expect(text.replace(/\s+/g, '')).toContain(`1Capturadelaamenaza${sha256(ORIGINAL)}`);
    expect(text).toContain('La escolta ofrecida era de la misma policía');
    // Pseudonyms only: neither the beneficiary's nor her sister's legal name, in any part.
    expect(text).toContain('A.L.Q.');
    expect(text).not.toMatch(/Ana María|López Quintero|Beatriz/);

    expect(b.binder.sha256).toBe(sha256(readFileSync(b.outPath)));
    expect(b.binder).toMatchObject({ profileName: 'Co-litigantes', destination: 'file', lang: 'es' });
    expect(b.binder.exhibits).toEqual([
      { evidenceId: c.evidenceId, number: 1, title: 'Captura de la amenaza', sha256: sha256(ORIGINAL) },
    ]);
    expect(await c.ok('hearings:binders', { hearingId: c.hearingId })).toEqual([b.binder]);
    const audit = await c.ok('audit:list', { action: 'hearing.binder' });
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].details).toMatchObject({ sha256: b.binder.sha256, binderId: b.binder.id });
  });

  it('prints legal names only under a profile that names people', async () => {
    const c = await hearingCase(true, true);
    const profiles = await c.ok('filingProfiles:list');
    const commission = profiles.find((p: { base: string }) => p.base === 'commission');
    await c.ok('filingProfiles:save', { name: 'Interno', rules: { ...commission.rules, people: 'name' } });
    const internal = await binder(c, 'Interno', 'interno.pdf');
    expect(internal.text).toMatch(/Ana María López\s+Quintero/);
    const commissionCopy = await binder(c, 'commission', 'cidh.pdf');
    expect(commissionCopy.text).not.toContain('López');
    expect(commissionCopy.text).toContain('A.L.Q.');
  });

  it("prints in the hearing's own language, as DOCX too", async () => {
    const c = await hearingCase(true, true);
    await c.ok('hearings:update', {
      id: c.hearingId,
      revision: c.hearing.revision,
      fields: { ...HEARING_FIELDS, lang: 'en' },
    });
    const outPath = join(c.work, 'binder.docx');
    const r = await c.ok('hearings:binder', {
      hearingId: c.hearingId,
      profile: 'co_counsel',
      format: 'docx',
      outPath,
    });
    expect(r.binder).toMatchObject({ format: 'docx', lang: 'en' });
    const body = execFileSync('unzip', ['-p', outPath, 'word/document.xml'], { encoding: 'utf8' }).replace(
      /<[^>]+>/g,
      '',
    );
    for (const heading of [
      '1. Summary',
      '2. Speaking plan',
      '3. Talking points',
      '4. Chronology',
      '5. Exhibit list',
    ])
      expect(body).toContain(heading);
    expect(body).toContain('6. Expected questions and arguments of the State');
    expect(body).toContain('Turns: 17:00 of 20:00: 3:00 left');
    expect(body).toContain(sha256(ORIGINAL));
    expect(body).toContain('A.L.Q.');
    expect(body).not.toContain('López');
  });

  it('refuses a protected value typed into a talking point, naming the field and not the value', async () => {
    const c = await hearingCase(true, true);
    const turn = c.hearing.turns[1];
    await c.ok('hearings:updateTurn', {
      id: turn.id,
      revision: turn.revision,
      fields: { ...turn, talkingPoints: 'Ana María López Quintero vive con miedo; teléfono 951 123 4567' },
    });
    const outPath = join(c.work, 'rechazada.pdf');
    const refused = await c.call('hearings:binder', {
      hearingId: c.hearingId,
      profile: 'co_counsel',
      outPath,
    });
    expect(refused.error?.code).toBe('LEAK_GUARD');
    expect(refused.error?.leakHits?.map((h) => [h.where.path, h.valueKind, h.pseudonym])).toEqual([
      [`turns.${turn.id}.talkingPoints`, 'legal_name', 'A.L.Q.'],
      [`turns.${turn.id}.talkingPoints`, 'phone', 'A.L.Q.'],
    ]);
    // "951" alone can stand in a random id; the phone as typed cannot.
    expect(JSON.stringify(refused.error)).not.toMatch(/López|951 123/);
    expect(existsSync(outPath)).toBe(false);
    expect(await c.ok('hearings:binders', { hearingId: c.hearingId })).toEqual([]);
  });

  it('leaves no file when cancelled or when the vault locks', async () => {
    const c = await hearingCase(true, true);
    const operationId = randomUUID();
    const outPath = join(c.work, 'cancelada.pdf');
    const running = c.call('hearings:binder', {
      hearingId: c.hearingId,
      profile: 'co_counsel',
      outPath,
      operationId,
    });
    await c.ok('hearings:cancelBinder', { operationId });
    expect((await running).error?.code).toBe('CANCELLED');
    expect(existsSync(outPath)).toBe(false);

    const locked = join(c.work, 'bloqueada.pdf');
    const second = c.call('hearings:binder', {
      hearingId: c.hearingId,
      profile: 'co_counsel',
      outPath: locked,
    });
    await c.ok('vault:lock');
    expect((await second).error?.code).toMatch(/CANCELLED|LOCKED/);
    expect(existsSync(locked)).toBe(false);
  });
});
