import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatIsoDate } from '../../app/format';
import type { HearingSummary } from '../../../../shared/schemas/hearings';

/** "12 mar 2027, 10:00 (America/New_York)": the hearing's own date, time and zone, as the forum set them. */
export function hearingWhen(
  h: Pick<HearingSummary, 'heldOn' | 'startTime' | 'zone'>,
  language: string,
  none: string,
): string {
  if (!h.heldOn) return none;
  const date = formatIsoDate(h.heldOn, language);
  return h.startTime ? `${date}, ${h.startTime} (${h.zone})` : `${date} (${h.zone})`;
}

export function HearingWhen({ hearing }: { hearing: Pick<HearingSummary, 'heldOn' | 'startTime' | 'zone'> }) {
  const { t, i18n } = useTranslation();
  return <Text size="sm">{hearingWhen(hearing, i18n.language, t('hearingsUi.noDate'))}</Text>;
}
