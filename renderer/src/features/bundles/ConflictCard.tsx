import { Card, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { conflictView } from '../../../../shared/bundle-labels-format';
import type { BundleConflict, BundleSummary, ConflictChoice } from '../../../../shared/schemas/bundles';
import { useBundleWords } from './useBundleWords';

/** Records keyed by what they belong to (a person, a setting's name): one row only, so both cannot be kept. */
const ONE_ROW_PER_OWNER = ['protected_identities', 'person_profiles', 'vault_settings'];

const LONG: React.CSSProperties = { whiteSpace: 'pre-wrap', maxHeight: '10rem', overflowY: 'auto' };

/**
 * One record changed both here and in the bundle: its kind and name ("Plazo · Responder"), its case,
 * the fields a person changed side by side (bookkeeping left out), a deletion as its own line, and the
 * three choices. "Keep both" is offered only where the record can be duplicated.
 */
export function ConflictCard({
  conflict,
  cases,
  choice,
  onChoice,
}: {
  conflict: BundleConflict;
  cases: BundleSummary['cases'];
  choice: ConflictChoice;
  onChoice: (choice: ConflictChoice) => void;
}) {
  const { t } = useTranslation();
  const words = useBundleWords();
  const view = conflictView(words, conflict, cases);
  const headingId = useId();
  const heading = view.name ? `${view.kind} · ${view.name}` : view.kind;
  const canKeepBoth = !ONE_ROW_PER_OWNER.includes(conflict.table);
  return (
    <Card withBorder padding="sm" role="group" aria-labelledby={headingId} data-testid="bundle-conflict">
      <Stack gap="xs">
        <div>
          <Text fw={600} id={headingId}>
            {heading}
          </Text>
          {view.caseName && (
            <Text size="sm" c="dimmed">
              {t('bundles.conflict.inCase', { name: view.caseName })}
            </Text>
          )}
        </div>
        {view.hidden && <Text size="sm">{t('bundles.conflict.hidden')}</Text>}
        {view.onlyBookkeeping && <Text size="sm">{t('bundles.conflict.onlyBookkeeping')}</Text>}
        {view.rows.length > 0 && (
          <Table layout="fixed" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">{t('bundles.import.field')}</Table.Th>
                <Table.Th>{t('bundles.import.mine')}</Table.Th>
                <Table.Th>{t('bundles.import.theirs')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {view.rows.map((row) => (
                <Table.Tr key={row.column}>
                  <Table.Th scope="row" fw={500}>
                    {row.label}
                  </Table.Th>
                  <Table.Td style={row.long ? LONG : undefined}>{row.mine}</Table.Td>
                  <Table.Td style={row.long ? LONG : undefined}>{row.theirs}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {view.deleted && (
          <Text size="sm">
            {t('bundles.conflict.deletedHere', {
              state: view.deleted.mine ?? t('bundleLabels.notDeleted'),
            })}{' '}
            {t('bundles.conflict.deletedThere', {
              state: view.deleted.theirs ?? t('bundleLabels.notDeleted'),
            })}
          </Text>
        )}
        <SegmentedControl
          aria-label={t('bundles.conflict.choiceFor', { name: heading })}
          value={choice}
          onChange={(v) => onChoice(v as ConflictChoice)}
          data={[
            { value: 'mine', label: t('bundles.import.keepMine') },
            { value: 'theirs', label: t('bundles.import.takeTheirs') },
            ...(canKeepBoth ? [{ value: 'both', label: t('bundles.import.keepBoth') }] : []),
          ]}
        />
      </Stack>
    </Card>
  );
}
