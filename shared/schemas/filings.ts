// Filings drafted from the case file: precautionary-measures requests (Art. 25 of the Commission's Rules),
// petitions (Art. 28) and observations in a granted measure. A draft holds structured answers per kind and
// free-text sections as a rich document; generation turns it, through a redaction profile, into the printable
// RenderableDocument (filing-render.ts).
import { z } from 'zod';
import { Id, IsoDate } from './common';
import {
  GeneratedExhibit,
  GeneratedFileFacts,
  GeneratedFileOutput,
  GeneratedFileStamp,
  OutPath,
  ProfileChoice,
} from './generated-file';
import { PARTY_ROLES } from './parties';

export const FILING_KINDS = ['precautionary_request', 'petition', 'observations'] as const;
export const FilingKind = z.enum(FILING_KINDS);
export type FilingKind = z.infer<typeof FilingKind>;

/** The language of the document, chosen per filing and independent of the UI language. */
export const FilingLang = z.enum(['es', 'en']);
export type FilingLang = z.infer<typeof FilingLang>;

export const FILING_STATUSES = ['draft', 'final', 'filed'] as const;
export const FilingStatus = z.enum(FILING_STATUSES);
export type FilingStatus = z.infer<typeof FilingStatus>;

const LongText = z.string().max(100000, 'validation.tooLong');
const Ids = z.array(Id).max(1000);

// ---------------------------------------------------------------------------------------------------------
// The rich document. Its JSON is ProseMirror/tiptap JSON as @mantine/tiptap (StarterKit + Underline) produces
// it — `{type: 'doc', content: [...]}` with nodes `heading` (attrs.level), `paragraph`, `bulletList`,
// `orderedList`, `listItem`, `blockquote`, `hardBreak`, `text` with marks `bold` / `italic` / `underline` —
// plus three custom inline atoms the editor registers: `exhibitRef` (attrs.evidenceId, printed "Anexo N" /
// "Annex N" with the exhibit's number under THIS filing), `personRef` (attrs.personId, printed by the
// redaction profile: pseudonym or name) and `footnote` (attrs.text: the note's plain text). `editor.getJSON()`
// parses here unchanged; unknown attrs are tolerated so editor upgrades do not break saved drafts.
// ---------------------------------------------------------------------------------------------------------

export const DocMark = z
  .object({
    type: z.enum(['bold', 'italic', 'underline']),
    attrs: z.record(z.string(), z.unknown()).optional(),
  })
  .strip();
export type DocMark = z.infer<typeof DocMark>;

export const DocText = z
  .object({
    type: z.literal('text'),
    text: z.string().max(200000),
    marks: z.array(DocMark).max(10).optional(),
  })
  .strip();
export type DocText = z.infer<typeof DocText>;

export const DocExhibitRef = z
  .object({ type: z.literal('exhibitRef'), attrs: z.object({ evidenceId: Id }).strip() })
  .strip();
export type DocExhibitRef = z.infer<typeof DocExhibitRef>;

export const DocPersonRef = z
  .object({ type: z.literal('personRef'), attrs: z.object({ personId: Id }).strip() })
  .strip();
export type DocPersonRef = z.infer<typeof DocPersonRef>;

export const DocFootnote = z
  .object({ type: z.literal('footnote'), attrs: z.object({ text: z.string().max(20000) }).strip() })
  .strip();
export type DocFootnote = z.infer<typeof DocFootnote>;

export const DocHardBreak = z.object({ type: z.literal('hardBreak') }).strip();

export const DocInline = z.discriminatedUnion('type', [
  DocText,
  DocExhibitRef,
  DocPersonRef,
  DocFootnote,
  DocHardBreak,
]);
export type DocInline = z.infer<typeof DocInline>;

const Inlines = z.array(DocInline).max(20000);

export const DocParagraph = z
  .object({
    type: z.literal('paragraph'),
    attrs: z.record(z.string(), z.unknown()).optional(),
    content: Inlines.optional(),
  })
  .strip();
export type DocParagraph = z.infer<typeof DocParagraph>;

export const DocHeading = z
  .object({
    type: z.literal('heading'),
    attrs: z.object({ level: z.union([z.literal(1), z.literal(2), z.literal(3)]) }).passthrough(),
    content: Inlines.optional(),
  })
  .strip();
