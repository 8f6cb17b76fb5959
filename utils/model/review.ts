import { z } from 'zod';
import { Id, Timestamp } from './common';
import { InteractionKind } from './interaction';
import { ReminderReason } from './reminder';

const Count = z.number().int().min(0);

/** How many weeks the review may ask for (the chart shows 12). */
export const REVIEW_WEEKS_MAX = 52;
/** The longest list of names the review sends per kind; the counts are always complete. */
export const REVIEW_LIST_LIMIT = 50;

export const ReviewRequest = z.object({
  weeks: z.number().int().min(1).max(REVIEW_WEEKS_MAX).default(12),
});

export const WeekCount = z.object({
  /** Monday 00:00 local time. */
  start: Timestamp,
  newContacts: Count,
  conversations: Count,
  followUps: Count,
});
export type WeekCount = z.infer<typeof WeekCount>;

export const ReviewGoals = z.object({ newContacts: Count, conversations: Count, followUps: Count });
export type ReviewGoals = z.infer<typeof ReviewGoals>;

const Name = z.string().max(200);

export const ReviewNewContact = z.object({ contactId: Id, name: Name, at: Timestamp });
export const ReviewConversation = z.object({
  interactionId: Id,
  contactId: Id,
  name: Name,
  kind: InteractionKind,
  at: Timestamp,
});
export const ReviewFollowUp = z.object({
  reminderId: Id,
  contactId: Id.optional(),
  name: Name.optional(),
  reason: ReminderReason,
  text: z.string().max(1_000),
  at: Timestamp,
});
export const ReviewDue = z.object({
  key: z.string().max(64),
  contactId: Id.optional(),
  name: Name.optional(),
  reason: ReminderReason,
  text: z.string().max(1_000),
  due: Timestamp,
});

/** The manager's weekly review: this week against the goals, and the weeks before it. */
export const WeeklyReview = z.object({
  now: Timestamp,
  /** Oldest first; the last one is this week (so far). */
  weeks: z.array(WeekCount).min(1),
  goals: ReviewGoals,
  /** Who, this week (newest first, at most REVIEW_LIST_LIMIT each; the counts are in `weeks`). */
  thisWeek: z.object({
    start: Timestamp,
    end: Timestamp,
    newContacts: z.array(ReviewNewContact),
    conversations: z.array(ReviewConversation),
    followUps: z.array(ReviewFollowUp),
  }),
  /** What comes due next week (Monday to Sunday), earliest first. */
  nextWeek: z.object({ start: Timestamp, end: Timestamp, due: z.array(ReviewDue), total: Count }),
  /** Every contact, archived ones too: 0 is a new user (the review's empty state). */
  totalContacts: Count,
});
export type WeeklyReview = z.infer<typeof WeeklyReview>;

/**
 * What the worker remembers about backups (browser storage, see utils/background/backup-reminder.ts).
 * Every field optional: a missing or damaged record reads as "never".
 */
export const BackupState = z.object({
  /** The last JSON backup the worker produced for download. */
  lastBackupAt: Timestamp.optional(),
  /** The last backup reminder shown. */
  lastRemindedAt: Timestamp.optional(),
  /** When the reminder was (last) turned on: the first one comes a week later. */
  since: Timestamp.optional(),
});
export type BackupState = z.infer<typeof BackupState>;

/** For the pages: when the last backup was made (null: never) and whether the weekly reminder is on. */
export const BackupStatus = z.object({
  lastBackupAt: Timestamp.nullable(),
  reminderEnabled: z.boolean(),
  /** When the next reminder is planned (null: off). */
  nextReminderAt: Timestamp.nullable(),
});
export type BackupStatus = z.infer<typeof BackupStatus>;
