import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

/** A link-looking button (it opens a place in the app, not a URL). */
export function PlaceLink({
  onClick,
  children,
  label,
}: {
  onClick: () => void;
  children: ReactNode;
  label?: string;
}) {
  return (
    <Anchor component="button" type="button" size="sm" onClick={onClick} aria-label={label} ta="left">
      {children}
    </Anchor>
  );
}
