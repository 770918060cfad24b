// The texts the leak guard reads in a draft and the replacement it makes: a hit across bold and plain text
// in one paragraph, inside a list and a quotation, in a footnote and in an answer.
import { describe, expect, it } from 'vitest';
import { emptyAnswers } from '../../../electron/core/filings/answers';
import { applyReplacements, draftTexts } from '../../../electron/core/filings/draft-text';
import { scanAll } from '../../../electron/core/filings/leak-guard';
import { questionsOf } from '../../../electron/core/filings/prefill';
import type { FilingDocument } from '../../../shared/schemas/filings';
import { EMPTY_IDENTITY } from '../../../shared/schemas/people';

const ana = {
  id: '11111111-1111-4111-8111-111111111111',
  pseudonym: 'A.L.Q.',
  identity: { ...EMPTY_IDENTITY, legalName: 'Ana López Quintero' },
};
const EVIDENCE = '22222222-2222-4222-8222-222222222222';

const document: FilingDocument = {
  sections: [
    {
      key: 'facts',
      title: 'Hechos',
      doc: {
        type: 'doc',
        content: [
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'La señora ' },
              { type: 'text', text: 'Ana López', marks: [{ type: 'bold' }] },
              { type: 'text', text: ' Quintero denunció (' },
              { type: 'exhibitRef', attrs: { evidenceId: EVIDENCE } },
              { type: 'text', text: ').' },
              { type: 'footnote', attrs: { text: 'Declaración de Ana López.' } },
            ],
          },
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quintero, Ana: testigo' }] }],
              },
            ],
          },
          {
            type: 'blockquote',
            content: [
              { type: 'paragraph', content: [{ type: 'text', text: '«Ana\u00a0López no está en riesgo»' }] },
            ],
          },
        ],
      },
    },
  ],
};

describe('draft texts', () => {
  const draft = {
    title: 'Solicitud',
    answers: { ...emptyAnswers('precautionary_request'), urgency: 'Ana López teme.' },
    document,
  };

  it('are found in paragraphs across marks, lists, quotations, footnotes and answers', () => {
    const hits = scanAll(draftTexts(draft), [ana]);
    expect(hits.map((h) => [h.path, h.match])).toEqual([
      ['answers.urgency', 'Ana López'],
      ['document.sections.0.doc.content.0', 'Ana López Quintero'],
      ['document.sections.0.doc.content.0.content.5.attrs.text', 'Ana López'],
      ['document.sections.0.doc.content.1.content.0.content.0', 'Quintero, Ana'],
      ['document.sections.0.doc.content.2.content.0', 'Ana\u00a0López'],
    ]);
    expect(hits.map((h) => h.block)).toEqual([null, 0, 0, 1, 2]);
  });

  it('are replaced by the pseudonym, keeping the marks of the first text and the exhibit reference', () => {
    const hits = scanAll(draftTexts(draft), [ana]);
    const fixed = applyReplacements(
      draft,
      hits.map((h) => ({ path: h.path, start: h.start, end: h.end, text: h.pseudonym })),
    );
    expect(fixed.answers).toMatchObject({ urgency: 'A.L.Q. teme.' });
    const [p, list, quote] = fixed.document.sections[0]!.doc.content as never[] as Array<{
      content: unknown[];
    }>;
    expect(p!.content).toEqual([
      { type: 'text', text: 'La señora ' },
      { type: 'text', text: 'A.L.Q.', marks: [{ type: 'bold' }] },
      { type: 'text', text: ' denunció (' },
      { type: 'exhibitRef', attrs: { evidenceId: EVIDENCE } },
      { type: 'text', text: ').' },
      { type: 'footnote', attrs: { text: 'Declaración de A.L.Q..' } },
    ]);
    expect(JSON.stringify(list)).toContain('A.L.Q.: testigo');
    expect(JSON.stringify(quote)).toContain('«A.L.Q. no está en riesgo»');
    expect(scanAll(draftTexts(fixed), [ana])).toEqual([]);
    // The draft given is not changed.
    expect(draft.answers.urgency).toBe('Ana López teme.');
  });
});

describe('the questions of a request for information', () => {
  it('are its numbered or lettered points and its question sentences', () => {
    expect(
      questionsOf(
        'Señores representantes:\n\n1. Informen sobre las medidas implementadas.\n2) Indiquen si hubo nuevos hechos.\na. Remitan copia de la denuncia.\n¿Se concertaron las medidas?\nAtentamente,',
      ),
    ).toEqual([
      'Informen sobre las medidas implementadas.',
      'Indiquen si hubo nuevos hechos.',
      'Remitan copia de la denuncia.',
      '¿Se concertaron las medidas?',
    ]);
  });
});
