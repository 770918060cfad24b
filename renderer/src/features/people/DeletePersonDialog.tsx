import { List, Loader, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorAlert } from '../../components/ErrorAlert';
import type { Person, PersonUsage } from '../../../../shared/schemas/people';

interface DeletePersonDialogProps {
  person: Person | null;
  onClose: () => void;
  onDeleted: () => void;
}

/** Says where a person appears (roles in cases, incidents) before moving them to Deleted items. */
export function DeletePersonDialog({ person, onClose, onDeleted }: DeletePersonDialogProps) {
  const { t } = useTranslation();
  const [usage, setUsage] = useState<{ id: string; value?: PersonUsage; error?: unknown } | null>(null);
  const personId = person?.id ?? null;

  useEffect(() => {
    if (!personId) return undefined;
    let active = true;
    client.people.usage({ id: personId }).then(
      (value) => active && setUsage({ id: personId, value }),
      (error: unknown) => active && setUsage({ id: personId, error }),
    );
    return () => {
      active = false;
    };
  }, [personId]);

  const loaded = usage && usage.id === personId ? usage : null;
  const roles = loaded?.value?.roles ?? [];
  const incidents = loaded?.value?.incidents ?? 0;

  return (
    <ConfirmDialog
      opened={person !== null}
      title={t('people.delete.title', { name: person?.pseudonym ?? '' })}
      confirmLabel={roles.length > 0 ? t('people.delete.confirmInUse') : t('common.delete')}
      danger
      onClose={onClose}
      onConfirm={async () => {
        if (!person) return;
        await client.trash.delete({ entityType: 'person', entityId: person.id, confirmInUse: true });
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
