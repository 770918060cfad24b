// Draft + case file + redaction profile → the printable RenderableDocument: heading (forum, references,
// date), numbered sections (I., II.…) with consecutively numbered paragraphs, the chronology table, exhibit
// references resolved to this filing's numbers, the exhibit index and, when asked, the incidents-per-month
// chart. Every person is printed as the profile says; what the profile leaves out never reaches the
// document. A final guard then scans every string of the result and refuses a protected value the profile
// does not allow.
import type { RenderableDocument, RenderBlock, RenderInline } from '../../../shared/schemas/filing-render';
import type {
  DocBlock,
  DocInline,
  Filing,
  FilingLang,
  GeneratedExhibit,
  PersonPrint,
  ProfileRules,
  RichDoc,
} from '../../../shared/schemas/filings';
import conventionArticles from '../../../resources/filing-rules/convention-articles.json';
import type { CaseData } from './case-data';
import { scanAll, type RawHit, type ScanText } from './leak-guard';
import { kindTitle } from './words';

export interface ComposeInput {
  filing: Filing;
  data: CaseData;
  rules: ProfileRules;
  /** The date printed in the heading (YYYY-MM-DD). */
  date: string;
  includeChart: boolean;
  /** This filing's number for an exhibit (assigned once, never redone). */
  exhibitNumber: (evidenceId: string) => number;
  /** Exhibits already in this filing's list (joined by hand): printed in the index too. */
  listedExhibits?: ReadonlyArray<{ evidenceId: string }>;
  /** Value hashes of hits the user chose to keep (with a reason, logged). */
  keptValues: ReadonlySet<string>;
}

export interface Composed {
  doc: RenderableDocument;
  exhibits: GeneratedExhibit[];
  /** Protected values in the result that the profile does not allow (empty: safe to write). */
  leaks: RawHit[];
}

type L = FilingLang;
const t = (lang: L, es: string, en: string) => (lang === 'es' ? es : en);

const FORUM: Record<string, { es: string; en: string }> = {
  iachr: {
    es: 'Comisión Interamericana de Derechos Humanos',
    en: 'Inter-American Commission on Human Rights',
  },
  ia_court: { es: 'Corte Interamericana de Derechos Humanos', en: 'Inter-American Court of Human Rights' },
  mx_protection_mechanism: {
    es: 'Mecanismo de Protección para Personas Defensoras de Derechos Humanos y Periodistas',
    en: 'Mechanism for the Protection of Human Rights Defenders and Journalists',
  },
  domestic_court: { es: 'Tribunal nacional', en: 'Domestic court' },
  other: { es: '', en: '' },
};

const INCIDENT_KIND: Record<string, { es: string; en: string }> = {
  threat: { es: 'Amenaza', en: 'Threat' },
  surveillance: { es: 'Vigilancia', en: 'Surveillance' },
  attack: { es: 'Agresión', en: 'Attack' },
  hacked_account: { es: 'Cuenta vulnerada', en: 'Hacked account' },
  displacement: { es: 'Desplazamiento', en: 'Displacement' },
  report_to_authority: { es: 'Denuncia ante autoridad', en: 'Report to an authority' },
  authority_response: { es: 'Respuesta de la autoridad', en: 'Authority response' },
  other: { es: 'Otro', en: 'Other' },
};

const MEASURE_KIND: Record<string, { es: string; en: string }> = {
  panic_button: { es: 'Botón de pánico', en: 'Panic button' },
  cctv: { es: 'Cámaras de videovigilancia', en: 'CCTV' },
  escort: { es: 'Escolta', en: 'Escort' },
  patrols: { es: 'Rondines policiales', en: 'Police patrols' },
  shelter: { es: 'Refugio', en: 'Shelter' },
  relocation: { es: 'Reubicación', en: 'Relocation' },
  emergency_line: { es: 'Línea de emergencia', en: 'Emergency line' },
  other: { es: 'Otra', en: 'Other' },
};

