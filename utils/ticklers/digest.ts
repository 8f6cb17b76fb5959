// The opt-in daily digest: one notification at a chosen hour, "3 follow-ups due today".
import { addDays, startOfDay } from '../dates';
import type { Settings } from '../model/settings';
import { atLocalHour } from './quiet-hours';
import { followUpsText } from './text';
import type { TicklerItem } from './types';

export interface Digest {
  /** Items due by the end of the local day of `now` (overdue ones included), earliest first. */
  items: TicklerItem[];
  overdue: number;
  /** "3 follow-ups due today" */
  title: string;
  /** The items' texts, one a line; overdue ones first (they are earliest). */
  message: string;
}

/**
 * The digest for the local day of `now`, from the pending items (`computeSchedule(...).items`):
 * everything due before tomorrow's midnight, counting as overdue what was due before today.
 * Null when nothing is due today: no digest then.
 */
export function dailyDigest(items: readonly TicklerItem[], now: number): Digest | null {
  const today = startOfDay(now);
  const tomorrow = addDays(today, 1);
  const todays = items.filter((item) => item.due < tomorrow).sort((a, b) => a.due - b.due);
  if (todays.length === 0) return null;
  const overdue = todays.filter((item) => item.due < today).length;
  const title = `${followUpsText(todays.length)} due today${overdue > 0 ? ` (${overdue} overdue)` : ''}`;
  return { items: todays, overdue, title, message: todays.map((item) => item.text).join('\n') };
}

/** The next digest moment strictly after `now`: the local `digest.hour`:00, today or tomorrow. */
export function nextDigestAt(digest: Settings['digest'], now: number): number | null {
  if (!digest.enabled) return null;
  const today = atLocalHour(now, digest.hour);
  return today > now ? today : atLocalHour(addDays(startOfDay(now), 1), digest.hour);
}
