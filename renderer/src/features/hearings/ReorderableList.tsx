import { ActionIcon, Group, Paper, Stack, VisuallyHidden } from '@mantine/core';
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type DragEndEvent,
} from '@dnd-kit/core';
import {
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PartRowActions } from './PartRowActions';

export interface ReorderableListProps<T> {
  items: T[];
  /** A stable id per item (the form's field id), so a moved row keeps its inputs. */
  idOf: (item: T, index: number) => string;
  /** What the item is called in announcements and button labels ("Turn 2: Lawyer — Context"). */
  nameOf: (item: T, index: number) => string;
  onMove: (from: number, to: number) => void;
  /** With it, each row has a Remove button named for the row. */
  onRemove?: (item: T, index: number) => void;
  children: (item: T, index: number) => ReactNode;
  /** The list's accessible name. */
  label: string;
  testId?: string;
}

function SortableRow({
  id,
  name,
  index,
  count,
  onMove,
  onRemove,
  children,
}: {
  id: string;
  name: string;
  index: number;
  count: number;
  onMove: (from: number, to: number) => void;
  onRemove: (() => void) | undefined;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id });
  return (
    <Paper
      withBorder
      p="sm"
      ref={setNodeRef}
      component="li"
      data-testid="reorderable-row"
      data-row-id={id}
      style={{
        transform: CSS.Transform.toString(transform),
        transition,
        opacity: isDragging ? 0.7 : 1,
        listStyle: 'none',
      }}
    >
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <PartRowActions
          name={name}
          move={{ index, count, onMove }}
          drag={
            <ActionIcon
              variant="subtle"
              color="gray"
              ref={setActivatorNodeRef}
              {...attributes}
              {...listeners}
              aria-label={t('hearingsUi.reorder.drag', { name })}
              style={{ cursor: 'grab', touchAction: 'none' }}
            >
              <span aria-hidden>⠿</span>
            </ActionIcon>
          }
          {...(onRemove ? { onRemove } : {})}
        />
        <div style={{ flex: 1, minWidth: 0 }}>{children}</div>
      </Group>
    </Paper>
  );
}

/**
 * A list the user puts in order: drag a row by its handle (mouse, or the keyboard: Space, arrows, Space),
 * or move it with its ↑ / ↓ buttons; every move is announced with the new position. With `onRemove`, each
 * row also has its Remove button.
 */
export function ReorderableList<T>({
  items,
  idOf,
  nameOf,
  onMove,
  onRemove,
  children,
  label,
  testId,
}: ReorderableListProps<T>) {
  const { t } = useTranslation();
  const [announcement, setAnnouncement] = useState('');
  // Typed as Stack gives it, though it renders an <ol>.
  const list = useRef<HTMLDivElement>(null);
  // After a move by button, the focus follows the row; at the top or the bottom it goes to the button left.
  const [refocus, setRefocus] = useState<{ id: string; direction: 'up' | 'down' } | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const ids = useMemo(() => items.map((item, i) => idOf(item, i)), [items, idOf]);
  const nameById = (id: string | number) => {
    const i = ids.indexOf(String(id));
    return i < 0 ? '' : nameOf(items[i] as T, i);
  };
  const positionOf = (id: string | number) => ids.indexOf(String(id)) + 1;

  useEffect(() => {
    if (!refocus || !list.current) return;
    const row = [...list.current.querySelectorAll<HTMLElement>('[data-row-id]')].find(
      (el) => el.dataset.rowId === refocus.id,
    );
    const other = refocus.direction === 'up' ? 'down' : 'up';
    const button =
      row?.querySelector<HTMLButtonElement>(`[data-move="${refocus.direction}"]:not(:disabled)`) ??
      row?.querySelector<HTMLButtonElement>(`[data-move="${other}"]`);
    button?.focus();
    setRefocus(null);
  }, [refocus, ids]);

  const move = (from: number, to: number, byButton = false) => {
    if (to < 0 || to >= items.length || from === to) return;
    const name = nameOf(items[from] as T, from);
    onMove(from, to);
    if (byButton) setRefocus({ id: ids[from] as string, direction: to < from ? 'up' : 'down' });
    setAnnouncement(t('hearingsUi.reorder.moved', { name, position: to + 1, count: items.length }));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t('hearingsUi.reorder.instructions') },
          announcements: {
            onDragStart: ({ active }) =>
              t('hearingsUi.reorder.picked', { name: nameById(active.id), position: positionOf(active.id) }),
            onDragOver: ({ active, over }) =>
              over
                ? t('hearingsUi.reorder.over', { name: nameById(active.id), position: positionOf(over.id) })
                : undefined,
            onDragEnd: ({ active, over }) =>
              over
                ? t('hearingsUi.reorder.dropped', {
                    name: nameById(active.id),
                    position: positionOf(over.id),
                  })
                : undefined,
            onDragCancel: ({ active }) => t('hearingsUi.reorder.cancelled', { name: nameById(active.id) }),
          },
        }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <Stack component="ol" ref={list} gap="xs" p={0} m={0} aria-label={label} data-testid={testId}>
            {items.map((item, i) => (
              <SortableRow
                key={ids[i]}
                id={ids[i] as string}
                name={nameOf(item, i)}
                index={i}
                count={items.length}
                onMove={(from, to) => move(from, to, true)}
                onRemove={onRemove && (() => onRemove(item, i))}
              >
                {children(item, i)}
              </SortableRow>
            ))}
          </Stack>
        </SortableContext>
      </DndContext>
      <VisuallyHidden role="status" aria-live="polite" data-testid="reorder-announcement">
        {announcement}
      </VisuallyHidden>
    </>
  );
}