const MEASURE_STATUS: Record<string, { es: string; en: string }> = {
  proposed: { es: 'propuesta', en: 'proposed' },
  agreed: { es: 'acordada', en: 'agreed' },
  implemented: { es: 'implementada', en: 'implemented' },
  failing: { es: 'con fallas', en: 'failing' },
  withdrawn: { es: 'retirada', en: 'withdrawn' },
};

const OUTCOME: Record<string, { es: string; en: string }> = {
  implemented: { es: 'Implementada', en: 'Implemented' },
  partial: { es: 'Implementada parcialmente', en: 'Partly implemented' },
  not_implemented: { es: 'No implementada', en: 'Not implemented' },
  unknown: { es: 'Sin información', en: 'No information' },
};

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV'];
const roman = (n: number) => ROMAN[n - 1] ?? String(n);

export function formatLongDate(date: string, lang: L): string {
  return new Intl.DateTimeFormat(lang === 'es' ? 'es-MX' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

function incidentDate(i: { occurredOn: string; precision: string }, lang: L): string {
  const d = new Date(`${i.occurredOn}T00:00:00Z`);
  const locale = lang === 'es' ? 'es-MX' : 'en-GB';
  if (i.precision === 'year') return String(d.getUTCFullYear());
  if (i.precision === 'month')
    return new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
  return new Intl.DateTimeFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(d);
}

/** How the profile prints a person: person rule, then the petitioner rule, then role rules, then the default. */
export function printRule(rules: ProfileRules, personId: string, roles: string[]): PersonPrint {
  const own = rules.byPerson[personId];
  if (own) return own;
  const byRole = roles
    .map((r) => rules.byRole[r as keyof ProfileRules['byRole']])
    .filter(Boolean) as PersonPrint[];
  let rule: PersonPrint = byRole.includes('omit')
    ? 'omit'
    : byRole.includes('pseudonym')
      ? 'pseudonym'
      : byRole.includes('name')
        ? 'name'
        : rules.people;
  if (rules.petitionerIdentityWithheld && roles.includes('petitioner') && rule === 'name') rule = 'pseudonym';
  return rule;
}

export function compose(input: ComposeInput): Composed {
  const { filing, data, rules, lang = filing.lang } = { ...input, lang: input.filing.lang };
  const answers = filing.answers;
  const blocks: RenderBlock[] = [];
  let sectionNo = 0;
  let paraNo = 0;
  const numberedPeople = new Set<string>();

  // --- people -------------------------------------------------------------------------------------------
  const person = new Map(data.people.map((p) => [p.id, p]));
  const printOf = (id: string) => printRule(rules, id, data.roles.get(id) ?? []);
  const personName = (id: string): string => {
    const p = person.get(id);
    if (!p) return t(lang, '[persona no encontrada]', '[person not found]');
    const rule = printOf(id);
    if (rule === 'omit') return t(lang, '[persona protegida]', '[protected person]');
    if (rule === 'name' && p.identity.legalName.trim()) {
      numberedPeople.add(id);
      return p.identity.legalName.trim();
    }
    return p.pseudonym;
  };
  const namesOf = (ids: string[]): string[] => ids.map(personName);

  // --- what the profile leaves out ------------------------------------------------------------------------
  const incidentShown = (id: string) => {
    const i = data.incidents.get(id);
    if (!i) return false;
    if (rules.excludedIncidentIds.includes(id)) return false;
    return !(rules.excludeConfidentialIncidents && i.classification === 'confidential');
  };
  const evidenceShown = (id: string) => {
    const e = data.evidence.get(id);
    if (!e) return false;
    if (rules.excludedEvidenceIds.includes(id)) return false;
    return !(rules.excludeConfidentialExhibits && e.classification === 'confidential');
  };

  // --- exhibits -----------------------------------------------------------------------------------------
  const exhibits = new Map<string, GeneratedExhibit>();
  const annex = (evidenceId: string): string => {
    if (!evidenceShown(evidenceId)) return t(lang, 'anexo reservado', 'annex withheld');
    let ex = exhibits.get(evidenceId);
    if (!ex) {
      const e = data.evidence.get(evidenceId)!;
      ex = { evidenceId, number: input.exhibitNumber(evidenceId), title: e.title, sha256: e.sha256 };
      exhibits.set(evidenceId, ex);
    }
    return `${t(lang, 'Anexo', 'Annex')} ${ex.number}`;
  };

  // --- blocks -------------------------------------------------------------------------------------------
  const heading = (title: string) => {
    sectionNo++;
    blocks.push({ type: 'heading', level: 1, content: [{ text: `${roman(sectionNo)}. ${title}` }] });
  };
  const subheading = (title: string) =>
    blocks.push({ type: 'heading', level: 2, content: [{ text: title }] });
  const paragraph = (content: RenderInline[]) => {
    if (!content.some((c) => 'text' in c && c.text.trim())) return;
    paraNo++;
    blocks.push({ type: 'paragraph', number: `${paraNo}.`, content });
  };
  const textParas = (text: string) => {
    for (const p of text.split(/\n\s*\n/)) {
      const line = p.replace(/\s*\n\s*/g, ' ').trim();
      if (line) paragraph([{ text: line }]);
    }
  };
  const list = (items: string[], ordered = false) => {
    const shown = items.filter((i) => i.trim());
    if (shown.length) blocks.push({ type: 'list', ordered, items: shown.map((i) => [{ text: i }]) });
  };

  const inlines = (content: DocInline[] | undefined): RenderInline[] => {
    const out: RenderInline[] = [];
    for (const node of content ?? []) {
      if (node.type === 'text') {
        const marks = new Set((node.marks ?? []).map((m) => m.type));
        out.push({
          text: node.text,
          ...(marks.has('bold') ? { bold: true } : {}),
          ...(marks.has('italic') ? { italic: true } : {}),
          ...(marks.has('underline') ? { underline: true } : {}),
        });
      } else if (node.type === 'hardBreak') out.push({ text: ' ' });
      else if (node.type === 'exhibitRef') out.push({ text: annex(node.attrs.evidenceId) });
      else if (node.type === 'personRef') out.push({ text: personName(node.attrs.personId) });
      else if (node.type === 'footnote') out.push({ footnote: [{ text: node.attrs.text }] });
    }
    return out;
  };
  const listItems = (block: Extract<DocBlock, { type: 'bulletList' | 'orderedList' }>): RenderInline[][] =>
    block.content.flatMap((item) =>
      item.content.flatMap((child) =>
        child.type === 'paragraph'
          ? [inlines(child.content)]
          : listItems(child as Extract<DocBlock, { type: 'bulletList' | 'orderedList' }>),
      ),
    );
  const richDoc = (doc: RichDoc) => {
    for (const block of doc.content) {
      if (block.type === 'paragraph') paragraph(inlines(block.content));
      else if (block.type === 'heading')
        blocks.push({
          type: 'heading',
          level: block.attrs.level === 1 ? 2 : 3,
          content: inlines(block.content),
        });
      else if (block.type === 'blockquote')
        blocks.push({
          type: 'quote',
          content: block.content.flatMap((p, i) => [...(i ? [{ text: ' ' }] : []), ...inlines(p.content)]),
        });
      else {
        const items = listItems(block).filter((i) => i.length);
        if (items.length) blocks.push({ type: 'list', ordered: block.type === 'orderedList', items });
      }
    }
  };
  const section = (key: string, fallbackTitle?: string) => {
    const s = filing.document.sections.find((x) => x.key === key);
    const hasText = s?.doc.content.some(
      (b) => JSON.stringify(b).includes('"text"') || b.type !== 'paragraph',
    );
    if (!s || !hasText) return false;
    heading(s.title || fallbackTitle || key);
    richDoc(s.doc);
    return true;
  };
  const usedSections = new Set<string>();
  const freeSection = (key: string) => {
    usedSections.add(key);
    return section(key);
  };
  /** A free section's text under a structured part's heading (the facts after the chronology). */
  const sectionBody = (key: string) => {
    usedSections.add(key);
    const s = filing.document.sections.find((x) => x.key === key);
    if (s) richDoc(s.doc);
  };

  const chronology = (ids: string[]) => {
    const rows = ids
      .filter(incidentShown)
      .map((id) => data.incidents.get(id)!)
      .map((i) => [incidentDate(i, lang), INCIDENT_KIND[i.kind]?.[lang] ?? i.kind, i.title, i.place]);
    if (!rows.length) return;
    blocks.push({
      type: 'table',
      columns: [
        { title: t(lang, 'Fecha', 'Date'), width: 1 },
        { title: t(lang, 'Tipo', 'Kind'), width: 1.2 },
        { title: t(lang, 'Hecho', 'Fact'), width: 3 },
        { title: t(lang, 'Lugar', 'Place'), width: 1.5 },
      ],
      rows,
    });
  };
  const chart = (ids: string[]) => {
    if (!input.includeChart) return;
    const counts = new Map<string, number>();
    for (const id of ids.filter(incidentShown)) {
      const month = data.incidents.get(id)!.occurredOn.slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    if (!counts.size) return;
    // Every month between the first and the last, so quiet months show as gaps.
    const months = [...counts.keys()].sort();
    const series: Array<{ label: string; value: number }> = [];
    let [y, m] = months[0]!.split('-').map(Number) as [number, number];
    const last = months[months.length - 1]!;
    for (;;) {
      const label = `${y}-${String(m).padStart(2, '0')}`;
      series.push({ label, value: counts.get(label) ?? 0 });
      if (label >= last || series.length >= 600) break;
      m++;
      if (m > 12) {
        m = 1;
        y++;
      }
    }
    blocks.push({ type: 'chart', title: t(lang, 'Incidentes por mes', 'Incidents per month'), series });
  };
  const measureRows = (ids: string[]) =>
    ids
      .map((id) => data.measures.get(id))
      .filter((x) => x !== undefined)
      .filter((x) => !(rules.excludeConfidentialIncidents && x.classification === 'confidential'));

  // --- the parts of each kind ---------------------------------------------------------------------------
  freeSection('introduction');
  if (answers.kind === 'precautionary_request') {
    heading(t(lang, 'Personas propuestas como beneficiarias', 'Proposed beneficiaries'));
    list(namesOf(answers.beneficiaryIds));
    for (const g of answers.groups) {
      if (g.name.trim()) subheading(g.name);
      textParas(g.description);
      list(namesOf(g.memberIds));
    }
    heading(t(lang, 'Hechos', 'Facts'));
    chronology(answers.chronologyIncidentIds);
    chart(answers.chronologyIncidentIds);
    sectionBody('facts');
    heading(t(lang, 'Gravedad, urgencia y daño irreparable', 'Seriousness, urgency and irreparable harm'));
    subheading(t(lang, 'Gravedad', 'Seriousness'));
    textParas(answers.seriousness);
    subheading(t(lang, 'Urgencia', 'Urgency'));
    textParas(answers.urgency);
    subheading(t(lang, 'Daño irreparable', 'Irreparable harm'));
    textParas(answers.irreparableHarm);
    heading(t(lang, 'Denuncias ante las autoridades nacionales', 'Reports to national authorities'));
    paragraph([
      {
        text:
          answers.reportedToAuthorities === false
            ? t(
                lang,
                'La situación de riesgo no fue denunciada ante las autoridades nacionales.',
                'The risk was not reported to the national authorities.',
              )
            : t(
                lang,
                'La situación de riesgo fue puesta en conocimiento de las autoridades nacionales:',
                'The risk was brought to the attention of the national authorities:',
              ),
      },
    ]);
    chronology(answers.authorityIncidentIds);
    textParas(answers.authorityResponse);
    const ms = measureRows(answers.mechanismMeasureIds);
    if (ms.length) {
      subheading(t(lang, 'Medidas del Mecanismo de Protección', 'Measures of the Protection Mechanism'));
      blocks.push({
        type: 'table',
        columns: [
          { title: t(lang, 'Medida', 'Measure') },
          { title: t(lang, 'Autoridad', 'Authority') },
          { title: t(lang, 'Estado', 'Status') },
        ],
        rows: ms.map((x) => [
          [MEASURE_KIND[x.kind]?.[lang] ?? x.kind, x.description].filter(Boolean).join(': '),
          x.authority,
          MEASURE_STATUS[x.status]?.[lang] ?? x.status,
        ]),
      });
    }
    heading(t(lang, 'Medidas solicitadas', 'Measures requested'));
    textParas(answers.measuresRequested);
    heading(t(lang, 'Consentimiento de las personas beneficiarias', "The beneficiaries' consent"));
    paragraph([
      {
        text:
          answers.consent.obtained === true
            ? t(
                lang,
                'Las personas propuestas como beneficiarias otorgaron su consentimiento para esta solicitud.',
                'The proposed beneficiaries consented to this request.',
              )
            : answers.consent.obtained === false
              ? t(
                  lang,
                  'No fue posible obtener el consentimiento de las personas propuestas como beneficiarias.',
                  "The proposed beneficiaries' consent could not be obtained.",
                )
              : '',
      },
    ]);
    textParas(answers.consent.explanation);
  } else if (answers.kind === 'petition') {
    heading(t(lang, 'Parte peticionaria', 'Petitioners'));
    list([
      ...namesOf(answers.petitionerIds),
      ...answers.petitionerOrganisationIds.map((id) => data.organisations.get(id) ?? ''),
    ]);
    if (answers.petitionerIdentityWithheld)
      paragraph([
        {
          text: t(
            lang,
            'Conforme al artículo 28.2 del Reglamento, la parte peticionaria solicita que su identidad se mantenga en reserva frente al Estado.',
            'Under Article 28.2 of the Rules of Procedure, the petitioners ask that their identity be withheld from the State.',
          ),
        },
      ]);
    textParas(answers.contactDetails);
    heading(t(lang, 'Presuntas víctimas', 'Alleged victims'));
    list(namesOf(answers.victimIds));
    heading(t(lang, 'Hechos', 'Facts'));
    for (const f of answers.facts) {
      if (f.incidentId && !incidentShown(f.incidentId)) continue;
      const where = [f.date ? incidentDate({ occurredOn: f.date, precision: 'day' }, lang) : '', f.place]
        .filter(Boolean)
        .join(', ');
      paragraph([
        ...(where ? [{ text: `${where}. `, bold: true }] : []),
        { text: f.text.replace(/\s*\n\s*/g, ' ') },
      ]);
    }
    sectionBody('facts');
    heading(t(lang, 'Autoridades que tuvieron conocimiento', 'Authorities that knew of the facts'));
    textParas(answers.authoritiesAware);
    heading(t(lang, 'Estado responsable y derechos violados', 'State responsible and rights violated'));
    const stateName = answers.state
      ? (new Intl.DisplayNames([lang === 'es' ? 'es-MX' : 'en'], { type: 'region' }).of(answers.state) ??
        answers.state)
      : '';
    if (stateName)
      paragraph([{ text: t(lang, `Estado responsable: ${stateName}.`, `State responsible: ${stateName}.`) }]);
    const articles = new Map(conventionArticles.articles.map((a) => [a.id, a]));
    list(
      answers.rights.map((id) => {
        const a = articles.get(id);
        return `${t(lang, 'Artículo', 'Article')} ${id}${a ? ` (${a[lang]})` : ''}`;
      }),
    );
    textParas(answers.rightsReasoning);
    heading(t(lang, 'Agotamiento de los recursos internos', 'Exhaustion of domestic remedies'));
    textParas(answers.remediesDescription);
    if (answers.remediesExhausted === false && answers.remedyException)
      paragraph([
        {
          text: t(
            lang,
            `Se invoca la excepción del artículo 46.2.${answers.remedyException} de la Convención Americana.`,
            `The exception of Article 46.2.${answers.remedyException} of the American Convention applies.`,
          ),
        },
      ]);
    textParas(answers.remedyExceptionReasoning);
    heading(t(lang, 'Plazo de presentación', 'Timeliness'));
    if (answers.finalDecisionNotifiedOn)
      paragraph([
        {
          text: t(
            lang,
            `La decisión interna definitiva fue notificada el ${formatLongDate(answers.finalDecisionNotifiedOn, lang)}.`,
            `The final domestic decision was notified on ${formatLongDate(answers.finalDecisionNotifiedOn, lang)}.`,
          ),
        },
      ]);
    textParas(answers.timelinessReasoning);
    heading(t(lang, 'Otros procedimientos internacionales', 'Other international proceedings'));
    paragraph([
      {
        text:
          answers.otherProceeding === true
            ? t(
                lang,
                'El asunto se encuentra sometido a otro procedimiento internacional.',
                'The matter is before another international proceeding.',
              )
            : answers.otherProceeding === false
              ? t(
                  lang,
                  'El asunto no ha sido sometido a otro procedimiento de arreglo internacional.',
                  'The matter has not been submitted to another international proceeding.',
                )
              : '',
      },
    ]);
    textParas(answers.otherProceedingDetails);
  } else {
    const comm = answers.communicationId ? data.communications.get(answers.communicationId) : undefined;
    if (comm)
      paragraph([
        {
          text: t(
            lang,
            `Las personas representantes responden a la comunicación ${[comm.noteNumber, comm.reference].filter(Boolean).join(', ') || comm.subject} del ${formatLongDate(comm.occurredOn, lang)}.`,
            `The representatives answer the communication ${[comm.noteNumber, comm.reference].filter(Boolean).join(', ') || comm.subject} of ${formatLongDate(comm.occurredOn, lang)}.`,
          ),
        },
      ]);
    heading(t(lang, 'Respuesta a la solicitud de información', 'Answer to the request for information'));
    answers.questions.forEach((q, i) => {
      subheading(`${i + 1}. ${q.question.replace(/\s*\n\s*/g, ' ')}`);
      textParas(q.answer);
    });
    heading(t(lang, 'Hechos ocurridos desde el último informe', 'Events since the last report'));
    chronology(answers.eventIncidentIds);
    chart(answers.eventIncidentIds);
    sectionBody('observations');
    const rows = answers.measures
      .map((x) => ({ x, m: data.measures.get(x.measureId) }))
      .filter(({ m }) => m && !(rules.excludeConfidentialIncidents && m.classification === 'confidential'));
    if (rows.length) {
      heading(t(lang, 'Implementación de las medidas', 'Implementation of the measures'));
      blocks.push({
        type: 'table',
        columns: [
          { title: t(lang, 'Medida', 'Measure') },
          { title: t(lang, 'Situación', 'Situation') },
          { title: t(lang, 'Observaciones', 'Comments') },
        ],
        rows: rows.map(({ x, m }) => [
          [MEASURE_KIND[m!.kind]?.[lang] ?? m!.kind, m!.description].filter(Boolean).join(': '),
          OUTCOME[x.outcome]![lang],
          x.comment.replace(/\s*\n\s*/g, ' '),
        ]),
      });
    }
    heading(t(lang, 'Solicitudes de las personas representantes', 'What the representatives ask'));
    textParas(answers.requests);
  }
  for (const s of filing.document.sections) if (!usedSections.has(s.key)) freeSection(s.key);

  // Exhibits joined to this filing's list by hand (evidence:assignExhibit) are printed in the index too.
  for (const { evidenceId } of input.listedExhibits ?? []) annex(evidenceId);
  if (rules.exhibitIndex && exhibits.size) {
    heading(t(lang, 'Índice de anexos', 'Index of exhibits'));
    blocks.push({
      type: 'table',
      columns: [
        { title: t(lang, 'Anexo', 'Annex'), width: 0.6 },
        { title: t(lang, 'Título', 'Title'), width: 3 },
        { title: t(lang, 'Fecha', 'Date'), width: 1 },
        { title: 'SHA-256', width: 4 },
      ],
      rows: [...exhibits.values()]
        .sort((a, b) => a.number - b.number)
        .map((x) => {
          const e = data.evidence.get(x.evidenceId)!;
          return [String(x.number), x.title, (e.eventDate ?? e.acquiredAt.slice(0, 10)) || '', x.sha256];
        }),
      monospace: [3],
    });
  }

  const forum = FORUM[data.matter.forum]?.[lang] ?? '';
  const doc: RenderableDocument = {
    lang,
    title: filing.title,
    heading: [
      forum,
      data.matter.reference ? `${t(lang, 'Ref.', 'Ref.')}: ${data.matter.reference}` : '',
      `${t(lang, 'Asunto', 'Subject')}: ${kindTitle(filing.kind, lang)}`,
      formatLongDate(input.date, lang),
    ].filter(Boolean),
    tableOfContents: false,
    blocks,
    footer: data.matter.reference || kindTitle(filing.kind, lang),
    labels: {
      page: t(lang, 'Página {page} de {pages}', 'Page {page} of {pages}'),
      contents: t(lang, 'Índice', 'Contents'),
    },
  };
  return {
    doc,
    exhibits: [...exhibits.values()].sort((a, b) => a.number - b.number),
    leaks: finalGuard(doc, input, numberedPeople),
  };
}

/** Every string a writer would print. */
export function documentStrings(doc: RenderableDocument): ScanText[] {
  const out: ScanText[] = [];
  const add = (path: string, text: string, block: number | null = null) =>
    text && out.push({ path, sectionKey: null, block, text });
  add('title', doc.title);
  doc.heading.forEach((h, i) => add(`heading.${i}`, h));
  add('footer', doc.footer);
  const inl = (content: RenderInline[]) =>
    content.map((c) => ('text' in c ? c.text : c.footnote.map((f) => f.text).join(''))).join('');
  doc.blocks.forEach((b, i) => {
    const p = `blocks.${i}`;
    if (b.type === 'heading' || b.type === 'paragraph') {
      add(p, inl(b.content), i);
      b.content.forEach((c, k) => 'footnote' in c && add(`${p}.footnote.${k}`, inl(c.footnote), i));
    } else if (b.type === 'quote') add(p, inl(b.content), i);
    else if (b.type === 'list') b.items.forEach((item, k) => add(`${p}.items.${k}`, inl(item), i));
    else if (b.type === 'table') {
      b.columns.forEach((c, k) => add(`${p}.columns.${k}`, c.title, i));
      b.rows.forEach((r, k) => r.forEach((cell, c) => add(`${p}.rows.${k}.${c}`, cell, i)));
    } else if (b.type === 'chart') {
      add(`${p}.title`, b.title, i);
      b.series.forEach((s, k) => add(`${p}.series.${k}`, s.label, i));
    }
  });
  return out;
}

const NAME_KINDS = new Set(['legal_name', 'name_part', 'alias']);

/** Hits in the composed document that neither the profile (a person printed by name) nor a kept decision allows. */
function finalGuard(doc: RenderableDocument, input: ComposeInput, namedPeople: Set<string>): RawHit[] {
  return scanAll(documentStrings(doc), input.data.people).filter(
    (h) =>
      !(NAME_KINDS.has(h.valueKind) && namedPeople.has(h.personId)) &&
      !(
        NAME_KINDS.has(h.valueKind) &&
        printRule(input.rules, h.personId, input.data.roles.get(h.personId) ?? []) === 'name'
      ) &&
      !input.keptValues.has(h.valueHash),
  );
}
