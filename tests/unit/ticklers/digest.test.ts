// The daily digest: "3 follow-ups due today", from the items due by the end of the local day.
import { describe, expect, it } from 'vitest';
import { computeSchedule, dailyDigest, nextDigestAt } from '../../../utils/ticklers';
import { HOUR, contact, local, reminder, settings, wall } from './helpers';

const ada = contact({ name: 'Ada Lovelace', cadenceDays: 3650 });
const grace = contact({ name: 'Grace Hopper', cadenceDays: 3650 });
const items = (reminders: ReturnType<typeof reminder>[], now: number) =>
  computeSchedule({ contacts: [ada, grace], reminders, settings: settings(), now }).items;

describe('dailyDigest', () => {
  const morning = local(2026, 2, 16, 8, 0);

  it('counts what is due today, also later today, and not tomorrow', () => {
    const reminders = [
      reminder({ reason: 'thank-you', contactId: ada.id, due: local(2026, 2, 16, 7, 0) }),
      reminder({ reason: 'commitment', contactId: grace.id, due: local(2026, 2, 16, 15, 0), text: 'Send Grace the article' }),
      reminder({ reason: 'follow-up', contactId: grace.id, due: local(2026, 2, 16, 23, 59) }),
      reminder({ reason: 'follow-up', contactId: ada.id, due: local(2026, 2, 17, 0, 0) }),
    ];
    const digest = dailyDigest(items(reminders, morning), morning)!;
    expect(digest.title).toBe('3 follow-ups due today');
    expect(digest.overdue).toBe(0);
    expect(digest.message).toBe('Send a thank-you note to Ada Lovelace\nSend Grace the article\nFollow up with Grace Hopper');
    expect(digest.items.map((i) => i.key)).toEqual(reminders.slice(0, 3).map((r) => `reminder:${r.id}`));
  });

  it('says how many are overdue, and speaks of one in the singular', () => {
    const overdue = reminder({ reason: 'follow-up', contactId: ada.id, due: local(2026, 2, 14, 9, 0) });
    expect(dailyDigest(items([overdue], morning), morning)!.title).toBe('1 follow-up due today (1 overdue)');
    const today = reminder({ reason: 'follow-up', contactId: grace.id, due: local(2026, 2, 16, 9, 0) });
    expect(dailyDigest(items([overdue, today], morning), morning)!.title).toBe('2 follow-ups due today (1 overdue)');
    expect(dailyDigest(items([today], morning), morning)!.title).toBe('1 follow-up due today');
  });

  it('is null when nothing is due today', () => {
    expect(dailyDigest([], morning)).toBeNull();
    const tomorrow = reminder({ reason: 'follow-up', contactId: ada.id, due: local(2026, 2, 17, 9, 0) });
    expect(dailyDigest(items([tomorrow], morning), morning)).toBeNull();
  });

  it('uses the local day on the 25-hour day of the autumn change', () => {
    const sunday = local(2026, 10, 25, 8, 0);
    const late = reminder({ reason: 'follow-up', contactId: ada.id, due: local(2026, 10, 25, 23, 30) });
    const monday = reminder({ reason: 'follow-up', contactId: grace.id, due: local(2026, 10, 26, 0, 0) });
    // 23:30 that day is 24.5 hours after its midnight: "midnight + 24 h" would leave it out.
    expect(late.due - local(2026, 10, 25)).toBe(24.5 * HOUR);
    expect(dailyDigest(items([late, monday], sunday), sunday)!.items.map((i) => i.key)).toEqual([`reminder:${late.id}`]);
  });
});

describe('nextDigestAt', () => {
  it('is the chosen hour today if still ahead, else tomorrow; null when the digest is off', () => {
    expect(nextDigestAt({ enabled: false, hour: 8 }, local(2026, 2, 16, 7))).toBeNull();
    expect(wall(nextDigestAt({ enabled: true, hour: 8 }, local(2026, 2, 16, 7, 59)))).toBe('2026-02-16T08:00');
    expect(wall(nextDigestAt({ enabled: true, hour: 8 }, local(2026, 2, 16, 8, 0)))).toBe('2026-02-17T08:00');
    expect(wall(nextDigestAt({ enabled: true, hour: 0 }, local(2026, 12, 31, 12)))).toBe('2027-01-01T00:00');
  });

  it('keeps the chosen clock time across the daylight-saving changes', () => {
    const march = local(2026, 3, 28, 9, 0);
    expect(wall(nextDigestAt({ enabled: true, hour: 8 }, march))).toBe('2026-03-29T08:00');
    expect(nextDigestAt({ enabled: true, hour: 8 }, march)! - march).toBe(22 * HOUR);
    const october = local(2026, 10, 24, 9, 0);
    expect(nextDigestAt({ enabled: true, hour: 8 }, october)! - october).toBe(24 * HOUR);
  });
});
