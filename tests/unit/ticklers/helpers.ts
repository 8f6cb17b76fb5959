// Builders for the tickler tests. Time is always passed explicitly (`now`); the unit run is
// in Europe/Stockholm (vitest.config.ts), where 2026-03-29 02:00 → 03:00 and 2026-10-25
// 03:00 → 02:00, so local-time arithmetic is tested across real daylight-saving changes.
import { toDateTimeInput } from '../../../utils/dates';
import { Contact } from '../../../utils/model/contact';
import { Interaction } from '../../../utils/model/interaction';
import { Reminder } from '../../../utils/model/reminder';
import { Settings } from '../../../utils/model/settings';

export const MINUTE = 60 * 1000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** A local wall-clock time (month 1-based, for readability). */
export const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
/** "2026-03-29T09:30" in local time. */
export const wall = (at: number | null | undefined) => (at === null || at === undefined ? at : toDateTimeInput(at));

/** A mid-winter moment far from any DST change, as a default creation time. */
export const T0 = local(2026, 1, 5, 10, 0);

let nextId = 1000;
const id = () => ++nextId;

export function contact(fields: Partial<Contact> & { name?: string } = {}): Contact {
  return Contact.parse({ id: id(), name: 'Ada Lovelace', createdAt: T0, updatedAt: T0, ...fields });
}

export function reminder(fields: Partial<Reminder> & Pick<Reminder, 'reason' | 'due'>): Reminder {
  return Reminder.parse({ id: id(), createdAt: T0, updatedAt: T0, ...fields });
}

export function interaction(fields: Partial<Interaction> & Pick<Interaction, 'contactId' | 'kind' | 'when'>): Interaction {
  return Interaction.parse({ id: id(), createdAt: fields.when, updatedAt: fields.when, ...fields });
}

/** The default settings with some fields replaced. */
export function settings(fields: Partial<Settings> = {}): Settings {
  return { ...Settings.parse({}), ...fields };
}

export const quiet = (startHour: number, endHour: number, enabled = true) => ({ enabled, startHour, endHour });
