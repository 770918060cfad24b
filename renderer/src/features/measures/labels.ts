import type { MeasureStatus } from '../../../../shared/schemas/protection-measures';

/** One colour per status, the same in the table, the history and the follow-up timeline. */
export const STATUS_COLOR: Record<MeasureStatus, string> = {
  proposed: 'gray',
  agreed: 'blue',
  implemented: 'teal',
  failing: 'red',
  withdrawn: 'dark',
};
