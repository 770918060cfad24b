import '@mantine/tiptap/styles.css';
import { Button, Group, Menu, Popover, Stack, Text, Textarea } from '@mantine/core';
import { RichTextEditor } from '@mantine/tiptap';
import { useEditor } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RichDoc } from '../../../../shared/schemas/filings';
import { toEditorJson, toRichDoc, type EditorNode } from './doc-convert';
import { filingExtensions } from './editor-extensions';

export interface Pickable {
  id: string;
  label: string;
}

/** One free-text section of the filing: headings, lists, emphasis, quotations, footnotes, exhibit and person references. */
export function RichSection({
  id,
  label,
  value,
  onChange,
  exhibits,
  people,
}: {
  id: string;
  label: string;
  value: RichDoc;
  onChange: (doc: RichDoc) => void;
  exhibits: Pickable[];
  people: Pickable[];
}) {
  const { t } = useTranslation();
  const emitted = useRef(JSON.stringify(value));
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  });
  const editor = useEditor({
    extensions: filingExtensions(),
    content: toEditorJson(value),
    immediatelyRender: true,
    shouldRerenderOnTransaction: false,
    editorProps: { attributes: { id, 'aria-label': label, role: 'textbox', 'aria-multiline': 'true' } },
    onUpdate: ({ editor }) => {
      const doc = toRichDoc(editor.getJSON() as EditorNode);
      emitted.current = JSON.stringify(doc);
      onChangeRef.current(doc);
    },
  });

  // A value from outside (a restored version, a leak replaced): show it.
  useEffect(() => {
    if (!editor || JSON.stringify(value) === emitted.current) return;
    emitted.current = JSON.stringify(value);
    editor.commands.setContent(toEditorJson(value), { emitUpdate: false });
  }, [editor, value]);

  const insert = (node: EditorNode) => editor?.chain().focus().insertContent(node).run();

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} component="label" htmlFor={id}>
        {label}
      </Text>
      <RichTextEditor
        editor={editor}
        labels={{
          boldControlLabel: t('filings.editor.bold'),
          italicControlLabel: t('filings.editor.italic'),
          underlineControlLabel: t('filings.editor.underline'),
          h1ControlLabel: t('filings.editor.h1'),
          h2ControlLabel: t('filings.editor.h2'),
          h3ControlLabel: t('filings.editor.h3'),
          bulletListControlLabel: t('filings.editor.bulletList'),
          orderedListControlLabel: t('filings.editor.orderedList'),
          blockquoteControlLabel: t('filings.editor.quote'),
          undoControlLabel: t('filings.editor.undo'),
          redoControlLabel: t('filings.editor.redo'),
        }}
      >
        <RichTextEditor.Toolbar>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Bold />
            <RichTextEditor.Italic />
            <RichTextEditor.Underline />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.H1 />
            <RichTextEditor.H2 />
            <RichTextEditor.H3 />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.OrderedList />
            <RichTextEditor.BulletList />
            <RichTextEditor.Blockquote />
          </RichTextEditor.ControlsGroup>
          <RichTextEditor.ControlsGroup>
            <RichTextEditor.Undo />
            <RichTextEditor.Redo />
          </RichTextEditor.ControlsGroup>
          <Group gap={4}>
            <Menu withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="default" disabled={!exhibits.length}>
                  {t('filings.editor.insertExhibit')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown mah={320} style={{ overflowY: 'auto' }}>
                {exhibits.map((e) => (
                  <Menu.Item
                    key={e.id}
                    onClick={() => insert({ type: 'exhibitRef', attrs: { evidenceId: e.id } })}
                  >
                    {e.label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <Menu withinPortal>
              <Menu.Target>
                <Button size="compact-xs" variant="default" disabled={!people.length}>
                  {t('filings.editor.insertPerson')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {people.map((p) => (
                  <Menu.Item
                    key={p.id}
                    onClick={() => insert({ type: 'personRef', attrs: { personId: p.id } })}
                  >
                    {p.label}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
            <FootnoteButton onInsert={(text) => insert({ type: 'footnote', attrs: { text } })} />
          </Group>
        </RichTextEditor.Toolbar>
        <RichTextEditor.Content />
      </RichTextEditor>
    </Stack>
  );
}

function FootnoteButton({ onInsert }: { onInsert: (text: string) => void }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [text, setText] = useState('');
  return (
    <Popover opened={opened} onChange={setOpened} withinPortal trapFocus>
      <Popover.Target>
        <Button size="compact-xs" variant="default" onClick={() => setOpened((o) => !o)}>
          {t('filings.editor.insertFootnote')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" w={320}>
          <Textarea
            label={t('filings.editor.footnoteText')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Button
            size="xs"
            disabled={!text.trim()}
            onClick={() => {
              onInsert(text.trim());
              setText('');
              setOpened(false);
            }}
          >
            {t('filings.editor.footnoteInsert')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
