// Every free text of a draft — its title, the answers' texts, section titles, each paragraph or heading of
// the rich sections (inline texts joined, a line break kept as "\n") and each footnote — with the path that
// finds it again; and replacing ranges of those texts (the leak guard's "replace with the pseudonym").
import type {
  DocInline,
  DocParagraph,
  DocHeading,
  FilingAnswers,
  FilingDocument,
  RichDoc,
} from '../../../shared/schemas/filings';
import type { ScanText } from './leak-guard';

/** Answer fields that hold ids, dates or codes, not words someone typed. */
const NOT_TEXT = new Set(['kind', 'state', 'rights', 'outcome', 'remedyException', 'id', 'date', 'since']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A person or exhibit reference reads as a separator between words, never as letters. */
export const REF_MARK = '\uFFFC';

function answerTexts(value: unknown, path: string, out: ScanText[]): void {
  if (typeof value === 'string') {
    if (value && !UUID.test(value)) out.push({ path, sectionKey: null, block: null, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => answerTexts(v, `${path}.${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (!NOT_TEXT.has(k)) answerTexts(v, `${path}.${k}`, out);
  }
}

type TextNode = DocParagraph | DocHeading;

/** A paragraph's inline content as one string, and which inline each character came from. */
export function inlineText(content: DocInline[] | undefined): { text: string; owners: number[] } {
  let text = '';
  const owners: number[] = [];
  (content ?? []).forEach((node, i) => {
    const piece =
      node.type === 'text'
        ? node.text
        : node.type === 'hardBreak'
          ? '\n'
          : node.type === 'footnote'
            ? ''
            : REF_MARK;
    text += piece;
    for (let k = 0; k < piece.length; k++) owners.push(i);
  });
  return { text, owners };
}

/** Calls `visit` with every paragraph or heading of a rich document and its JSON path. */
export function eachTextNode(
  doc: RichDoc,
  base: string,
  visit: (node: TextNode, path: string, block: number) => void,
): void {
  const walk = (node: unknown, path: string, block: number): void => {
    const n = node as { type?: string; content?: unknown[] };
    if (n.type === 'paragraph' || n.type === 'heading') return visit(node as TextNode, path, block);
    n.content?.forEach((child, i) => walk(child, `${path}.content.${i}`, block));
  };
  doc.content.forEach((block, i) => walk(block, `${base}.content.${i}`, i));
}

export function draftTexts(draft: {
  title: string;
  answers: FilingAnswers;
  document: FilingDocument;
}): ScanText[] {
  const out: ScanText[] = [];
  if (draft.title) out.push({ path: 'title', sectionKey: null, block: null, text: draft.title });
  answerTexts(draft.answers, 'answers', out);
  draft.document.sections.forEach((section, s) => {
    const base = `document.sections.${s}`;
    if (section.title)
      out.push({ path: `${base}.title`, sectionKey: section.key, block: null, text: section.title });
    eachTextNode(section.doc, `${base}.doc`, (node, path, block) => {
      const { text } = inlineText(node.content);
      if (text) out.push({ path, sectionKey: section.key, block, text });
      node.content?.forEach((inline, i) => {
        if (inline.type === 'footnote' && inline.attrs.text)
          out.push({
            path: `${path}.content.${i}.attrs.text`,
            sectionKey: section.key,
            block,
            text: inline.attrs.text,
          });
      });
    });
  });
  return out;
}

export interface Replacement {
  path: string;
  start: number;
  end: number;
  text: string;
}

const replaceRanges = (text: string, ranges: Replacement[]): string =>
  [...ranges]
    .sort((a, b) => b.start - a.start)
    .reduce((t, r) => t.slice(0, r.start) + r.text + t.slice(r.end), text);

/** Replaces ranges inside a paragraph's inlines: the first inline touched takes the new text (and its marks). */
function replaceInInlines(content: DocInline[], ranges: Replacement[]): DocInline[] {
  const { owners } = inlineText(content);
  const nodes = content.map((n) => ({ ...n })) as DocInline[];
  const offsets: number[] = [];
  let at = 0;
  for (let i = 0; i < content.length; i++) {
    offsets.push(at);
    const n = content[i]!;
    at += n.type === 'text' ? n.text.length : n.type === 'hardBreak' ? 1 : n.type === 'footnote' ? 0 : 1;
  }
  for (const r of [...ranges].sort((a, b) => b.start - a.start)) {
    const first = owners[r.start];
    const last = owners[r.end - 1];
    if (first === undefined || last === undefined) continue;
    for (let i = last; i >= first; i--) {
      const node = nodes[i]!;
      if (node.type !== 'text') {
        // A reference or line break inside the hit goes with it.
        nodes[i] = { type: 'text', text: '' };
        continue;
      }
      const from = Math.max(0, r.start - offsets[i]!);
      const to = Math.min(node.text.length, r.end - offsets[i]!);
      node.text = node.text.slice(0, from) + (i === first ? r.text : '') + node.text.slice(to);
    }
  }
  return nodes.filter((n) => n.type !== 'text' || n.text.length > 0);
}

/** The draft with the ranges replaced (paths as draftTexts gives them). */
export function applyReplacements<
  T extends { title: string; answers: FilingAnswers; document: FilingDocument },
>(draft: T, replacements: Replacement[]): T {
  const copy = structuredClone(draft);
  const byPath = new Map<string, Replacement[]>();
  for (const r of replacements) byPath.set(r.path, [...(byPath.get(r.path) ?? []), r]);
  for (const [path, ranges] of byPath) {
    const keys = path.split('.');
    let parent: Record<string, unknown> = copy as unknown as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) parent = parent[k] as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    const target = parent[last];
    if (typeof target === 'string') parent[last] = replaceRanges(target, ranges);
    else if (target && typeof target === 'object' && Array.isArray((target as TextNode).content)) {
      (target as TextNode).content = replaceInInlines((target as TextNode).content!, ranges);
    }
  }
  return copy;
}
