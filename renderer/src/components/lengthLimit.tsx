import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** From this share of the limit on, a field shows how many characters it holds. */
const NEAR = 0.8;

/**
 * A field's description with, near its length limit, a counter ("185 de 200 caracteres") that turns red
 * past it, so the limit is known before the save refuses it.
 */
export function LengthDescription({
  value,
  max,
  children,
}: {
  value: string | undefined;
  max: number;
  children?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const length = value?.length ?? 0;
  if (length < Math.floor(max * NEAR)) return children ?? null;
  return (
    <>
      {children}
      {children ? ' ' : null}
      <Text span size="inherit" c={length > max ? 'red' : undefined} data-testid="length-counter">
        {t('validation.lengthCounter', { count: length, max })}
      </Text>
    </>
  );
}
