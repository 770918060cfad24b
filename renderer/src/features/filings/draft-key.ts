/** The key of a filing editor's unsaved draft: by case, so a case's tab reopens only its own filings. */
export function filingDraftKey(matterId: string, filingId: string): string {
  return `filing:${matterId}:${filingId}`;
}
