// The built-in redaction profiles. Each vault gets editable copies on first use; none prints a protected
// identity unless the user edits it to (co-counsel included: names are a choice, not a default).
import type { BuiltInProfile, ProfileRules } from '../../../shared/schemas/filings';

const base: ProfileRules = {
  people: 'pseudonym',
  byRole: {},
  byPerson: {},
  petitionerIdentityWithheld: false,
  excludeConfidentialIncidents: false,
  excludedIncidentIds: [],
  excludeConfidentialExhibits: false,
  excludedEvidenceIds: [],
  excludeConfidentialNotes: true,
  exhibitIndex: true,
};

export const BUILT_IN_RULES: Record<
  BuiltInProfile,
  { name: { es: string; en: string }; rules: ProfileRules }
> = {
  /** The Commission sees the whole record, people by pseudonym. */
  commission: { name: { es: 'Comisión', en: 'Commission' }, rules: { ...base } },
  /** The State: petitioner withheld, confidential incidents and exhibits left out. */
  state: {
    name: { es: 'Estado', en: 'State' },
    rules: {
      ...base,
      petitionerIdentityWithheld: true,
      excludeConfidentialIncidents: true,
      excludeConfidentialExhibits: true,
    },
  },
  /** Co-counsel: everything in the record, people by pseudonym until the team chooses names. */
  co_counsel: {
    name: { es: 'Co-litigantes', en: 'Co-counsel' },
    rules: { ...base, excludeConfidentialNotes: false },
  },
  /** Public use: pseudonyms, nothing confidential, no exhibit hashes. */
  public: {
    name: { es: 'Uso público', en: 'Public use' },
    rules: {
      ...base,
      petitionerIdentityWithheld: true,
      excludeConfidentialIncidents: true,
      excludeConfidentialExhibits: true,
      exhibitIndex: false,
    },
  },
};

/** The profile chosen when none is named. */
export const DEFAULT_PROFILE: BuiltInProfile = 'commission';
