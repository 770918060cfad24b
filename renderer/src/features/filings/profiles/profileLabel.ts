import type { TFunction } from 'i18next';

/** A profile's name as shown: a built-in one in the UI's language, a team's own by the name it was given. */
export function profileLabel(
  t: TFunction,
  p: { builtIn: boolean; base: string | null; name: string },
): string {
  return p.builtIn && p.base ? t(`filings.profiles.${p.base}`, { defaultValue: p.name }) : p.name;
}
