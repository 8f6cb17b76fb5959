import { z } from 'zod';
import { Id, Timestamp, longText, shortText } from './common';

export const Company = z.object({
  id: Id,
  name: shortText(200),
  /** Normalised name, the same key contacts carry in `companyKey`. */
  nameKey: z.string(),
  linkedinSlug: shortText(200).optional(),
  target: z.boolean().default(false),
  /** 1 = most wanted employer. */
  targetRank: z.number().int().min(1).max(1000).optional(),
  notes: longText(50_000).default(''),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Company = z.infer<typeof Company>;
