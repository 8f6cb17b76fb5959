// Done, snooze and dismiss as pure state transitions, and the writes for acting on stored and
// derived items: snoozed items come back, keep-in-touch recurs after done, done and
// dismissed never come back.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../utils/dates';
import { Reminder } from '../../../utils/model/reminder';
import {
  applyItemAction,
  computeSchedule,
  dismiss,
  findItem,
  markDone,
  reopen,
  snooze,
  snoozeUntil,
  type NewReminder,
  type TicklerWrite,
} from '../../../utils/ticklers';
import { DAY, HOUR, MINUTE, contact, local, reminder, settings, wall } from './helpers';

const NOW = local(2026, 2, 15, 12);

describe('transitions on a stored reminder', () => {
  const open = reminder({ reason: 'commitment', contactId: 1, due: NOW - HOUR, updatedAt: NOW - DAY });

  it('done sets completedAt and drops a snooze', () => {
    const snoozed = snooze(open, NOW + HOUR, NOW - MINUTE);
    const done = markDone(snoozed, NOW);
    expect(done).toEqual({ ...open, status: 'done', completedAt: NOW, updatedAt: NOW });
    expect('snoozedUntil' in done).toBe(false);
    expect(Reminder.parse(done)).toEqual(done);
  });

  it('snooze sets the time it comes back, and must be later than now', () => {
    expect(snooze(open, NOW + 2 * HOUR, NOW)).toEqual({ ...open, status: 'snoozed', snoozedUntil: NOW + 2 * HOUR, updatedAt: NOW });
    expect(() => snooze(open, NOW, NOW)).toThrow(RangeError);
    expect(() => snooze(open, NOW - 1, NOW)).toThrow(RangeError);
  });

  it('dismiss and reopen clear completion and snooze; nothing goes back in time', () => {
    const done = markDone(open, NOW);
    expect(dismiss(done, NOW + 1)).toEqual({ ...open, status: 'dismissed', updatedAt: NOW + 1 });
    expect(reopen(done, NOW + 1)).toEqual({ ...open, status: 'open', updatedAt: NOW + 1 });
    // A clock set back never makes updatedAt go backwards.
    expect(markDone(open, NOW - 2 * DAY).updatedAt).toBe(NOW - DAY);
    // The input is not modified.
    expect(open.status).toBe('open');
  });
});

describe('snooze length from the settings', () => {
  it('whole days are calendar days: the same clock time across the March and October changes', () => {
    const day = settings({ snoozeMinutes: 24 * 60 });
    const march = local(2026, 3, 28, 9, 30);
    expect(wall(snoozeUntil(day, march))).toBe('2026-03-29T09:30');
    expect(snoozeUntil(day, march) - march).toBe(23 * HOUR);
    const october = local(2026, 10, 24, 9, 30);
    expect(wall(snoozeUntil(settings({ snoozeMinutes: 2 * 24 * 60 }), october))).toBe('2026-10-26T09:30');
  });

  it('other lengths are exact minutes', () => {
    expect(snoozeUntil(settings({ snoozeMinutes: 90 }), NOW)).toBe(NOW + 90 * MINUTE);
    const night = local(2026, 3, 29, 1, 30);
    expect(wall(snoozeUntil(settings({ snoozeMinutes: 60 }), night))).toBe('2026-03-29T03:30');
  });
});

/** Applies the writes to in-memory rows, as the worker would to the store. */
function applyWrites(writes: TicklerWrite[], state: { contacts: ReturnType<typeof contact>[]; reminders: Reminder[] }) {
  let nextId = 5000 + state.reminders.length;
  for (const write of writes) {
    if (write.kind === 'update-reminder') state.reminders = state.reminders.map((r) => (r.id === write.reminder.id ? write.reminder : r));
    else if (write.kind === 'insert-reminder') state.reminders = [...state.reminders, Reminder.parse({ ...write.reminder, id: ++nextId })];
    else {
      state.contacts = state.contacts.map((c) => {
        if (c.id !== write.contactId) return c;
        const next = { ...c };
        if (write.patch.nextFollowUp === null || write.patch.nextFollowUp === undefined) delete next.nextFollowUp;
        else next.nextFollowUp = write.patch.nextFollowUp;
        return next;
      });
    }
  }
  return state;
}

