// The i18n block `deadlines` (stored deadlines: reminders, .ics, CLI lists) for code outside the renderer,
// with the same {{name}} parameters the app's i18next reads.
import en from '../../../shared/i18n/en.json';
import es from '../../../shared/i18n/es.json';
import type { Lang } from './render';

const CATALOGUES: Record<Lang, Record<string, unknown>> = { en: en.deadlines, es: es.deadlines };

export function deadlinesText(lang: Lang, key: string, params: Record<string, string | number> = {}): string {
  let node: unknown = CATALOGUES[lang];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  const text = typeof node === 'string' ? node : `deadlines.${key}`;
  return text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? `{{${name}}}`));
}
