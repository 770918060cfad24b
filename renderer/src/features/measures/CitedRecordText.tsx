import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CitedRecord } from '../../../../shared/schemas/protection-measures';
import { formatIsoDate } from '../../app/format';

/** "Incident of 3 Apr 2024: the panic button did not work"; a hidden record is named only by kind and date. */
export function CitedRecordText({ cites, size = 'sm' }: { cites: CitedRecord; size?: 'xs' | 'sm' }) {
  const { t, i18n } = useTranslation();
  const date = formatIsoDate(cites.date, i18n.language);
  return (
    <Text size={size} className="amparo-wrap-anywhere">
      {t(`measures.cites.${cites.kind}`, { date })}
      {cites.label ? `: ${cites.label}` : ` (${t('measures.cites.hidden')})`}
    </Text>
  );
}
