// Local-time calendar arithmetic. The unit run sets TZ=Europe/Stockholm (vitest.config.ts
// `test.env`, which vitest hands to each worker process it starts), so these tests cross
// real daylight-saving changes: 2026-03-29 02:00 → 03:00 and 2026-10-25 03:00 → 02:00.
import { describe, expect, it } from 'vitest';
import { addDays, addMonths, calendarDaysBetween, fromDateInput, startOfDay, toDateInput, toDateTimeInput } from '../../utils/dates';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
/** A local wall-clock time (month 1-based, for readability). */
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const wall = (at: number) => toDateTimeInput(at);

describe('the time zone of the unit run', () => {
  it('is Europe/Stockholm, with daylight saving in effect in the worker', () => {
    expect(process.env.TZ).toBe('Europe/Stockholm');
    // Winter time (UTC+1) on 28 March 2026, summer time (UTC+2) from 29 March.
    expect(new Date(2026, 2, 28, 12).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 2, 29, 12).getTimezoneOffset()).toBe(-120);
    expect(new Date(2026, 9, 26, 12).getTimezoneOffset()).toBe(-60);
    // So the DST days really are 23 and 25 hours long.
    expect(local(2026, 3, 30) - local(2026, 3, 29)).toBe(23 * HOUR);
    expect(local(2026, 10, 26) - local(2026, 10, 25)).toBe(25 * HOUR);
  });
});

describe('addDays', () => {
  it('keeps the clock time across the spring change (a 23-hour day)', () => {
    const before = local(2026, 3, 28, 9, 30);
    const after = addDays(before, 1);
    expect(wall(after)).toBe('2026-03-29T09:30');
    expect(after - before).toBe(23 * HOUR);
    // Adding 24 hours would have landed on 10:30.
    expect(after).not.toBe(before + DAY);
    expect(wall(addDays(local(2026, 3, 25, 9, 30), 7))).toBe('2026-04-01T09:30');
  });

  it('keeps the clock time across the autumn change (a 25-hour day)', () => {
    const before = local(2026, 10, 24, 9, 30);
    const after = addDays(before, 1);
    expect(wall(after)).toBe('2026-10-25T09:30');
    expect(after - before).toBe(25 * HOUR);
    expect(wall(addDays(local(2026, 10, 22, 18, 0), 7))).toBe('2026-10-29T18:00');
  });

  it('goes backwards, over month and year ends, and 0 days is the same instant', () => {
    expect(wall(addDays(local(2026, 11, 1, 8, 15), -7))).toBe('2026-10-25T08:15');
    expect(wall(addDays(local(2026, 4, 1, 8, 15), -7))).toBe('2026-03-25T08:15');
    expect(wall(addDays(local(2026, 12, 31, 23, 0), 1))).toBe('2027-01-01T23:00');
    expect(wall(addDays(local(2028, 2, 28, 12), 1))).toBe('2028-02-29T12:00');
    const at = local(2026, 3, 29, 4, 5);
    expect(addDays(at, 0)).toBe(at);
  });
});

describe('addMonths', () => {
  it('clamps to the last day of a shorter month', () => {
    expect(wall(addMonths(local(2026, 1, 31, 10), 1))).toBe('2026-02-28T10:00');
    expect(wall(addMonths(local(2028, 1, 31, 10), 1))).toBe('2028-02-29T10:00');
    expect(wall(addMonths(local(2026, 8, 31, 10), 1))).toBe('2026-09-30T10:00');
    expect(wall(addMonths(local(2026, 1, 31, 10), 13))).toBe('2027-02-28T10:00');
    expect(wall(addMonths(local(2026, 3, 31, 10), -1))).toBe('2026-02-28T10:00');
    expect(wall(addMonths(local(2028, 2, 29, 10), 12))).toBe('2029-02-28T10:00');
  });

  it('keeps the day of the month when it exists, across year ends', () => {
    expect(wall(addMonths(local(2026, 12, 15, 10), 1))).toBe('2027-01-15T10:00');
    expect(wall(addMonths(local(2026, 1, 15, 10), -1))).toBe('2025-12-15T10:00');
    expect(wall(addMonths(local(2026, 1, 28, 10), 1))).toBe('2026-02-28T10:00');
    expect(wall(addMonths(local(2026, 5, 10, 10), 0))).toBe('2026-05-10T10:00');
  });

  it('keeps the clock time across daylight-saving changes', () => {
    expect(wall(addMonths(local(2026, 3, 15, 9, 30), 1))).toBe('2026-04-15T09:30');
    expect(wall(addMonths(local(2026, 3, 31, 9, 30), 1))).toBe('2026-04-30T09:30');
    expect(wall(addMonths(local(2026, 10, 15, 9, 30), 1))).toBe('2026-11-15T09:30');
  });
});

