import { Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MIN_STRENGTH_SCORE, type StrengthEstimate } from './strength';

const COLORS = ['red', 'orange', 'yellow', 'teal', 'green'] as const;

/** zxcvbn's 0–4 score as a bar and a word, with its advice in the UI language. */
export function StrengthMeter({ estimate, empty }: { estimate: StrengthEstimate | null; empty: boolean }) {
  const { t } = useTranslation();
  const score = estimate?.score ?? 0;
  const value = empty || !estimate ? 0 : (score + 1) * 20;
  const level = empty || !estimate ? t('strength.empty') : t(`strength.level.${score}`);
  return (
    <Stack gap={4} data-testid="strength-meter">
      <Progress
        value={value}
        color={COLORS[score]}
        size="sm"
        aria-label={t('strength.label')}
        transitionDuration={150}
      />
      <Text size="sm" aria-live="polite">
        {t('strength.label')}: <strong>{level}</strong>
      </Text>
      {!empty && estimate && estimate.score < MIN_STRENGTH_SCORE && (
        <Text size="sm" c="dimmed">
          {[estimate.warning, ...estimate.suggestions].filter(Boolean).join(' ') || t('strength.advice')}
        </Text>
      )}
    </Stack>
  );
}
