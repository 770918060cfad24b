import { z } from 'zod';

/**
 * How widely a record may be shown. `confidential` records are hidden from lists and search results until
 * the user reveals them (logged); `restricted` is the team's working default; `public` may appear in filings.
 */
export const CLASSIFICATIONS = ['public', 'restricted', 'confidential'] as const;
export const Classification = z.enum(CLASSIFICATIONS);
export type Classification = z.infer<typeof Classification>;
