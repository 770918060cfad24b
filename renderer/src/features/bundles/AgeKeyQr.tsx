import { Text } from '@mantine/core';
import QRCode from 'qrcode';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The age public key as a QR code, drawn on a canvas in the renderer (nothing leaves the machine), for a
 * sender to scan from the screen with a phone instead of retyping 62 characters.
 */
export function AgeKeyQr({ value }: { value: string }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!canvas.current) return;
    // Dark on light with the standard four-module quiet zone, so any phone camera reads it.
    QRCode.toCanvas(canvas.current, value, {
      errorCorrectionLevel: 'M',
      margin: 4,
      scale: 4,
      color: { dark: '#000000', light: '#ffffff' },
    }).catch(() => setFailed(true));
  }, [value]);
  if (failed) return <Text size="sm">{t('bundles.identity.qrFailed')}</Text>;
  return (
    <canvas
      ref={canvas}
      role="img"
      aria-label={t('bundles.identity.qrLabel')}
      data-testid="age-recipient-qr"
      style={{ flexShrink: 0 }}
    />
  );
}
