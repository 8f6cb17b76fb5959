// What a mail list's badge says (text, accessible label, due and weak flags). Local calendar
// days in Europe/Stockholm (see vitest.config.ts); dates around a DST change included.
import { describe, expect, it } from 'vitest';
import { addChipLabel, badgeView, type BadgeMatch } from '../../../utils/webmail/badge-text';
import { addDays } from '../../../utils/dates';

const local = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const NOW = local(2026, 6, 15, 12);
const ago = (days: number) => addDays(NOW, -days);
const match = (over: Partial<BadgeMatch> = {}): BadgeMatch => ({ contactId: 1, name: 'Ada Lovelace', match: 'email', ...over });

describe('badgeView text', () => {
  it.each([
    [0, '0d'],
    [3, '3d'],
    [13, '13d'],
    [14, '2w'],
    [20, '2w'],
    [5 * 30.44 + 1, '5mo'],
    [2 * 365.25 + 3, '2y'],
  ])('%s days ago → %s', (days, text) => {
    expect(badgeView(match({ lastContacted: ago(Math.round(days)) }), NOW).text).toBe(text);
  });

  it('contacted earlier the same day, late at night, is still 0d', () => {
    expect(badgeView(match({ lastContacted: local(2026, 6, 15, 0, 5) }), local(2026, 6, 15, 23, 55)).text).toBe('0d');
  });

  it('counts calendar days across the spring DST change', () => {
    // 2026-03-29 is the switch to summer time in Stockholm (a 23-hour day).
    expect(badgeView(match({ lastContacted: local(2026, 3, 28, 23, 30) }), local(2026, 3, 31, 0, 30)).text).toBe('3d');
  });

  it('"new" when nothing is logged yet, and says so in the label', () => {
    const view = badgeView(match(), NOW);
    expect(view.text).toBe('new');
    expect(view.label).toBe('Ada Lovelace is in Rapport, nothing logged yet · Rapport');
    expect(view.due).toBe(false);
    expect(view.weak).toBe(false);
  });

  it('a last contact in the future (clock skew) shows 0d, not a negative age', () => {
    expect(badgeView(match({ lastContacted: addDays(NOW, 2) }), NOW).text).toBe('0d');
  });
});

describe('badgeView label', () => {
  it.each([
    [0, 'Last contacted today · Rapport'],
    [1, 'Last contacted yesterday · Rapport'],
    [3, 'Last contacted 3 days ago · Rapport'],
    [21, 'Last contacted 3 weeks ago · Rapport'],
    [160, 'Last contacted 5 months ago · Rapport'],
    [800, 'Last contacted 2 years ago · Rapport'],
  ])('%s days ago → %s', (days, label) => {
    const view = badgeView(match({ lastContacted: ago(days) }), NOW);
    expect(view.label).toBe(label);
    expect(view.due).toBe(false);
    expect(view.weak).toBe(false);
  });
});

describe('badgeView follow-ups', () => {
  it('a follow-up due later today is due and says "due today"', () => {
    const view = badgeView(match({ lastContacted: ago(3), nextFollowUp: local(2026, 6, 15, 9) }), NOW);
    expect(view.due).toBe(true);
    expect(view.label).toBe('Last contacted 3 days ago, follow-up due today · Rapport');
  });

  it('a follow-up exactly now is due', () => {
    expect(badgeView(match({ lastContacted: ago(3), nextFollowUp: NOW }), NOW).due).toBe(true);
  });

  it('an overdue follow-up says how many days overdue', () => {
    const view = badgeView(match({ lastContacted: ago(10), nextFollowUp: ago(3) }), NOW);
    expect(view.due).toBe(true);
    expect(view.text).toBe('10d');
    expect(view.label).toBe('Last contacted 10 days ago, follow-up 3 days overdue · Rapport');
  });

  it('one day overdue is singular', () => {
    expect(badgeView(match({ lastContacted: ago(10), nextFollowUp: ago(1) }), NOW).label).toBe(
      'Last contacted 10 days ago, follow-up 1 day overdue · Rapport',
    );
  });

  it('a follow-up due with nothing logged yet', () => {
    const view = badgeView(match({ nextFollowUp: ago(2) }), NOW);
    expect(view.text).toBe('new');
    expect(view.due).toBe(true);
    expect(view.label).toBe('Ada Lovelace is in Rapport, nothing logged yet, follow-up 2 days overdue · Rapport');
  });

  it.each([NOW + 60_000, addDays(NOW, 1), addDays(NOW, 30)])('a future follow-up (%s) is not due and not mentioned', (at) => {
    const view = badgeView(match({ lastContacted: ago(3), nextFollowUp: at }), NOW);
    expect(view.due).toBe(false);
    expect(view.label).toBe('Last contacted 3 days ago · Rapport');
    expect(view.label).not.toMatch(/follow-up/);
  });
});

describe('badgeView weak (name-only) matches', () => {
  it('says "matched by name only"', () => {
    const view = badgeView(match({ lastContacted: ago(3), match: 'name' }), NOW);
    expect(view.weak).toBe(true);
    expect(view.due).toBe(false);
    expect(view.label).toBe('Last contacted 3 days ago, matched by name only · Rapport');
  });

  it('the ambiguous variant says several contacts share the name', () => {
    const view = badgeView(match({ lastContacted: ago(3), match: 'name', ambiguous: true }), NOW);
    expect(view.weak).toBe(true);
    expect(view.label).toBe('Last contacted 3 days ago, matched by name only, several contacts share it · Rapport');
  });

  it('ambiguity is not mentioned for an e-mail match', () => {
    const view = badgeView(match({ lastContacted: ago(3), match: 'email', ambiguous: true }), NOW);
    expect(view.weak).toBe(false);
    expect(view.label).toBe('Last contacted 3 days ago · Rapport');
  });

  it('due and weak together', () => {
    const view = badgeView(match({ lastContacted: ago(3), nextFollowUp: ago(3), match: 'name' }), NOW);
    expect(view).toEqual({
      text: '3d',
      label: 'Last contacted 3 days ago, follow-up 3 days overdue, matched by name only · Rapport',
      due: true,
      weak: true,
    });
  });
});

describe('addChipLabel', () => {
  it('names the person', () => {
    expect(addChipLabel('Grace Hopper')).toBe('Add Grace Hopper to Rapport');
  });
});
