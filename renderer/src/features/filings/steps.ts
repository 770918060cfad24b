// The guided editor's steps per kind of filing: each groups the structured answers of one part of the
// Commission's requirements (Art. 25 for a precautionary request, Art. 28 for a petition), then the free
// text, then the review. Completeness elements link here by their field path.
import type { FilingKind } from '../../../../shared/schemas/filings';

export type FieldType =
  | 'text'
  | 'yesNo'
  | 'bool'
  | 'people'
  | 'organisations'
  | 'incidents'
  | 'date'
  | 'state'
  | 'rights'
  | 'remedyException'
  | 'facts'
  | 'questions'
  | 'measures'
  | 'communication'
  | 'mechanismMeasures'
  | 'groups';

export interface FieldSpec {
  /** The form path ('answers.seriousness'); its label is filings.fields.<last part>. */
  path: string;
  type: FieldType;
  /** i18n key of the label when the last part of the path is ambiguous. */
  label?: string;
}

export interface StepSpec {
  key: string;
  fields: FieldSpec[];
}

const A = (path: string, type: FieldType, label?: string): FieldSpec => ({
  path: `answers.${path}`,
  type,
  label,
});

export const STEPS: Record<FilingKind, StepSpec[]> = {
  precautionary_request: [
    {
      key: 'beneficiaries',
      fields: [
        A('beneficiaryIds', 'people'),
        A('groups', 'groups'),
        A('consent.obtained', 'yesNo', 'consentObtained'),
        A('consent.explanation', 'text', 'consentExplanation'),
      ],
    },
    {
      key: 'risk',
      fields: [
        A('chronologyIncidentIds', 'incidents'),
        A('seriousness', 'text'),
        A('urgency', 'text'),
        A('irreparableHarm', 'text'),
      ],
    },
    {
      key: 'authorities',
      fields: [
        A('reportedToAuthorities', 'yesNo'),
        A('authorityIncidentIds', 'incidents'),
        A('authorityResponse', 'text'),
        A('mechanismMeasureIds', 'mechanismMeasures'),
        A('measuresRequested', 'text'),
      ],
    },
  ],
  petition: [
    {
      key: 'petitioners',
      fields: [
        A('petitionerIds', 'people'),
        A('petitionerOrganisationIds', 'organisations'),
        A('petitionerIdentityWithheld', 'bool'),
        A('contactDetails', 'text'),
        A('victimIds', 'people'),
      ],
    },
    { key: 'facts', fields: [A('facts', 'facts'), A('authoritiesAware', 'text')] },
    { key: 'rights', fields: [A('state', 'state'), A('rights', 'rights'), A('rightsReasoning', 'text')] },
    {
      key: 'admissibility',
      fields: [
        A('remediesExhausted', 'yesNo'),
        A('remediesDescription', 'text'),
        A('remedyException', 'remedyException'),
        A('remedyExceptionReasoning', 'text'),
        A('finalDecisionNotifiedOn', 'date'),
        A('timelinessReasoning', 'text'),
        A('otherProceeding', 'yesNo'),
        A('otherProceedingDetails', 'text'),
      ],
    },
  ],
  observations: [
    { key: 'request', fields: [A('communicationId', 'communication'), A('questions', 'questions')] },
    {
      key: 'since',
      fields: [
        A('since', 'date'),
        A('eventIncidentIds', 'incidents'),
        A('measures', 'measures'),
        A('requests', 'text'),
      ],
    },
  ],
};

/** The step after the structured ones holds the free-text sections; the last one is the review. */
export function stepCount(kind: FilingKind): number {
  return STEPS[kind].length + 2;
}

export function textStepIndex(kind: FilingKind): number {
  return STEPS[kind].length;
}

/** The step holding a field path ('answers.consent.obtained', 'document.sections.2.doc', 'section:facts'). */
export function stepOf(kind: FilingKind, path: string): number {
  if (path.startsWith('document.') || path.startsWith('section:')) return textStepIndex(kind);
  const i = STEPS[kind].findIndex((step) =>
    step.fields.some((f) => path === f.path || path.startsWith(`${f.path}.`)),
  );
  return i >= 0 ? i : textStepIndex(kind);
}

/** The DOM id of a field, so a completeness link or a leak hit can focus it. */
export function fieldId(path: string): string {
  return `filing-${path.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The DOM id for a path that may point inside a field (a fact's text, a question's answer). */
export function focusTarget(kind: FilingKind, path: string, sectionKeys: string[]): string {
  if (path.startsWith('section:')) {
    const i = sectionKeys.indexOf(path.slice('section:'.length));
    return fieldId(`document.sections.${Math.max(i, 0)}.doc`);
  }
  const section = /^document\.sections\.(\d+)/.exec(path);
  if (section) return fieldId(`document.sections.${section[1]}.doc`);
  const spec = STEPS[kind]
    .flatMap((s) => s.fields)
    .find((f) => path === f.path || path.startsWith(`${f.path}.`));
  return fieldId(
    spec && ['facts', 'questions', 'measures', 'groups'].includes(spec.type) ? path : (spec?.path ?? path),
  );
}
