// One call for the background worker at every wake (alarm, start, after a write): what is
// due, what to notify, what to remember as notified, and when to wake next.
import type { Contact } from '../model/contact';
import type { Reminder } from '../model/reminder';
import type { Settings } from '../model/settings';
import { planNotifications, type PlannedNotification } from './grouping';
import { outsideQuietHours } from './quiet-hours';
import { computeSchedule, type Schedule } from './schedule';

export interface WakeInput {
  contacts: readonly Contact[];
  reminders: readonly Reminder[];
  settings: Pick<Settings, 'cadenceDaysByType' | 'quietHours'>;
  /** Occurrence keys already notified (persisted across worker restarts). */
  notified: Iterable<string>;
  now: number;
}

export interface WakePlan {
  schedule: Schedule;
  /** The toolbar badge: how many items are due. */
  badge: number;
  /** Show these now (zero or one). */
  notifications: PlannedNotification[];
  /** Persist this as the new notified set. */
  notified: string[];
  /**
   * When the single alarm should fire next, or null when nothing is pending: the next due
   * moment moved out of quiet hours, or the end of the quiet hours holding due items back.
   */
  alarmAt: number | null;
}

export function planWake(input: WakeInput): WakePlan {
  const { settings, now } = input;
  const schedule = computeSchedule(input);
  const plan = planNotifications({ due: schedule.due, notified: input.notified, quietHours: settings.quietHours, now });
  const candidates: number[] = [];
  if (schedule.next !== null) candidates.push(outsideQuietHours(schedule.next, settings.quietHours));
  if (plan.heldUntil !== null) candidates.push(plan.heldUntil);
  return {
    schedule,
    badge: schedule.due.length,
    notifications: plan.notifications,
    notified: plan.notified,
    alarmAt: candidates.length > 0 ? Math.min(...candidates) : null,
  };
}
