import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatBytes, formatTimestamp } from '../../app/format';
import { RecordTable } from '../../components/RecordTable';
import type { Loaded } from '../../components/useLoad';
import type { HearingBinder } from '../../../../shared/schemas/hearings';

/** The binders made for this hearing, newest first: when, format, profile, where it went, size, SHA-256. */
export function BinderHistory({ binders }: { binders: Loaded<HearingBinder[]> }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="xs" component="section" aria-labelledby="hearing-binder-history-title">
      <Title order={5} id="hearing-binder-history-title">
        {t('hearingsUi.binderHistory.title')}
      </Title>
      <RecordTable
        load={binders}
        label={t('hearingsUi.binderHistory.title')}
        emptyText={t('hearingsUi.binderHistory.empty')}
        headings={[
          t('hearingsUi.binderHistory.when'),
          t('hearingsUi.binderHistory.format'),
          t('hearingsUi.binderHistory.profile'),
          t('hearingsUi.binderHistory.destination'),
          t('hearingsUi.binderHistory.size'),
          'SHA-256',
        ]}
      >
        {(b) => (
          <Table.Tr key={b.id} data-testid="binder-history-row">
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatTimestamp(b.generatedAt, i18n.language)}
            </Table.Td>
            <Table.Td>{b.format.toUpperCase()}</Table.Td>
            <Table.Td>{b.profileName}</Table.Td>
            <Table.Td>{t(`hearingsUi.binderHistory.to_${b.destination}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatBytes(b.size, i18n.language)}</Table.Td>
            <Table.Td>
              <Text
                size="xs"
                ff="monospace"
                style={{ wordBreak: 'break-all' }}
                data-testid="binder-history-sha"
              >
                {b.sha256}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
      </RecordTable>
    </Stack>
  );
}
