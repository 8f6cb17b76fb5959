// What to notify: each due occurrence once; one single notification for one new item, ONE
// grouped notification when several are new together; nothing during quiet hours.
import { describe, expect, it } from 'vitest';
import type { Reminder } from '../../../utils/model/reminder';
import {
  GROUP_MESSAGE_LINES,
  computeSchedule,
  planNotifications,
  pruneNotified,
  type TicklerItem,
} from '../../../utils/ticklers';
import { HOUR, MINUTE, contact, local, quiet, reminder, settings } from './helpers';

const NOW = local(2026, 2, 15, 12);
const off = quiet(21, 8, false);
const people = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra', 'Barbara Liskov', 'Donald Knuth'].map((name) =>
  contact({ name, cadenceDays: 3650 }),
);
const due = (reminders: Reminder[], now = NOW) => computeSchedule({ contacts: people, reminders, settings: settings(), now }).due;
const followUp = (i: number, at: number, extra: Partial<Reminder> = {}) =>
  reminder({ reason: 'follow-up', contactId: people[i]!.id, due: at, ...extra });

describe('planNotifications', () => {
  it('one new item: one single notification, titled by its reason', () => {
    const r = reminder({ reason: 'thank-you', contactId: people[0]!.id, due: NOW - MINUTE });
    const items = due([r]);
    const plan = planNotifications({ due: items, notified: [], quietHours: off, now: NOW });
    expect(plan.notifications).toEqual([
      {
        kind: 'single',
        id: `tickler:reminder:${r.id}`,
        key: `reminder:${r.id}`,
        notifyKey: items[0]!.notifyKey,
        contactId: people[0]!.id,
        title: 'Send a thank-you note',
        message: 'Send a thank-you note to Ada Lovelace',
      },
    ]);
    expect(plan.notified).toEqual([items[0]!.notifyKey]);
    expect(plan.heldUntil).toBeNull();
  });

  it('several due together: ONE grouped notification naming them', () => {
    const items = due([followUp(0, NOW - HOUR), followUp(1, NOW - MINUTE), followUp(2, NOW)]);
    const plan = planNotifications({ due: items, notified: [], quietHours: off, now: NOW });
    expect(plan.notifications).toEqual([
      {
        kind: 'group',
        id: `tickler-group:${NOW}`,
        keys: items.map((i) => i.key),
        notifyKeys: items.map((i) => i.notifyKey),
        title: '3 follow-ups due',
        message: 'Follow up with Ada Lovelace\nFollow up with Grace Hopper\nFollow up with Alan Turing',
        lines: ['Follow up with Ada Lovelace', 'Follow up with Grace Hopper', 'Follow up with Alan Turing'],
      },
    ]);
    expect(plan.notified.sort()).toEqual(items.map((i) => i.notifyKey).sort());
  });

  it('a long group lists the first few and says how many more', () => {
    const items = due(people.map((_, i) => followUp(i, NOW - i * MINUTE)));
    const [group] = planNotifications({ due: items, notified: [], quietHours: off, now: NOW }).notifications;
    expect(group).toMatchObject({ kind: 'group', title: '6 follow-ups due' });
    if (group?.kind !== 'group') throw new Error('expected a group');
    const lines = group.message.split('\n');
    expect(lines).toHaveLength(GROUP_MESSAGE_LINES);
    expect(lines.at(-1)).toBe(`and ${6 - (GROUP_MESSAGE_LINES - 1)} more`);
    expect(group.lines).toHaveLength(6);
  });

  it('never repeats an occurrence already notified, however often it is asked', () => {
    const items = due([followUp(0, NOW - HOUR), followUp(1, NOW - MINUTE)]);
    let notified: string[] = [];
    const first = planNotifications({ due: items, notified, quietHours: off, now: NOW });
    expect(first.notifications).toHaveLength(1);
    notified = first.notified;
    for (let wake = 1; wake <= 5; wake++) {
      const again = planNotifications({ due: items, notified, quietHours: off, now: NOW + wake * MINUTE });
      expect(again.notifications).toEqual([]);
      expect(again.notified.sort()).toEqual([...notified].sort());
      notified = again.notified;
    }
  });

  it('a later wake with one new item: one single notification for it alone', () => {
    const earlier = [followUp(0, NOW - HOUR), followUp(1, NOW - HOUR)];
    const first = planNotifications({ due: due(earlier), notified: [], quietHours: off, now: NOW });
    expect(first.notifications[0]!.kind).toBe('group');
    const later = NOW + 3 * HOUR;
    const newcomer = followUp(2, later - MINUTE);
    const plan = planNotifications({ due: due([...earlier, newcomer], later), notified: first.notified, quietHours: off, now: later });
    expect(plan.notifications).toMatchObject([{ kind: 'single', key: `reminder:${newcomer.id}`, title: 'Follow up' }]);
    expect(plan.notified).toHaveLength(3);
  });

  it('a snoozed item that comes back is a new occurrence: notified again', () => {
    const r = followUp(0, NOW - HOUR);
    const first = planNotifications({ due: due([r]), notified: [], quietHours: off, now: NOW });
    const snoozed = { ...r, status: 'snoozed' as const, snoozedUntil: NOW + HOUR };
    const back = planNotifications({ due: due([snoozed], NOW + HOUR), notified: first.notified, quietHours: off, now: NOW + HOUR });
    expect(back.notifications).toMatchObject([{ kind: 'single', key: `reminder:${r.id}` }]);
    expect(back.notified).toEqual([`reminder:${r.id}@${NOW + HOUR}`]);
  });

  it('holds everything during quiet hours, then delivers it grouped when they end', () => {
    const night = quiet(21, 8);
    const reminders = [followUp(0, local(2026, 2, 15, 21, 30)), followUp(1, local(2026, 2, 16, 2, 0)), followUp(2, local(2026, 2, 16, 6, 0))];
    const at = local(2026, 2, 16, 6, 30);
    const held = planNotifications({ due: due(reminders, at), notified: [], quietHours: night, now: at });
    expect(held.notifications).toEqual([]);
    expect(held.notified).toEqual([]);
    expect(held.heldUntil).toBe(local(2026, 2, 16, 8, 0));
    const morning = planNotifications({ due: due(reminders, held.heldUntil!), notified: held.notified, quietHours: night, now: held.heldUntil! });
    expect(morning.notifications).toMatchObject([{ kind: 'group', title: '3 follow-ups due' }]);
    expect(morning.heldUntil).toBeNull();
  });

  it('quiet hours with nothing new to say hold nothing', () => {
    const items = due([followUp(0, NOW - HOUR)]);
    const plan = planNotifications({ due: items, notified: [items[0]!.notifyKey], quietHours: quiet(0, 23), now: NOW });
    expect(plan).toEqual({ notifications: [], notified: [items[0]!.notifyKey], heldUntil: null });
  });
});

describe('pruneNotified', () => {
  it('keeps only occurrences still due, once each', () => {
    const items: TicklerItem[] = due([followUp(0, NOW - HOUR)]);
    const key = items[0]!.notifyKey;
    expect(pruneNotified([key, key, 'reminder:1@5', 'cadence:3@9'], items)).toEqual([key]);
    expect(pruneNotified(new Set([key]), [])).toEqual([]);
  });
});
