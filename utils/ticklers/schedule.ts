// What is due now and what comes next, from contacts and stored reminders.
import { addDays } from '../dates';
import type { Contact } from '../model/contact';
import type { Reminder } from '../model/reminder';
import type { Settings } from '../model/settings';
import { cadenceText, defaultReminderText, followUpText } from './text';
import type { TicklerItem } from './types';

/** The cadence when neither the contact, its type nor the 'other' type says anything. */
export const FALLBACK_CADENCE_DAYS = 365;

export type CadenceSettings = Pick<Settings, 'cadenceDaysByType'>;

/**
 * Keep-in-touch cadence in days: the contact's own, else the default for its type, else the
 * default for 'other' (so a custom type the settings don't list follows the user's 'other'),
 * else 365.
 */
export function cadenceDaysFor(contact: Pick<Contact, 'cadenceDays' | 'type'>, settings: CadenceSettings): number {
  const byType = settings.cadenceDaysByType;
  return contact.cadenceDays ?? byType[contact.type ?? 'other'] ?? byType.other ?? FALLBACK_CADENCE_DAYS;
}

/** Stored rows with reason 'cadence' belong to the keep-in-touch derivation, never shown on their own. */
const isCadenceRow = (r: Reminder) => r.reason === 'cadence';

/**
 * The moment the contact's keep-in-touch clock last restarted: the latest of the last
 * interaction of any kind (`lastContacted`, derived from the log), the last cadence reminder
 * marked done (its `completedAt`) or dismissed (its `updatedAt`: dismissing skips this round,
 * it does not switch keeping in touch off), and the contact's creation.
 */
export function cadenceAnchor(contact: Contact, cadenceRows: readonly Reminder[]): number {
  let anchor = Math.max(contact.createdAt, contact.lastContacted ?? 0);
  for (const row of cadenceRows) {
    if (row.contactId !== contact.id || !isCadenceRow(row)) continue;
    if (row.status === 'done') anchor = Math.max(anchor, row.completedAt ?? row.updatedAt);
    else if (row.status === 'dismissed') anchor = Math.max(anchor, row.updatedAt);
  }
  return anchor;
}

/** When the current keep-in-touch round is due: `cadence` calendar days after the anchor, same clock time. */
export function cadenceDue(contact: Contact, cadenceRows: readonly Reminder[], settings: CadenceSettings): number {
  return addDays(cadenceAnchor(contact, cadenceRows), cadenceDaysFor(contact, settings));
}

/** When a stored row is (or comes back) due; null when it never will (done, dismissed). */
export function reminderDueAt(row: Reminder): number | null {
  if (row.status === 'open') return row.due;
  if (row.status === 'snoozed') return row.snoozedUntil ?? row.due;
  return null;
}

export interface ScheduleInput {
  /** Every contact (archived ones are left out here; reminders about missing contacts too). */
  contacts: readonly Contact[];
  /** Every stored reminder, any status. */
  reminders: readonly Reminder[];
  settings: CadenceSettings;
  now: number;
}

export interface Schedule {
  /** Every pending item, due or not, earliest first (ties by key). */
  items: TicklerItem[];
  /** The items due at `now` (due ≤ now), earliest first: the badge count and the popup list. */
  due: TicklerItem[];
  /** The earliest due moment after `now`, or null when nothing is pending. */
  next: number | null;
}

const byDueThenKey = (a: TicklerItem, b: TicklerItem) => a.due - b.due || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Overlays a stored row (a snooze or an open copy) on a derived item it is about. */
function withRow(item: TicklerItem, row: Reminder | undefined): TicklerItem {
  if (!row) return item;
  const due = reminderDueAt(row);
  return due === null ? item : { ...item, due, notifyKey: `${item.key}@${due}`, reminderId: row.id };
}

