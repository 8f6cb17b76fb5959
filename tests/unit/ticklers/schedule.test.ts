// What is due now and what comes next: keep-in-touch cadences, one-off follow-ups and stored
// reminders, with fake time passed as `now`.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../utils/dates';
import { DEFAULT_CADENCE_DAYS } from '../../../utils/model/settings';
import { cadenceAnchor, cadenceDaysFor, computeSchedule, findItem, type ScheduleInput } from '../../../utils/ticklers';
import { DAY, HOUR, T0, contact, local, reminder, settings, wall } from './helpers';

const defaults = settings();
const schedule = (input: Partial<ScheduleInput> & Pick<ScheduleInput, 'now'>) =>
  computeSchedule({ contacts: [], reminders: [], settings: defaults, ...input });
const keys = (items: { key: string }[]) => items.map((item) => item.key);

describe('keep-in-touch cadence', () => {
  it('defaults by contact type: close contacts 30 days, peers 90, untyped 365', () => {
    expect(cadenceDaysFor({ type: 'friend-family' }, defaults)).toBe(30);
    expect(cadenceDaysFor({ type: 'mentor' }, defaults)).toBe(30);
    expect(cadenceDaysFor({ type: 'recruiter' }, defaults)).toBe(60);
    expect(cadenceDaysFor({ type: 'peer' }, defaults)).toBe(90);
    expect(cadenceDaysFor({ type: 'alumni' }, defaults)).toBe(180);
    expect(cadenceDaysFor({}, defaults)).toBe(365);
    expect(defaults.cadenceDaysByType).toEqual(DEFAULT_CADENCE_DAYS);
  });

  it('follows the settings, and a custom type the settings do not list follows "other", else 365', () => {
    const edited = settings({ cadenceDaysByType: { ...DEFAULT_CADENCE_DAYS, peer: 45, other: 200 } });
    expect(cadenceDaysFor({ type: 'peer' }, edited)).toBe(45);
    expect(cadenceDaysFor({ type: 'investor' }, edited)).toBe(200);
    expect(cadenceDaysFor({}, edited)).toBe(200);
    expect(cadenceDaysFor({ type: 'investor' }, settings({ cadenceDaysByType: { peer: 90 } }))).toBe(365);
  });

  it('is overridden per contact', () => {
    expect(cadenceDaysFor({ type: 'friend-family', cadenceDays: 14 }, defaults)).toBe(14);
    expect(cadenceDaysFor({ cadenceDays: 700 }, defaults)).toBe(700);
  });

  it('comes due that many days after the contact was added when never contacted', () => {
    const peer = contact({ type: 'peer' });
    const before = schedule({ contacts: [peer], now: addDays(T0, 89) });
    expect(before.due).toEqual([]);
    expect(before.next).toBe(addDays(T0, 90));
    const after = schedule({ contacts: [peer], now: addDays(T0, 90) });
    expect(after.due).toEqual([
      {
        key: `cadence:${peer.id}`,
        notifyKey: `cadence:${peer.id}@${addDays(T0, 90)}`,
        source: 'cadence',
        reason: 'cadence',
        contactId: peer.id,
        contactName: 'Ada Lovelace',
        text: 'Keep in touch with Ada Lovelace',
        due: addDays(T0, 90),
        scheduledFor: addDays(T0, 90),
      },
    ]);
    expect(after.next).toBeNull();
  });

  it('restarts from the last contact: the default for the type, or the contact’s own cadence', () => {
    const last = local(2026, 2, 20, 16, 45);
    const friend = contact({ type: 'friend-family', lastContacted: last });
    const override = contact({ type: 'friend-family', lastContacted: last, cadenceDays: 7 });
    const result = schedule({ contacts: [friend, override], now: last + HOUR });
    expect(result.items.map((item) => [item.key, wall(item.due)])).toEqual([
      [`cadence:${override.id}`, '2026-02-27T16:45'],
      [`cadence:${friend.id}`, '2026-03-22T16:45'],
    ]);
    expect(result.next).toBe(local(2026, 2, 27, 16, 45));
  });

  it('is measured from the latest of last contact, last completed keep-in-touch and creation', () => {
    const c = contact({ type: 'friend-family', lastContacted: local(2026, 1, 10, 9) });
    const done = reminder({ reason: 'cadence', contactId: c.id, due: local(2026, 2, 9, 9), status: 'done', completedAt: local(2026, 2, 12, 11) });
    expect(cadenceAnchor(c, [done])).toBe(local(2026, 2, 12, 11));
    expect(cadenceAnchor({ ...c, lastContacted: local(2026, 2, 14, 8) }, [done])).toBe(local(2026, 2, 14, 8));
    // Rows of another contact or reason, or not done, don't count.
    const others = [
      { ...done, contactId: c.id + 1 },
      { ...done, reason: 'follow-up' as const },
      { ...done, status: 'open' as const },
    ];
    expect(cadenceAnchor(c, others)).toBe(local(2026, 1, 10, 9));
    const fresh = contact({ createdAt: local(2026, 3, 1, 12), lastContacted: local(2025, 6, 1, 12) });
    expect(cadenceAnchor(fresh, [])).toBe(local(2026, 3, 1, 12));
  });

  it('keeps the local clock time across the March change', () => {
    const c = contact({ cadenceDays: 30, lastContacted: local(2026, 3, 20, 10, 0) });
    const { items } = schedule({ contacts: [c], now: local(2026, 3, 21) });
    expect(wall(items[0]!.due)).toBe('2026-04-19T10:00');
    expect(items[0]!.due - local(2026, 3, 20, 10, 0)).toBe(30 * DAY - HOUR);
  });

  it('keeps the local clock time across the October change', () => {
    const c = contact({ type: 'friend-family', lastContacted: local(2026, 10, 1, 18, 30) });
    const { items } = schedule({ contacts: [c], now: local(2026, 10, 2) });
    expect(wall(items[0]!.due)).toBe('2026-10-31T18:30');
    expect(items[0]!.due - local(2026, 10, 1, 18, 30)).toBe(30 * DAY + HOUR);
  });

  it('a snoozed round comes back at the end of the snooze; a row about an older round is ignored', () => {
    const c = contact({ type: 'friend-family', lastContacted: local(2026, 2, 1, 10) });
    const round = local(2026, 3, 3, 10);
    const snoozed = reminder({ reason: 'cadence', contactId: c.id, due: round, status: 'snoozed', snoozedUntil: local(2026, 3, 5, 10) });
    const during = schedule({ contacts: [c], reminders: [snoozed], now: local(2026, 3, 4, 10) });
    expect(during.due).toEqual([]);
    expect(during.next).toBe(local(2026, 3, 5, 10));
    const back = schedule({ contacts: [c], reminders: [snoozed], now: local(2026, 3, 5, 10) });
    expect(back.due).toMatchObject([
      { key: `cadence:${c.id}`, due: local(2026, 3, 5, 10), scheduledFor: round, reminderId: snoozed.id, notifyKey: `cadence:${c.id}@${local(2026, 3, 5, 10)}` },
    ]);
    // Reached since: a new round starts from that contact and the old snooze no longer applies.
    const reached = { ...c, lastContacted: local(2026, 3, 4, 12) };
    const later = schedule({ contacts: [reached], reminders: [snoozed], now: local(2026, 3, 6) });
    expect(later.due).toEqual([]);
    expect(later.items).toMatchObject([{ key: `cadence:${c.id}`, due: local(2026, 4, 3, 12) }]);
    expect(later.items[0]!.reminderId).toBeUndefined();
  });

  it('stored keep-in-touch rows never show up as reminders of their own', () => {
    const c = contact({ type: 'peer' });
    const stale = reminder({ reason: 'cadence', contactId: c.id, due: local(2025, 1, 1), status: 'open' });
    const { items } = schedule({ contacts: [c], reminders: [stale], now: local(2026, 2, 1) });
    expect(keys(items)).toEqual([`cadence:${c.id}`]);
  });
});

