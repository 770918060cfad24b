import { DataList } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Matter } from '../../../../shared/schemas/matter';
import { formatTimestamp } from '../../app/format';

/** The rest of a case's fields, read-only (reference, status, forum and dates are in its header). */
export function MatterDetails({ matter }: { matter: Matter }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const none = t('matters.view.none');
  const rows: [string, string, string?][] = [
    [t('matters.fields.matterType'), t(`matterType.${matter.matterType}`)],
    [t('classification.label'), t(`classification.${matter.classification}`)],
    [t('matters.fields.summary'), matter.summary || none, 'amparo-prewrap'],
    [t('matters.view.updatedAt'), formatTimestamp(matter.updatedAt, language)],
  ];
  return (
    <DataList labelWidth="200px" withDivider maw={880}>
      {rows.map(([label, value, className]) => (
        <DataList.Item key={label}>
          <DataList.ItemLabel>{label}</DataList.ItemLabel>
          <DataList.ItemValue className={className}>{value}</DataList.ItemValue>
        </DataList.Item>
      ))}
    </DataList>
  );
}
