import { describe, expect, it } from 'vitest';
import {
  cadenceOf,
  cadenceSentence,
  cadencesAreDefault,
  cadenceTypes,
  contactCount,
  durationLabel,
  parseWhole,
  snoozeChoices,
} from '../../components/settings/settings-text';
import { DEFAULT_CADENCE_DAYS } from '../../utils/model/settings';

describe('cadence words', () => {
  it('spells out what a cadence means', () => {
    expect(cadenceSentence('mentor', 30)).toBe('Remind me to get back in touch with a mentor every 30 days.');
    expect(cadenceSentence('friend-family', 1)).toBe('Remind me to get back in touch with a friend or family member every day.');
    expect(cadenceSentence('other', 3650)).toBe('Remind me to get back in touch with anyone else every 3,650 days.');
    expect(cadenceSentence('board member', 14)).toBe('Remind me to get back in touch with a contact of type “board member” every 14 days.');
    // A custom type may be any label, inherited property names included.
    expect(cadenceSentence('constructor', 7)).toBe('Remind me to get back in touch with a contact of type “constructor” every 7 days.');
  });

  it('lists built-in, custom and stored types once each, “everyone else” last', () => {
    expect(cadenceTypes(['board member', 'mentor'], { ...DEFAULT_CADENCE_DAYS, investor: 40 })).toEqual([
      'friend-family',
      'company-contact',
      'peer',
      'alumni',
      'recruiter',
      'mentor',
      'board member',
      'investor',
      'other',
    ]);
  });

  it('takes the stored cadence, else the default, else everyone else’s', () => {
    expect(cadenceOf('mentor', { mentor: 12 })).toBe(12);
    expect(cadenceOf('mentor', {})).toBe(30);
    expect(cadenceOf('board member', { other: 200 })).toBe(200);
    expect(cadenceOf('board member', {})).toBe(365);
    expect(cadenceOf('constructor', {})).toBe(365);
  });

  it('knows when the cadences are exactly the defaults', () => {
    expect(cadencesAreDefault({ ...DEFAULT_CADENCE_DAYS })).toBe(true);
    expect(cadencesAreDefault({ ...DEFAULT_CADENCE_DAYS, peer: 91 })).toBe(false);
    expect(cadencesAreDefault({ ...DEFAULT_CADENCE_DAYS, investor: 40 })).toBe(false);
    const { peer: _peer, ...withoutPeer } = DEFAULT_CADENCE_DAYS;
    expect(cadencesAreDefault(withoutPeer)).toBe(false);
  });
});

describe('parseWhole', () => {
  it.each([
    ['30', 30],
    [' 7 ', 7],
    ['1', 1],
    ['3650', 3650],
    ['007', 7],
  ])('takes %j', (text, value) => {
    expect(parseWhole(text, 1, 3650, 'days')).toEqual({ ok: true, value });
  });

  it.each([
    ['', 'Enter a whole number from 1 to 3,650 days.'],
    ['0', 'Enter a whole number from 1 to 3,650 days.'],
    ['3651', 'Enter a whole number from 1 to 3,650 days.'],
    ['-5', '“-5” is not a whole number: enter one from 1 to 3,650 days.'],
    ['2.5', '“2.5” is not a whole number: enter one from 1 to 3,650 days.'],
    ['1e3', '“1e3” is not a whole number: enter one from 1 to 3,650 days.'],
    ['0x10', '“0x10” is not a whole number: enter one from 1 to 3,650 days.'],
    ['١٢', '“١٢” is not a whole number: enter one from 1 to 3,650 days.'],
    ['99999999999999999999999', 'Enter a whole number from 1 to 3,650 days.'],
  ])('refuses %j with a message', (text, message) => {
    expect(parseWhole(text, 1, 3650, 'days')).toEqual({ ok: false, message });
  });

  it('quotes at most 20 characters of what was typed', () => {
    const result = parseWhole('x'.repeat(500), 0, 100);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toBe(`“${'x'.repeat(20)}” is not a whole number: enter one from 0 to 100.`);
  });
});

describe('snooze and counts', () => {
  it('offers the usual lengths, plus the current one when it is not among them', () => {
    expect(snoozeChoices(60).map(([m]) => m)).toEqual([15, 60, 180, 1440, 4320, 10080, 20160]);
    expect(snoozeChoices(90)).toContainEqual([90, '90 minutes']);
    expect(snoozeChoices(60 * 24 * 10)).toContainEqual([14400, '10 days']);
  });

  it('spells durations and contact counts', () => {
    expect(durationLabel(5)).toBe('5 minutes');
    expect(durationLabel(60)).toBe('1 hour');
    expect(durationLabel(120)).toBe('2 hours');
    expect(durationLabel(1440)).toBe('1 day');
    expect(contactCount(0)).toBe('no contacts yet');
    expect(contactCount(1)).toBe('1 contact');
    expect(contactCount(1234)).toBe('1,234 contacts');
  });
});
