import { UnstyledButton, type UnstyledButtonProps } from '@mantine/core';
import type { MouseEvent, ReactNode } from 'react';

/**
 * The one focusable control of a clickable table row: a real button (named by its text) that keyboard and
 * screen-reader users reach with Tab, while the row itself stays a plain row that mouse users may click.
 */
export function RowLink({
  children,
  onClick,
  ...props
}: UnstyledButtonProps & { children: ReactNode; onClick: (event: MouseEvent<HTMLButtonElement>) => void }) {
  return (
    <UnstyledButton className="amparo-row-link" fz="sm" onClick={onClick} {...props}>
      {children}
    </UnstyledButton>
  );
}