export type DocHeading = z.infer<typeof DocHeading>;

export interface DocListItem {
  type: 'listItem';
  content: Array<DocParagraph | DocList>;
}
export interface DocList {
  type: 'bulletList' | 'orderedList';
  attrs?: Record<string, unknown> | undefined;
  content: DocListItem[];
}
export const DocListItem: z.ZodType<DocListItem> = z.lazy(() =>
  z
    .object({
      type: z.literal('listItem'),
      content: z.array(z.union([DocParagraph, DocList])).max(200),
    })
    .strip(),
);
export const DocList: z.ZodType<DocList> = z.lazy(() =>
  z
    .object({
      type: z.enum(['bulletList', 'orderedList']),
      attrs: z.record(z.string(), z.unknown()).optional(),
      content: z.array(DocListItem).max(2000),
    })
    .strip(),
);

/** A quotation (a State report, a resolution): paragraphs inside a blockquote. */
export const DocQuote = z
  .object({ type: z.literal('blockquote'), content: z.array(DocParagraph).max(500) })
  .strip();
export type DocQuote = z.infer<typeof DocQuote>;

export const DocBlock = z.union([DocParagraph, DocHeading, DocList, DocQuote]);
export type DocBlock = DocParagraph | DocHeading | DocList | DocQuote;

export const RichDoc = z.object({ type: z.literal('doc'), content: z.array(DocBlock).max(20000) }).strip();
export type RichDoc = z.infer<typeof RichDoc>;

export const EMPTY_DOC: RichDoc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** A free-text section of the filing: printed as a numbered level-1 heading with numbered paragraphs. */
export const FilingSection = z.object({
  /** Stable key within the draft ('introduction', 'facts', 'petitions', or a generated id). */
  key: z.string().trim().min(1).max(60),
  title: z.string().trim().max(300, 'validation.tooLong'),
  doc: RichDoc,
});
export type FilingSection = z.infer<typeof FilingSection>;

export const FilingDocument = z.object({ sections: z.array(FilingSection).max(100) });
export type FilingDocument = z.infer<typeof FilingDocument>;

// ---------------------------------------------------------------------------------------------------------
// Structured answers per kind. Every free text here is scanned by the leak guard like the sections.
// ---------------------------------------------------------------------------------------------------------

/** Beneficiaries proposed as a group (a family, a community, an organisation's members). */
export const BeneficiaryGroup = z.object({
  name: z.string().trim().max(300, 'validation.tooLong'),
  description: LongText,
  memberIds: Ids,
});
export type BeneficiaryGroup = z.infer<typeof BeneficiaryGroup>;

export const Consent = z.object({
  /** true obtained, false not obtained (then `explanation` says why), null not yet answered. */
  obtained: z.boolean().nullable(),
  explanation: LongText,
});

export const PrecautionaryAnswers = z.object({
  kind: z.literal('precautionary_request'),
  beneficiaryIds: Ids,
  groups: z.array(BeneficiaryGroup).max(100),
  /** The chronology of the risk, in the order printed. */
  chronologyIncidentIds: Ids,
  /** The risk assessment the three texts were pre-filled from (null: none yet). */
  riskAssessmentId: Id.nullable(),
  seriousness: LongText,
  urgency: LongText,
  irreparableHarm: LongText,
  /** Whether the risk was reported to national authorities: null not answered. */
  reportedToAuthorities: z.boolean().nullable(),
  /** Incidents of the kinds report_to_authority and authority_response. */
  authorityIncidentIds: Ids,
  authorityResponse: LongText,
  /** Measures of the Mexican Protection Mechanism (protection_measures) and what became of them. */
  mechanismMeasureIds: Ids,
  measuresRequested: LongText,
  consent: Consent,
});
export type PrecautionaryAnswers = z.infer<typeof PrecautionaryAnswers>;

/** A fact of a petition: with place and date (an incident of the timeline or typed here). */
export const PetitionFact = z.object({
  incidentId: Id.nullable(),
  date: IsoDate.nullable(),
  place: z.string().max(300, 'validation.tooLong'),
  text: LongText,
});
export type PetitionFact = z.infer<typeof PetitionFact>;

