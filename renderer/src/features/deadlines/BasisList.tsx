import { List } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { renderBasis } from '../../../../shared/deadline-basis';
import type { BasisStep } from '../../../../shared/schemas/deadline';

/** The calculation basis, one sentence per step, in the UI language (the same text as the command line). */
export function BasisList({ basis, label }: { basis: BasisStep[]; label: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.language.startsWith('es') ? 'es' : 'en';
  return (
    <List type="ordered" size="sm" spacing={2} aria-label={label}>
      {renderBasis({ basis }, lang).map((line, index) => (
        <List.Item key={index}>{line}</List.Item>
      ))}
    </List>
  );
}
