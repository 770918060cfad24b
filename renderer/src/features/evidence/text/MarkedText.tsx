import { Mark } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { fold } from './matchWords';

/**
 * Plain text with the searched words marked (accents and capitals ignored, each word a prefix), as React
 * text nodes: nothing of the file can become HTML. The first mark is scrolled into view.
 */
export function MarkedText({ text, terms }: { text: string; terms: string[] }) {
  const first = useRef<HTMLElement>(null);
  const words = terms.join(' ');
  useEffect(() => {
    first.current?.scrollIntoView({ block: 'center' });
  }, [text, words]);
  if (terms.length === 0) return <>{text}</>;
  const pieces: { text: string; marked: boolean }[] = [];
  let at = 0;
  for (const token of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const folded = fold(token[0]);
    if (!terms.some((term) => folded.startsWith(term))) continue;
    if (token.index > at) pieces.push({ text: text.slice(at, token.index), marked: false });
    pieces.push({ text: token[0], marked: true });
    at = token.index + token[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), marked: false });
  let seen = false;
  return (
    <>
      {pieces.map((piece, i) => {
        if (!piece.marked) return <span key={i}>{piece.text}</span>;
        const isFirst = !seen;
        seen = true;
        return (
          <Mark key={i} color="yellow" ref={isFirst ? first : undefined} data-testid="text-highlight">
            {piece.text}
          </Mark>
        );
      })}
    </>
  );
}
