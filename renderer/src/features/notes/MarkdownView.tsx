import { Box, Text, Typography } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

// Markdown becomes React elements (no HTML string is ever injected): raw HTML in the text is dropped, links
// are shown as their text (the app never navigates anywhere) and images as their description (loading one
// would be a network request). GitHub-flavoured Markdown adds tables, task lists and strikethrough; its
// bare-URL links are links like any other, shown as text.
const components: Components = {
  a: ({ children }) => (
    <Text span td="underline">
      {children}
    </Text>
  ),
  // A wide table scrolls inside the note instead of pushing the page sideways.
  table: ({ children }) => (
    <Box style={{ overflowX: 'auto' }}>
      <table>{children}</table>
    </Box>
  ),
  img: ({ alt }) =>
    alt ? (
      <Text span c="dimmed">
        [{alt}]
      </Text>
    ) : null,
};

/** A note's Markdown, rendered safely. */
export function MarkdownView({ source }: { source: string }) {
  return (
    <Typography>
      <Markdown skipHtml remarkPlugins={[remarkGfm]} components={components}>
        {source}
      </Markdown>
    </Typography>
  );
}
