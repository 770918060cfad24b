import StarterKit from '@tiptap/starter-kit';
import { ExhibitRefNode, FootnoteNode, PersonRefNode } from './editor-nodes';

/** The editor's schema: only what the document model holds and the writers print. */
export function filingExtensions() {
  return [
    StarterKit.configure({
      code: false,
      codeBlock: false,
      strike: false,
      horizontalRule: false,
      link: false,
      heading: { levels: [1, 2, 3] },
    }),
    ExhibitRefNode,
    PersonRefNode,
    FootnoteNode,
  ];
}