describe('acting on a stored reminder', () => {
  const c = contact({ cadenceDays: 3650 });

  it('snoozed, it comes back due at the end of the snooze, as a new occurrence', () => {
    const r = reminder({ reason: 'thank-you', contactId: c.id, due: NOW - HOUR });
    let state = { contacts: [c], reminders: [r] };
    const item = computeSchedule({ ...state, settings: settings(), now: NOW }).due[0]!;
    const writes = applyItemAction(item, { type: 'snooze', until: NOW + DAY }, { reminders: state.reminders, now: NOW });
    expect(writes).toEqual([{ kind: 'update-reminder', reminder: { ...r, status: 'snoozed', snoozedUntil: NOW + DAY, updatedAt: NOW } }]);
    state = applyWrites(writes, state);
    expect(computeSchedule({ ...state, settings: settings(), now: NOW + DAY - 1 }).due).toEqual([]);
    const back = computeSchedule({ ...state, settings: settings(), now: NOW + DAY }).due;
    expect(back).toMatchObject([{ key: item.key, due: NOW + DAY }]);
    expect(back[0]!.notifyKey).not.toBe(item.notifyKey);
  });

  it('done or dismissed, it is never due again', () => {
    for (const type of ['done', 'dismiss'] as const) {
      const r = reminder({ reason: 'commitment', contactId: c.id, due: NOW - HOUR });
      const state = { contacts: [c], reminders: [r] };
      const item = findItem(computeSchedule({ ...state, settings: settings(), now: NOW }), `reminder:${r.id}`)!;
      applyWrites(applyItemAction(item, { type }, { reminders: state.reminders, now: NOW }), state);
      expect(state.reminders[0]!.status).toBe(type === 'done' ? 'done' : 'dismissed');
      for (const at of [NOW, NOW + 1000 * DAY]) {
        expect(computeSchedule({ ...state, settings: settings(), now: at }).items.map((i) => i.key), type).not.toContain(item.key);
      }
    }
  });

  it('throws when the row is gone', () => {
    const r = reminder({ reason: 'commitment', contactId: c.id, due: NOW - HOUR });
    const item = computeSchedule({ contacts: [c], reminders: [r], settings: settings(), now: NOW }).due[0]!;
    expect(() => applyItemAction(item, { type: 'done' }, { reminders: [], now: NOW })).toThrow(/no reminder/);
  });
});