/** Art. 46.2: (a) no due process for the right, (b) denied access / prevented from exhausting, (c) undue delay. */
export const RemedyException = z.enum(['a', 'b', 'c']);
export type RemedyException = z.infer<typeof RemedyException>;

export const PetitionAnswers = z.object({
  kind: z.literal('petition'),
  petitionerIds: Ids,
  /** Organisations petitioning (by id; their names are not protected). */
  petitionerOrganisationIds: Ids,
  petitionerIdentityWithheld: z.boolean(),
  /** The petitioners' contact for the Commission (an organisation's address, e-mail). */
  contactDetails: LongText,
  victimIds: Ids,
  facts: z.array(PetitionFact).max(1000),
  authoritiesAware: LongText,
  /** The State held responsible (ISO 3166-1 alpha-2; pre-filled from the matter). */
  state: z.string().trim().max(2),
  /** Articles of the American Convention (ids of resources' convention list: '4', '5', '8', '25'…). */
  rights: z.array(z.string().trim().min(1).max(10)).max(82),
  rightsReasoning: LongText,
  remediesExhausted: z.boolean().nullable(),
  remediesDescription: LongText,
  remedyException: RemedyException.nullable(),
  remedyExceptionReasoning: LongText,
  /** When the final domestic decision was notified: the 6-month rule counts from here. */
  finalDecisionNotifiedOn: IsoDate.nullable(),
  timelinessReasoning: LongText,
  /** Before another international body: null not answered. */
  otherProceeding: z.boolean().nullable(),
  otherProceedingDetails: LongText,
});
export type PetitionAnswers = z.infer<typeof PetitionAnswers>;

export const ObservationQuestion = z.object({
  /** Stable id of the question within the draft. */
  id: z.string().trim().min(1).max(60),
  question: LongText,
  answer: LongText,
});
export type ObservationQuestion = z.infer<typeof ObservationQuestion>;

export const MEASURE_OUTCOMES = ['implemented', 'partial', 'not_implemented', 'unknown'] as const;
export const MeasureOutcome = z.enum(MEASURE_OUTCOMES);

export const ObservationMeasure = z.object({
  measureId: Id,
  outcome: MeasureOutcome,
  comment: LongText,
});
export type ObservationMeasure = z.infer<typeof ObservationMeasure>;

export const ObservationsAnswers = z.object({
  kind: z.literal('observations'),
  /** The communication answered (a request for information, a State report); null: none chosen yet. */
  communicationId: Id.nullable(),
  questions: z.array(ObservationQuestion).max(500),
  /** Events since the last report (from this date on, pre-filled from the last sent communication). */
  since: IsoDate.nullable(),
  eventIncidentIds: Ids,
  measures: z.array(ObservationMeasure).max(500),
  requests: LongText,
});
export type ObservationsAnswers = z.infer<typeof ObservationsAnswers>;

export const FilingAnswers = z.discriminatedUnion('kind', [
  PrecautionaryAnswers,
  PetitionAnswers,
  ObservationsAnswers,
]);
export type FilingAnswers = z.infer<typeof FilingAnswers>;

// ---------------------------------------------------------------------------------------------------------
// Drafts and their versions.
// ---------------------------------------------------------------------------------------------------------

export const Filing = z.object({
  id: Id,
  matterId: Id,
  kind: FilingKind,
  lang: FilingLang,
  title: z.string(),
  answers: FilingAnswers,
  document: FilingDocument,
  status: FilingStatus,
  /** The name of this filing's exhibit list (evidence exhibits are numbered per list, never renumbered). */
  exhibitList: z.string(),
  /** The latest version number (0 before the first one is made). */
  version: z.number().int(),
  revision: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.string().nullable(),
});
export type Filing = z.infer<typeof Filing>;

export const FilingSummary = Filing.pick({
  id: true,
  matterId: true,
  kind: true,
  lang: true,
  title: true,
  status: true,
  version: true,
  revision: true,
  createdAt: true,
  updatedAt: true,
});
export type FilingSummary = z.infer<typeof FilingSummary>;

export const ListFilingsInput = z.object({ matterId: Id });
export const FilingIdInput = z.object({ id: Id });

