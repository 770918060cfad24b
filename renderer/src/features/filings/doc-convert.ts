// The one bridge between the editor's JSON (tiptap/ProseMirror, whatever a paste brought in) and the draft's
// document model (shared/schemas/filings.ts). Pure functions: what the model cannot hold is turned into what
// it can (a code block into a paragraph, a level-4 heading into level 3) rather than lost; marks and nodes
// the writers cannot print are dropped, their text kept.
import type {
  DocBlock,
  DocInline,
  DocList,
  DocListItem,
  DocMark,
  DocParagraph,
  RichDoc,
} from '../../../../shared/schemas/filings';

/** The loose shape of editor JSON (tiptap's JSONContent). */
export interface EditorNode {
  type?: string;
  attrs?: Record<string, unknown>;
  content?: EditorNode[];
  marks?: Array<{ type: string; attrs?: Record<string, unknown> }>;
  text?: string;
}

const MARKS = new Set(['bold', 'italic', 'underline']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function marksOf(node: EditorNode): DocMark[] | undefined {
  const kept = (node.marks ?? [])
    .filter((m) => MARKS.has(m.type))
    .map((m) => ({ type: m.type as DocMark['type'] }));
  return kept.length ? kept : undefined;
}

function inlines(nodes: EditorNode[] | undefined): DocInline[] {
  const out: DocInline[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'text':
        if (node.text) {
          const marks = marksOf(node);
          out.push(marks ? { type: 'text', text: node.text, marks } : { type: 'text', text: node.text });
        }
        break;
      case 'hardBreak':
        out.push({ type: 'hardBreak' });
        break;
      case 'exhibitRef': {
        const id = node.attrs?.evidenceId;
        if (typeof id === 'string' && UUID.test(id))
          out.push({ type: 'exhibitRef', attrs: { evidenceId: id } });
        break;
      }
      case 'personRef': {
        const id = node.attrs?.personId;
        if (typeof id === 'string' && UUID.test(id)) out.push({ type: 'personRef', attrs: { personId: id } });
        break;
      }
      case 'footnote': {
        const text = node.attrs?.text;
        if (typeof text === 'string' && text.trim()) out.push({ type: 'footnote', attrs: { text } });
        break;
      }
      default:
        // An inline node the model does not know (a mention from a paste): keep its text.
        out.push(...inlines(node.content));
    }
  }
  return out;
}

function paragraph(content: DocInline[]): DocParagraph {
  return content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
}

/** Flattens any block into paragraphs (inside a quotation, where only paragraphs may stand). */
function paragraphsOf(node: EditorNode): DocParagraph[] {
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'codeBlock') {
    return [paragraph(inlines(node.content))];
  }
  if (node.type === 'text' || node.type === 'hardBreak') return [paragraph(inlines([node]))];
  return (node.content ?? []).flatMap(paragraphsOf);
}

function listOf(node: EditorNode): DocList {
  const items: DocListItem[] = (node.content ?? []).map((item) => {
    const content: Array<DocParagraph | DocList> = [];
    for (const child of item.content ?? []) {
      if (child.type === 'bulletList' || child.type === 'orderedList') content.push(listOf(child));
      else content.push(...paragraphsOf(child));
    }
    return { type: 'listItem', content: content.length ? content : [{ type: 'paragraph' }] };
  });
  const list: DocList = { type: node.type === 'orderedList' ? 'orderedList' : 'bulletList', content: items };
  const start = node.attrs?.start;
  if (list.type === 'orderedList' && typeof start === 'number' && start !== 1) list.attrs = { start };
  return list;
}

function blocks(nodes: EditorNode[] | undefined): DocBlock[] {
  const out: DocBlock[] = [];
  for (const node of nodes ?? []) {
    switch (node.type) {
      case 'heading': {
        const raw = Number(node.attrs?.level ?? 1);
        const level = (raw <= 1 ? 1 : raw >= 3 ? 3 : 2) as 1 | 2 | 3;
        const content = inlines(node.content);
        out.push(
          content.length
            ? { type: 'heading', attrs: { level }, content }
            : { type: 'heading', attrs: { level } },
        );
        break;
      }
      case 'bulletList':
      case 'orderedList':
        out.push(listOf(node));
        break;
      case 'blockquote':
        out.push({ type: 'blockquote', content: (node.content ?? []).flatMap(paragraphsOf) });
        break;
      case 'horizontalRule':
        break;
      case 'paragraph':
      case 'codeBlock':
        out.push(paragraph(inlines(node.content)));
        break;
      default:
        // Unknown blocks (a table from a paste) keep their text as paragraphs.
        out.push(...paragraphsOf(node));
    }
  }
  return out;
}

/** The editor's JSON as the draft's document model. */
export function toRichDoc(json: EditorNode): RichDoc {
  const content = blocks(json.type === 'doc' ? json.content : [json]);
  return { type: 'doc', content: content.length ? content : [{ type: 'paragraph' }] };
}

/** The draft's document as editor JSON (the model is a subset of it; an empty doc gets its paragraph). */
export function toEditorJson(doc: RichDoc): EditorNode {
  const content = doc.content.length ? doc.content : [{ type: 'paragraph' as const }];
  return JSON.parse(JSON.stringify({ type: 'doc', content })) as EditorNode;
}

/** The document's plain text (for emptiness and length checks beside the completeness rules). */
export function plainText(doc: RichDoc): string {
  const parts: string[] = [];
  const walk = (node: { type: string; content?: unknown[]; text?: string }): void => {
    if (node.type === 'text' && node.text) parts.push(node.text);
    if (node.type === 'hardBreak') parts.push('\n');
    for (const child of (node.content ?? []) as Array<typeof node>) walk(child);
    if (node.type === 'paragraph' || node.type === 'heading') parts.push('\n');
  };
  walk(doc as unknown as { type: string; content?: unknown[] });
  return parts.join('').trim();
}

/** The evidence items a document refers to, in order of first reference (their exhibit numbers). */
export function exhibitOrder(docs: RichDoc[]): string[] {
  const seen: string[] = [];
  const walk = (node: { type: string; attrs?: { evidenceId?: string }; content?: unknown[] }): void => {
    if (node.type === 'exhibitRef' && node.attrs?.evidenceId && !seen.includes(node.attrs.evidenceId)) {
      seen.push(node.attrs.evidenceId);
    }
    for (const child of (node.content ?? []) as Array<typeof node>) walk(child);
  };
  for (const doc of docs) walk(doc as unknown as { type: string; content?: unknown[] });
  return seen;
}
