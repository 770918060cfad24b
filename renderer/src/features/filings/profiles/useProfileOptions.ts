import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { client } from '../../../api/client';
import { useLoad } from '../../../components/useLoad';
import { profileLabel } from './profileLabel';

// The built-in profiles from the one that shows least to the one that shows most.
const SAFEST_FIRST = ['public', 'state', 'commission', 'co_counsel'];

function rank(base: string | null): number {
  const i = base ? SAFEST_FIRST.indexOf(base) : -1;
  return i < 0 ? SAFEST_FIRST.length : i;
}

/** The redaction profiles as select options, the safest first (so it is the one chosen by default). */
export function useProfileOptions() {
  const { t } = useTranslation();
  const profiles = useLoad(() => client.filingProfiles.list({}), []);
  const options = useMemo(() => {
    const list = [...(profiles.data ?? [])].sort((a, b) => rank(a.base) - rank(b.base));
    return list.map((p) => ({ value: p.id, label: profileLabel(t, p) }));
  }, [profiles.data, t]);
  return { options, error: profiles.error };
}
