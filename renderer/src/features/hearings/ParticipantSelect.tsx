import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Option } from '../../components/options';

/** One of the hearing's participants (who speaks a turn, who answers a question), or nobody yet. */
export function ParticipantSelect({
  label,
  participants,
  value,
  onChange,
  width,
}: {
  label: string;
  participants: Option[];
  value: string | null;
  onChange: (id: string | null) => void;
  width: number;
}) {
  const { t } = useTranslation();
  return (
    <Select
      label={label}
      data={participants}
      value={value}
      onChange={onChange}
      placeholder={t('hearingsUi.plan.pickSpeaker')}
      clearable
      w={width}
    />
  );
}
