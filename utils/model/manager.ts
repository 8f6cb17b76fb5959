import { z } from 'zod';
import { Id, Timestamp } from './common';

/** The manager page's columns, each sortable. */
export const MANAGER_SORT_KEYS = ['name', 'company', 'type', 'lastContacted', 'nextFollowUp'] as const;
export const ManagerSortKey = z.enum(MANAGER_SORT_KEYS);
export type ManagerSortKey = z.infer<typeof ManagerSortKey>;

/** `relevance`: best search matches first (with a query; without one it is the name order). */
export const ManagerSort = z.object({ by: z.union([ManagerSortKey, z.literal('relevance')]), dir: z.enum(['asc', 'desc']) });
export type ManagerSort = z.infer<typeof ManagerSort>;

/** Every filter is optional; those given must all hold (AND). */
export const ManagerFilters = z
  .object({
    tag: z.string().trim().min(1).max(50).optional(),
    type: z.string().trim().min(1).max(40).optional(),
    /** A company name, compared by its normalised key ("Acme, Inc." = "acme"). */
    company: z.string().trim().min(1).max(200).optional(),
    /** Only people at one of the user's target employers. */
    targetsOnly: z.boolean().optional(),
    /** Only contacts whose next follow-up date has passed. */
    overdue: z.boolean().optional(),
    /** Only contacts not contacted for at least this many months (never contacted included). */
    notInTouchMonths: z.number().int().min(1).max(120).optional(),
    introducedBy: Id.optional(),
    /** Archived contacts are left out unless this is set. */
    includeArchived: z.boolean().optional(),
  })
  .strict();
export type ManagerFilters = z.infer<typeof ManagerFilters>;

export const ManagerListRequest = z.object({
  /** Full text over names, companies, notes, interaction summaries… (see utils/search/contact-index.ts). */
  query: z.string().max(200).optional(),
  filters: ManagerFilters,
  sort: ManagerSort,
});
export type ManagerListRequest = z.input<typeof ManagerListRequest>;

/** One line of the manager's list: small on purpose (no notes), 10,000 of them travel at once. */
export const ManagerRow = z.object({
  id: Id,
  name: z.string(),
  company: z.string().optional(),
  type: z.string().optional(),
  tags: z.array(z.string()),
  lastContacted: Timestamp.optional(),
  nextFollowUp: Timestamp.optional(),
  /** The next follow-up date has passed. */
  overdue: z.boolean(),
  archived: z.boolean().optional(),
  /** With a query: where it was found, among the fields the row does not show ("notes"…). */
  matched: z.array(z.enum(['title', 'emails', 'location', 'howWeMet', 'interests', 'notes', 'interactions'])).optional(),
});
export type ManagerRow = z.infer<typeof ManagerRow>;

export const ManagerList = z.object({
  rows: z.array(ManagerRow),
  /** How many contacts the store holds (archived ones only with includeArchived). */
  total: z.number().int().min(0),
  /** The values the filters offer, over every contact (not only the matching ones). */
  facets: z.object({ tags: z.array(z.string()), types: z.array(z.string()), companies: z.array(z.string()) }),
  /** The worker's time for this answer, in milliseconds. */
  ms: z.number().min(0),
});
export type ManagerList = z.infer<typeof ManagerList>;
