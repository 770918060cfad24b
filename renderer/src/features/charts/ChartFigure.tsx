import { Stack, Table, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A chart with its data as a table: the picture is hidden from screen readers (it says nothing a table
 * does not), and the table, folded under "Show as table", is what they and keyboard users read.
 */
export function ChartFigure({
  id,
  title,
  chart,
  columns,
  rows,
}: {
  id: string;
  title: string;
  chart: ReactNode;
  columns: string[];
  rows: (string | number)[][];
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="figure" m={0} aria-labelledby={`${id}-title`} data-testid={id}>
      <figcaption>
        <Title order={3} size="h4" id={`${id}-title`}>
          {title}
        </Title>
      </figcaption>
      <div aria-hidden="true">{chart}</div>
      <details>
        <Text component="summary" size="sm" style={{ cursor: 'pointer' }}>
          {t('charts.showTable')}
        </Text>
        <Table mt="xs" withTableBorder>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c) => (
                <Table.Th key={c}>{c}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={String(r[0])}>
                {r.map((cell, i) => (
                  <Table.Td key={i}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </details>
    </Stack>
  );
}