export const CreateFilingInput = z.object({
  matterId: Id,
  kind: FilingKind,
  lang: FilingLang,
  title: z.string().trim().max(300, 'validation.tooLong').optional(),
  /** Observations: the communication answered (its questions are pre-filled). */
  communicationId: Id.nullable().optional(),
});
export type CreateFilingInput = z.input<typeof CreateFilingInput>;

export const FilingFields = z.object({
  title: z.string().trim().max(300, 'validation.tooLong'),
  lang: FilingLang,
  status: FilingStatus,
  answers: FilingAnswers,
  document: FilingDocument,
});
export type FilingFields = z.infer<typeof FilingFields>;

/** An autosave (or explicit save) with optimistic locking. Fields left out stay as they are. */
export const UpdateFilingInput = z.object({
  id: Id,
  revision: z.number().int().positive(),
  fields: FilingFields.partial(),
  /** An explicit save makes a version now; an autosave makes one only after a quiet interval. */
  explicit: z.boolean().default(false),
});
export type UpdateFilingInput = z.input<typeof UpdateFilingInput>;

export const FilingVersionSummary = z.object({
  filingId: Id,
  version: z.number().int(),
  title: z.string(),
  savedAt: z.string(),
  savedBy: z.string(),
  /** 'autosave' | 'explicit' | 'restore' | 'create' | 'leak_fix' */
  reason: z.string(),
  /** The version this one restored, when it is a restore. */
  restoredFrom: z.number().int().nullable(),
});
export type FilingVersionSummary = z.infer<typeof FilingVersionSummary>;

export const FilingVersion = FilingVersionSummary.extend({
  answers: FilingAnswers,
  document: FilingDocument,
  lang: FilingLang,
});
export type FilingVersion = z.infer<typeof FilingVersion>;

export const FilingVersionInput = z.object({ filingId: Id, version: z.number().int().positive() });
export const RestoreVersionInput = z.object({
  filingId: Id,
  version: z.number().int().positive(),
  revision: z.number().int().positive(),
});

// ---------------------------------------------------------------------------------------------------------
// Completeness.
// ---------------------------------------------------------------------------------------------------------

export const CHECK_KINDS = [
  'present',
  'nonEmpty',
  'minLength',
  'answered',
  'everyQuestionAnswered',
  'textOrList',
] as const;

/** One rule of resources/filing-rules/<kind>.json. */
export const CompletenessRule = z
  .object({
    id: z.string().min(1).max(60),
    element: z.object({ es: z.string().min(1), en: z.string().min(1) }).strict(),
    /** "Art. 28.e Reglamento CIDH" — where the requirement comes from. */
    source: z.string().min(1).max(200),
    /** present: not null/empty; nonEmpty: a list with items; minLength: text of at least `min` characters
     *  (shorter but not empty = weak); answered: a yes/no answered (and, when `explainWhen` matches the
     *  answer, the text at `explainPath` present); everyQuestionAnswered: every item of the list has a
     *  non-empty `answer`; textOrList: the text at `path` or the list at `altPath` has content. */
    check: z.enum(CHECK_KINDS),
    /** Field path in the draft ('answers.seriousness', 'answers.consent.obtained', 'section:facts'). */
    path: z.string().min(1).max(200),
    min: z.number().int().positive().optional(),
    altPath: z.string().min(1).max(200).optional(),
    explainPath: z.string().min(1).max(200).optional(),
    explainWhen: z.boolean().optional(),
    /** A rule that applies only when another field holds a value ('answers.remediesExhausted' = false). */
    when: z
      .object({ path: z.string().min(1), equals: z.unknown() })
      .strict()
      .optional(),
  })
  .strict();
export type CompletenessRule = z.infer<typeof CompletenessRule>;

export const CompletenessRuleSet = z
  .object({ kind: FilingKind, version: z.number().int().positive(), rules: z.array(CompletenessRule).min(1) })
  .strict();
export type CompletenessRuleSet = z.infer<typeof CompletenessRuleSet>;

export const ElementState = z.enum(['met', 'missing', 'weak']);
export type ElementState = z.infer<typeof ElementState>;

