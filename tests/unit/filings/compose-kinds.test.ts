// A petition and observations composed from the case: the parts each kind prints, in the filing's own
// language, with people by pseudonym and the State's name.
import { describe, expect, it } from 'vitest';
import type { RenderableDocument } from '../../../shared/schemas/filing-render';
import { caseWithPeople } from './setup';

const headings = (doc: RenderableDocument) =>
  doc.blocks
    .filter((b) => b.type === 'heading' && b.level === 1)
    .map((b) => (b as { content: { text: string }[] }).content[0]!.text);

describe('composition per kind', () => {
  it('prints a petition in English with the Art. 28 parts', async () => {
    const c = await caseWithPeople();
    const d = await c.ok('filings:create', { matterId: c.matterId, kind: 'petition', lang: 'en' });
    const answers = {
      ...d.answers,
      rights: ['5', '13', '25'],
      remediesExhausted: false,
      remedyException: 'b',
      finalDecisionNotifiedOn: '2024-02-01',
      otherProceeding: false,
      petitionerIdentityWithheld: true,
    };
    const u = await c.ok('filings:update', { id: d.id, revision: d.revision, fields: { answers } });
    const r = await c.ok('filings:generate', {
      filingId: u.id,
      profile: 'commission',
      format: 'docx',
      date: '2024-03-05',
    });
    const doc = JSON.parse(Buffer.from(r.dataBase64, 'base64').toString('utf8')) as RenderableDocument;
    expect(doc.lang).toBe('en');
    expect(doc.heading).toEqual([
      'Inter-American Commission on Human Rights',
      'Ref.: MC-1008-19',
      'Subject: Petition',
      '5 March 2024',
    ]);
    expect(headings(doc)).toEqual([
      'I. Petitioners',
      'II. Alleged victims',
      'III. Facts',
      'IV. Authorities that knew of the facts',
      'V. State responsible and rights violated',
      'VI. Exhaustion of domestic remedies',
      'VII. Timeliness',
      'VIII. Other international proceedings',
    ]);
    const json = JSON.stringify(doc);
    expect(json).toContain('State responsible: Mexico.');
    expect(json).toContain('Article 13 (Freedom of thought and expression)');
    expect(json).toContain('Article 46.2.b of the American Convention');
    expect(json).toContain('notified on 1 February 2024');
    expect(json).toContain('withheld from the State');
    expect(json).toContain('A.L.Q.');
    expect(json).not.toMatch(/López|Quintero/);
    // Paragraph numbers run on through the document.
    const numbers = doc.blocks
      .filter((b) => b.type === 'paragraph')
      .map((b) => (b as { number?: string }).number);
    expect(numbers).toEqual(numbers.map((_, i) => `${i + 1}.`));
  });

  it('prints observations with each question and its answer', async () => {
    const c = await caseWithPeople();
    const d = await c.ok('filings:create', { matterId: c.matterId, kind: 'observations', lang: 'es' });
    expect(d.answers.communicationId).toBeNull();
    expect(d.answers.eventIncidentIds).toEqual([c.threat, c.hacked, c.report]);
    const answers = {
      ...d.answers,
      questions: [
        {
          id: 'q1',
          question: '¿Se implementó el botón de pánico?',
          answer: 'No; dejó de funcionar el 3 de abril.',
        },
      ],
      requests: 'Que la Comisión requiera al Estado un informe sobre el botón de pánico.',
    };
    const u = await c.ok('filings:update', { id: d.id, revision: d.revision, fields: { answers } });
    const r = await c.ok('filings:generate', {
      filingId: u.id,
      profile: 'state',
      format: 'pdf',
      date: '2024-03-05',
    });
    const doc = JSON.parse(Buffer.from(r.dataBase64, 'base64').toString('utf8')) as RenderableDocument;
    expect(headings(doc)).toEqual([
      'I. Respuesta a la solicitud de información',
      'II. Hechos ocurridos desde el último informe',
      'III. Solicitudes de las personas representantes',
    ]);
    const json = JSON.stringify(doc);
    expect(json).toContain('1. ¿Se implementó el botón de pánico?');
    expect(json).toContain('No; dejó de funcionar el 3 de abril.');
    expect(json).toContain('5 de marzo de 2024');
    // The State's profile leaves out the confidential incident.
    expect(json).not.toContain('Hackeo');
    expect(json).toContain('Denuncia ante la Fiscalía');
    const check = await c.ok('filings:check', { id: u.id });
    expect(check.elements.map((e: { ruleId: string; state: string }) => [e.ruleId, e.state])).toEqual([
      ['communication', 'missing'],
      ['questions', 'weak'],
      ['events', 'met'],
      ['measures', 'missing'],
      ['requests', 'weak'],
    ]);
  });
});
