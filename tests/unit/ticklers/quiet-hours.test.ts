// Quiet hours: a notification time inside them moves to their end, in local time, also when
// the window wraps midnight and on the nights the clocks change.
import { describe, expect, it } from 'vitest';
import { atLocalHour, isQuiet, outsideQuietHours } from '../../../utils/ticklers';
import { HOUR, MINUTE, local, quiet, wall } from './helpers';

describe('isQuiet and outsideQuietHours', () => {
  it('leave everything alone when disabled, or when the window is empty (start = end)', () => {
    const at = local(2026, 2, 3, 23, 0);
    expect(isQuiet(at, quiet(21, 8, false))).toBe(false);
    expect(outsideQuietHours(at, quiet(21, 8, false))).toBe(at);
    expect(isQuiet(at, quiet(23, 23))).toBe(false);
    expect(outsideQuietHours(at, quiet(23, 23))).toBe(at);
  });

  it('a window within one day: [start, end)', () => {
    const lunch = quiet(12, 14);
    expect(outsideQuietHours(local(2026, 2, 3, 11, 59), lunch)).toBe(local(2026, 2, 3, 11, 59));
    expect(wall(outsideQuietHours(local(2026, 2, 3, 12, 0), lunch))).toBe('2026-02-03T14:00');
    expect(wall(outsideQuietHours(local(2026, 2, 3, 13, 59), lunch))).toBe('2026-02-03T14:00');
    expect(outsideQuietHours(local(2026, 2, 3, 14, 0), lunch)).toBe(local(2026, 2, 3, 14, 0));
  });

  it('a window wrapping midnight (21 → 8): evening goes to tomorrow morning, early morning to this morning', () => {
    const night = quiet(21, 8);
    expect(isQuiet(local(2026, 2, 3, 20, 59), night)).toBe(false);
    expect(isQuiet(local(2026, 2, 3, 21, 0), night)).toBe(true);
    expect(isQuiet(local(2026, 2, 4, 7, 59), night)).toBe(true);
    expect(isQuiet(local(2026, 2, 4, 8, 0), night)).toBe(false);
    expect(wall(outsideQuietHours(local(2026, 2, 3, 21, 0), night))).toBe('2026-02-04T08:00');
    expect(wall(outsideQuietHours(local(2026, 2, 3, 23, 59), night))).toBe('2026-02-04T08:00');
    expect(wall(outsideQuietHours(local(2026, 2, 4, 0, 0), night))).toBe('2026-02-04T08:00');
    expect(wall(outsideQuietHours(local(2026, 2, 4, 3, 0), night))).toBe('2026-02-04T08:00');
    // Over a month and a year end.
    expect(wall(outsideQuietHours(local(2026, 12, 31, 22, 0), night))).toBe('2027-01-01T08:00');
  });

  it('end at the chosen clock time across the spring change (a short night)', () => {
    const night = quiet(21, 8);
    const evening = local(2026, 3, 28, 23, 0);
    expect(wall(outsideQuietHours(evening, night))).toBe('2026-03-29T08:00');
    expect(outsideQuietHours(evening, night) - evening).toBe(8 * HOUR);
    const start = local(2026, 3, 28, 21, 0);
    expect(outsideQuietHours(start, night) - start).toBe(10 * HOUR);
  });

  it('end at the chosen clock time across the autumn change (a long night)', () => {
    const night = quiet(21, 8);
    const evening = local(2026, 10, 24, 23, 0);
    expect(wall(outsideQuietHours(evening, night))).toBe('2026-10-25T08:00');
    expect(outsideQuietHours(evening, night) - evening).toBe(10 * HOUR);
  });

  it('inside the changing hour itself', () => {
    // 25 October: 02:00–03:00 happens twice. Quiet until 03:00 from either 02:30.
    const firstHalfPast2 = local(2026, 10, 25, 2, 30);
    const secondHalfPast2 = firstHalfPast2 + HOUR;
    expect(new Date(secondHalfPast2).getHours()).toBe(2);
    const small = quiet(0, 3);
    expect(wall(outsideQuietHours(firstHalfPast2, small))).toBe('2026-10-25T03:00');
    expect(outsideQuietHours(secondHalfPast2, small)).toBe(outsideQuietHours(firstHalfPast2, small));
    expect(outsideQuietHours(secondHalfPast2, small) - secondHalfPast2).toBe(30 * MINUTE);
    // 29 March: 02:00 never happens; quiet hours ending at 2 end when the clock jumps to 03:00.
    const beforeJump = local(2026, 3, 29, 1, 30);
    expect(wall(outsideQuietHours(beforeJump, quiet(1, 2)))).toBe('2026-03-29T03:00');
    expect(outsideQuietHours(beforeJump, quiet(1, 2)) - beforeJump).toBe(30 * MINUTE);
    expect(wall(atLocalHour(beforeJump, 2))).toBe('2026-03-29T03:00');
  });

  it('always returns a time that is not quiet, never earlier, at most a day later (every 15 minutes around both changes)', () => {
    const windows = [quiet(21, 8), quiet(22, 7), quiet(0, 3), quiet(1, 2), quiet(2, 3), quiet(3, 2), quiet(12, 14), quiet(23, 0)];
    const spans = [
      [local(2026, 3, 27), local(2026, 3, 31)],
      [local(2026, 10, 23), local(2026, 10, 27)],
    ] as const;
    let checked = 0;
    for (const window of windows) {
      for (const [from, to] of spans) {
        for (let at = from; at < to; at += 15 * MINUTE) {
          const out = outsideQuietHours(at, window);
          expect(isQuiet(out, window), `${wall(at)} ${JSON.stringify(window)}`).toBe(false);
          expect(out).toBeGreaterThanOrEqual(at);
          // Within a day, except where the only open hour is the one the spring change skips.
          const skipsOpenHour = window.startHour === 3 && window.endHour === 2;
          expect(out - at).toBeLessThanOrEqual((skipsOpenHour ? 48 : 25) * HOUR);
          if (isQuiet(at, window)) expect(new Date(out).getMinutes()).toBe(0);
          else expect(out).toBe(at);
          checked++;
        }
      }
    }
    // Four days a span, 96 quarters a day: the 23-hour and the 25-hour day even out.
    expect(checked).toBe(windows.length * 2 * 4 * 96);
  });
});

describe('a window that leaves only the hour the spring change skips', () => {
  it('holds until that hour exists again, the next day', () => {
    // Quiet 03:00 → 02:00: only 02:00–03:00 is open, and on 29 March there is no 02:00.
    const window = quiet(3, 2);
    expect(wall(outsideQuietHours(local(2026, 3, 28, 3, 0), window))).toBe('2026-03-30T02:00');
    expect(wall(outsideQuietHours(local(2026, 3, 29, 1, 0), window))).toBe('2026-03-30T02:00');
    expect(wall(outsideQuietHours(local(2026, 3, 27, 3, 0), window))).toBe('2026-03-28T02:00');
  });
});
