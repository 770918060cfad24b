import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Classification } from '../../../../shared/schemas/classification';

const COLOR: Record<Classification, string> = { public: 'teal', restricted: 'gray', confidential: 'red' };

/** How widely a record may be shown. */
export function ClassificationBadge({ value }: { value: Classification }) {
  const { t } = useTranslation();
  return (
    <Badge variant={value === 'confidential' ? 'filled' : 'light'} color={COLOR[value]} size="sm">
      {t(`classification.${value}`)}
    </Badge>
  );
}
