import { Alert, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../../shared/schemas/import';
import { refusalText } from './refusalText';

/** The dry run: counts per kind and every row that would be refused, with its reasons. */
export function ReportView({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const refused = report.refusals.length;
  return (
    <Stack gap="md">
      <Stack gap={2}>
        {(['cases', 'people', 'facts'] as const)
          .filter((k) => report.counts[k].accepted + report.counts[k].refused > 0)
          .map((k) => (
            <Text key={k} size="sm">
              {t('import.counts', { kind: t(`import.kind.${k}`), ...report.counts[k] })}
            </Text>
          ))}
      </Stack>
      {refused === 0 ? (
        <Alert color="teal" variant="light">
          {t('import.allAccepted')}
        </Alert>
      ) : (
        <>
          <Alert color="yellow" variant="light">
            {t('import.refusedIntro', { count: refused })}
          </Alert>
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label={t('import.refusalTable')} data-testid="import-refusals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('import.sheetHeader')}</Table.Th>
                  <Table.Th>{t('import.rowHeader')}</Table.Th>
                  <Table.Th>{t('import.recordHeader')}</Table.Th>
                  <Table.Th>{t('import.reasonHeader')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.refusals.map((r) => (
                  <Table.Tr key={`${r.table}-${r.row}`}>
                    <Table.Td>{r.table}</Table.Td>
                    <Table.Td>{r.row}</Table.Td>
                    <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.label}</Table.Td>
                    <Table.Td>
                      {r.problems.map((p, i) => (
                        <Text key={i} size="sm">
                          {refusalText(t, p)}
                        </Text>
                      ))}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
