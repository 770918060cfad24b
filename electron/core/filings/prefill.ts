// A new draft filled in from the case file: people by id (printed later by pseudonym or name, as the
// profile says), incidents in date order, the latest risk assessment's reasoning, the Mechanism's measures,
// the communication answered. It reads pseudonyms only — never the protected identities.
import type {
  DocBlock,
  DocInline,
  FilingAnswers,
  FilingDocument,
  FilingKind,
  FilingLang,
  FilingSection,
  ObservationQuestion,
} from '../../../shared/schemas/filings';
import type { Database } from '../vault/database';
import { emptyAnswers } from './answers';
import { sectionTitles, draftTitle } from './words';

export interface PrefillInput {
  matterId: string;
  kind: FilingKind;
  lang: FilingLang;
  communicationId: string | null;
}

export interface PrefilledDraft {
  title: string;
  answers: FilingAnswers;
  document: FilingDocument;
}

type IncidentRow = {
  id: string;
  occurred_on: string;
  kind: string;
  title: string;
  description: string;
  place: string;
};

const para = (...content: DocInline[]): DocBlock =>
  content.length ? { type: 'paragraph', content } : { type: 'paragraph' };
const text = (t: string): DocInline => ({ type: 'text', text: t });

function peopleByRole(db: Database, matterId: string, roles: string[]): string[] {
  const rows = db
    .prepare(
      `SELECT DISTINCT p.id, p.pseudonym, mp.role FROM matter_parties mp JOIN people p ON p.id = mp.person_id
       WHERE mp.matter_id = $matterId AND mp.deleted_at IS NULL AND p.deleted_at IS NULL
       ORDER BY mp.created_at`,
    )
    .all<{ id: string; role: string }>({ matterId });
  const ids: string[] = [];
  for (const r of rows) if (roles.includes(r.role) && !ids.includes(r.id)) ids.push(r.id);
  return ids;
}

function incidents(db: Database, matterId: string, since: string | null = null): IncidentRow[] {
  return db
    .prepare(
      `SELECT id, occurred_on, kind, title, description, place FROM incidents
       WHERE matter_id = $matterId AND deleted_at IS NULL AND ($since IS NULL OR occurred_on >= $since)
       ORDER BY occurred_on, created_at`,
    )
    .all<IncidentRow>({ matterId, since });
}

function measures(db: Database, matterId: string): string[] {
  return db
    .prepare(
      `SELECT id FROM protection_measures WHERE matter_id = $matterId AND deleted_at IS NULL
       ORDER BY COALESCE(agreed_on, created_at)`,
    )
    .all<{ id: string }>({ matterId })
    .map((r) => r.id);
}

/** The communication's questions: numbered or lettered items and sentences ending in "?". */
export function questionsOf(body: string): string[] {
  const lines = body
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const items: string[] = [];
  for (const line of lines) {
    if (/^(\d{1,2}[.)]|[a-z][.)]|[-•])\s+/i.test(line))
      items.push(line.replace(/^(\d{1,2}[.)]|[a-z][.)]|[-•])\s+/i, ''));
    else if (/[?]$/.test(line)) items.push(line);
  }
  return items;
}

function familyGroups(db: Database, matterId: string, lang: FilingLang) {
  const rows = db
    .prepare(
      `SELECT mp.person_id, mp.family_of, head.pseudonym AS head FROM matter_parties mp
       JOIN people head ON head.id = mp.family_of
       WHERE mp.matter_id = $matterId AND mp.deleted_at IS NULL AND mp.person_id IS NOT NULL
         AND mp.family_of IS NOT NULL ORDER BY mp.created_at`,
    )
    .all<{ person_id: string; family_of: string; head: string }>({ matterId });
  const groups = new Map<string, { name: string; description: string; memberIds: string[] }>();
  for (const r of rows) {
    const g = groups.get(r.family_of) ?? {
      name: lang === 'es' ? `Núcleo familiar de ${r.head}` : `Family of ${r.head}`,
      description: '',
      memberIds: [r.family_of],
    };
    if (!g.memberIds.includes(r.person_id)) g.memberIds.push(r.person_id);
    groups.set(r.family_of, g);
  }
  return [...groups.values()];
}

