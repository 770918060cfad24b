// Risk assessments along the three requirements of Art. 25 of the IACHR Rules of Procedure.
import { z } from 'zod';
import { Id, IsoDate } from './common';

export const RISK_RATINGS = ['low', 'medium', 'high', 'extreme'] as const;
const RiskRating = z.enum(RISK_RATINGS);

const Criterion = z.object({
  rating: RiskRating,
  reasoning: z.string().max(20000, 'validation.tooLong'),
});

/** One assessment of the three Art. 25 requirements; assessments are kept, never overwritten (history). */
export const RiskAssessmentFields = z.object({
  assessedOn: IsoDate,
  seriousness: Criterion,
  urgency: Criterion,
  irreparableHarm: Criterion,
  incidentIds: z.array(Id).max(500),
});
export type RiskAssessmentFields = z.infer<typeof RiskAssessmentFields>;

export const RiskAssessment = RiskAssessmentFields.extend({
  id: Id,
  matterId: Id,
  createdAt: z.string(),
  actor: z.string(),
});
export type RiskAssessment = z.infer<typeof RiskAssessment>;

export const CreateRiskAssessmentInput = RiskAssessmentFields.extend({ matterId: Id });
