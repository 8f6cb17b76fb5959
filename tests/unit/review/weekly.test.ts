// The weekly review's week math, in Europe/Stockholm (the unit run's zone): weeks start on
// Monday 00:00 local time, across the DST changes of 2026 (29 March, 25 October) and across
// the turn of the year.
import { describe, expect, it } from 'vitest';
import { toDateTimeInput } from '../../../utils/dates';
import type { InteractionKind } from '../../../utils/model/interaction';
import type { Reminder } from '../../../utils/model/reminder';
import {
  CONVERSATION_KINDS,
  countWeeks,
  isConversation,
  isFollowUpDone,
  newContactAt,
  weekBounds,
  weekIndex,
  weekLabel,
  weekRangeLabel,
  weekStart,
} from '../../../utils/review/weekly';
import { INTERACTION_KINDS } from '../../../utils/model/interaction';

const HOUR = 60 * 60 * 1000;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const wall = (at: number) => toDateTimeInput(at);

describe('weekStart', () => {
  it('is the Monday 00:00 of the week, from any day and time in it', () => {
    for (let day = 16; day <= 22; day++) expect(wall(weekStart(local(2026, 3, day, 13, 45)))).toBe('2026-03-16T00:00');
    expect(wall(weekStart(local(2026, 3, 22, 23, 59)))).toBe('2026-03-16T00:00');
    expect(wall(weekStart(local(2026, 3, 23, 0, 0)))).toBe('2026-03-23T00:00');
  });

  it('is local midnight in the week the clocks go forward (a 167-hour week)', () => {
    // Sunday 29 March 2026 at 12:00 summer time: the week began on Monday 23 March, winter time.
    expect(wall(weekStart(local(2026, 3, 29, 12)))).toBe('2026-03-23T00:00');
    const [start, end] = weekBounds(local(2026, 3, 29, 12), 1);
    expect(end! - start!).toBe(167 * HOUR);
    expect(wall(end!)).toBe('2026-03-30T00:00');
  });

  it('is local midnight in the week the clocks go back (a 169-hour week)', () => {
    // 02:30 on 25 October 2026 happens twice; both are in the week of Monday 19 October.
    const late = local(2026, 10, 25, 2, 30);
    expect(wall(weekStart(late))).toBe('2026-10-19T00:00');
    expect(wall(weekStart(late + HOUR))).toBe('2026-10-19T00:00');
    const [start, end] = weekBounds(late, 1);
    expect(end! - start!).toBe(169 * HOUR);
  });

  it('crosses the turn of the year', () => {
    // Thursday 1 January 2026 is in the week of Monday 29 December 2025.
    expect(wall(weekStart(local(2026, 1, 1, 9)))).toBe('2025-12-29T00:00');
    expect(wall(weekStart(local(2026, 1, 4, 23, 59)))).toBe('2025-12-29T00:00');
    expect(wall(weekStart(local(2026, 1, 5)))).toBe('2026-01-05T00:00');
  });
});

describe('weekBounds', () => {
  it('gives N weeks ending with the current one, each starting on a local Monday midnight', () => {
    const now = local(2026, 4, 8, 10); // Wednesday, after the spring change
    const bounds = weekBounds(now, 12);
    expect(bounds).toHaveLength(13);
    expect(bounds.map(wall)).toEqual([
      '2026-01-19T00:00',
      '2026-01-26T00:00',
      '2026-02-02T00:00',
      '2026-02-09T00:00',
      '2026-02-16T00:00',
      '2026-02-23T00:00',
      '2026-03-02T00:00',
      '2026-03-09T00:00',
      '2026-03-16T00:00',
      '2026-03-23T00:00',
      '2026-03-30T00:00',
      '2026-04-06T00:00',
      '2026-04-13T00:00',
    ]);
    for (const bound of bounds) expect(new Date(bound).getDay()).toBe(1);
  });

  it('spans the year boundary', () => {
    const bounds = weekBounds(local(2026, 1, 14, 12), 4);
    expect(bounds.map(wall)).toEqual([
      '2025-12-22T00:00',
      '2025-12-29T00:00',
      '2026-01-05T00:00',
      '2026-01-12T00:00',
      '2026-01-19T00:00',
    ]);
  });

  it('refuses a number of weeks that is not a positive integer', () => {
    expect(() => weekBounds(local(2026, 1, 14), 0)).toThrow(RangeError);
    expect(() => weekBounds(local(2026, 1, 14), 1.5)).toThrow(RangeError);
  });
});

describe('weekIndex', () => {
  const bounds = weekBounds(local(2026, 3, 31, 12), 3); // weeks of 16, 23 and 30 March

  it('puts each instant in its week; the boundaries belong to the later week', () => {
    expect(weekIndex(local(2026, 3, 16), bounds)).toBe(0);
    expect(weekIndex(local(2026, 3, 22, 23, 59), bounds)).toBe(0);
    expect(weekIndex(local(2026, 3, 23), bounds)).toBe(1);
    expect(weekIndex(local(2026, 3, 29, 3, 0), bounds)).toBe(1); // just after the spring jump
    expect(weekIndex(local(2026, 3, 30) - 1, bounds)).toBe(1);
    expect(weekIndex(local(2026, 3, 30), bounds)).toBe(2);
  });

  it('is -1 outside the weeks', () => {
    expect(weekIndex(local(2026, 3, 16) - 1, bounds)).toBe(-1);
    expect(weekIndex(local(2026, 4, 6), bounds)).toBe(-1);
    expect(weekIndex(Number.NaN, bounds)).toBe(-1);
  });
});

