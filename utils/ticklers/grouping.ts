// What to notify now: each due occurrence once, one grouped notification when several are
// new at the same time (as after the computer slept), nothing during quiet hours.
import { isQuiet, outsideQuietHours, type QuietHours } from './quiet-hours';
import { REASON_TITLES, followUpsText } from './text';
import type { TicklerItem } from './types';

/** How many item lines a grouped notification's message lists before "and N more". */
export const GROUP_MESSAGE_LINES = 4;

export interface SingleNotification {
  kind: 'single';
  /** Notification id: one per item, so a newer one for the same item replaces the old. */
  id: string;
  key: string;
  notifyKey: string;
  contactId?: number;
  title: string;
  message: string;
}

export interface GroupNotification {
  kind: 'group';
  /** Notification id, unique per group (`tickler-group:<now>`). */
  id: string;
  keys: string[];
  notifyKeys: string[];
  /** e.g. "3 follow-ups due" */
  title: string;
  /** The first lines, then "and N more". */
  message: string;
  /** One line per item, for notification types that list items (Chrome's 'list'). */
  lines: string[];
}

export type PlannedNotification = SingleNotification | GroupNotification;

export interface NotificationPlan {
  /** Zero or one notification for a wake: one single, or one group. */
  notifications: PlannedNotification[];
  /** The notified set to persist: still-due occurrences already notified, plus those notified now. */
  notified: string[];
  /** When quiet hours hold back due items: the moment they end (wake then); else null. */
  heldUntil: number | null;
}

export function singleNotification(item: TicklerItem): SingleNotification {
  return {
    kind: 'single',
    id: `tickler:${item.key}`,
    key: item.key,
    notifyKey: item.notifyKey,
    ...(item.contactId !== undefined ? { contactId: item.contactId } : {}),
    title: REASON_TITLES[item.reason],
    message: item.text,
  };
}

export function groupNotification(items: readonly TicklerItem[], now: number): GroupNotification {
  const lines = items.map((item) => item.text);
  const shown = lines.length > GROUP_MESSAGE_LINES ? lines.slice(0, GROUP_MESSAGE_LINES - 1) : lines;
  const rest = lines.length - shown.length;
  return {
    kind: 'group',
    id: `tickler-group:${now}`,
    keys: items.map((item) => item.key),
    notifyKeys: items.map((item) => item.notifyKey),
    title: `${followUpsText(items.length)} due`,
    message: [...shown, ...(rest > 0 ? [`and ${rest} more`] : [])].join('\n'),
    lines,
  };
}

/**
 * Only the notified occurrences that are still due: once an item is done, snoozed or moved
 * its occurrence key is gone for good, so the persisted set stays as small as the due list.
 */
export function pruneNotified(notified: Iterable<string>, due: readonly TicklerItem[]): string[] {
  const current = new Set(due.map((item) => item.notifyKey));
  return [...new Set(notified)].filter((key) => current.has(key));
}

export interface NotificationInput {
  /** The items due now (`computeSchedule(...).due`). */
  due: readonly TicklerItem[];
  /** Occurrence keys (`notifyKey`) already notified, as persisted by the worker. */
  notified: Iterable<string>;
  quietHours: QuietHours;
  now: number;
}

/**
 * What to notify at `now`. Occurrences already notified are never notified again; one new
 * item gives one single notification, several give ONE grouped notification. During quiet
 * hours nothing is notified and `heldUntil` says when to try again.
 */
export function planNotifications(input: NotificationInput): NotificationPlan {
  const { due, quietHours, now } = input;
  const notified = pruneNotified(input.notified, due);
  const seen = new Set(notified);
  const fresh = due.filter((item) => !seen.has(item.notifyKey));
  if (fresh.length === 0) return { notifications: [], notified, heldUntil: null };
  if (isQuiet(now, quietHours)) return { notifications: [], notified, heldUntil: outsideQuietHours(now, quietHours) };
  const notification = fresh.length === 1 ? singleNotification(fresh[0]!) : groupNotification(fresh, now);
  return { notifications: [notification], notified: [...notified, ...fresh.map((item) => item.notifyKey)], heldUntil: null };
}
