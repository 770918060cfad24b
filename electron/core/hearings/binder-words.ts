// The binder's words in its two languages. The binder is printed in the hearing's own language (set on the
// hearing, like a filing's), not the UI's: a team may prepare in Spanish for a hearing held in English.
import type { HearingStatus, ParticipantSide, Presence } from '../../../shared/schemas/hearings';
import type { PlanCheck } from '../../../shared/hearing-time-plan';
import { formatDuration } from '../../../shared/hearing-time-plan';

export type Lang = 'es' | 'en';
type Pair = Record<Lang, string>;

const es = {
  binder: 'Carpeta de audiencia',
  ref: 'Ref.',
  profile: 'Perfil de redacción',
  prepared: 'Preparada el',
  page: 'Página {page} de {pages}',
  contents: 'Índice',
  summary: 'Resumen',
  speakingPlan: 'Plan de intervenciones',
  talkingPoints: 'Puntos de intervención',
  chronology: 'Cronología',
  exhibits: 'Lista de anexos',
  questions: 'Preguntas y argumentos esperados del Estado',
  speakers: 'Oradores',
  keyAsks: 'Las tres peticiones clave',
  otherParticipants: 'Delegación del Estado y quienes presiden',
  kind: 'Tipo',
  forum: 'Órgano',
  sessionPeriod: 'Período de sesiones',
  dateTime: 'Fecha y hora',
  dateToBeSet: 'Fecha por fijar',
  place: 'Lugar o enlace',
  status: 'Estado de la solicitud',
  totalTime: 'Tiempo total concedido',
  ourShare: 'Nuestro tiempo',
  sharing: 'Reparto del tiempo',
  timePlan: 'Plan de tiempo',
  side: 'Parte',
  name: 'Nombre',
  role: 'Cargo o función',
  start: 'Inicio',
  speaker: 'Orador',
  topic: 'Tema',
  length: 'Duración',
  date: 'Fecha',
  fact: 'Hecho',
  exhibit: 'Anexo',
  title: 'Título',
  q: 'P',
  answer: 'Respuesta',
  none: '—',
  personNotFound: '[persona no encontrada]',
  protectedPerson: '[persona protegida]',
  minutes: (n: number) => `${n} min`,
  planFigure: (p: PlanCheck) =>
    p.status === 'no_share'
      ? `Intervenciones: ${formatDuration(p.plannedSeconds)} (sin tiempo asignado)`
      : p.status === 'over'
        ? `Intervenciones: ${formatDuration(p.plannedSeconds)} de ${formatDuration(p.shareSeconds!)}: excede por ${formatDuration(p.differenceSeconds!)}`
        : p.status === 'under'
          ? `Intervenciones: ${formatDuration(p.plannedSeconds)} de ${formatDuration(p.shareSeconds!)}: sobran ${formatDuration(-p.differenceSeconds!)}`
          : `Intervenciones: ${formatDuration(p.plannedSeconds)} de ${formatDuration(p.shareSeconds!)}: exacto`,
};

const en: typeof es = {
  binder: 'Hearing binder',
  ref: 'Ref.',
  profile: 'Redaction profile',
  prepared: 'Prepared on',
  page: 'Page {page} of {pages}',
  contents: 'Contents',
  summary: 'Summary',
  speakingPlan: 'Speaking plan',
  talkingPoints: 'Talking points',
  chronology: 'Chronology',
  exhibits: 'Exhibit list',
  questions: 'Expected questions and arguments of the State',
  speakers: 'Speakers',
  keyAsks: 'The three key asks',
  otherParticipants: "The State's delegation and the bench",
  kind: 'Kind',
  forum: 'Forum',
  sessionPeriod: 'Period of sessions',
  dateTime: 'Date and time',
  dateToBeSet: 'Date to be set',
  place: 'Place or link',
  status: 'Request status',
  totalTime: 'Total time granted',
  ourShare: 'Our share',
  sharing: 'How the time is shared',
  timePlan: 'Time plan',
  side: 'Side',
  name: 'Name',
  role: 'Post or role',
  start: 'Start',
  speaker: 'Speaker',
  topic: 'Topic',
  length: 'Length',
  date: 'Date',
  fact: 'Fact',
  exhibit: 'Exhibit',
  title: 'Title',
  q: 'Q',
  answer: 'Answer',
  none: '—',
  personNotFound: '[person not found]',
  protectedPerson: '[protected person]',
  minutes: (n: number) => `${n} min`,
  planFigure: (p: PlanCheck) =>
    p.status === 'no_share'
      ? `Turns: ${formatDuration(p.plannedSeconds)} (no share set)`
      : p.status === 'over'
        ? `Turns: ${formatDuration(p.plannedSeconds)} of ${formatDuration(p.shareSeconds!)}: over by ${formatDuration(p.differenceSeconds!)}`
        : p.status === 'under'
          ? `Turns: ${formatDuration(p.plannedSeconds)} of ${formatDuration(p.shareSeconds!)}: ${formatDuration(-p.differenceSeconds!)} left`
          : `Turns: ${formatDuration(p.plannedSeconds)} of ${formatDuration(p.shareSeconds!)}: exact`,
};

export const B: Record<Lang, typeof es> = { es, en };

export const STATUS: Record<HearingStatus, Pair> = {
  requested: { es: 'Solicitada', en: 'Requested' },
  granted: { es: 'Concedida', en: 'Granted' },
  denied: { es: 'Denegada', en: 'Denied' },
  scheduled: { es: 'Programada', en: 'Scheduled' },
  held: { es: 'Celebrada', en: 'Held' },
  cancelled: { es: 'Cancelada', en: 'Cancelled' },
};

export const PRESENCE: Record<Presence, Pair> = {
  on_camera: { es: 'en cámara', en: 'on camera' },
  voice_only: { es: 'solo voz', en: 'voice only' },
  not_present: { es: 'no presente', en: 'not present' },
};

export const SIDE: Record<ParticipantSide, Pair> = {
  ours: { es: 'Representación', en: 'Our side' },
  state: { es: 'Estado', en: 'State' },
  bench: { es: 'Comisión o Corte', en: 'Commission or Court' },
};

export const INCIDENT_KIND: Record<string, Pair> = {
  threat: { es: 'Amenaza', en: 'Threat' },
  surveillance: { es: 'Vigilancia', en: 'Surveillance' },
  attack: { es: 'Agresión', en: 'Attack' },
  hacked_account: { es: 'Cuenta vulnerada', en: 'Hacked account' },
  displacement: { es: 'Desplazamiento', en: 'Displacement' },
  report_to_authority: { es: 'Denuncia ante autoridad', en: 'Report to an authority' },
  authority_response: { es: 'Respuesta de la autoridad', en: 'Authority response' },
  other: { es: 'Otro', en: 'Other' },
};

const FORUM: Record<string, Pair> = {
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
};

export const forumName = (forum: string, lang: Lang): string => FORUM[forum]?.[lang] ?? '';
