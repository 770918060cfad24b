import { Anchor, Badge, Loader, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoad } from '../../components/useLoad';
import { BasisList } from '../deadlines/BasisList';

/**
 * "How was this date counted?" on a dashboard row: the deadline's calculation basis, loaded only when
 * asked for, so a lawyer can check the date by hand without leaving the Panel.
 */
export function BasisDisclosure({ deadlineId, title }: { deadlineId: string; title: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Stack gap={4} align="flex-start">
      <Anchor
        component="button"
        type="button"
        size="xs"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        aria-label={t(open ? 'dashboard.basis.hideFor' : 'dashboard.basis.showFor', { title })}
      >
        {t(open ? 'dashboard.basis.hide' : 'dashboard.basis.show')}
      </Anchor>
      {open && <Basis deadlineId={deadlineId} />}
    </Stack>
  );
}

function Basis({ deadlineId }: { deadlineId: string }) {
  const { t } = useTranslation();
  const loaded = useLoad(() => client.deadlines.get({ id: deadlineId }), [deadlineId]);
  if (loaded.error) return <ErrorAlert error={loaded.error} />;
  if (!loaded.data) return <Loader size="xs" aria-label={t('common.loading')} />;
  return (
    <Stack gap={2}>
      {loaded.data.verify && (
        <Badge size="xs" color="yellow" variant="light" w="fit-content">
          {t('dashboard.basis.verify')}
        </Badge>
      )}
      <BasisList basis={loaded.data.basis} label={t('dashboard.basis.label')} />
    </Stack>
  );
}
