// The merge plan (utils/merge/plan.ts): every field kind, defaults, what is combined, and refusals.
import { describe, expect, it } from 'vitest';
import {
  combineNotes,
  combineTags,
  defaultPicks,
  differingFields,
  MergeProblem,
  mergedNotesHeader,
  mergeSummary,
  planMerge,
  type MergeInput,
} from '../../../utils/merge/plan';
import { Contact } from '../../../utils/model/contact';
import { Interaction } from '../../../utils/model/interaction';
import { Reminder } from '../../../utils/model/reminder';

const DAY = 86_400_000;
// 4 December 2026, noon in Stockholm (the tests' time zone).
const NOW = new Date(2026, 11, 4, 12).getTime();

const contact = (over: Partial<Contact>): Contact =>
  Contact.parse({ id: 1, name: 'Ada Lovelace', emails: [], phones: [], tags: [], notes: '', createdAt: NOW - 100 * DAY, updatedAt: NOW - 10 * DAY, ...over });
const interaction = (over: Partial<Interaction>): Interaction =>
  Interaction.parse({ id: 1, contactId: 1, kind: 'call', when: NOW - DAY, summary: '', createdAt: NOW - DAY, updatedAt: NOW - DAY, ...over });
const reminder = (over: Partial<Reminder>): Reminder =>
  Reminder.parse({ id: 1, contactId: 1, due: NOW + DAY, reason: 'commitment', text: 'x', createdAt: NOW - DAY, updatedAt: NOW - DAY, ...over });

const keep = contact({
  id: 1,
  name: 'Ada Lovelace',
  headline: 'Analyst',
  company: 'Analytical Engines',
  companyKey: 'analytical engines',
  nameKey: 'ada lovelace',
  emails: ['ada@engines.example'],
  phones: ['+44 1'],
  linkedinSlug: 'ada-lovelace',
  linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  tags: ['Engines', 'math'],
  notes: 'Met at the Society.\n',
  type: 'mentor',
  nextFollowUp: NOW + 20 * DAY,
  lastContacted: NOW - 5 * DAY,
  updatedAt: NOW - 10 * DAY,
});
const merge = contact({
  id: 2,
  name: 'Ada King',
  title: 'Countess',
  company: 'Engines Ltd',
  emails: ['ada.king@example.org', 'ada@engines.example'],
  tags: ['ENGINES', 'poetry'],
  notes: 'Likes poetical science.',
  type: 'peer',
  cadenceDays: 30,
  howWeMet: { event: 'A ball' },
  nextFollowUp: NOW + 3 * DAY,
  lastContacted: NOW - 2 * DAY,
  introducedBy: 7,
  archivedAt: NOW - DAY,
  createdAt: NOW - 300 * DAY,
  updatedAt: NOW - DAY,
});
const input = (over: Partial<MergeInput> = {}): MergeInput => ({
  keep,
  merge,
  picks: {},
  interactions: [],
  reminders: [],
  introduced: [],
  now: NOW,
  ...over,
});

describe('differingFields and defaultPicks', () => {
  it('lists the fields that differ, not those both lack or share', () => {
    expect(differingFields(keep, merge)).toEqual([
      'name', 'headline', 'company', 'title', 'emails', 'phones', 'linkedin', 'type', 'cadenceDays', 'howWeMet', 'introducedBy', 'nextFollowUp', 'archived',
    ]);
    expect(differingFields(keep, { ...keep, id: 3, emails: [...keep.emails].reverse() })).toEqual([]);
  });

  it('defaults to the non-empty value, else the more recently updated one; lists both; the earlier follow-up; active', () => {
    const picks = defaultPicks(keep, merge);
    expect(picks).toMatchObject({
      name: 'merge', // both set: Ada King was updated more recently
      headline: 'keep', // only the survivor has one
      title: 'merge', // only the other has one
      emails: 'both',
      phones: 'keep',
      linkedin: 'keep',
      cadenceDays: 'merge',
      nextFollowUp: 'merge', // the earlier one
      archived: 'keep', // the survivor is active
    });
    expect(defaultPicks({ ...keep, updatedAt: NOW }, merge).name).toBe('keep');
  });
});