describe('one-off follow-ups', () => {
  it('comes due on the contact’s next follow-up date', () => {
    const at = local(2026, 2, 20, 9);
    const c = contact({ nextFollowUp: at, cadenceDays: 3650 });
    expect(schedule({ contacts: [c], now: at - 1 }).next).toBe(at);
    const due = schedule({ contacts: [c], now: at }).due;
    expect(due).toMatchObject([
      { key: `follow-up:${c.id}`, notifyKey: `follow-up:${c.id}@${at}`, source: 'follow-up', reason: 'follow-up', contactId: c.id, text: 'Follow up with Ada Lovelace', due: at },
    ]);
  });
});

describe('stored reminders', () => {
  const c = contact({ cadenceDays: 3650 });
  const now = local(2026, 2, 15, 12);

  it('open ones are due on their date; future ones set the next moment', () => {
    const past = reminder({ reason: 'commitment', contactId: c.id, due: now - HOUR, text: 'Send her the article' });
    const exact = reminder({ reason: 'thank-you', contactId: c.id, due: now });
    const future = reminder({ reason: 'referral-thanks', contactId: c.id, due: now + 2 * HOUR });
    const result = schedule({ contacts: [c], reminders: [future, exact, past], now });
    expect(keys(result.due)).toEqual([`reminder:${past.id}`, `reminder:${exact.id}`]);
    expect(result.due[0]).toMatchObject({ source: 'reminder', reason: 'commitment', text: 'Send her the article', reminderId: past.id, contactName: 'Ada Lovelace' });
    expect(result.next).toBe(now + 2 * HOUR);
  });

  it('a snoozed one comes back when the snooze ends, and not before', () => {
    const r = reminder({ reason: 'commitment', contactId: c.id, due: now - DAY, status: 'snoozed', snoozedUntil: now + HOUR });
    const during = schedule({ contacts: [c], reminders: [r], now });
    expect(during.due).toEqual([]);
    expect(during.next).toBe(now + HOUR);
    const back = schedule({ contacts: [c], reminders: [r], now: now + HOUR });
    expect(back.due).toMatchObject([{ key: `reminder:${r.id}`, due: now + HOUR, scheduledFor: now - DAY, notifyKey: `reminder:${r.id}@${now + HOUR}` }]);
  });

  it('done and dismissed ones are never due, however old', () => {
    const done = reminder({ reason: 'commitment', contactId: c.id, due: now - 30 * DAY, status: 'done', completedAt: now - DAY });
    const dismissed = reminder({ reason: 'thank-you', contactId: c.id, due: now - DAY, status: 'dismissed' });
    const doneFuture = reminder({ reason: 'other', due: now + DAY, status: 'done', completedAt: now });
    for (const at of [now, now + 400 * DAY]) {
      const result = schedule({ contacts: [], reminders: [done, dismissed, doneFuture], now: at });
      expect(result.items).toEqual([]);
      expect(result.next).toBeNull();
    }
  });

  it('keeps those without a contact (backups), leaves out those whose contact is gone', () => {
    const backup = reminder({ reason: 'backup', due: now - HOUR });
    const orphan = reminder({ reason: 'commitment', contactId: 999_999, due: now - HOUR });
    const result = schedule({ contacts: [c], reminders: [backup, orphan], now });
    expect(keys(result.due)).toEqual([`reminder:${backup.id}`]);
    expect(result.due[0]!.text).toBe('Export a backup of your Rapport data');
    expect(result.due[0]!.contactId).toBeUndefined();
  });

  it('an empty text gets one from its reason and contact', () => {
    const r = reminder({ reason: 'thank-you', contactId: c.id, due: now, text: '  ' });
    expect(schedule({ contacts: [c], reminders: [r], now }).due[0]!.text).toBe('Send a thank-you note to Ada Lovelace');
  });
});

