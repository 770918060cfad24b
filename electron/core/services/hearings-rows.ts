// Hearing rows as stored and as the contract gives them. Speaker labels are pseudonyms or typed names only:
// nothing here reads protected identities.
import type {
  ChronologyEntry,
  HearingExhibit,
  HearingParticipant,
  HearingQuestion,
  HearingSummary,
  HearingTurn,
} from '../../../shared/schemas/hearings';
import { checkPlan, startOffsets } from '../../../shared/hearing-time-plan';
import type { Database } from '../vault/database';

export type HearingRow = {
  id: string;
  matter_id: string;
  kind: HearingSummary['kind'];
  title: string;
  lang: 'es' | 'en';
  forum: string;
  session_period: string;
  sessions_start_on: string | null;
  held_on: string | null;
  start_time: string | null;
  zone: string;
  place: string;
  status: HearingSummary['status'];
  requested_on: string | null;
  total_minutes: number | null;
  our_minutes: number | null;
  sharing_note: string;
  key_asks: string;
  outcome_communication_id: string | null;
  exhibit_list: string;
  classification: HearingSummary['classification'];
  revision: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
};

export type ParticipantRow = {
  id: string;
  hearing_id: string;
  side: HearingParticipant['side'];
  person_id: string | null;
  name: string;
  role: string;
  presence: HearingParticipant['presence'];
  position: number;
  revision: number;
  created_at: string;
  updated_at: string;
  /** Joined: the person's pseudonym. */
  pseudonym: string | null;
};

export type TurnRow = {
  id: string;
  hearing_id: string;
  position: number;
  participant_id: string | null;
  topic: string;
  seconds: number;
  talking_points: string;
  revision: number;
  created_at: string;
  updated_at: string;
};

export type QuestionRow = {
  id: string;
  hearing_id: string;
  position: number;
  question: string;
  answer: string;
  answerer_id: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
};

export const PARTICIPANT_SELECT = `SELECT hp.*, p.pseudonym AS pseudonym FROM hearing_participants hp
  LEFT JOIN people p ON p.id = hp.person_id`;

export function toSummary(row: HearingRow, turns: readonly { seconds: number }[]): HearingSummary {
  return {
    id: row.id,
    matterId: row.matter_id,
    kind: row.kind,
    title: row.title,
    lang: row.lang,
    forum: row.forum,
    sessionPeriod: row.session_period,
    sessionsStartOn: row.sessions_start_on,
    heldOn: row.held_on,
    startTime: row.start_time,
    zone: row.zone,
    place: row.place,
    status: row.status,
    requestedOn: row.requested_on,
    totalMinutes: row.total_minutes,
    ourMinutes: row.our_minutes,
    sharingNote: row.sharing_note,
    keyAsks: JSON.parse(row.key_asks) as string[],
    classification: row.classification,
    outcomeCommunicationId: row.outcome_communication_id,
    exhibitList: row.exhibit_list,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
    plan: checkPlan(turns, row.our_minutes),
  };
}

/** A person of the case by pseudonym (always), anyone else by the name typed. */
export const participantLabel = (row: Pick<ParticipantRow, 'person_id' | 'pseudonym' | 'name'>): string =>
  row.person_id !== null ? (row.pseudonym ?? '') : row.name;

export const toParticipant = (row: ParticipantRow): HearingParticipant => ({
  id: row.id,
  hearingId: row.hearing_id,
  side: row.side,
  personId: row.person_id,
  name: row.name,
  role: row.role,
  presence: row.presence,
  position: row.position,
  label: participantLabel(row),
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export function toTurns(rows: readonly TurnRow[]): HearingTurn[] {
  const offsets = startOffsets(rows);
  return rows.map((row, i) => ({
    id: row.id,
    hearingId: row.hearing_id,
    position: row.position,
    participantId: row.participant_id,
    topic: row.topic,
    seconds: row.seconds,
    talkingPoints: row.talking_points,
    startOffset: offsets[i]!,
    revision: row.revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  }));
}

export const toQuestion = (row: QuestionRow): HearingQuestion => ({
  id: row.id,
  hearingId: row.hearing_id,
  position: row.position,
  question: row.question,
  answer: row.answer,
  answererId: row.answerer_id,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export const participantRows = (db: Database, hearingId: string): ParticipantRow[] =>
  db
    .prepare(`${PARTICIPANT_SELECT} WHERE hp.hearing_id = $hearingId ORDER BY hp.position`)
    .all<ParticipantRow>({ hearingId });

export const turnRows = (db: Database, hearingId: string): TurnRow[] =>
  db
    .prepare('SELECT * FROM hearing_turns WHERE hearing_id = $hearingId ORDER BY position')
    .all<TurnRow>({ hearingId });

export const questionRows = (db: Database, hearingId: string): QuestionRow[] =>
  db
    .prepare('SELECT * FROM hearing_questions WHERE hearing_id = $hearingId ORDER BY position')
    .all<QuestionRow>({ hearingId });

type PickedIncident = {
  incident_id: string;
  position: number;
  occurred_on: string;
  title: string;
  classification: string;
  deleted_at: string | null;
};

/** The chronology; a confidential incident's title only when `shown` says so. */
export function chronology(
  db: Database,
  hearingId: string,
  shown: (classification: string) => boolean,
): ChronologyEntry[] {
  return db
    .prepare(
      `SELECT hc.incident_id, hc.position, i.occurred_on, i.title, i.classification, i.deleted_at
       FROM hearing_chronology hc JOIN incidents i ON i.id = hc.incident_id
       WHERE hc.hearing_id = $hearingId ORDER BY hc.position`,
    )
    .all<PickedIncident>({ hearingId })
    .map((r) => ({
      incidentId: r.incident_id,
      position: r.position,
      occurredOn: r.occurred_on,
      title: r.deleted_at === null && shown(r.classification) ? r.title : null,
    }));
}

type PickedItem = {
  evidence_id: string;
  position: number;
  number: number | null;
  title: string;
  sha256: string;
  classification: string;
  deleted_at: string | null;
};

/** The exhibits with their number in the hearing's list and the SHA-256 taken at intake. */
export function exhibits(
  db: Database,
  hearing: Pick<HearingRow, 'id' | 'matter_id' | 'exhibit_list'>,
  shown: (classification: string) => boolean,
): HearingExhibit[] {
  return db
    .prepare(
      `SELECT he.evidence_id, he.position, ee.number, e.title, e.sha256, e.classification, e.deleted_at
       FROM hearing_exhibits he JOIN evidence_items e ON e.id = he.evidence_id
       LEFT JOIN evidence_exhibits ee ON ee.item_id = he.evidence_id AND ee.matter_id = $matterId
         AND ee.filing = $list
       WHERE he.hearing_id = $hearingId ORDER BY he.position`,
    )
    .all<PickedItem>({ hearingId: hearing.id, matterId: hearing.matter_id, list: hearing.exhibit_list })
    .map((r) => ({
      evidenceId: r.evidence_id,
      position: r.position,
      number: Number(r.number ?? 0),
      title: r.deleted_at === null && shown(r.classification) ? r.title : null,
      sha256: r.sha256,
    }));
}
