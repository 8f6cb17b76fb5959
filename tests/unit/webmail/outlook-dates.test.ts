// Outlook's date texts → epoch ms in the browser's zone (vitest runs in Europe/Stockholm, which
// has daylight-saving changes). A date that could be read two ways is not read: never a wrong date.
import { describe, expect, it } from 'vitest';
import { parseOutlookDate } from '../../../utils/webmail/outlook';

const local = (y: number, m: number, d: number, h = 0, min = 0, s = 0) => new Date(y, m - 1, d, h, min, s).getTime();

describe('parseOutlookDate', () => {
  it('runs in a zone with daylight-saving time', () => {
    expect(process.env.TZ).toBe('Europe/Stockholm');
    expect(new Date(2026, 0, 1).getTimezoneOffset()).toBe(-60);
    expect(new Date(2026, 6, 1).getTimezoneOffset()).toBe(-120);
  });

  it.each([
    ['Tue 11/17/2026 3:04 PM', local(2026, 11, 17, 15, 4)],
    ['Tue, 17 Nov 2026 15:04', local(2026, 11, 17, 15, 4)],
    ['Tuesday, November 17, 2026 3:04 PM', local(2026, 11, 17, 15, 4)],
    ['Tuesday, November 17, 2026 at 3:04 PM', local(2026, 11, 17, 15, 4)],
    ['November 17, 2026 3:04:59 PM', local(2026, 11, 17, 15, 4, 59)],
    ['17 November 2026 15:04', local(2026, 11, 17, 15, 4)],
    ['Tue 17 Nov. 2026 15:04', local(2026, 11, 17, 15, 4)],
    ['17/11/2026 15:04', local(2026, 11, 17, 15, 4)],
    ['Tue 17/11/2026 15:04', local(2026, 11, 17, 15, 4)],
    ['11/17/2026 15:04', local(2026, 11, 17, 15, 4)],
    ['17.11.2026 15:04', local(2026, 11, 17, 15, 4)],
    ['17-11-2026 15:04', local(2026, 11, 17, 15, 4)],
    ['2026-11-17 15:04', local(2026, 11, 17, 15, 4)],
    ['2026/11/17 15:04', local(2026, 11, 17, 15, 4)],
    ['15:04, 17/11/2026', local(2026, 11, 17, 15, 4)],
    ['Tue 11/17/2026', local(2026, 11, 17)],
    ['Tue 11/17/2026 12:30 AM', local(2026, 11, 17, 0, 30)],
    ['Tue 11/17/2026 12:30 PM', local(2026, 11, 17, 12, 30)],
    ['Tue 11/17/2026 3:04 p.m.', local(2026, 11, 17, 15, 4)],
    ['Tue 11/17/2026 3:04PM', local(2026, 11, 17, 15, 4)],
    // Chrome's Intl output: LRM marks and a narrow no-break space before PM.
    ['\u200eTue 11/17/2026 3:04\u202fPM\u200e', local(2026, 11, 17, 15, 4)],
    ['Tue\u00a011/17/2026\u00a03:04\u00a0PM', local(2026, 11, 17, 15, 4)],
    // Summer time: the same wall clock, one hour further from UTC.
    ['Tue 7/14/2026 3:04 PM', local(2026, 7, 14, 15, 4)],
    ['Sun 3/29/2026 3:30 AM', local(2026, 3, 29, 3, 30)],
    // Day and month that could swap, settled by the weekday.
    ['Wed 05/06/2026 15:04', local(2026, 5, 6, 15, 4)],
    ['Fri 05/06/2026 15:04', local(2026, 6, 5, 15, 4)],
    ['Wednesday, 05/06/2026', local(2026, 5, 6)],
    // The same day and month cannot be wrong either way.
    ['07/07/2026 10:00', local(2026, 7, 7, 10)],
    // Dotted dates are day first.
    ['05.06.2026 15:04', local(2026, 6, 5, 15, 4)],
    // Machine-readable.
    ['2026-11-17T15:04:00', local(2026, 11, 17, 15, 4)],
    ['2026-11-17T15:04', local(2026, 11, 17, 15, 4)],
    ['2026-11-17T14:04:00Z', Date.UTC(2026, 10, 17, 14, 4)],
    ['2026-11-17T15:04:00.000+01:00', Date.UTC(2026, 10, 17, 14, 4)],
  ])('%s', (text, expected) => {
    expect(parseOutlookDate(text)).toBe(expected);
  });

  it.each([
    // Could be 5 June or 6 May.
    '05/06/2026 15:04',
    '05-06-2026',
    // The weekday fits neither reading, or contradicts the only one.
    'Thu 05/06/2026',
    'Wed 11/17/2026 3:04 PM',
    // No date, no year, relative days.
    '3:04 PM',
    'Tue 3:04 PM',
    'Tue 11/17',
    '11/17',
    'Yesterday 3:04 PM',
    'Today',
    // Two-digit years could be any order.
    '11/17/26 3:04 PM',
    '26/11/17',
    // Impossible dates and times.
    '2/30/2026',
    '13/13/2026',
    '00/10/2026',
    '11.17.2026',
    'Tue 11/17/2026 13:04 PM',
    'Tue 11/17/2026 0:04 AM',
    'Tue 11/17/2026 24:00',
    'Tue 11/17/2026 15:60',
    '2026-13-01T10:00:00Z',
    '2026-11-31T10:00:00',
    // Stockholm skips 02:00–03:00 on 29 March 2026: that wall clock never happened.
    'Sun 3/29/2026 2:30 AM',
    // Leftover words: not a date text.
    'Version 1/2/2026 3:04 PM',
    'Tue 11/17/2026 3:04 PM and more',
    'Ada Lovelace',
    'Tue',
    '',
    '   ',
    '0',
    '1e9',
    'Sat 1/1/0001',
  ])('%s → undefined', (text) => {
    expect(parseOutlookDate(text)).toBeUndefined();
  });

  it('takes anything without throwing, and huge inputs quickly', () => {
    for (const odd of [null, undefined, 42, {}, [], Symbol.iterator] as unknown[]) {
      expect(parseOutlookDate(odd as string)).toBeUndefined();
    }
    const started = performance.now();
    expect(parseOutlookDate('1'.repeat(1_000_000))).toBeUndefined();
    expect(parseOutlookDate(`Tue 11/17/2026 3:04 PM${' '.repeat(1_000_000)}x`)).toBeUndefined();
    expect(parseOutlookDate('1:'.repeat(500_000))).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(500);
  });
});
