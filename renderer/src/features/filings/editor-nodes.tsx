// The three inline atoms of a filing's text (shared/schemas/filings.ts): an exhibit reference, a person
// reference and a footnote. Shown as chips; the document stores only ids (and the note's text), so a
// renumbered exhibit or a changed pseudonym is printed right without touching the text.
import { Badge, Tooltip } from '@mantine/core';
import { mergeAttributes, Node } from '@tiptap/core';
import { NodeViewWrapper, ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useFilingRefs } from './refs';

function ExhibitChip({ node }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const label = useFilingRefs().exhibitLabel(String(node.attrs.evidenceId));
  return (
    <NodeViewWrapper as="span" data-exhibit-ref={node.attrs.evidenceId}>
      <Badge variant="light" color="blue" size="sm" tt="none" component="span">
        {label ?? t('filings.editor.exhibitMissing')}
      </Badge>
    </NodeViewWrapper>
  );
}

function PersonChip({ node }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const label = useFilingRefs().personLabel(String(node.attrs.personId));
  return (
    <NodeViewWrapper as="span" data-person-ref={node.attrs.personId}>
      <Badge variant="light" color="grape" size="sm" tt="none" component="span">
        {label ?? t('filings.editor.personMissing')}
      </Badge>
    </NodeViewWrapper>
  );
}

function FootnoteChip({ node }: ReactNodeViewProps) {
  const { t } = useTranslation();
  const text = String(node.attrs.text ?? '');
  return (
    <NodeViewWrapper as="span" data-footnote="">
      <Tooltip label={text} multiline maw={360} withinPortal>
        <Badge
          variant="outline"
          color="gray"
          size="xs"
          tt="none"
          component="span"
          aria-label={t('filings.editor.footnoteChip', { text })}
        >
          {t('filings.editor.footnoteMark')}
        </Badge>
      </Tooltip>
    </NodeViewWrapper>
  );
}

function atom(name: string, attr: string, view: (props: ReactNodeViewProps) => React.ReactNode) {
  return Node.create({
    name,
    group: 'inline',
    inline: true,
    atom: true,
    selectable: true,
    addAttributes() {
      return { [attr]: { default: null } };
    },
    parseHTML() {
      return [{ tag: `span[data-${name}]` }];
    },
    renderHTML({ HTMLAttributes }) {
      return ['span', mergeAttributes({ [`data-${name}`]: '' }, HTMLAttributes)];
    },
    addNodeView() {
      return ReactNodeViewRenderer(view, { as: 'span' });
    },
  });
}

export const ExhibitRefNode = atom('exhibitRef', 'evidenceId', ExhibitChip);
export const PersonRefNode = atom('personRef', 'personId', PersonChip);
export const FootnoteNode = atom('footnote', 'text', FootnoteChip);
