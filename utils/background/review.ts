// The manager's weekly review, read from the store. The counting is pure (utils/review/weekly.ts);
// this file only picks the rows.
//
// What it reads, and why that is enough at 10,000 contacts and 100,000 interactions:
// - interactions: only the weeks shown, through the `when` index;
// - contacts and reminders: all of them, once — what comes due next week is derived from every
//   active contact's keep-in-touch cadence (the same schedule as the reminders), which needs
//   them all anyway, and the contacts give the names. (Contacts have no `createdAt` index, and
//   the schema stays as it is.)
import { REVIEW_LIST_LIMIT, type WeeklyReview } from '../model/review';
import type { RapportDatabase } from '../store/database';
import type { SettingsService } from './settings';
import { computeSchedule } from '../ticklers';
import { countWeeks, isConversation, isFollowUpDone, newContactAt, weekBounds, weekIndex } from '../review/weekly';
import { addDays } from '../dates';

export function createReviewService(db: RapportDatabase, settingsService: Pick<SettingsService, 'get'>, now: () => number) {
  return {
    async weekly(options: { weeks: number }): Promise<WeeklyReview> {
      // Measured by the benchmark in the worker itself (a mark in the worker's own timeline).
      const started = performance.now();
      const at = now();
      const bounds = weekBounds(at, options.weeks);
      const first = bounds[0]!;
      const thisStart = bounds[bounds.length - 2]!;
      const nextStart = bounds[bounds.length - 1]!;
      const nextEnd = addDays(nextStart, 7);

      const [contacts, interactions, reminders] = await db.transaction('r', db.contacts, db.interactions, db.reminders, () =>
        Promise.all([
          db.contacts.toArray(),
          db.interactions.where('when').between(first, nextStart, true, false).toArray(),
          db.reminders.toArray(),
        ]),
      );
      // The settings service's reading: one damaged field does not cost the goals.
      const settings = await settingsService.get();

      const weeks = countWeeks({ bounds, contacts, interactions, reminders });
      const names = new Map(contacts.map((c) => [c.id, c.name]));
      const thisWeek = (t: number) => weekIndex(t, bounds) === bounds.length - 2;
      const newestFirst = <T extends { at: number }>(rows: T[]) => rows.sort((a, b) => b.at - a.at).slice(0, REVIEW_LIST_LIMIT);

      const newContacts = newestFirst(
        contacts.flatMap((c) => {
          const met = newContactAt(c);
          return met !== undefined && thisWeek(met) ? [{ contactId: c.id, name: c.name, at: met }] : [];
        }),
      );
      const conversations = newestFirst(
        interactions
          .filter((i) => isConversation(i.kind) && thisWeek(i.when) && names.has(i.contactId))
          .map((i) => ({ interactionId: i.id, contactId: i.contactId, name: names.get(i.contactId)!, kind: i.kind, at: i.when })),
      );
      const followUps = newestFirst(
        reminders.filter(isFollowUpDone).filter((r) => thisWeek(r.completedAt)).map((r) => {
          const name = r.contactId === undefined ? undefined : names.get(r.contactId);
          return {
            reminderId: r.id,
            ...(r.contactId !== undefined && name !== undefined ? { contactId: r.contactId, name } : {}),
            reason: r.reason,
            text: r.text,
            at: r.completedAt,
          };
        }),
      );

      // The schedule at the end of next week: every item pending then, with its due date.
      const schedule = computeSchedule({ contacts, reminders, settings, now: at });
      const upcoming = schedule.items.filter((item) => item.due >= nextStart && item.due < nextEnd);
      const due = upcoming.slice(0, REVIEW_LIST_LIMIT).map((item) => ({
        key: item.key,
        ...(item.contactId !== undefined ? { contactId: item.contactId } : {}),
        ...(item.contactName !== undefined ? { name: item.contactName } : {}),
        reason: item.reason,
        text: item.text,
        due: item.due,
      }));

      performance.measure('rapport:review.weekly', { start: started, end: performance.now() });
      return {
        now: at,
        weeks,
        goals: { ...settings.weeklyGoals },
        thisWeek: { start: thisStart, end: nextStart, newContacts, conversations, followUps },
        nextWeek: { start: nextStart, end: nextEnd, due, total: upcoming.length },
        totalContacts: contacts.length,
      };
    },
  };
}
export type ReviewService = ReturnType<typeof createReviewService>;