describe('acting on keep-in-touch', () => {
  const c = contact({ type: 'friend-family', lastContacted: local(2026, 1, 10, 10) });
  const round = local(2026, 2, 9, 10);

  it('done stores a done row for the round, and the clock restarts from it: it recurs', () => {
    let state = { contacts: [c], reminders: [] as Reminder[] };
    const item = computeSchedule({ ...state, settings: settings(), now: NOW }).due[0]!;
    expect(item).toMatchObject({ key: `cadence:${c.id}`, due: round });
    const writes = applyItemAction(item, { type: 'done' }, { reminders: state.reminders, now: NOW });
    const expected: NewReminder = {
      contactId: c.id,
      reason: 'cadence',
      text: 'Keep in touch with Ada Lovelace',
      due: round,
      status: 'done',
      completedAt: NOW,
      createdAt: NOW,
      updatedAt: NOW,
    };
    expect(writes).toEqual([{ kind: 'insert-reminder', reminder: expected }]);
    state = applyWrites(writes, state);
    const after = computeSchedule({ ...state, settings: settings(), now: NOW + HOUR });
    expect(after.due).toEqual([]);
    expect(after.next).toBe(addDays(NOW, 30));
    // 30 days later it is due again, and done again it comes back 30 days after that.
    const again = computeSchedule({ ...state, settings: settings(), now: addDays(NOW, 30) }).due[0]!;
    expect(again.key).toBe(item.key);
    state = applyWrites(applyItemAction(again, { type: 'done' }, { reminders: state.reminders, now: addDays(NOW, 31) }), state);
    expect(computeSchedule({ ...state, settings: settings(), now: addDays(NOW, 31) }).next).toBe(addDays(NOW, 61));
    expect(state.reminders.filter((r) => r.status === 'done')).toHaveLength(2);
  });

  it('snoozed, it comes back at the end of the snooze; then done updates the same row', () => {
    let state = { contacts: [c], reminders: [] as Reminder[] };
    const item = computeSchedule({ ...state, settings: settings(), now: NOW }).due[0]!;
    state = applyWrites(applyItemAction(item, { type: 'snooze', until: NOW + 2 * DAY }, { reminders: state.reminders, now: NOW }), state);
    expect(state.reminders).toMatchObject([{ reason: 'cadence', contactId: c.id, due: round, status: 'snoozed', snoozedUntil: NOW + 2 * DAY }]);
    expect(computeSchedule({ ...state, settings: settings(), now: NOW + DAY }).due).toEqual([]);
    const back = computeSchedule({ ...state, settings: settings(), now: NOW + 2 * DAY }).due[0]!;
    expect(back).toMatchObject({ key: item.key, due: NOW + 2 * DAY, reminderId: state.reminders[0]!.id });
    const writes = applyItemAction(back, { type: 'done' }, { reminders: state.reminders, now: NOW + 2 * DAY });
    expect(writes.map((w) => w.kind)).toEqual(['update-reminder']);
    state = applyWrites(writes, state);
    expect(state.reminders).toHaveLength(1);
    expect(computeSchedule({ ...state, settings: settings(), now: NOW + 2 * DAY }).next).toBe(addDays(NOW + 2 * DAY, 30));
  });

  it('dismissed, this round is skipped and the next one comes a full cadence later', () => {
    let state = { contacts: [c], reminders: [] as Reminder[] };
    const item = computeSchedule({ ...state, settings: settings(), now: NOW }).due[0]!;
    state = applyWrites(applyItemAction(item, { type: 'dismiss' }, { reminders: state.reminders, now: NOW }), state);
    expect(state.reminders).toMatchObject([{ reason: 'cadence', status: 'dismissed', due: round }]);
    const after = computeSchedule({ ...state, settings: settings(), now: NOW });
    expect(after.due).toEqual([]);
    expect(after.next).toBe(addDays(NOW, 30));
  });
});

describe('acting on a one-off follow-up', () => {
  const at = local(2026, 2, 14, 9);
  const c = contact({ nextFollowUp: at, cadenceDays: 3650 });
  const item = () => findItem(computeSchedule({ contacts: [c], reminders: [], settings: settings(), now: NOW }), `follow-up:${c.id}`)!;

  it('snooze moves the follow-up date; it comes back then', () => {
    const writes = applyItemAction(item(), { type: 'snooze', until: NOW + DAY }, { reminders: [], now: NOW });
    expect(writes).toEqual([{ kind: 'update-contact', contactId: c.id, patch: { nextFollowUp: NOW + DAY } }]);
    const state = applyWrites(writes, { contacts: [c], reminders: [] });
    expect(computeSchedule({ ...state, settings: settings(), now: NOW }).due).toEqual([]);
    expect(computeSchedule({ ...state, settings: settings(), now: NOW + DAY }).due.map((i) => i.key)).toEqual([`follow-up:${c.id}`]);
    expect(() => applyItemAction(item(), { type: 'snooze', until: NOW }, { reminders: [], now: NOW })).toThrow(RangeError);
  });

  it('done clears it and records a done follow-up; dismiss just clears it; neither comes back', () => {
    const done = applyItemAction(item(), { type: 'done' }, { reminders: [], now: NOW });
    expect(done).toEqual([
      { kind: 'update-contact', contactId: c.id, patch: { nextFollowUp: null } },
      {
        kind: 'insert-reminder',
        reminder: { contactId: c.id, reason: 'follow-up', text: 'Follow up with Ada Lovelace', due: at, status: 'done', completedAt: NOW, createdAt: NOW, updatedAt: NOW },
      },
    ]);
    const dismissed = applyItemAction(item(), { type: 'dismiss' }, { reminders: [], now: NOW });
    expect(dismissed).toEqual([{ kind: 'update-contact', contactId: c.id, patch: { nextFollowUp: null } }]);
    for (const writes of [done, dismissed]) {
      const state = applyWrites(writes, { contacts: [c], reminders: [] });
      expect(computeSchedule({ ...state, settings: settings(), now: NOW + 100 * DAY }).items.map((i) => i.key)).toEqual([`cadence:${c.id}`]);
    }
  });
});
