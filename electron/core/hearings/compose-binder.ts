// Hearing + case file + redaction profile → the binder as a RenderableDocument (the filings' writers print
// it): cover, table of contents, one-page summary, speaking plan with start offsets, talking points,
// chronology, exhibit list with SHA-256 and the State's expected questions with our answers. People of the
// case are printed as the profile says; what the profile leaves out never reaches the document. A final
// guard scans every string and reports the protected values the profile does not allow.
import { checkPlan, formatDuration, startOffsets } from '../../../shared/hearing-time-plan';
import type { RenderableDocument, RenderBlock } from '../../../shared/schemas/filing-render';
import type { GeneratedExhibit, ProfileRules } from '../../../shared/schemas/filings';
import type { Hearing } from '../../../shared/schemas/hearings';
import type { CaseData } from '../filings/case-data';
import { documentStrings, formatLongDate, printRule } from '../filings/compose';
import { scanAll, type RawHit } from '../filings/leak-guard';
import { B, forumName, incidentKindLabel, type Lang } from './binder-words';
import { hearingKindLabel } from './words';

export interface BinderInput {
  hearing: Hearing;
  data: CaseData;
  rules: ProfileRules;
  profileName: string;
  /** The date printed on the cover (YYYY-MM-DD). */
  date: string;
  exhibitNumber: (evidenceId: string) => number;
}

export interface ComposedBinder {
  doc: RenderableDocument;
  exhibits: GeneratedExhibit[];
  leaks: RawHit[];
}

const NAME_KINDS = new Set(['legal_name', 'name_part', 'alias']);

