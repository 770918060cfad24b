import type { z } from 'zod';
import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { client, errorCode } from '../api/client';
import type { DeletableType } from '../../../shared/schemas/trash';

type EntityType = z.infer<typeof DeletableType>;

/** How long the Undo offer stays (it pauses while hovered). */
const UNDO_MS = 10_000;

/**
 * Deleting a record inside a case (a fact, a note, a person's role): done at once, with an Undo
 * notification that restores it from the bin. Whole cases, people and evidence ask first instead
 * (ConfirmDialog); what cannot be undone (emptying the bin) always asks.
 */
export function useUndoableDelete() {
  const { t } = useTranslation();
  return async (entityType: EntityType, entityId: string, done: string, after: () => void) => {
    await client.trash.delete({ entityType, entityId });
    after();
    const id = `undo-${entityType}-${entityId}`;
    const undo = async () => {
      notifications.hide(id);
      try {
        await client.trash.restore({ entityType, entityId });
        notifications.show({
          closeButtonProps: { 'aria-label': t('common.dismiss') },
          message: t('undo.restored'),
          color: 'teal',
          autoClose: 4000,
        });
      } catch (error) {
        notifications.show({
          closeButtonProps: { 'aria-label': t('common.dismiss') },
          title: t('undo.failed'),
          message: t(`errors.${errorCode(error)}`),
          color: 'red',
        });
      }
      after();
    };
    notifications.show({
      closeButtonProps: { 'aria-label': t('common.dismiss') },
      id,
      autoClose: UNDO_MS,
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">{done}</Text>
          <Button size="xs" variant="light" onClick={() => void undo()}>
            {t('undo.action')}
          </Button>
        </Group>
      ),
    });
  };
}