describe('planMerge', () => {
  it('takes each picked value, combines lists, tags and notes, and recomputes derived fields', () => {
    const plan = planMerge(input({ picks: { name: 'keep', company: 'merge', linkedin: 'keep', archived: 'merge', emails: 'both' } }));
    const c = plan.contact;
    expect(c).toMatchObject({
      id: 1,
      name: 'Ada Lovelace',
      nameKey: 'ada lovelace',
      company: 'Engines Ltd',
      companyKey: 'engines',
      headline: 'Analyst',
      title: 'Countess',
      emails: ['ada@engines.example', 'ada.king@example.org'],
      phones: ['+44 1'],
      linkedinSlug: 'ada-lovelace',
      tags: ['Engines', 'math', 'poetry'],
      cadenceDays: 30,
      howWeMet: { event: 'A ball' },
      introducedBy: 7,
      archivedAt: NOW - DAY,
      lastContacted: NOW - 2 * DAY,
      createdAt: NOW - 300 * DAY,
      updatedAt: NOW,
    });
    expect(c.notes).toBe('Met at the Society.\n\n— merged from Ada King, 4 Dec 2026 —\nLikes poetical science.');
    expect(Contact.safeParse(c).success).toBe(true);
  });

  it('drops a field when the picked side has none, and keeps only one side’s list when asked', () => {
    const plan = planMerge(input({ picks: { headline: 'merge', emails: 'merge', linkedin: 'merge', type: 'keep' } }));
    expect(plan.contact.headline).toBeUndefined();
    expect(plan.contact.emails).toEqual(['ada.king@example.org', 'ada@engines.example']);
    expect(plan.contact.linkedinSlug).toBeUndefined();
    expect(plan.contact.linkedinUrl).toBeUndefined();
    expect(plan.contact.type).toBe('mentor');
    expect('headline' in plan.contact).toBe(false);
  });

  it('moves interactions and reminders; one with the same external id is kept once, its reminders following', () => {
    const plan = planMerge(
      input({
        interactions: [
          interaction({ id: 10, contactId: 1, externalId: 'gmail:1' }),
          interaction({ id: 11, contactId: 2, externalId: 'gmail:1' }),
          interaction({ id: 12, contactId: 2, externalId: 'gmail:2' }),
          interaction({ id: 13, contactId: 2 }),
        ],
        reminders: [
          reminder({ id: 20, contactId: 1 }),
          reminder({ id: 21, contactId: 2, sourceInteractionId: 11, reason: 'thank-you' }),
          reminder({ id: 22, contactId: 2 }),
        ],
      }),
    );
    expect(plan.movedInteractions.map((i) => [i.id, i.contactId])).toEqual([[12, 1], [13, 1]]);
    expect(plan.removedInteractions.map((i) => i.id)).toEqual([11]);
    expect(plan.movedReminders.map((r) => [r.id, r.contactId, r.sourceInteractionId])).toEqual([[21, 1, 10], [22, 1, undefined]]);
  });

  it('points the merged contact’s introductions at the survivor, never the survivor at itself', () => {
    const introduced = [contact({ id: 5, name: 'Charles', introducedBy: 2, updatedAt: NOW - 50 * DAY }), { ...keep, introducedBy: 2 }];
    const plan = planMerge(input({ keep: { ...keep, introducedBy: 2 }, merge: { ...merge, introducedBy: 1 }, introduced, picks: { introducedBy: 'merge' } }));
    expect(plan.introduced.map((c) => [c.id, c.introducedBy, c.updatedAt])).toEqual([[5, 1, NOW]]);
    expect(plan.contact.introducedBy).toBeUndefined();
  });

  it('refuses a merge with itself and results that would not fit', () => {
    expect(() => planMerge(input({ merge: keep }))).toThrow(MergeProblem);
    const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}@x.example`);
    expect(() => planMerge(input({ keep: { ...keep, emails: many('a', 15) }, merge: { ...merge, emails: many('b', 10) } }))).toThrow(/25 e-mail addresses/);
    // Keeping one side's list fits.
    expect(planMerge(input({ keep: { ...keep, emails: many('a', 15) }, merge: { ...merge, emails: many('b', 10) }, picks: { emails: 'keep' } })).contact.emails).toHaveLength(15);
    expect(() => planMerge(input({ keep: { ...keep, notes: 'a'.repeat(150_000) }, merge: { ...merge, notes: 'b'.repeat(60_000) } }))).toThrow(/notes/);
  });
});

describe('combining', () => {
  it('tags: a union ignoring case, the survivor’s spelling first', () => {
    expect(combineTags(['Engines', 'math'], ['ENGINES', 'poetry', 'Poetry'])).toEqual(['Engines', 'math', 'poetry']);
  });

  it('notes: both kept, the other’s under a dated line; nothing added when the other has none', () => {
    expect(mergedNotesHeader('Ada King', NOW)).toBe('— merged from Ada King, 4 Dec 2026 —');
    expect(combineNotes({ ...keep, notes: '' }, merge, NOW)).toBe('— merged from Ada King, 4 Dec 2026 —\nLikes poetical science.');
    expect(combineNotes(keep, { ...merge, notes: '  \n' }, NOW)).toBe(keep.notes);
  });

  it('summary: says what will be combined', () => {
    expect(mergeSummary({ interactions: 12, reminders: 2, introduced: 0 }, 3)).toBe('12 interactions, 2 reminders and 3 tags will be combined.');
    expect(mergeSummary({ interactions: 1, reminders: 0, introduced: 1 }, 0)).toBe('1 interaction and 1 introduction will be combined.');
    expect(mergeSummary({ interactions: 0, reminders: 0, introduced: 0 }, 0)).toBeNull();
  });
});