describe('what counts', () => {
  it('counts spoken conversations, not written messages or unknown kinds', () => {
    expect([...CONVERSATION_KINDS].sort()).toEqual(['call', 'event', 'informational-interview', 'meeting', 'video-call']);
    const not: InteractionKind[] = ['email', 'linkedin-message', 'other'];
    for (const kind of INTERACTION_KINDS) expect(isConversation(kind), kind).toBe(!not.includes(kind));
  });

  it('counts done reminders with a completion time, whatever the reason but backups', () => {
    const row = (over: Partial<Reminder>) => ({ status: 'done' as const, reason: 'follow-up' as const, completedAt: 5, ...over });
    expect(isFollowUpDone(row({}))).toBe(true);
    expect(isFollowUpDone(row({ reason: 'commitment' }))).toBe(true);
    expect(isFollowUpDone(row({ reason: 'cadence' }))).toBe(true);
    expect(isFollowUpDone(row({ reason: 'backup' }))).toBe(false);
    expect(isFollowUpDone(row({ status: 'open' }))).toBe(false);
    expect(isFollowUpDone(row({ status: 'dismissed' }))).toBe(false);
    expect(isFollowUpDone(row({ status: 'snoozed' }))).toBe(false);
    expect(isFollowUpDone({ status: 'done', reason: 'follow-up' })).toBe(false);
  });
});

describe('countWeeks', () => {
  it('buckets contacts by creation, conversations by date and follow-ups by completion, across the DST and year changes', () => {
    const now = local(2026, 1, 2, 12); // Friday 2 January 2026
    const bounds = weekBounds(now, 3); // weeks of 15 Dec, 22 Dec, 29 Dec
    const weeks = countWeeks({
      bounds,
      contacts: [
        { createdAt: local(2025, 12, 15, 0, 0) },
        { createdAt: local(2025, 12, 31, 23, 59) },
        { createdAt: local(2026, 1, 1, 0, 1) },
        { createdAt: local(2025, 12, 14, 23, 59) }, // before the weeks
      ],
      interactions: [
        { when: local(2025, 12, 22, 9), kind: 'meeting' },
        { when: local(2025, 12, 28, 23, 59), kind: 'call' },
        { when: local(2025, 12, 23, 9), kind: 'email' }, // not a conversation
        { when: local(2026, 1, 2, 8), kind: 'informational-interview' },
        { when: local(2026, 1, 5, 8), kind: 'meeting' }, // next week: not yet
      ],
      reminders: [
        { status: 'done', reason: 'follow-up', completedAt: local(2025, 12, 29) },
        { status: 'done', reason: 'commitment', completedAt: local(2025, 12, 21, 23, 59) },
        { status: 'open', reason: 'follow-up' },
        { status: 'done', reason: 'backup', completedAt: local(2025, 12, 30) },
      ],
    });
    expect(weeks).toEqual([
      { start: local(2025, 12, 15), newContacts: 1, conversations: 0, followUps: 1 },
      { start: local(2025, 12, 22), newContacts: 0, conversations: 2, followUps: 0 },
      { start: local(2025, 12, 29), newContacts: 2, conversations: 1, followUps: 1 },
    ]);
  });

  it('counts a conversation at 02:30 on the night the clocks go back in its own week', () => {
    const bounds = weekBounds(local(2026, 10, 27, 12), 2); // weeks of 19 and 26 October
    const twice = local(2026, 10, 25, 2, 30);
    const weeks = countWeeks({
      bounds,
      contacts: [],
      interactions: [
        { when: twice, kind: 'call' },
        { when: twice + HOUR, kind: 'call' },
        { when: local(2026, 10, 26, 0, 0), kind: 'call' },
      ],
      reminders: [],
    });
    expect(weeks.map((w) => w.conversations)).toEqual([2, 1]);
  });

  it('gives zero weeks for a new user', () => {
    const weeks = countWeeks({ bounds: weekBounds(local(2026, 5, 5), 12), contacts: [], interactions: [], reminders: [] });
    expect(weeks).toHaveLength(12);
    expect(weeks.every((w) => w.newContacts + w.conversations + w.followUps === 0)).toBe(true);
  });
});

describe('labels', () => {
  it('name a week by its Monday, and its range Monday to Sunday', () => {
    expect(weekLabel(local(2025, 9, 15))).toBe('Sep 15');
    expect(weekRangeLabel(local(2025, 12, 29))).toBe('Dec 29 – Jan 4');
  });
});

describe('newContactAt', () => {
  it('is when a contact was added by hand', () => {
    expect(newContactAt({ createdAt: 100 })).toBe(100);
    expect(newContactAt({ createdAt: 100, howWeMet: { date: 5 } })).toBe(100);
  });

  it("is an imported contact's meeting date from its file, or never", () => {
    expect(newContactAt({ createdAt: 100, importedAt: 100, howWeMet: { date: 5 } })).toBe(5);
    expect(newContactAt({ createdAt: 100, importedAt: 100 })).toBeUndefined();
    expect(newContactAt({ createdAt: 100, importedAt: 100, howWeMet: {} })).toBeUndefined();
  });

  it('is what countWeeks counts', () => {
    const bounds = weekBounds(local(2026, 3, 31, 12), 2); // weeks of 23 and 30 March
    const weeks = countWeeks({
      bounds,
      contacts: [
        { createdAt: local(2026, 3, 31) },
        { createdAt: local(2026, 3, 31), importedAt: local(2026, 3, 31) },
        { createdAt: local(2026, 3, 31), importedAt: local(2026, 3, 31), howWeMet: { date: local(2026, 3, 24) } },
      ],
      interactions: [],
      reminders: [],
    });
    expect(weeks.map((w) => w.newContacts)).toEqual([1, 1]);
  });
});
