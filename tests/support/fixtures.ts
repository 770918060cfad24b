import type { MatterFields } from '../../shared/schemas/matter';

/** A realistic matter, modelled on IACHR Resolution 44/2023 (public, initials only). */
export function precautionaryRequest(overrides: Partial<MatterFields> = {}): MatterFields {
  return {
    title: 'Medidas cautelares — A.A.Q.O. y familia (agresión y vigilancia)',
    matterType: 'precautionary_request',
    forum: 'iachr',
    reference: 'MC-1008-19',
    status: 'filed',
    openedOn: '2023-03-14',
    summary:
      'Defensora y su hermana, sobreviviente de trata; amenazas en redes sociales y cuentas hackeadas.',
    classification: 'restricted',
    ...overrides,
  } as MatterFields;
}
