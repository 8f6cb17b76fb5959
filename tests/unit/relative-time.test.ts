// Relative dates as the card shows them, counted in local calendar days (the unit run is in
// Europe/Stockholm, see vitest.config.ts).
import { describe, expect, it } from 'vitest';
import { addDays } from '../../utils/dates';
import { compactAge, daysAgoText, dueText } from '../../utils/relative-time';

const local = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = local(2026, 6, 15, 12);
const daysBefore = (n: number) => addDays(NOW, -n);
const daysAfter = (n: number) => addDays(NOW, n);

/** The span a text stands for, in days, so texts can be compared. */
function spanOf(text: string): number {
  const match = /^(\d+) (day|week|month|year)s? ago$|^(\d+)(d|w|mo|y)$/.exec(text);
  if (!match) throw new Error(`not an age: ${text}`);
  const n = Number(match[1] ?? match[3]);
  const unit = match[2] ?? match[4];
  return n * { day: 1, d: 1, week: 7, w: 7, month: 30.44, mo: 30.44, year: 365.25, y: 365.25 }[unit!]!;
}

describe('daysAgoText', () => {
  it.each([
    [0, 'today'],
    [1, 'yesterday'],
    [2, '2 days ago'],
    [13, '13 days ago'],
    [14, '2 weeks ago'],
    [20, '2 weeks ago'],
    [21, '3 weeks ago'],
    [60, '8 weeks ago'],
    [61, '2 months ago'],
    [200, '6 months ago'],
    [730, '23 months ago'],
    [731, '2 years ago'],
    [1_100, '3 years ago'],
  ])('%i days before is "%s"', (days, text) => {
    expect(daysAgoText(daysBefore(days), NOW)).toBe(text);
  });

  it('counts calendar days: late yesterday is yesterday, early today is today', () => {
    expect(daysAgoText(local(2026, 6, 14, 23, 59), local(2026, 6, 15, 0, 1))).toBe('yesterday');
    expect(daysAgoText(local(2026, 6, 15, 0, 1), local(2026, 6, 15, 23, 59))).toBe('today');
    // Across the spring change: 23.5 hours, one calendar day.
    expect(daysAgoText(local(2026, 3, 28, 12), local(2026, 3, 29, 11, 30))).toBe('yesterday');
    expect(daysAgoText(local(2026, 3, 22, 12), local(2026, 3, 29, 11, 0))).toBe('7 days ago');
  });

  it('a date after now is in the future', () => {
    expect(daysAgoText(daysAfter(1), NOW)).toBe('in the future');
  });

  it('never says "1 weeks/months/years", and never goes down as time passes', () => {
    let previous = 0;
    for (let days = 2; days <= 2_000; days++) {
      const text = daysAgoText(daysBefore(days), NOW);
      expect(text, `${days} days`).not.toMatch(/^[01] /);
      const span = spanOf(text);
      expect(span, `${days} days: ${text}`).toBeGreaterThanOrEqual(previous);
      expect(span, `${days} days: ${text}`).toBeLessThanOrEqual(days);
      previous = span;
    }
  });
});

describe('dueText', () => {
  it.each([
    [0, 'today'],
    [1, 'tomorrow'],
    [-1, '1 day overdue'],
    [-3, '3 days overdue'],
    [-45, '45 days overdue'],
    [5, 'in 5 days'],
    [13, 'in 13 days'],
    [14, 'in 2 weeks'],
    [59, 'in 8 weeks'],
    [60, 'in 2 months'],
    [180, 'in 6 months'],
  ])('due %i days from now is "%s"', (days, text) => {
    expect(dueText(daysAfter(days), NOW)).toBe(text);
  });

  it('counts calendar days: earlier today is still today, just after midnight is tomorrow', () => {
    expect(dueText(local(2026, 6, 15, 8), local(2026, 6, 15, 20))).toBe('today');
    expect(dueText(local(2026, 6, 16, 0, 10), local(2026, 6, 15, 23, 50))).toBe('tomorrow');
    expect(dueText(local(2026, 10, 26, 9), local(2026, 10, 25, 9))).toBe('tomorrow');
  });

  it('never says "in 1 weeks" or "in 1 months"', () => {
    for (let days = 2; days <= 1_000; days++) expect(dueText(daysAfter(days), NOW), `${days}`).not.toMatch(/^in [01] /);
  });
});

describe('compactAge', () => {
  it.each([
    [0, '0d'],
    [1, '1d'],
    [13, '13d'],
    [14, '2w'],
    [60, '8w'],
    [61, '2mo'],
    [730, '23mo'],
    [731, '2y'],
  ])('%i days is %s', (days, text) => {
    expect(compactAge(daysBefore(days), NOW)).toBe(text);
  });

  it('a future date is 0d', () => {
    expect(compactAge(daysAfter(3), NOW)).toBe('0d');
  });

  it('never goes down as time passes', () => {
    let previous = 0;
    for (let days = 0; days <= 2_000; days++) {
      const span = spanOf(compactAge(daysBefore(days), NOW));
      expect(span, `${days} days`).toBeGreaterThanOrEqual(previous);
      previous = span;
    }
  });
});
