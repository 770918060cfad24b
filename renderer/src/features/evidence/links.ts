import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../api/client';
import type { Option } from '../../components/options';
import { useLoad } from '../../components/useLoad';
import { incidentLabel } from '../incidents/labels';

export interface EvidenceLinks {
  /** The case's incidents the user may see, by date and title. */
  incidents: Option[];
  /** The people who are parties to the case, by pseudonym only. */
  people: Option[];
  error: unknown;
}

/** What an evidence item can be linked to: the incidents of its case and the people in it. */
export function useEvidenceLinks(matterId: string): EvidenceLinks {
  const { i18n } = useTranslation();
  const { data: loaded, error } = useLoad(
    () =>
      Promise.all([client.incidents.list({ matterId }), client.parties.list({ matterId })]).then(
        ([incidents, parties]) => ({ incidents: incidents.items, parties }),
      ),
    [matterId],
  );
  const language = i18n.language;
  return useMemo(() => {
    const people = new Map<string, string>();
    for (const party of loaded?.parties ?? []) {
      if (party.personId && !people.has(party.personId)) people.set(party.personId, party.displayName);
    }
    return {
      incidents: (loaded?.incidents ?? []).map((i) => ({
        value: i.id,
        label: incidentLabel(i18n.t, i, language),
      })),
      people: [...people].map(([value, label]) => ({ value, label })),
      error,
    };
  }, [loaded, error, language]);
}

/**
 * The options of a picker, plus one for each linked id the user cannot see (a confidential incident, a
 * person no longer in the case), so that saving keeps the link instead of dropping it silently.
 */
export function withUnlisted(options: Option[], linked: readonly string[], label: string): Option[] {
  const known = new Set(options.map((o) => o.value));
  return [...options, ...linked.filter((id) => !known.has(id)).map((value) => ({ value, label }))];
}