describe('startOfDay and calendarDaysBetween', () => {
  it('startOfDay is local midnight, also on the DST days', () => {
    expect(wall(startOfDay(local(2026, 3, 29, 15, 45)))).toBe('2026-03-29T00:00');
    expect(wall(startOfDay(local(2026, 10, 25, 23, 59)))).toBe('2026-10-25T00:00');
  });

  it('counts calendar days, not 24-hour periods, across the spring change', () => {
    // One hour apart, but on two calendar days.
    expect(calendarDaysBetween(local(2026, 3, 28, 23, 30), local(2026, 3, 29, 0, 30))).toBe(1);
    // 22 hours apart on the same (23-hour) day.
    expect(calendarDaysBetween(local(2026, 3, 29, 0, 30), local(2026, 3, 29, 23, 30))).toBe(0);
    expect(calendarDaysBetween(local(2026, 3, 28, 12), local(2026, 4, 4, 12))).toBe(7);
    expect(calendarDaysBetween(local(2026, 3, 28, 1), local(2026, 4, 4, 23))).toBe(7);
  });

  it('counts calendar days across the autumn change, and backwards', () => {
    expect(calendarDaysBetween(local(2026, 10, 25, 0, 0), local(2026, 10, 26, 0, 0))).toBe(1);
    expect(calendarDaysBetween(local(2026, 10, 25, 0, 10), local(2026, 10, 25, 23, 50))).toBe(0);
    expect(calendarDaysBetween(local(2026, 10, 24, 12), local(2026, 10, 31, 12))).toBe(7);
    expect(calendarDaysBetween(local(2026, 10, 31, 12), local(2026, 10, 24, 12))).toBe(-7);
    expect(calendarDaysBetween(local(2026, 1, 1), local(2027, 1, 1))).toBe(365);
    expect(calendarDaysBetween(local(2028, 1, 1), local(2029, 1, 1))).toBe(366);
  });

  it('agrees with addDays on every day of 2026', () => {
    const start = local(2026, 1, 1, 7, 45);
    for (let n = 0; n <= 365; n++) expect(calendarDaysBetween(start, addDays(start, n)), `day ${n}`).toBe(n);
  });
});

describe('date inputs', () => {
  it('format in local time, zero-padded', () => {
    expect(toDateInput(local(2026, 11, 22, 14, 5))).toBe('2026-11-22');
    expect(toDateTimeInput(local(2026, 3, 5, 9, 7))).toBe('2026-03-05T09:07');
    // 00:30 in Stockholm is still the previous day in UTC.
    const justAfterMidnight = local(2026, 3, 29, 0, 30);
    expect(new Date(justAfterMidnight).toISOString().slice(0, 10)).toBe('2026-03-28');
    expect(toDateInput(justAfterMidnight)).toBe('2026-03-29');
  });

  it('parse a date at the given hour (9 by default), a datetime at its clock time', () => {
    expect(fromDateInput('2026-11-22')).toBe(local(2026, 11, 22, 9));
    expect(fromDateInput('2026-11-22', 0)).toBe(local(2026, 11, 22, 0));
    expect(fromDateInput('2026-11-22T14:05')).toBe(local(2026, 11, 22, 14, 5));
    expect(fromDateInput(' 2026-11-22 ')).toBe(local(2026, 11, 22, 9));
    expect(fromDateInput('2028-02-29')).toBe(local(2028, 2, 29, 9));
    expect(fromDateInput('2026-11-22T00:00')).toBe(local(2026, 11, 22, 0, 0));
    expect(fromDateInput('2026-11-22T23:59')).toBe(local(2026, 11, 22, 23, 59));
  });

  it('round-trip with the formatters, on and around the DST days', () => {
    for (const at of [local(2026, 3, 29, 0, 30), local(2026, 3, 29, 3, 0), local(2026, 10, 25, 1, 15), local(2026, 10, 25, 12), local(2026, 12, 31, 23, 59)]) {
      expect(fromDateInput(toDateTimeInput(at))).toBe(at);
      expect(toDateInput(fromDateInput(toDateInput(at))!)).toBe(toDateInput(at));
    }
  });

  it('a clock time inside the spring gap lands on that day, after the gap', () => {
    const at = fromDateInput('2026-03-29T02:30');
    expect(at).not.toBeNull();
    expect(toDateInput(at!)).toBe('2026-03-29');
    expect(wall(at!)).toBe('2026-03-29T03:30');
  });

  it.each([
    ['30 February', '2026-02-30'],
    ['29 February of a common year', '2026-02-29'],
    ['31 April', '2026-04-31'],
    ['month 13', '2026-13-01'],
    ['month 0', '2026-00-10'],
    ['day 0', '2026-05-00'],
    ['hour 24', '2026-11-22T24:00'],
    ['minute 60', '2026-11-22T12:60'],
    ['minute 75', '2026-11-22T12:75'],
    ['a two-digit-era year', '0050-01-01'],
    ['single-digit month and day', '2026-1-5'],
    ['a European date', '22/11/2026'],
    ['a space instead of T', '2026-11-22 14:05'],
    ['seconds', '2026-11-22T14:05:30'],
    ['a dangling T', '2026-11-22T'],
    ['an ISO instant', '2026-11-22T14:05Z'],
    ['an expanded year', '+02026-11-22'],
    ['words', 'tomorrow'],
    ['garbage', '2026-xx-22'],
    ['nothing', ''],
  ])('reject %s (%j)', (_name, value) => {
    expect(fromDateInput(value)).toBeNull();
  });
});
