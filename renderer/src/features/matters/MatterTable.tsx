import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MatterListItem } from '../../../../shared/schemas/matter';
import { RowLink } from '../../components/RowLink';
import { ClassificationBadge } from '../confidential/ClassificationBadge';
import { formatIsoDate, formatTimestamp } from '../../app/format';

interface MatterTableProps {
  items: MatterListItem[];
  onOpen: (id: string) => void;
  dimmed?: boolean;
}

/** One row per case; a row opens its case on click or Enter, and every row is a Tab stop. */
export function MatterTable({ items, onOpen, dimmed }: MatterTableProps) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table highlightOnHover striped aria-label={t('matters.list.tableLabel')} opacity={dimmed ? 0.6 : 1}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('matters.fields.title')}</Table.Th>
            <Table.Th>{t('matters.fields.matterType')}</Table.Th>
            <Table.Th>{t('matters.fields.reference')}</Table.Th>
            <Table.Th>{t('matters.fields.status')}</Table.Th>
            <Table.Th>{t('matters.fields.openedOn')}</Table.Th>
            <Table.Th title={t('finding.list.lastActivityHelp')}>{t('finding.list.lastActivity')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id} className="amparo-row" onClick={() => onOpen(item.id)}>
              <Table.Td fw={500} className="amparo-wrap-anywhere">
                <RowLink
                  onClick={(event) => {
                    // The row opens it too; once is enough.
                    event.stopPropagation();
                    onOpen(item.id);
                  }}
                >
                  {item.title}
                </RowLink>
                {item.classification === 'confidential' && (
                  <>
                    {' '}
                    <ClassificationBadge value={item.classification} />
                  </>
                )}
              </Table.Td>
              <Table.Td>{t(`matterType.${item.matterType}`)}</Table.Td>
              <Table.Td>{item.reference}</Table.Td>
              <Table.Td>{t(`matterStatus.${item.status}`)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatIsoDate(item.openedOn, i18n.language)}
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {formatTimestamp(item.lastActivityAt, i18n.language)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
