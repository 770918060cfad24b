// A hearing for the filings fixture's case (a beneficiary with a protected identity, her sister, three
// facts, one evidence item): two speakers of the case, a State delegate, three turns, two facts, one exhibit
// and a question. Calls go through the checked core (answers held to the contract's output schemas).
import { caseWithPeople, type CaseFixture } from '../filings/setup';

export interface HearingFixture extends CaseFixture {
  hearingId: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers read as the renderer would
  hearing: any;
}

export const HEARING_FIELDS = {
  kind: 'public_hearing',
  title: 'Audiencia pública MC-1008-19',
  lang: 'es',
  forum: 'CIDH',
  sessionPeriod: '192 Período de Sesiones',
  sessionsStartOn: '2027-03-01',
  heldOn: '2027-03-04',
  startTime: '10:30',
  zone: 'America/New_York',
  place: 'https://example.org/sala-virtual',
  status: 'requested',
  totalMinutes: 60,
  ourMinutes: 20,
  sharingNote: '20 minutos por parte y 20 para preguntas de la Comisión',
  keyAsks: [
    'Que la Comisión requiera al Estado un plan de protección concertado',
    'Que el Estado investigue las amenazas',
    'Que se mantengan las medidas cautelares',
  ],
};

export async function hearingCase(withPlan = true, realWriter = false): Promise<HearingFixture> {
  const c = await caseWithPeople({ realWriter });
  const created = await c.ok('hearings:create', { matterId: c.matterId, fields: HEARING_FIELDS });
  if (withPlan) {
    await c.ok('hearings:addParticipant', {
      hearingId: created.id,
      fields: { side: 'ours', personId: c.ana, role: 'Beneficiaria', presence: 'voice_only' },
    });
    await c.ok('hearings:addParticipant', {
      hearingId: created.id,
      fields: { side: 'ours', name: 'Lic. Rosa Méndez', role: 'Representante' },
    });
    const withPeople = await c.ok('hearings:addParticipant', {
      hearingId: created.id,
      fields: { side: 'state', name: 'Embajador Juan Pérez', role: 'Agente del Estado' },
    });
    const [beneficiary, lawyer] = withPeople.participants;
    for (const turn of [
      {
        participantId: lawyer.id,
        topic: 'Contexto',
        seconds: 300,
        talkingPoints: '- Medidas otorgadas\n- Incumplimiento',
      },
      {
        participantId: beneficiary.id,
        topic: 'Testimonio',
        seconds: 480,
        talkingPoints: 'Las amenazas continúan',
      },
      { participantId: lawyer.id, topic: 'Peticiones', seconds: 240, talkingPoints: 'Las tres peticiones' },
    ])
      await c.ok('hearings:addTurn', { hearingId: created.id, fields: turn });
    await c.ok('hearings:setChronology', {
      hearingId: created.id,
      incidentIds: [c.report, c.threat],
    });
    await c.ok('hearings:setExhibits', { hearingId: created.id, evidenceIds: [c.evidenceId] });
    await c.ok('hearings:addQuestion', {
      hearingId: created.id,
      fields: {
        question: 'El Estado dirá que la beneficiaria rechazó la escolta',
        answer: 'La escolta ofrecida era de la misma policía señalada en las amenazas',
        answererId: lawyer.id,
      },
    });
  }
  return { ...c, hearingId: created.id, hearing: await c.ok('hearings:get', { id: created.id }) };
}
