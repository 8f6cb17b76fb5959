// Done, snooze and dismiss as pure state transitions, and what to write when the user acts
// on an item (stored or derived).
import { addDays } from '../dates';
import type { Reminder } from '../model/reminder';
import type { Settings } from '../model/settings';
import type { ItemAction, NewReminder, TicklerItem, TicklerWrite } from './types';

const MINUTE = 60 * 1000;
const MINUTES_PER_DAY = 24 * 60;

type Row = NewReminder | Reminder;

function without<T extends Row>(row: T, ...keys: ('snoozedUntil' | 'completedAt')[]): T {
  const next = { ...row };
  for (const key of keys) delete next[key];
  return next;
}

const touched = (row: Row, now: number) => Math.max(now, row.updatedAt);

/** Marks done at `now` (`completedAt`); a done 'cadence' row restarts the keep-in-touch clock. */
export function markDone<T extends Row>(row: T, now: number): T {
  return { ...without(row, 'snoozedUntil'), status: 'done', completedAt: now, updatedAt: touched(row, now) };
}

/** Snoozes until `until` (must be after `now`): the reminder comes back due then. */
export function snooze<T extends Row>(row: T, until: number, now: number): T {
  if (!(until > now)) throw new RangeError('A reminder can only be snoozed until a later time.');
  return { ...without(row, 'completedAt'), status: 'snoozed', snoozedUntil: until, updatedAt: touched(row, now) };
}

/** Dismisses: never due again (a dismissed 'cadence' row skips that round; the clock restarts). */
export function dismiss<T extends Row>(row: T, now: number): T {
  return { ...without(row, 'completedAt', 'snoozedUntil'), status: 'dismissed', updatedAt: touched(row, now) };
}

/** Undoes done, snooze or dismiss: open again on its own `due`. */
export function reopen<T extends Row>(row: T, now: number): T {
  return { ...without(row, 'completedAt', 'snoozedUntil'), status: 'open', updatedAt: touched(row, now) };
}

/**
 * The end of a snooze of the settings' length from `now`. Whole days are calendar days (same
 * clock time tomorrow, across daylight-saving changes too); other lengths are exact minutes.
 */
export function snoozeUntil(settings: Pick<Settings, 'snoozeMinutes'>, now: number): number {
  const minutes = settings.snoozeMinutes;
  return minutes % MINUTES_PER_DAY === 0 ? addDays(now, minutes / MINUTES_PER_DAY) : now + minutes * MINUTE;
}

function transition<T extends Row>(row: T, action: ItemAction, now: number): T {
  switch (action.type) {
    case 'done':
      return markDone(row, now);
    case 'snooze':
      return snooze(row, action.until, now);
    case 'dismiss':
      return dismiss(row, now);
  }
}

export interface ActionContext {
  /** The stored reminders (at least the one behind the item, when it has one). */
  reminders: readonly Reminder[];
  now: number;
}

/**
 * The writes that carry out `action` on a pending item (from `computeSchedule`).
 *
 * - Stored reminder → the updated row.
 * - Keep-in-touch → the updated 'cadence' row for this round if one exists (it was snoozed
 *   before), else a new 'cadence' row for the round (`due` = the round's date) in the new
 *   state. Done or dismissed restarts the clock from now; snoozed brings the item back then.
 * - One-off follow-up → a change to the contact's `nextFollowUp`: snooze moves it to `until`,
 *   done and dismiss clear it; done also adds a done 'follow-up' row as the record that it
 *   was done (weekly goals count those).
 *
 * Throws when the stored row behind the item is not among `reminders` (it was deleted).
 */
export function applyItemAction(item: TicklerItem, action: ItemAction, context: ActionContext): TicklerWrite[] {
  const { reminders, now } = context;
  const stored = () => {
    const row = reminders.find((r) => r.id === item.reminderId);
    if (!row) throw new Error(`There is no reminder #${item.reminderId} behind ${item.key}.`);
    return row;
  };

  switch (item.source) {
    case 'reminder':
      return [{ kind: 'update-reminder', reminder: transition(stored(), action, now) }];

    case 'cadence': {
      if (item.reminderId !== undefined) return [{ kind: 'update-reminder', reminder: transition(stored(), action, now) }];
      const row: NewReminder = {
        ...(item.contactId !== undefined ? { contactId: item.contactId } : {}),
        reason: 'cadence',
        text: item.text,
        due: item.scheduledFor,
        status: 'open',
        createdAt: now,
        updatedAt: now,
      };
      return [{ kind: 'insert-reminder', reminder: transition(row, action, now) }];
    }

    case 'follow-up': {
      if (item.contactId === undefined) throw new Error(`${item.key} has no contact.`);
      const contactId = item.contactId;
      if (action.type === 'snooze') {
        if (!(action.until > now)) throw new RangeError('A reminder can only be snoozed until a later time.');
        return [{ kind: 'update-contact', contactId, patch: { nextFollowUp: action.until } }];
      }
      const clear: TicklerWrite = { kind: 'update-contact', contactId, patch: { nextFollowUp: null } };
      if (action.type === 'dismiss') return [clear];
      const record: NewReminder = {
        contactId,
        reason: 'follow-up',
        text: item.text,
        due: item.scheduledFor,
        status: 'open',
        createdAt: now,
        updatedAt: now,
      };
      return [clear, { kind: 'insert-reminder', reminder: markDone(record, now) }];
    }
  }
}
