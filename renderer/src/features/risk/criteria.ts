/** The three requirements of Art. 25 of the IACHR Rules, in the order the Commission weighs them. */
export const CRITERIA = ['seriousness', 'urgency', 'irreparableHarm'] as const;
export type Criterion = (typeof CRITERIA)[number];

export const RATING_COLOR: Record<string, string> = {
  low: 'teal',
  medium: 'yellow',
  high: 'orange',
  extreme: 'red',
};
