// Duplicates and merging: the suggestions the worker finds, the user's "not the same person"
// answers, what a merge keeps, and what its undo puts back.
import { z } from 'zod';
import { Id, Timestamp } from './common';
import { Contact } from './contact';
import { Interaction } from './interaction';
import { Reminder } from './reminder';

/** The settings-table key of the dismissed pairs (no schema change: `settings` is key → value). */
export const DISMISSED_DUPLICATES_KEY = 'dismissed-duplicates';
/** Beyond this many dismissed pairs the oldest are forgotten (they would only be suggested again). */
export const MAX_DISMISSED = 5_000;

/** Two contact ids, smaller first: "3:17". */
export const PairKey = z.string().regex(/^[1-9]\d{0,15}:[1-9]\d{0,15}$/, 'not a pair of contact ids');
export const pairKey = (a: number, b: number) => (a < b ? `${a}:${b}` : `${b}:${a}`);

export const DismissedDuplicates = z.object({ pairs: z.array(PairKey).max(MAX_DISMISSED) }).strict();
export type DismissedDuplicates = z.infer<typeof DismissedDuplicates>;
export const DismissedDuplicatesRecord = z.object({ key: z.literal(DISMISSED_DUPLICATES_KEY), value: DismissedDuplicates });

/** How two names were found alike. */
export const NAME_LIKENESS = ['same', 'order', 'middle', 'initial', 'nickname', 'typo'] as const;
export const NameLikeness = z.enum(NAME_LIKENESS);
export type NameLikeness = z.infer<typeof NameLikeness>;

/** Why two contacts are probably one person. */
export const DuplicateReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('email'), email: z.string() }),
  z.object({ kind: z.literal('linkedin'), slug: z.string() }),
  /** `company`: the shared company as one of them wrote it; absent when only one (or neither) names one. */
  z.object({ kind: z.literal('name'), likeness: NameLikeness, company: z.string().optional() }),
]);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

/** One side of a suggestion, as the list shows it. */
export const DuplicateSide = z.object({
  id: Id,
  name: z.string(),
  company: z.string().optional(),
  title: z.string().optional(),
  archived: z.boolean(),
  updatedAt: Timestamp,
});
export type DuplicateSide = z.infer<typeof DuplicateSide>;

export const DuplicateSuggestion = z.object({
  key: PairKey,
  contacts: z.tuple([DuplicateSide, DuplicateSide]),
  reasons: z.array(DuplicateReason).min(1),
});
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;

export const DuplicateList = z.object({
  suggestions: z.array(DuplicateSuggestion),
  /** How many contacts were looked at (archived ones included). */
  total: z.number().int().min(0),
  /** How many pairs the user said are not the same person. */
  dismissed: z.number().int().min(0),
});
export type DuplicateList = z.infer<typeof DuplicateList>;

/** The fields a merge picks from one side or the other (everything else is combined). */
export const MERGE_FIELDS = [
  'name',
  'headline',
  'company',
  'title',
  'location',
  'emails',
  'phones',
  'linkedin',
  'type',
  'cadenceDays',
  'howWeMet',
  'introducedBy',
  'nextFollowUp',
  'interests',
  'archived',
] as const;
export const MergeField = z.enum(MERGE_FIELDS);
export type MergeField = z.infer<typeof MergeField>;

/** `keep`: the surviving contact's value; `merge`: the merged-away one's; `both`: lists only. */
export const MergeSide = z.enum(['keep', 'merge', 'both']);
export type MergeSide = z.infer<typeof MergeSide>;
/** The fields whose two values can be combined rather than picked. */
export const LIST_FIELDS: readonly MergeField[] = ['emails', 'phones'];

export const MergePicks = z
  .partialRecord(MergeField, MergeSide)
  .superRefine((picks, ctx) => {
    for (const [field, side] of Object.entries(picks)) {
      if (side === 'both' && !LIST_FIELDS.includes(field as MergeField)) {
        ctx.addIssue({ code: 'custom', path: [field], message: 'only e-mails and phones can keep both' });
      }
    }
  });
export type MergePicks = z.infer<typeof MergePicks>;

/** What a merge would combine, for the dialog's summary (counts of the merged-away contact's records). */
export const MergeCounts = z.object({
  interactions: z.number().int().min(0),
  reminders: z.number().int().min(0),
  /** Contacts this one introduced the user to. */
  introduced: z.number().int().min(0),
});
export type MergeCounts = z.infer<typeof MergeCounts>;

export const MergeComparison = z.object({
  contacts: z.tuple([Contact, Contact]),
  counts: z.tuple([MergeCounts, MergeCounts]),
});
export type MergeComparison = z.infer<typeof MergeComparison>;

/**
 * What `contacts.unmerge` needs: both contacts as they were, the records the merge moved
 * (as they were) and the duplicate interactions it removed. `survivorUpdatedAt` tells whether
 * the survivor changed since (then undo is refused rather than lose that change).
 */
export const MergeUndo = z
  .object({
    kind: z.literal('merge'),
    at: Timestamp,
    survivorUpdatedAt: Timestamp,
    keep: Contact,
    merge: Contact,
    movedInteractions: z.array(Interaction).max(1_000_000),
    removedInteractions: z.array(Interaction).max(1_000_000),
    movedReminders: z.array(Reminder).max(1_000_000),
    /** Contacts introduced by the merged-away one, now pointing at the survivor. */
    introduced: z.array(z.object({ id: Id, updatedAt: Timestamp }).strict()).max(100_000),
  })
  .strict();
export type MergeUndo = z.infer<typeof MergeUndo>;

export const MergeResult = z.object({ contact: Contact, undo: MergeUndo });
export type MergeResult = z.infer<typeof MergeResult>;
