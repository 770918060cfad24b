// Risk assessments along Art. 25 (seriousness, urgency, irreparable harm). Each assessment is a new row:
// the history of how the team saw the risk is part of the record.
import { randomUUID } from 'node:crypto';
import { AmparoError } from '../../../shared/errors';
import type { RiskAssessment, RiskAssessmentFields } from '../../../shared/schemas/risk';
import { requireLiveMatter } from './records';
import type { VaultContext } from './vault-context';

type RiskRow = {
  id: string;
  matter_id: string;
  assessed_on: string;
  seriousness_rating: string;
  seriousness_reasoning: string;
  urgency_rating: string;
  urgency_reasoning: string;
  irreparable_rating: string;
  irreparable_reasoning: string;
  created_at: string;
  actor: string;
};

type Rating = RiskAssessment['seriousness']['rating'];

export class RiskService {
  constructor(private readonly ctx: () => VaultContext) {}

  list(matterId: string): RiskAssessment[] {
    const { db } = this.ctx();
    const rows = db
      .prepare(
        'SELECT * FROM risk_assessments WHERE matter_id = $matterId ORDER BY assessed_on DESC, created_at DESC',
      )
      .all<RiskRow>({ matterId });
    const links = db.prepare(
      'SELECT incident_id FROM risk_assessment_incidents WHERE assessment_id = $id ORDER BY incident_id',
    );
    return rows.map((row) => ({
      id: row.id,
      matterId: row.matter_id,
      assessedOn: row.assessed_on,
      seriousness: { rating: row.seriousness_rating as Rating, reasoning: row.seriousness_reasoning },
      urgency: { rating: row.urgency_rating as Rating, reasoning: row.urgency_reasoning },
      irreparableHarm: { rating: row.irreparable_rating as Rating, reasoning: row.irreparable_reasoning },
      incidentIds: links.all<{ incident_id: string }>({ id: row.id }).map((l) => l.incident_id),
      createdAt: row.created_at,
      actor: row.actor,
    }));
  }

  create(matterId: string, fields: RiskAssessmentFields): RiskAssessment {
    const { db, audit, actor, now } = this.ctx();
    const id = randomUUID();
    db.transaction(() => {
      requireLiveMatter(db, matterId);
      db.prepare(
        `INSERT INTO risk_assessments (id, matter_id, assessed_on, seriousness_rating, seriousness_reasoning, urgency_rating,
                                       urgency_reasoning, irreparable_rating, irreparable_reasoning, created_at, actor)
         VALUES ($id, $matterId, $assessedOn, $sr, $sx, $ur, $ux, $ir, $ix, $at, $actor)`,
      ).run({
        id,
        matterId,
        assessedOn: fields.assessedOn,
        sr: fields.seriousness.rating,
        sx: fields.seriousness.reasoning,
        ur: fields.urgency.rating,
        ux: fields.urgency.reasoning,
        ir: fields.irreparableHarm.rating,
        ix: fields.irreparableHarm.reasoning,
        at: now().toISOString(),
        actor: actor(),
      });
      const link = db.prepare(
        'INSERT OR IGNORE INTO risk_assessment_incidents (assessment_id, incident_id) VALUES ($id, $incidentId)',
      );
      for (const incidentId of fields.incidentIds) {
        if (
          !db
            .prepare('SELECT 1 AS x FROM incidents WHERE id = $incidentId AND matter_id = $matterId')
            .get({ incidentId, matterId })
        ) {
          throw new AmparoError('NOT_FOUND', 'A linked incident is not part of this matter');
        }
        link.run({ id, incidentId });
      }
      audit.append({
        action: 'record.create',
        entityType: 'risk_assessment',
        entityId: id,
        matterId,
        details: {
          seriousness: fields.seriousness.rating,
          urgency: fields.urgency.rating,
          irreparableHarm: fields.irreparableHarm.rating,
        },
      });
    })();
    return this.list(matterId).find((r) => r.id === id)!;
  }
}
