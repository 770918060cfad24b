// The editor's JSON ⇄ the draft's document model: what tiptap produces is kept exactly, what a paste brings
// in that the model cannot hold becomes what it can, and the result is accepted both by the shared schema
// (what the vault stores) and by the editor's own ProseMirror schema (what the editor can open again).
import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { RichDoc } from '../../../shared/schemas/filings';
import {
  exhibitOrder,
  plainText,
  toEditorJson,
  toRichDoc,
  type EditorNode,
} from '../../../renderer/src/features/filings/doc-convert';
import { filingExtensions } from '../../../renderer/src/features/filings/editor-extensions';

const EV1 = '11111111-1111-4111-8111-111111111111';
const EV2 = '22222222-2222-4222-8222-222222222222';
const P1 = '33333333-3333-4333-8333-333333333333';

/** A section as the editor gives it: every node and mark the model knows. */
const FULL: RichDoc = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Hechos' }] },
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'El ' },
        { type: 'text', text: '3 de mayo', marks: [{ type: 'bold' }, { type: 'italic' }] },
        { type: 'text', text: ' ' },
        { type: 'personRef', attrs: { personId: P1 } },
        { type: 'text', text: ' denunció', marks: [{ type: 'underline' }] },
        { type: 'footnote', attrs: { text: 'Carpeta de investigación FED/123/2026.' } },
        { type: 'hardBreak' },
        { type: 'text', text: 'Véase ' },
        { type: 'exhibitRef', attrs: { evidenceId: EV1 } },
        { type: 'text', text: '.' },
      ],
    },
    {
      type: 'orderedList',
      attrs: { start: 3 },
      content: [
        { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Primero' }] }] },
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: [{ type: 'text', text: 'Segundo' }] },
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a' }] }],
                },
              ],
            },
          ],
        },
      ],
    },
    {
      type: 'blockquote',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: '«El Estado informa…»' }] }],
    },
    { type: 'paragraph' },
  ],
};

const editorSchema = getSchema(filingExtensions());

describe('toRichDoc / toEditorJson', () => {
  it('keeps every node and mark of the model unchanged, both ways', () => {
    const json = toEditorJson(FULL);
    expect(toRichDoc(json)).toEqual(FULL);
    expect(RichDoc.parse(toRichDoc(json))).toEqual(FULL);
  });

  it("gives JSON the editor's own schema accepts, and reads back what that schema writes", () => {
    const node = editorSchema.nodeFromJSON(toEditorJson(FULL));
    node.check();
    expect(toRichDoc(node.toJSON() as EditorNode)).toEqual(FULL);
  });

  it('turns what a paste brings in into what the model holds, keeping the text', () => {
    const pasted: EditorNode = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 5 }, content: [{ type: 'text', text: 'Título profundo' }] },
        { type: 'heading', attrs: { level: 0 }, content: [{ type: 'text', text: 'Título cero' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'tachado', marks: [{ type: 'strike' }] },
            {
              type: 'text',
              text: ' enlace',
              marks: [{ type: 'link', attrs: { href: 'https://x' } }, { type: 'bold' }],
            },
            { type: 'mention', content: [{ type: 'text', text: '@alguien' }] },
            { type: 'exhibitRef', attrs: { evidenceId: 'not-an-id' } },
            { type: 'personRef', attrs: {} },
            { type: 'footnote', attrs: { text: '   ' } },
            { type: 'text', text: '' },
          ],
        },
        { type: 'codeBlock', content: [{ type: 'text', text: 'const a = 1;' }] },
        { type: 'horizontalRule' },
        {
          type: 'blockquote',
          content: [
            {
              type: 'bulletList',
              content: [
                {
                  type: 'listItem',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'citado' }] }],
                },
              ],
            },
          ],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                {
                  type: 'tableCell',
                  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'celda' }] }],
                },
              ],
            },
          ],
        },
        { type: 'bulletList', content: [{ type: 'listItem', content: [] }] },
      ],
    };
    const doc = toRichDoc(pasted);
    expect(doc).toEqual({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Título profundo' }] },
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'Título cero' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: 'tachado' },
            { type: 'text', text: ' enlace', marks: [{ type: 'bold' }] },
            { type: 'text', text: '@alguien' },
          ],
        },
        { type: 'paragraph', content: [{ type: 'text', text: 'const a = 1;' }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'citado' }] }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'celda' }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
      ],
    });
    expect(RichDoc.safeParse(doc).success).toBe(true);
    editorSchema.nodeFromJSON(toEditorJson(doc)).check();
  });

  it('gives an empty document its one paragraph, so the editor can open it', () => {
    expect(toRichDoc({ type: 'doc', content: [] })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
    expect(toEditorJson({ type: 'doc', content: [] })).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph' }],
    });
    editorSchema.nodeFromJSON(toEditorJson({ type: 'doc', content: [] })).check();
  });

  it('does not share objects with the document it was given (the form may keep editing it)', () => {
    const json = toEditorJson(FULL);
    (json.content![0]!.content![0] as { text: string }).text = 'cambiado';
    expect((FULL.content[0] as { content: Array<{ text: string }> }).content[0]!.text).toBe('Hechos');
  });
});

describe('exhibitOrder and plainText', () => {
  it('numbers exhibits by their first reference across sections, once each', () => {
    const second: RichDoc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'exhibitRef', attrs: { evidenceId: EV2 } },
            { type: 'exhibitRef', attrs: { evidenceId: EV1 } },
          ],
        },
      ],
    };
    expect(exhibitOrder([FULL, second])).toEqual([EV1, EV2]);
    expect(exhibitOrder([second, FULL])).toEqual([EV2, EV1]);
  });

  it('reads the text of headings, paragraphs, lists and quotations', () => {
    expect(plainText(FULL).split('\n').filter(Boolean)).toEqual([
      'Hechos',
      'El 3 de mayo  denunció',
      'Véase .',
      'Primero',
      'Segundo',
      'a',
      '«El Estado informa…»',
    ]);
  });
});
