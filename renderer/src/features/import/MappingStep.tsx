import { Alert, Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  isProtectedImportField,
  type ImportKind,
  type PreviewTable,
  type TableMapping,
} from '../../../../shared/schemas/import';

interface MappingStepProps {
  tables: PreviewTable[];
  mapping: TableMapping[];
  onChange: (mapping: TableMapping[]) => void;
}

/** Required fields a table's mapping leaves without a column. */
export function missingFields(mapping: TableMapping): string[] {
  if (mapping.kind === 'skip') return [];
  const mapped = new Set(Object.values(mapping.columns));
  return REQUIRED_IMPORT_FIELDS[mapping.kind].filter((f) => !mapped.has(f));
}

/** One table per file or sheet: what its rows are, and which column feeds which field (with samples). */
export function MappingStep({ tables, mapping, onChange }: MappingStepProps) {
  const { t } = useTranslation();
  const update = (index: number, next: TableMapping) =>
    onChange(mapping.map((m, i) => (i === index ? next : m)));

  return (
    <Stack gap="lg">
      <Text size="sm" c="dimmed">
        {t('import.protectedNote')}
      </Text>
      {tables.map((table, index) => {
        const current = mapping[index]!;
        const kind = current.kind;
        const missing = missingFields(current);
        return (
          <Paper key={table.name} withBorder p="md">
            <Stack gap="sm">
              <Group justify="space-between" wrap="wrap">
                <Title order={3} size="h4">
                  {t('import.tableInfo', { name: table.name, count: table.rowCount })}
                </Title>
                <Select
                  label={t('import.kindLabel', { table: table.name })}
                  data={(['cases', 'people', 'facts', 'skip'] as const).map((k) => ({
                    value: k,
                    label: t(`import.kind.${k}`),
                  }))}
                  value={kind}
                  allowDeselect={false}
                  onChange={(value) => {
                    if (!value) return;
                    // A different kind has different fields: start from no columns for it.
                    update(index, { table: table.name, kind: value as TableMapping['kind'], columns: {} });
                  }}
                  w={260}
                />
              </Group>
              {kind !== 'skip' && (
                <Table.ScrollContainer minWidth={600}>
                  <Table aria-label={t('import.tableInfo', { name: table.name, count: table.rowCount })}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('import.columnHeader')}</Table.Th>
                        <Table.Th>{t('import.fieldHeader')}</Table.Th>
                        <Table.Th>{t('import.sampleHeader')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {table.headers.map((header, column) => {
                        const field = current.columns[header] ?? '';
                        const taken = new Set(
                          Object.entries(current.columns)
                            .filter(([h, f]) => h !== header && f)
                            .map(([, f]) => f),
                        );
                        const fields = IMPORT_FIELDS[kind as ImportKind] as readonly string[];
                        const samples = table.sampleRows.slice(0, 3).map((row) => row[column]);
                        // The core leaves out the cells of protected and (in people tables) unmapped columns.
                        const hiddenSample =
                          isProtectedImportField(field) ||
                          (samples.length > 0 && samples.every((v) => v === null));
                        return (
                          <Table.Tr key={header}>
                            <Table.Td>
                              <Text fw={500} size="sm">
                                {header}
                              </Text>
                            </Table.Td>
                            <Table.Td>
                              <Select
                                aria-label={t('import.fieldHeader') + ': ' + header}
                                data={[
                                  { value: '', label: t('import.ignoreColumn') },
                                  ...fields
                                    .filter((f) => !taken.has(f))
                                    .map((f) => ({
                                      value: f,
                                      label: `${t(`import.field.${f}`)}${
                                        (
                                          REQUIRED_IMPORT_FIELDS[kind as ImportKind] as readonly string[]
                                        ).includes(f)
                                          ? ` (${t('import.required')})`
                                          : ''
                                      }`,
                                    })),
                                ]}
                                value={field}
                                allowDeselect={false}
                                onChange={(value) =>
                                  update(index, {
                                    ...current,
                                    columns: { ...current.columns, [header]: value ?? '' },
                                  })
                                }
                                w={280}
                              />
                              {isProtectedImportField(field) && (
                                <Badge mt={4} color="grape" variant="light">
                                  {t('import.protected')}
                                </Badge>
                              )}
                            </Table.Td>
                            <Table.Td>
                              <Text
                                size="sm"
                                c={hiddenSample ? 'dimmed' : undefined}
                                lineClamp={2}
                                style={{ overflowWrap: 'anywhere' }}
                              >
                                {isProtectedImportField(field)
                                  ? t('import.protectedCell')
                                  : hiddenSample
                                    ? t('import.hiddenUntilMapped')
                                    : samples.filter((s) => s).join(' · ')}
                              </Text>
                            </Table.Td>
                          </Table.Tr>
                        );
                      })}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {missing.length > 0 && (
                <Alert color="yellow" variant="light">
                  {t('import.missingRequired', {
                    table: table.name,
                    fields: missing.map((f) => t(`import.field.${f}`)).join(', '),
                  })}
                </Alert>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
