import { List, Loader, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';

/** A person (named by pseudonym) or an organisation about to be deleted. */
export interface DeleteTarget {
  kind: 'person' | 'organisation';
  id: string;
  name: string;
}

interface DeleteRecordDialogProps {
  target: DeleteTarget | null;
  onClose: () => void;
  onDeleted: () => void;
}

/** Says where a person or organisation appears (roles in cases, incidents) before moving them to Deleted items. */
export function DeleteRecordDialog({ target, onClose, onDeleted }: DeleteRecordDialogProps) {
  const { t } = useTranslation();
  const targetId = target?.id ?? null;
  const kind = target?.kind ?? null;
  const usage = useLoad(
    targetId && kind
      ? () =>
          kind === 'person'
            ? client.people.usage({ id: targetId })
            : client.organisations.usage({ id: targetId })
      : null,
    [targetId, kind],
  );
  // Only what was loaded for this target counts (never the last one's usage).
  const loaded =
    usage.loading || !targetId
      ? null
      : usage.error
        ? { value: undefined, error: usage.error }
        : { value: usage.data ?? undefined, error: undefined };
  const roles = loaded?.value?.roles ?? [];
  const incidents = loaded?.value?.incidents ?? 0;

  return (
    <ConfirmDialog
      opened={target !== null}
      title={
        target?.kind === 'organisation'
          ? t('organisations.deleteTitle', { name: target.name })
          : t('people.delete.title', { name: target?.name ?? '' })
      }
      confirmLabel={roles.length > 0 ? t('people.delete.confirmInUse') : t('common.delete')}
      danger
      onClose={onClose}
      onConfirm={async () => {
        if (!target) return;
        await client.trash.delete({ entityType: target.kind, entityId: target.id, confirmInUse: true });
        onDeleted();
      }}
    >
      {!loaded ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : loaded.error !== undefined ? (
        <ErrorAlert error={loaded.error} />
      ) : roles.length === 0 && incidents === 0 ? (
        <Text size="sm">{t('people.delete.unused')}</Text>
      ) : (
        <>
          <Text size="sm" fw={500}>
            {t('people.delete.usedIn')}
          </Text>
          <List size="sm" aria-label={t('people.delete.usedIn')}>
            {roles.map((role) => (
              <List.Item key={role.partyId}>
                {t('people.delete.roleIn', { role: t(`partyRole.${role.role}`), matter: role.matterTitle })}
              </List.Item>
            ))}
            {incidents > 0 && <List.Item>{t('people.delete.incidents', { count: incidents })}</List.Item>}
          </List>
        </>
      )}
      <Text size="sm" c="dimmed">
        {t('people.delete.restorable')}
      </Text>
    </ConfirmDialog>
  );
}
