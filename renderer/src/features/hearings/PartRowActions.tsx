import { ActionIcon, Button, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Moving a row of an ordered list: its place in it. */
export interface RowMove {
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
}

/**
 * The controls of one row of a hearing's part (a participant, a turn, a question, a pick): drag handle,
 * ↑ / ↓ and Remove, each named for the row ("Subir Turno 2: …"). The ↑ / ↓ buttons carry `data-move`, by
 * which the list puts the focus back on the moved row.
 */
export function PartRowActions({
  name,
  move,
  drag,
  onRemove,
  removeLabel,
}: {
  /** What the row is called in the buttons' names. */
  name: string;
  move?: RowMove;
  /** The drag handle, first (the list's sortable row wires it). */
  drag?: ReactNode;
  onRemove?: () => void;
  /** The Remove button's accessible name; "Remove {name}" otherwise. */
  removeLabel?: string;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="center">
      {drag}
      {move && (
        <>
          <ActionIcon
            variant="default"
            size="sm"
            disabled={move.index === 0}
            data-move="up"
            onClick={() => move.onMove(move.index, move.index - 1)}
            aria-label={t('hearingsUi.reorder.up', { name })}
          >
            <span aria-hidden>↑</span>
          </ActionIcon>
          <ActionIcon
            variant="default"
            size="sm"
            disabled={move.index === move.count - 1}
            data-move="down"
            onClick={() => move.onMove(move.index, move.index + 1)}
            aria-label={t('hearingsUi.reorder.down', { name })}
          >
            <span aria-hidden>↓</span>
          </ActionIcon>
        </>
      )}
      {onRemove && (
        <Button
          size="compact-xs"
          variant="subtle"
          color="red"
          aria-label={removeLabel ?? t('hearingsUi.picks.removeFor', { name })}
          onClick={onRemove}
        >
          {t('hearingsUi.picks.remove')}
        </Button>
      )}
    </Stack>
  );
}