export const CompletenessElement = z.object({
  ruleId: z.string(),
  /** The element's name in the filing's language and in both, for a UI in the other one. */
  element: z.object({ es: z.string(), en: z.string() }),
  source: z.string(),
  state: ElementState,
  /** The field that fixes it (the UI links here). */
  path: z.string(),
  /** Why it is weak or missing, as an i18n key (filingCheck.*) with values. */
  reason: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type CompletenessElement = z.infer<typeof CompletenessElement>;

export const CompletenessReport = z.object({
  filingId: Id,
  kind: FilingKind,
  elements: z.array(CompletenessElement),
  met: z.number().int(),
  missing: z.number().int(),
  weak: z.number().int(),
  /** Petitions: the 6-month limit from the final decision's notice, when that date is known. */
  timeliness: z
    .object({
      notifiedOn: IsoDate,
      dueDate: IsoDate,
      /** 'open' | 'due_soon' | 'expired' on today's date. */
      state: z.enum(['open', 'due_soon', 'expired']),
      basis: z.string(),
    })
    .nullable(),
});
export type CompletenessReport = z.infer<typeof CompletenessReport>;

// ---------------------------------------------------------------------------------------------------------
// The leak guard.
// ---------------------------------------------------------------------------------------------------------

export const PROTECTED_VALUE_KINDS = [
  'legal_name',
  'name_part',
  'alias',
  'id_number',
  'phone',
  'address',
] as const;
export const ProtectedValueKind = z.enum(PROTECTED_VALUE_KINDS);
export type ProtectedValueKind = z.infer<typeof ProtectedValueKind>;

/** Where a hit is: an answers field ('answers.seriousness', 'answers.facts.2.text') or a section block. */
export const LeakLocation = z.object({
  /**
   * Field path in the draft ('answers.urgency'; a section's paragraph 'document.sections.<i>.doc.content.<j>…'
   * with `block` its top-level block). Hits of the final guard in the composed document: 'record:<type>:<id>'
   * when the text came from a record of the case file (incident, evidence, measure), else 'document:<path>'.
   */
  path: z.string(),
  sectionKey: z.string().nullable(),
  block: z.number().int().nullable(),
});
export type LeakLocation = z.infer<typeof LeakLocation>;

/** A hit without the value: what logs, errors and the command line may carry. */
export const LeakHitRef = z.object({
  /** Stable fingerprint (hash of person, value kind, value and context); never the value. */
  id: z.string(),
  where: LeakLocation,
  personId: Id,
  pseudonym: z.string(),
  valueKind: ProtectedValueKind,
});
export type LeakHitRef = z.infer<typeof LeakHitRef>;

/** A hit as the app shows it: the context around it with the hit marked (the user typed it there). */
export const LeakHit = LeakHitRef.extend({
  context: z.object({ before: z.string(), match: z.string(), after: z.string() }),
  /** Where the match is in the text at `where.path` (UTF-16 offsets; a paragraph's inline texts joined). */
  range: z.object({ start: z.number().int(), end: z.number().int() }),
  /** Kept with a reason already (logged); a kept hit does not block generation. */
  kept: z.boolean(),
  keptReason: z.string().nullable(),
  // search inside the evidence: the value is also in the text taken from this page of a case document
  // (most likely quoted from it); null when no document holds it
  documentSource: z.object({ itemId: Id, page: z.number().int() }).nullable().optional(),
});
export type LeakHit = z.infer<typeof LeakHit>;

export const LeakReport = z.object({
  filingId: Id,
  hits: z.array(LeakHit),
  unresolved: z.number().int(),
});
export type LeakReport = z.infer<typeof LeakReport>;

export const ResolveLeakInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('replace'),
    filingId: Id,
    revision: z.number().int().positive(),
    hitId: z.string().min(1).max(200),
  }),
  z.object({
    action: z.literal('keep'),
    filingId: Id,
    revision: z.number().int().positive(),
    hitId: z.string().min(1).max(200),
    reason: z.string().trim().min(3, 'validation.reasonRequired').max(500, 'validation.tooLong'),
  }),
]);
export type ResolveLeakInput = z.input<typeof ResolveLeakInput>;