export function prefillDraft(db: Database, input: PrefillInput): PrefilledDraft {
  const { matterId, kind, lang } = input;
  const matter = db
    .prepare('SELECT title, reference, state FROM matters WHERE id = $matterId')
    .get<{ title: string; reference: string | null; state: string | null }>({ matterId })!;
  const answers = emptyAnswers(kind);
  const titles = sectionTitles(kind, lang);
  const beneficiaries = peopleByRole(db, matterId, ['beneficiary']);
  const personList = (ids: string[]): DocInline[] =>
    ids.flatMap((personId, i) => [
      ...(i > 0 ? [text(i === ids.length - 1 ? (lang === 'es' ? ' y ' : ' and ') : ', ')] : []),
      { type: 'personRef', attrs: { personId } } as DocInline,
    ]);
  const intro: DocBlock[] = [];

  if (answers.kind === 'precautionary_request') {
    answers.beneficiaryIds = beneficiaries;
    answers.groups = familyGroups(db, matterId, lang);
    const all = incidents(db, matterId);
    answers.chronologyIncidentIds = all
      .filter((i) => i.kind !== 'report_to_authority' && i.kind !== 'authority_response')
      .map((i) => i.id);
    answers.authorityIncidentIds = all
      .filter((i) => i.kind === 'report_to_authority' || i.kind === 'authority_response')
      .map((i) => i.id);
    if (answers.authorityIncidentIds.length) answers.reportedToAuthorities = true;
    const risk = db
      .prepare(
        `SELECT * FROM risk_assessments WHERE matter_id = $matterId ORDER BY assessed_on DESC, created_at DESC LIMIT 1`,
      )
      .get<{
        id: string;
        seriousness_reasoning: string;
        urgency_reasoning: string;
        irreparable_reasoning: string;
      }>({ matterId });
    if (risk) {
      answers.riskAssessmentId = risk.id;
      answers.seriousness = risk.seriousness_reasoning;
      answers.urgency = risk.urgency_reasoning;
      answers.irreparableHarm = risk.irreparable_reasoning;
    }
    answers.mechanismMeasureIds = measures(db, matterId);
    if (beneficiaries.length)
      intro.push(
        para(
          text(
            lang === 'es'
              ? 'Las personas representantes solicitan a la Comisión Interamericana de Derechos Humanos que otorgue medidas cautelares, conforme al artículo 25 de su Reglamento, a favor de '
              : 'The representatives ask the Inter-American Commission on Human Rights to grant precautionary measures, under Article 25 of its Rules of Procedure, in favour of ',
          ),
          ...personList(beneficiaries),
          text('.'),
        ),
      );
  } else if (answers.kind === 'petition') {
    answers.petitionerIds = peopleByRole(db, matterId, ['petitioner']);
    answers.petitionerOrganisationIds = db
      .prepare(
        `SELECT organisation_id AS id FROM matter_parties WHERE matter_id = $matterId AND deleted_at IS NULL
           AND organisation_id IS NOT NULL AND role IN ('petitioner', 'representative') ORDER BY created_at`,
      )
      .all<{ id: string }>({ matterId })
      .map((r) => r.id);
    answers.victimIds = beneficiaries;
    answers.state = matter.state ?? '';
    const all = incidents(db, matterId);
    answers.facts = all
      .filter((i) => i.kind !== 'report_to_authority' && i.kind !== 'authority_response')
      .map((i) => ({
        incidentId: i.id,
        date: i.occurred_on,
        place: i.place,
        text: i.description || i.title,
      }));
    answers.authoritiesAware = all
      .filter((i) => i.kind === 'report_to_authority' || i.kind === 'authority_response')
      .map((i) => `${i.occurred_on}: ${i.title}`)
      .join('\n');
  } else {
    const comm = input.communicationId
      ? db
          .prepare(
            `SELECT id, subject, body FROM communications WHERE id = $id AND matter_id = $matterId AND deleted_at IS NULL`,
          )
          .get<{ id: string; subject: string; body: string }>({ id: input.communicationId, matterId })
      : db
          .prepare(
            `SELECT id, subject, body FROM communications WHERE matter_id = $matterId AND deleted_at IS NULL
               AND direction = 'received' ORDER BY occurred_on DESC, created_at DESC LIMIT 1`,
          )
          .get<{ id: string; subject: string; body: string }>({ matterId });
    if (comm) {
      answers.communicationId = comm.id;
      const qs = questionsOf(comm.body);
      answers.questions = (qs.length ? qs : [comm.subject]).map((question, i): ObservationQuestion => ({
        id: `q${i + 1}`,
        question,
        answer: '',
      }));
    }
    const lastSent = db
      .prepare(
        `SELECT occurred_on FROM communications WHERE matter_id = $matterId AND deleted_at IS NULL
           AND direction = 'sent' ORDER BY occurred_on DESC LIMIT 1`,
      )
      .get<{ occurred_on: string }>({ matterId });
    answers.since = lastSent?.occurred_on ?? null;
    answers.eventIncidentIds = incidents(db, matterId, answers.since).map((i) => i.id);
    answers.measures = measures(db, matterId).map((measureId) => ({
      measureId,
      outcome: 'unknown' as const,
      comment: '',
    }));
  }

  const sections: FilingSection[] = titles.map(({ key, title }, i) => ({
    key,
    title,
    doc: { type: 'doc', content: i === 0 && intro.length ? intro : [{ type: 'paragraph' }] },
  }));
  return { title: draftTitle(kind, lang, matter.reference ?? matter.title), answers, document: { sections } };
}
