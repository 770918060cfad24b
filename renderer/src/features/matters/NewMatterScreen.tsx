import { Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import { DEFAULT_FORUM, DEFAULT_MATTER_STATE, type MatterFields } from '../../../../shared/schemas/matter';
import { todayIso } from './labels';
import { MatterForm } from './MatterForm';

function blankMatter(): MatterFields {
  return {
    title: '',
    matterType: 'precautionary_request',
    forum: DEFAULT_FORUM.precautionary_request,
    reference: '',
    status: 'draft',
    openedOn: todayIso(),
    summary: '',
    classification: 'restricted',
    state: DEFAULT_MATTER_STATE,
  };
}

export function NewMatterScreen({
  onCreated,
  onCancel,
}: {
  onCreated: (id: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [initial] = useState(blankMatter);
  return (
    <Stack gap="md">
      <Title order={2}>{t('matters.form.newTitle')}</Title>
      <MatterForm
        mode="create"
        initial={initial}
        draft={{ key: 'matter:new', matterId: null }}
        onSubmit={async ({ statusOn, ...fields }) => {
          // A draft case has no status date of its own: its first row is the opening date.
          const created = await client.matters.create(
            fields.status === 'draft' || !statusOn ? fields : { ...fields, statusOn },
          );
          onCreated(created.id);
        }}
        onCancel={onCancel}
      />
    </Stack>
  );
}