export const ResolveLeakResult = z.object({ filing: Filing, leaks: LeakReport });
export type ResolveLeakResult = z.infer<typeof ResolveLeakResult>;

// ---------------------------------------------------------------------------------------------------------
// Redaction profiles.
// ---------------------------------------------------------------------------------------------------------

export const BUILT_IN_PROFILES = ['commission', 'state', 'co_counsel', 'public'] as const;
export const BuiltInProfile = z.enum(BUILT_IN_PROFILES);
export type BuiltInProfile = z.infer<typeof BuiltInProfile>;

/** How a person is printed: by pseudonym, by legal name, or left out ("[persona protegida]"). */
export const PersonPrint = z.enum(['pseudonym', 'name', 'omit']);
export type PersonPrint = z.infer<typeof PersonPrint>;

export const ProfileRules = z.object({
  /** Everyone not named by a role or person rule. The built-in default is 'pseudonym'. */
  people: PersonPrint,
  byRole: z.partialRecord(z.enum(PARTY_ROLES), PersonPrint),
  byPerson: z.record(Id, PersonPrint),
  /** The petitioner's identity withheld from the recipient (Art. 28): petitioners printed by pseudonym. */
  petitionerIdentityWithheld: z.boolean(),
  /** Leave out every confidential incident (chronology, facts, events) … */
  excludeConfidentialIncidents: z.boolean(),
  /** … and these incidents whatever their classification. */
  excludedIncidentIds: Ids,
  excludeConfidentialExhibits: z.boolean(),
  excludedEvidenceIds: Ids,
  /** Confidential notes are never quoted by a draft; kept for the profiles' sake when notes are. */
  excludeConfidentialNotes: z.boolean(),
  /** Print the exhibit index with SHA-256 values. */
  exhibitIndex: z.boolean(),
});
export type ProfileRules = z.infer<typeof ProfileRules>;

export const RedactionProfile = z.object({
  id: Id,
  name: z.string(),
  /** The built-in profile this is (or was copied from); null for a profile made from scratch. */
  base: BuiltInProfile.nullable(),
  builtIn: z.boolean(),
  rules: ProfileRules,
  revision: z.number().int(),
  updatedAt: z.string(),
});
export type RedactionProfile = z.infer<typeof RedactionProfile>;

/** Create (no id) or edit (id + revision) a profile. Built-in profiles are edited like any other. */
export const SaveProfileInput = z.object({
  id: Id.optional(),
  revision: z.number().int().positive().optional(),
  name: z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong'),
  base: BuiltInProfile.nullable().default(null),
  rules: ProfileRules,
});
export type SaveProfileInput = z.input<typeof SaveProfileInput>;

// ---------------------------------------------------------------------------------------------------------
// Generation.
// ---------------------------------------------------------------------------------------------------------

export const FilingFormat = z.enum(['pdf', 'docx']);
export type FilingFormat = z.infer<typeof FilingFormat>;

export const GenerateFilingInput = z.object({
  filingId: Id,
  profile: ProfileChoice,
  format: FilingFormat,
  outPath: OutPath,
  /** Overwrite an existing file at outPath. */
  overwrite: z.boolean().default(false),
  /** Keep the generated file in the case as an evidence item "filed version". */
  keepInCase: z.boolean().default(false),
  /** Draw the incidents-per-month chart into the document. */
  includeChart: z.boolean().default(false),
  /** The date printed in the heading (default: today). */
  date: IsoDate.optional(),
});
export type GenerateFilingInput = z.input<typeof GenerateFilingInput>;

export { GeneratedExhibit };

export const FilingGeneration = z.object({
  id: Id,
  filingId: Id,
  version: z.number().int(),
  profileId: Id,
  profileName: z.string(),
  format: FilingFormat,
  ...GeneratedFileFacts,
  /** The evidence item keeping it in the case, when kept. */
  evidenceId: Id.nullable(),
  ...GeneratedFileStamp,
});
export type FilingGeneration = z.infer<typeof FilingGeneration>;

export const GenerateFilingResult = z.object({
  generation: FilingGeneration,
  ...GeneratedFileOutput,
});
export type GenerateFilingResult = z.infer<typeof GenerateFilingResult>;

export const ListGenerationsInput = z.object({ filingId: Id });
