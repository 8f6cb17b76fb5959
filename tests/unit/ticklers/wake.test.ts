// The worker's one call per wake: badge, notifications, the notified set to keep, and the
// single alarm for the next moment (moved out of quiet hours).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../utils/dates';
import type { Reminder } from '../../../utils/model/reminder';
import { planWake, type WakeInput } from '../../../utils/ticklers';
import { HOUR, MINUTE, contact, local, quiet, reminder, settings, wall } from './helpers';

const ada = contact({ name: 'Ada Lovelace', cadenceDays: 3650 });
const grace = contact({ name: 'Grace Hopper', cadenceDays: 3650 });
const alan = contact({ name: 'Alan Turing', cadenceDays: 3650 });
const calm = settings({ quietHours: quiet(21, 8, false) });
const nights = settings({ quietHours: quiet(21, 8) });

const wake = (reminders: Reminder[], now: number, notified: string[] = [], s = calm) =>
  planWake({ contacts: [ada, grace, alan], reminders, settings: s, notified, now } satisfies WakeInput);

describe('planWake', () => {
  it('sets the alarm for the next due moment, and raises the notification when it comes', () => {
    const at = local(2026, 2, 16, 10, 0);
    const r = reminder({ reason: 'commitment', contactId: ada.id, due: at, text: 'Send Ada the slides' });
    const before = wake([r], at - HOUR);
    expect(before).toMatchObject({ badge: 0, notifications: [], notified: [], alarmAt: at });
    const then = wake([r], at, before.notified);
    expect(then.badge).toBe(1);
    expect(then.notifications).toMatchObject([{ kind: 'single', title: 'Commitment due', message: 'Send Ada the slides' }]);
    // Nothing else pending but the ten-year keep-in-touch cadences.
    expect(then.alarmAt).toBe(addDays(ada.createdAt, 3650));
  });

  it('moves an alarm that would fall in quiet hours to their end, across the spring change', () => {
    const r = reminder({ reason: 'follow-up', contactId: ada.id, due: local(2026, 3, 28, 23, 15) });
    const plan = wake([r], local(2026, 3, 28, 18, 0), [], nights);
    expect(wall(plan.alarmAt)).toBe('2026-03-29T08:00');
    expect(plan.notifications).toEqual([]);
  });

  it('holds items due during quiet hours and wakes when they end', () => {
    const r = reminder({ reason: 'follow-up', contactId: ada.id, due: local(2026, 2, 16, 22, 0) });
    const night = wake([r], local(2026, 2, 16, 22, 0), [], nights);
    expect(night.badge).toBe(1);
    expect(night.notifications).toEqual([]);
    expect(wall(night.alarmAt)).toBe('2026-02-17T08:00');
    const morning = wake([r], night.alarmAt!, night.notified, nights);
    expect(morning.notifications).toMatchObject([{ kind: 'single', key: `reminder:${r.id}` }]);
  });

  it('after the computer slept: what was missed arrives once, grouped; a later new item alone', () => {
    const evening = local(2026, 2, 16, 18, 0);
    const reminders = [
      reminder({ reason: 'thank-you', contactId: ada.id, due: local(2026, 2, 16, 19, 0) }),
      reminder({ reason: 'referral-thanks', contactId: grace.id, due: local(2026, 2, 17, 9, 0) }),
      reminder({ reason: 'commitment', contactId: alan.id, due: local(2026, 2, 17, 11, 0) }),
      reminder({ reason: 'follow-up', contactId: ada.id, due: local(2026, 2, 17, 15, 0) }),
    ];
    const sleep = wake(reminders, evening);
    expect(wall(sleep.alarmAt)).toBe('2026-02-16T19:00');
    // The lid closes; the alarm fires late, at 11:30 the next morning.
    const woke = wake(reminders, local(2026, 2, 17, 11, 30), sleep.notified);
    expect(woke.badge).toBe(3);
    expect(woke.notifications).toHaveLength(1);
    expect(woke.notifications[0]).toMatchObject({ kind: 'group', title: '3 follow-ups due' });
    expect(wall(woke.alarmAt)).toBe('2026-02-17T15:00');
    // The worker restarts (it dies every 30 s): nothing is notified twice.
    const restarted = wake(reminders, local(2026, 2, 17, 11, 31), woke.notified);
    expect(restarted.notifications).toEqual([]);
    expect(restarted.badge).toBe(3);
    // At 15:00 the last one comes, alone.
    const later = wake(reminders, local(2026, 2, 17, 15, 0), restarted.notified);
    expect(later.notifications).toMatchObject([{ kind: 'single', key: `reminder:${reminders[3]!.id}` }]);
    expect(later.notified).toHaveLength(4);
  });

  it('keeps the notified set down to what is still due', () => {
    const r = reminder({ reason: 'follow-up', contactId: ada.id, due: local(2026, 2, 16, 9, 0) });
    const first = wake([r], local(2026, 2, 16, 9, 1));
    expect(first.notified).toHaveLength(1);
    const done = { ...r, status: 'done' as const, completedAt: local(2026, 2, 16, 9, 2) };
    expect(wake([done], local(2026, 2, 16, 9, 3), first.notified).notified).toEqual([]);
  });

  it('has no alarm when nothing is pending at all', () => {
    const plan = planWake({ contacts: [], reminders: [], settings: nights, notified: ['cadence:1@5'], now: local(2026, 2, 16) });
    expect(plan).toMatchObject({ badge: 0, notifications: [], notified: [], alarmAt: null });
  });

  it('the alarm is always in the future', () => {
    const base = local(2026, 2, 16, 20, 0);
    const reminders = Array.from({ length: 12 }, (_, i) => reminder({ reason: 'other', due: base + i * 37 * MINUTE }));
    let notified: string[] = [];
    for (let now = base - HOUR; now < base + 14 * HOUR; now += 13 * MINUTE) {
      const plan = wake(reminders, now, notified, nights);
      notified = plan.notified;
      if (plan.alarmAt !== null) expect(plan.alarmAt).toBeGreaterThan(now);
    }
  });
});