export function composeBinder(input: BinderInput): ComposedBinder {
  const { hearing, data, rules } = input;
  const lang: Lang = hearing.lang;
  const w = B[lang];
  const blocks: RenderBlock[] = [];
  let section = 0;
  const heading = (title: string) => {
    section++;
    blocks.push({ type: 'heading', level: 1, content: [{ text: `${section}. ${title}` }] });
  };
  const sub = (title: string) => blocks.push({ type: 'heading', level: 2, content: [{ text: title }] });
  const para = (text: string, bold = false) =>
    text.trim() &&
    blocks.push({ type: 'paragraph', content: [{ text: text.trim(), ...(bold ? { bold } : {}) }] });
  const lines = (text: string) => {
    const items = text
      .split(/\n/)
      .map((l) => l.replace(/^\s*[-•*]\s*/, '').trim())
      .filter(Boolean);
    if (items.length) blocks.push({ type: 'list', ordered: false, items: items.map((i) => [{ text: i }]) });
  };

  // --- people: by the profile; a person left out is "[protected person]" ---------------------------------
  const person = new Map(data.people.map((p) => [p.id, p]));
  const named = new Set<string>();
  const personName = (id: string): string => {
    const p = person.get(id);
    if (!p) return w.personNotFound;
    const rule = printRule(rules, id, data.roles.get(id) ?? []);
    if (rule === 'omit') return w.protectedPerson;
    if (rule === 'name' && p.identity.legalName.trim()) {
      named.add(id);
      return p.identity.legalName.trim();
    }
    return p.pseudonym;
  };
  const participants = new Map(hearing.participants.map((p) => [p.id, p]));
  const speaker = (participantId: string | null): string => {
    const p = participantId ? participants.get(participantId) : undefined;
    if (!p) return '—';
    return p.personId ? personName(p.personId) : p.name;
  };

  // --- what the profile leaves out ------------------------------------------------------------------------
  const incidentShown = (id: string) => {
    const i = data.incidents.get(id);
    if (!i || rules.excludedIncidentIds.includes(id)) return false;
    return !(rules.excludeConfidentialIncidents && i.classification === 'confidential');
  };
  const evidenceShown = (id: string) => {
    const e = data.evidence.get(id);
    if (!e || rules.excludedEvidenceIds.includes(id)) return false;
    return !(rules.excludeConfidentialExhibits && e.classification === 'confidential');
  };

  const turns = hearing.turns;
  const offsets = startOffsets(turns);
  const plan = checkPlan(turns, hearing.ourMinutes);
  const when = [
    hearing.heldOn ? formatLongDate(hearing.heldOn, lang) : w.dateToBeSet,
    hearing.startTime ? `${hearing.startTime} (${hearing.zone})` : '',
  ]
    .filter(Boolean)
    .join(', ');

  // --- 1. summary ---------------------------------------------------------------------------------------
  heading(w.summary);
  const facts: [string, string][] = [
    [w.kind, hearingKindLabel(hearing.kind, lang)],
    [w.forum, hearing.forum || forumName(data.matter.forum, lang)],
    [w.sessionPeriod, hearing.sessionPeriod],
    [w.dateTime, when],
    [w.place, hearing.place],
    [w.status, w.statusOf(hearing.status)],
    [w.totalTime, hearing.totalMinutes !== null ? w.minutes(hearing.totalMinutes) : ''],
    [w.ourShare, hearing.ourMinutes !== null ? w.minutes(hearing.ourMinutes) : ''],
    [w.sharing, hearing.sharingNote],
    [w.timePlan, w.planFigure(plan)],
  ];
  blocks.push({
    type: 'table',
    columns: [
      { title: '', width: 1.2 },
      { title: '', width: 3 },
    ],
    rows: facts.filter(([, v]) => v.trim()).map(([k, v]) => [k, v]),
  });
  sub(w.speakers);
  const ours = hearing.participants.filter((p) => p.side === 'ours');
  if (ours.length)
    blocks.push({
      type: 'list',
      ordered: false,
      items: ours.map((p) => [
        { text: speaker(p.id), bold: true },
        { text: [p.role, w.presenceOf(p.presence)].filter(Boolean).join(' · ').replace(/^/, ' — ') },
      ]),
    });
  else para(w.none);
  sub(w.keyAsks);
  const asks = hearing.keyAsks.filter((a) => a.trim());
  if (asks.length) blocks.push({ type: 'list', ordered: true, items: asks.map((a) => [{ text: a }]) });
  else para(w.none);
  const others = hearing.participants.filter((p) => p.side !== 'ours');
  if (others.length) {
    sub(w.otherParticipants);
    blocks.push({
      type: 'table',
      columns: [
        { title: w.side, width: 1 },
        { title: w.name, width: 2 },
        { title: w.role, width: 2 },
      ],
      rows: others.map((p) => [w.sideOf(p.side), p.name, p.role]),
    });
  }
  blocks.push({ type: 'pageBreak' });

  // --- 2. speaking plan -----------------------------------------------------------------------------------
  heading(w.speakingPlan);
  if (turns.length)
    blocks.push({
      type: 'table',
      columns: [
        { title: '#', width: 0.4 },
        { title: w.start, width: 0.8 },
        { title: w.speaker, width: 1.8 },
        { title: w.topic, width: 3 },
        { title: w.length, width: 0.8 },
      ],
      rows: turns.map((t, i) => [
        String(i + 1),
        formatDuration(offsets[i]!),
        speaker(t.participantId),
        t.topic,
        formatDuration(t.seconds),
      ]),
    });
  para(w.planFigure(plan), plan.status === 'over');

  // --- 3. talking points ----------------------------------------------------------------------------------
  heading(w.talkingPoints);
  turns.forEach((t, i) => {
    sub(
      `${i + 1}. ${speaker(t.participantId)}${t.topic ? ` — ${t.topic}` : ''} (${formatDuration(offsets[i]!)}, ${formatDuration(t.seconds)})`,
    );
    if (t.talkingPoints.trim()) lines(t.talkingPoints);
    else para(w.none);
  });
  if (!turns.length) para(w.none);

  // --- 4. chronology --------------------------------------------------------------------------------------
  heading(w.chronology);
  const facts2 = hearing.chronology.filter((c) => incidentShown(c.incidentId));
  if (facts2.length)
    blocks.push({
      type: 'table',
      columns: [
        { title: w.date, width: 1 },
        { title: w.kind, width: 1.2 },
        { title: w.fact, width: 4 },
      ],
      rows: facts2.map((c) => {
        const i = data.incidents.get(c.incidentId)!;
        return [
          i.occurredOn,
          incidentKindLabel(i.kind, lang),
          [i.title, i.place].filter(Boolean).join(' — '),
        ];
      }),
    });
  else para(w.none);

  // --- 5. exhibits ----------------------------------------------------------------------------------------
  heading(w.exhibits);
  const exhibits: GeneratedExhibit[] = hearing.exhibits
    .filter((x) => evidenceShown(x.evidenceId))
    .map((x) => {
      const e = data.evidence.get(x.evidenceId)!;
      return {
        evidenceId: x.evidenceId,
        number: input.exhibitNumber(x.evidenceId),
        title: e.title,
        sha256: e.sha256,
      };
    });
  if (exhibits.length)
    blocks.push({
      type: 'table',
      columns: [
        { title: w.exhibit, width: 0.6 },
        { title: w.title, width: 3 },
        ...(rules.exhibitIndex ? [{ title: 'SHA-256', width: 4 }] : []),
      ],
      rows: exhibits.map((x) => [String(x.number), x.title, ...(rules.exhibitIndex ? [x.sha256] : [])]),
      ...(rules.exhibitIndex ? { monospace: [2] } : {}),
    });
  else para(w.none);

  // --- 6. expected questions --------------------------------------------------------------------------------
  heading(w.questions);
  // Paragraphs rather than a level-2 heading per question: the writer keeps a heading with one paragraph in
  // an unbreakable stack, and such a stack right after a section heading at a page's foot was lost.
  hearing.questions.forEach((q, i) => {
    const by = q.answererId ? ` (${speaker(q.answererId)})` : '';
    blocks.push({ type: 'paragraph', content: [{ text: `${w.q}${i + 1}. ${q.question}`, bold: true }] });
    blocks.push({
      type: 'paragraph',
      content: [{ text: `${w.answer}${by}: `, italic: true }, { text: q.answer.trim() || '—' }],
    });
  });
  if (!hearing.questions.length) para(w.none);

  const doc: RenderableDocument = {
    lang,
    title: hearing.title,
    heading: [
      w.binder,
      hearing.forum || forumName(data.matter.forum, lang),
      data.matter.reference ? `${w.ref}: ${data.matter.reference}` : '',
      `${hearingKindLabel(hearing.kind, lang)}${hearing.sessionPeriod ? ` — ${hearing.sessionPeriod}` : ''}`,
      when,
      `${w.profile}: ${input.profileName}`,
      `${w.prepared}: ${formatLongDate(input.date, lang)}`,
    ].filter(Boolean),
    tableOfContents: true,
    blocks,
    footer: data.matter.reference || w.binder,
    labels: { page: w.page, contents: w.contents },
  };
  const leaks = scanAll(documentStrings(doc), data.people).filter(
    (h) =>
      !(
        NAME_KINDS.has(h.valueKind) &&
        (named.has(h.personId) || printRule(rules, h.personId, data.roles.get(h.personId) ?? []) === 'name')
      ),
  );
  return { doc, exhibits, leaks };
}