/** The row among `rows` (open or snoozed) about the occurrence scheduled for `at`; latest write wins. */
function pendingRowFor(rows: readonly Reminder[], at: number): Reminder | undefined {
  let found: Reminder | undefined;
  for (const row of rows) {
    if (row.due !== at || (row.status !== 'open' && row.status !== 'snoozed')) continue;
    if (!found || row.updatedAt > found.updatedAt || (row.updatedAt === found.updatedAt && row.id > found.id)) found = row;
  }
  return found;
}

/**
 * Everything pending, what is due at `now`, and the next due moment (for the single alarm).
 *
 * - Keep-in-touch (`cadence:<contactId>`), one per active contact, due `cadenceDaysFor` days
 *   after `cadenceAnchor`. Snoozing it stores a 'cadence' row for that round (same `due`);
 *   the row then decides when it comes back. Rows about an earlier round (the contact was
 *   reached since, or the cadence changed) are ignored.
 * - One-off follow-up (`follow-up:<contactId>`) on `contact.nextFollowUp`.
 * - Stored reminders (`reminder:<id>`) other than 'cadence' rows: open ones on `due`, snoozed
 *   ones on `snoozedUntil`; done and dismissed never.
 * Archived contacts and their reminders are left out, as are reminders whose contact is not
 * in `contacts` (deleted); reminders without a contact (backups) are kept.
 */
export function computeSchedule(input: ScheduleInput): Schedule {
  const { contacts, reminders, settings, now } = input;
  const active = new Map<number, Contact>();
  for (const contact of contacts) if (contact.archivedAt === undefined) active.set(contact.id, contact);

  const cadenceRowsByContact = new Map<number, Reminder[]>();
  for (const row of reminders) {
    if (!isCadenceRow(row) || row.contactId === undefined) continue;
    const list = cadenceRowsByContact.get(row.contactId) ?? [];
    list.push(row);
    cadenceRowsByContact.set(row.contactId, list);
  }

  const items: TicklerItem[] = [];
  for (const contact of active.values()) {
    const rows = cadenceRowsByContact.get(contact.id) ?? [];
    const scheduledFor = cadenceDue(contact, rows, settings);
    const key = `cadence:${contact.id}`;
    const base: TicklerItem = {
      key,
      notifyKey: `${key}@${scheduledFor}`,
      source: 'cadence',
      reason: 'cadence',
      contactId: contact.id,
      contactName: contact.name,
      text: cadenceText(contact.name),
      due: scheduledFor,
      scheduledFor,
    };
    items.push(withRow(base, pendingRowFor(rows, scheduledFor)));

    if (contact.nextFollowUp !== undefined) {
      const followKey = `follow-up:${contact.id}`;
      items.push({
        key: followKey,
        notifyKey: `${followKey}@${contact.nextFollowUp}`,
        source: 'follow-up',
        reason: 'follow-up',
        contactId: contact.id,
        contactName: contact.name,
        text: followUpText(contact.name),
        due: contact.nextFollowUp,
        scheduledFor: contact.nextFollowUp,
      });
    }
  }

  for (const row of reminders) {
    if (isCadenceRow(row)) continue;
    const due = reminderDueAt(row);
    if (due === null) continue;
    const contact = row.contactId === undefined ? undefined : active.get(row.contactId);
    if (row.contactId !== undefined && !contact) continue;
    const key = `reminder:${row.id}`;
    items.push({
      key,
      notifyKey: `${key}@${due}`,
      source: 'reminder',
      reason: row.reason,
      ...(contact ? { contactId: contact.id, contactName: contact.name } : {}),
      text: row.text.trim() || defaultReminderText(row.reason, contact?.name),
      due,
      scheduledFor: row.due,
      reminderId: row.id,
    });
  }

  items.sort(byDueThenKey);
  const due = items.filter((item) => item.due <= now);
  const next = items.find((item) => item.due > now)?.due ?? null;
  return { items, due, next };
}

/** The pending item with this key (due or upcoming), for acting on it. */
export function findItem(schedule: Pick<Schedule, 'items'>, key: string): TicklerItem | undefined {
  return schedule.items.find((item) => item.key === key);
}
