import { z } from 'zod';
import { Id, Timestamp, longText } from './common';

export const REMINDER_REASONS = [
  'follow-up',
  'cadence',
  'thank-you',
  'referral-thanks',
  'commitment',
  'backup',
  'other',
] as const;
export const ReminderReason = z.enum(REMINDER_REASONS);

export const REMINDER_STATUSES = ['open', 'done', 'snoozed', 'dismissed'] as const;
export const ReminderStatus = z.enum(REMINDER_STATUSES);

export const Reminder = z.object({
  id: Id,
  /** Absent for reminders about the user's own routine (e.g. backups). */
  contactId: Id.optional(),
  due: Timestamp,
  reason: ReminderReason,
  text: longText(1_000).default(''),
  status: ReminderStatus.default('open'),
  snoozedUntil: Timestamp.optional(),
  completedAt: Timestamp.optional(),
  /** The interaction that produced it (thank-you, referral thanks), for de-duplication. */
  sourceInteractionId: Id.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Reminder = z.infer<typeof Reminder>;
