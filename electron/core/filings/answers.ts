// Empty answers of each kind: what a draft starts from before the case file fills it in.
import type { FilingAnswers, FilingKind } from '../../../shared/schemas/filings';

export function emptyAnswers(kind: FilingKind): FilingAnswers {
  switch (kind) {
    case 'precautionary_request':
      return {
        kind,
        beneficiaryIds: [],
        groups: [],
        chronologyIncidentIds: [],
        riskAssessmentId: null,
        seriousness: '',
        urgency: '',
        irreparableHarm: '',
        reportedToAuthorities: null,
        authorityIncidentIds: [],
        authorityResponse: '',
        mechanismMeasureIds: [],
        measuresRequested: '',
        consent: { obtained: null, explanation: '' },
      };
    case 'petition':
      return {
        kind,
        petitionerIds: [],
        petitionerOrganisationIds: [],
        petitionerIdentityWithheld: false,
        contactDetails: '',
        victimIds: [],
        facts: [],
        authoritiesAware: '',
        state: '',
        rights: [],
        rightsReasoning: '',
        remediesExhausted: null,
        remediesDescription: '',
        remedyException: null,
        remedyExceptionReasoning: '',
        finalDecisionNotifiedOn: null,
        timelinessReasoning: '',
        otherProceeding: null,
        otherProceedingDetails: '',
      };
    case 'observations':
      return {
        kind,
        communicationId: null,
        questions: [],
        since: null,
        eventIncidentIds: [],
        measures: [],
        requests: '',
      };
  }
}
