import { Text, Typography } from '@mantine/core';
import Markdown, { type Components } from 'react-markdown';

// Markdown becomes React elements (no HTML string is ever injected): raw HTML in the text is dropped, links
// are shown as their text (the app never navigates anywhere) and images as their description (loading one
// would be a network request).
const components: Components = {
  a: ({ children }) => (
    <Text span td="underline">
      {children}
    </Text>
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
      <Markdown skipHtml components={components}>
        {source}
      </Markdown>
    </Typography>
  );
}
