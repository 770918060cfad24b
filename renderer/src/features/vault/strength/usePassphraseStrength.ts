import { useEffect, useState } from 'react';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../../app/i18n';
import { measureStrength, type StrengthEstimate } from './strength';

interface Measured {
  language: string;
  estimate: StrengthEstimate;
}

/** Live strength of a passphrase being typed; `null` while empty or still being measured. */
export function usePassphraseStrength(passphrase: string, userInputs: string[]): StrengthEstimate | null {
  const { i18n } = useTranslation();
  const [debounced] = useDebouncedValue(passphrase, 150);
  const [measured, setMeasured] = useState<Measured | null>(null);
  const inputsKey = userInputs.join('\u0000');
  const language = i18n.language;

  useEffect(() => {
    if (debounced === '') return;
    let active = true;
    void measureStrength(debounced, inputsKey.split('\u0000'), currentLanguage()).then((estimate) => {
      if (active) setMeasured({ language, estimate });
    });
    return () => {
      active = false;
    };
  }, [debounced, inputsKey, language]);

  // While typing, the last measurement stands until the next one lands (150 ms later).
  if (passphrase === '' || !measured) return null;
  return measured.estimate;
}
