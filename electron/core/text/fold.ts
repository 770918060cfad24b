/** Lower case without diacritics, so Spanish text matches however it was typed ("agresion" ~ "Agresión"). */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}
