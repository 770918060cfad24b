// zxcvbn-ts with its dictionaries (a few megabytes): loaded on demand, only by the screens that set a
// passphrase, so unlocking stays fast. Spanish and English dictionaries are both used whatever the UI
// language, since teams mix both; only the feedback text follows the UI language.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as es from '@zxcvbn-ts/language-es-es';
import type { Language } from '../../../../../shared/schemas/settings';
import enCatalogue from '../../../../../shared/i18n/en.json';
import esCatalogue from '../../../../../shared/i18n/es.json';

/**
 * The packaged feedback, with the app's own wording laid over it: Mexican Spanish that speaks *usted* and
 * never mentions "this page" (there is none).
 */
function feedbackIn(language: Language) {
  const base = language === 'es' ? es.translations : en.translations;
  const own = (language === 'es' ? esCatalogue : enCatalogue).passphraseAdvice as {
    warnings?: Record<string, string>;
    suggestions?: Record<string, string>;
  };
  return {
    ...base,
    warnings: { ...base.warnings, ...own.warnings },
    suggestions: { ...base.suggestions, ...own.suggestions },
  };
}

export interface StrengthEstimate {
  /** 0 (too guessable) … 4 (very unguessable). */
  score: 0 | 1 | 2 | 3 | 4;
  warning: string | null;
  suggestions: string[];
}

const dictionary = { ...common.dictionary, ...en.dictionary, ...es.dictionary };
const factories = new Map<Language, ZxcvbnFactory>();

function factoryFor(language: Language): ZxcvbnFactory {
  let factory = factories.get(language);
  if (!factory) {
    factory = new ZxcvbnFactory({
      dictionary,
      graphs: common.adjacencyGraphs,
      translations: feedbackIn(language),
    });
    factories.set(language, factory);
  }
  return factory;
}

export function estimateStrength(
  passphrase: string,
  userInputs: string[],
  language: Language,
): StrengthEstimate {
  const result = factoryFor(language).check(passphrase, userInputs);
  return { score: result.score, warning: result.feedback.warning, suggestions: result.feedback.suggestions };
}
