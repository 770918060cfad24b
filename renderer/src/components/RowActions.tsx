import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface RowActionsProps {
  /** Accessible names that say which row ("Edit A.L.Q."), since every row has the same two buttons. */
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
  deleting?: boolean;
  className?: string;
}

/** The Edit / Delete pair at the end of a list row. */
export function RowActions({
  editLabel,
  deleteLabel,
  onEdit,
  onDelete,
  deleting,
  className,
}: RowActionsProps) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" className={className}>
      <Button size="xs" variant="default" onClick={onEdit} aria-label={editLabel}>
        {t('common.edit')}
      </Button>
      <Button
        size="xs"
        variant="subtle"
        color="red"
        loading={deleting}
        onClick={onDelete}
        aria-label={deleteLabel}
      >
        {t('common.delete')}
      </Button>
    </Group>
  );
}
