// Plain data shared by the tickler (follow-up reminder) modules. Nothing here touches a
// browser API or the store: the background worker reads rows, passes them in, writes back
// what comes out.
import type { ContactPatch } from '../model/contact';
import type { Reminder } from '../model/reminder';

export type ReminderReason = Reminder['reason'];

/** A reminder row to add, as the rules produce it: the worker stamps createdAt/updatedAt. */
export type ReminderDraft = Omit<Reminder, 'id' | 'createdAt' | 'updatedAt'>;

/** A complete row to add (the store assigns the id). */
export type NewReminder = Omit<Reminder, 'id'>;

/** Where a pending item comes from. */
export type ItemSource =
  /** Keep-in-touch: derived from the contact's cadence and its last contact. */
  | 'cadence'
  /** The contact's one-off `nextFollowUp` date. */
  | 'follow-up'
  /** A stored reminder row (thank-you, referral thanks, commitment, backup, ...). */
  | 'reminder';

/** Something the user should do, now or later. */
export interface TicklerItem {
  /**
   * Stable identity of the item across recomputations: `cadence:<contactId>`,
   * `follow-up:<contactId>`, `reminder:<reminderId>`. Use it for the popup and for actions.
   */
  key: string;
  /**
   * Identity of this occurrence, `<key>@<due>`: it changes when the item is snoozed, when a
   * new keep-in-touch cycle starts or when the date is edited. Notifications are
   * de-duplicated on it, so a snoozed item that comes back is notified again.
   */
  notifyKey: string;
  source: ItemSource;
  reason: ReminderReason;
  contactId?: number;
  contactName?: string;
  text: string;
  /** When it is (or was) due, after any snooze: what the user sees and what is notified. */
  due: number;
  /** The underlying date before any snooze: the row's `due`, the cycle date, `nextFollowUp`. */
  scheduledFor: number;
  /** The stored row behind the item, if any (always set for source 'reminder'). */
  reminderId?: number;
}

/** A write the worker performs for an action; several may come together. */
export type TicklerWrite =
  | { kind: 'update-reminder'; reminder: Reminder }
  | { kind: 'insert-reminder'; reminder: NewReminder }
  | { kind: 'update-contact'; contactId: number; patch: Pick<ContactPatch, 'nextFollowUp'> };

/** What the user did to an item (from a notification button, the popup or a page). */
export type ItemAction = { type: 'done' } | { type: 'snooze'; until: number } | { type: 'dismiss' };