describe('archived contacts', () => {
  it('are left out with their cadence, follow-up and reminders', () => {
    const gone = contact({ type: 'friend-family', nextFollowUp: local(2026, 1, 20), archivedAt: local(2026, 1, 6) });
    const r = reminder({ reason: 'commitment', contactId: gone.id, due: local(2026, 1, 20) });
    const now = local(2027, 1, 1);
    const result = schedule({ contacts: [gone], reminders: [r], now });
    expect(result.items).toEqual([]);
    expect(result.next).toBeNull();
    const restored = { ...gone, archivedAt: undefined };
    delete restored.archivedAt;
    expect(keys(schedule({ contacts: [restored], reminders: [r], now }).due).sort()).toEqual(
      [`cadence:${gone.id}`, `follow-up:${gone.id}`, `reminder:${r.id}`].sort(),
    );
  });
});

describe('the due list and the next moment', () => {
  it('lists what is due earliest first, and the next moment is the earliest after now', () => {
    const now = local(2026, 6, 1, 12);
    const a = contact({ cadenceDays: 10, lastContacted: now - 12 * DAY });
    const b = contact({ nextFollowUp: now - 5 * DAY, cadenceDays: 3650 });
    const r1 = reminder({ reason: 'other', due: now - HOUR, text: 'Stretch' });
    const r2 = reminder({ reason: 'other', due: now + 3 * HOUR });
    const r3 = reminder({ reason: 'other', due: now + 2 * HOUR, status: 'snoozed', snoozedUntil: now + 90 * 60 * 1000 });
    const result = schedule({ contacts: [a, b], reminders: [r2, r1, r3], now });
    expect(keys(result.due)).toEqual([`follow-up:${b.id}`, `cadence:${a.id}`, `reminder:${r1.id}`]);
    expect(result.next).toBe(now + 90 * 60 * 1000);
    expect(result.items.map((item) => item.due)).toEqual([...result.items.map((item) => item.due)].sort((x, y) => x - y));
    expect(findItem(result, `reminder:${r2.id}`)?.due).toBe(now + 3 * HOUR);
    expect(findItem(result, 'reminder:1')).toBeUndefined();
  });

  it('is the same for the same data (stable keys), and null when nothing is pending', () => {
    const now = local(2026, 6, 1, 12);
    const input = { contacts: [contact({ type: 'peer' }), contact({ type: 'mentor' })], reminders: [], now };
    expect(schedule(input)).toEqual(schedule(input));
    expect(schedule({ now }).next).toBeNull();
    expect(schedule({ now }).due).toEqual([]);
  });
});
