import { Mark, Text } from '@mantine/core';
import { MATCH_END, MATCH_START } from '../../../../shared/schemas/search';

/**
 * A hit's excerpt with its matched words marked. The core wraps each match in control-character markers;
 * splitting on them yields plain text pieces rendered as React text, so nothing in a record can become HTML.
 */
export function Snippet({ text }: { text: string }) {
  const pieces: { text: string; marked: boolean }[] = [];
  for (const [i, part] of text.split(MATCH_START).entries()) {
    const [inside, after] = i === 0 ? [null, part] : splitOnce(part, MATCH_END);
    if (inside) pieces.push({ text: inside, marked: true });
    if (after) pieces.push({ text: after.replaceAll(MATCH_END, ''), marked: false });
  }
  return (
    <Text size="sm" c="dimmed" data-testid="hit-snippet">
      {pieces.map((piece, i) =>
        piece.marked ? (
          <Mark key={i} color="yellow">
            {piece.text}
          </Mark>
        ) : (
          <span key={i}>{piece.text}</span>
        ),
      )}
    </Text>
  );
}

function splitOnce(text: string, marker: string): [string, string] {
  const at = text.indexOf(marker);
  return at < 0 ? [text, ''] : [text.slice(0, at), text.slice(at + marker.length)];
}
