// The weekly review's arithmetic: week boundaries in local time and counting what happened in
// each week. Pure: rows in, numbers out (the worker reads the rows, the page draws the numbers).
//
// Weeks start on Monday 00:00 in the user's time zone. Boundaries are local calendar days
// (utils/dates.ts), so the week in which the clocks change is 167 or 169 hours long and every
// week still starts at midnight; a week may span two years (Mon 29 Dec – Sun 4 Jan).
import { addDays, startOfDay } from '../dates';
import { CONVERSATION_KINDS, type InteractionKind } from '../model/interaction';
import type { Reminder } from '../model/reminder';

// Coffee chats are logged as meetings; which kinds count is decided once, in the model.
export { CONVERSATION_KINDS };

export const isConversation = (kind: InteractionKind) => CONVERSATION_KINDS.has(kind);

/**
 * A follow-up done: a reminder row marked done, counted in the week of its `completedAt`.
 * That is what every "done" records — a notification's or the popup's Done on a follow-up
 * date (which adds a done 'follow-up' row), a keep-in-touch round or a thank-you, and a
 * commitment ticked on the card (utils/ticklers/actions.ts, utils/background/commitments.ts).
 * The popup's goal counts the same rows (it would also count 'backup' rows, which nothing
 * creates). Not counted, because nothing records them as done:
 * clearing a follow-up date by hand on the card, and keeping in touch by logging an
 * interaction (that restarts the cadence and counts as a conversation instead). Backup
 * reminders are not about a person, so they are not follow-ups.
 */
export function isFollowUpDone<T extends Pick<Reminder, 'status' | 'completedAt' | 'reason'>>(row: T): row is T & { completedAt: number } {
  return row.status === 'done' && row.completedAt !== undefined && row.reason !== 'backup';
}

/** Monday 00:00 local time of the week of `at`. */
export function weekStart(at: number): number {
  const day = startOfDay(at);
  const weekday = (new Date(day).getDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}

/**
 * The boundaries of the last `weeks` weeks up to and including the week of `now`, oldest
 * first: `weeks + 1` instants, week i being [bounds[i], bounds[i + 1]). The last one is next
 * Monday 00:00.
 */
export function weekBounds(now: number, weeks: number): number[] {
  if (!Number.isInteger(weeks) || weeks < 1) throw new RangeError('weeks must be a positive integer');
  const current = weekStart(now);
  const bounds: number[] = [];
  for (let i = weeks - 1; i >= 0; i--) bounds.push(addDays(current, -7 * i));
  bounds.push(addDays(current, 7));
  return bounds;
}

/** The index of the week `at` falls in, or -1 when it is outside [bounds[0], last). */
export function weekIndex(at: number, bounds: readonly number[]): number {
  if (!(at >= bounds[0]!) || !(at < bounds[bounds.length - 1]!)) return -1;
  let lo = 0;
  let hi = bounds.length - 2;
  // The last i with bounds[i] <= at.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (bounds[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface WeekCount {
  /** Monday 00:00 local time. */
  start: number;
  newContacts: number;
  conversations: number;
  followUps: number;
}

/**
 * When a contact counts as a new contact for the weekly goal: when it was added — or, for a
 * contact imported from a file (1,000 LinkedIn connections in one click are not 1,000 people met
 * this week), at the meeting date the file gave (LinkedIn's "Connected On"), else never.
 */
export function newContactAt(contact: { createdAt: number; importedAt?: number; howWeMet?: { date?: number } }): number | undefined {
  return contact.importedAt === undefined ? contact.createdAt : contact.howWeMet?.date;
}

export interface CountInput {
  bounds: readonly number[];
  contacts: Iterable<{ createdAt: number; importedAt?: number; howWeMet?: { date?: number } }>;
  interactions: Iterable<{ when: number; kind: InteractionKind }>;
  reminders: Iterable<Pick<Reminder, 'status' | 'completedAt' | 'reason'>>;
}

/** What happened in each week of `bounds`: contacts added, conversations had, follow-ups done. */
export function countWeeks(input: CountInput): WeekCount[] {
  const { bounds } = input;
  const weeks: WeekCount[] = bounds
    .slice(0, -1)
    .map((start) => ({ start, newContacts: 0, conversations: 0, followUps: 0 }));
  for (const contact of input.contacts) {
    const at = newContactAt(contact);
    const i = at === undefined ? -1 : weekIndex(at, bounds);
    if (i >= 0) weeks[i]!.newContacts++;
  }
  for (const interaction of input.interactions) {
    if (!isConversation(interaction.kind)) continue;
    const i = weekIndex(interaction.when, bounds);
    if (i >= 0) weeks[i]!.conversations++;
  }
  for (const reminder of input.reminders) {
    if (!isFollowUpDone(reminder)) continue;
    const i = weekIndex(reminder.completedAt, bounds);
    if (i >= 0) weeks[i]!.followUps++;
  }
  return weeks;
}

/** A week's short label, "Sep 15" (its Monday), in the page's language. */
export function weekLabel(start: number, locale?: string): string {
  return new Date(start).toLocaleDateString(locale ?? 'en-US', { month: 'short', day: 'numeric' });
}

/** A week's range for people, "Sep 15 – Sep 21" (Monday to Sunday). */
export function weekRangeLabel(start: number, locale?: string): string {
  return `${weekLabel(start, locale)} – ${weekLabel(addDays(start, 6), locale)}`;
}
