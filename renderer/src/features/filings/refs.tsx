import { createContext, useContext } from 'react';

/** What the editor's reference chips print: exhibit numbers under this filing and pseudonyms. */
export interface FilingRefs {
  /** "Anexo 3 — Denuncia ante la FGR" for an evidence id (null: the item is gone or hidden). */
  exhibitLabel: (evidenceId: string) => string | null;
  /** The pseudonym of a person of the case (null: not a party of the case). */
  personLabel: (personId: string) => string | null;
}

export const FilingRefsContext = createContext<FilingRefs>({
  exhibitLabel: () => null,
  personLabel: () => null,
});

export function useFilingRefs(): FilingRefs {
  return useContext(FilingRefsContext);
}
