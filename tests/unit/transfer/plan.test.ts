// The import preview: who matches whom, what is filled, offered, merged or skipped — and that
// nothing the user wrote is ever overwritten.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ContactPatch, type Contact } from '../../../utils/model/contact';
import { contactsCsv } from '../../../utils/transfer/csv-export';
import { finishRow, type RawContact } from '../../../utils/transfer/draft';
import { readImportFile } from '../../../utils/transfer/import-file';
import { nameKey, planImport, updatePatch } from '../../../utils/transfer/plan';
import type { ImportRow } from '../../../utils/transfer/types';
import { contactsArb } from './arbitraries';
import { fixture, localDay, storedContact } from './helpers';

function row(line: number, raw: RawContact): ImportRow {
  const result = finishRow(line, raw);
  if (!('row' in result)) throw new Error(result.skip.reason);
  return result.row;
}

const ada = storedContact({
  id: 1,
  name: 'Ada Lovelace',
  company: 'Babbage & Co. Ltd',
  title: 'Programmer',
  emails: ['ada@example.org'],
  tags: ['Mentor'],
  type: 'mentor',
  notes: 'My own notes',
  howWeMet: { event: 'Difference Engine meetup' },
  linkedinSlug: 'ada-lovelace-0a1b2c3d',
  linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/',
});
const thilde = storedContact({ id: 2, name: 'Thilde Markstrom', company: 'Volvo Cars AB', emails: [], notes: '' });
const grace = storedContact({ id: 3, name: 'Grace Hopper', emails: ['grace@example.org'], notes: '' });

describe('matching', () => {
  it('LinkedIn profile first, then any e-mail, then name + company (accents, case, legal form ignored)', () => {
    const plan = planImport(
      [
        row(2, { name: 'A. Lovelace', linkedin: ['https://www.linkedin.com/in/Ada-Lovelace-0a1b2c3d/'], headline: 'Poet of science' }),
        row(3, { name: 'G. Hopper', emails: ['GRACE@example.org'], company: 'US Navy' }),
        row(4, { nameParts: ['Thilde', 'Markström'], company: 'VOLVO CARS', title: 'Data Engineer' }),
      ],
      [ada, thilde, grace],
    );
    expect(plan.update.map((u) => [u.lines, u.contactId, u.matchedBy])).toEqual([
      [[2], 1, 'linkedin'],
      [[3], 3, 'email'],
      [[4], 2, 'name-company'],
    ]);
    expect(plan.create).toEqual([]);
  });

  it('never by name alone, and never across two different LinkedIn profiles', () => {
    const plan = planImport(
      [
        row(2, { name: 'Grace Hopper' }),
        row(3, { name: 'Ada Lovelace', emails: ['ada@example.org'], linkedin: ['linkedin.com/in/another-ada'] }),
      ],
      [ada, grace],
    );
    expect(plan.update).toEqual([]);
    expect(plan.create.map((c) => c.lines)).toEqual([[2], [3]]);
  });

  it('two contacts with the same name at the same company: the oldest, with a warning', () => {
    const twin = storedContact({ id: 5, name: 'Thilde Markström', company: 'Volvo Cars', notes: '' });
    const plan = planImport([row(7, { name: 'thilde markstrom', company: 'Volvo Cars', title: 'CTO' })], [twin, thilde]);
    expect(plan.update[0]!.contactId).toBe(2);
    expect(plan.update[0]!.warnings).toEqual(['2 contacts are named thilde markstrom at Volvo Cars; matched the oldest']);
  });

  it('name + company matching can be turned off', () => {
    const plan = planImport([row(4, { name: 'Thilde Markström', company: 'Volvo Cars' })], [thilde], { matchByNameAndCompany: false });
    expect(plan.create).toHaveLength(1);
  });

  it('normalises names', () => {
    expect(nameKey('  Thilde  MARKSTRÖM ')).toBe('thilde markstrom');
    expect(nameKey('Anne-Marie O’Neil')).toBe(nameKey('anne marie o neil'));
  });
});

describe('what an update may change', () => {
  it('fills empty fields; never overwrites notes, tags, how-we-met or type; adds e-mails, phones, tags', () => {
    const plan = planImport(
      [
        row(2, {
          name: 'Ada Lovelace',
          linkedin: ['https://www.linkedin.com/in/ada-lovelace-0a1b2c3d'],
          emails: ['ada@example.org', 'ada.l@example.net'],
          phones: ['+44 20 7946 0000'],
          tags: ['mentor', 'Math'],
          type: 'peer',
          notes: ['Imported notes'],
          howWeMetEvent: 'Connected on LinkedIn',
          howWeMetDate: '12 Mar 2024',
          location: 'London',
          interests: 'Poetry',
          company: 'Babbage and Co',
          title: 'Analyst',
          headline: 'Enchantress of numbers',
        }),
      ],
      [ada],
    );
    const update = plan.update[0]!;
    expect(update.fill).toEqual({ location: 'London', interests: 'Poetry', headline: 'Enchantress of numbers' });
    // "Babbage and Co" is the same company as "Babbage & Co. Ltd"; the title differs: offered, not applied.
    expect(update.offered).toEqual({ title: 'Analyst' });
    expect(update.addEmails).toEqual(['ada.l@example.net']);
    expect(update.addPhones).toEqual(['+44 20 7946 0000']);
    // "mentor" is already there as "Mentor".
    expect(update.addTags).toEqual(['Math']);

    const patch = updatePatch(ada, update);
    expect(ContactPatch.parse(patch)).toEqual(patch);
    expect(patch).toEqual({
      location: 'London',
      interests: 'Poetry',
      headline: 'Enchantress of numbers',
      emails: ['ada@example.org', 'ada.l@example.net'],
      phones: ['+44 20 7946 0000'],
      tags: ['Mentor', 'Math'],
    });
    expect(updatePatch(ada, update, ['title'])).toMatchObject({ title: 'Analyst' });
  });

  it('fills notes, how-we-met and the LinkedIn profile only when the contact has none', () => {
    const plan = planImport(
      [row(9, { name: 'Thilde Markström', company: 'Volvo Cars', notes: ['From the file'], howWeMetEvent: 'Connected on LinkedIn', howWeMetDate: '12 Mar 2024', linkedin: ['https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7'] })],
      [thilde],
    );
    expect(plan.update[0]!.fill).toEqual({
      notes: 'From the file',
      howWeMet: { event: 'Connected on LinkedIn', date: localDay(2024, 3, 12) },
      linkedinSlug: 'thilde-markström-02a5192b7',
      linkedinUrl: 'https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/',
    });
    expect(plan.update[0]!.offered).toEqual({});
  });

  it('a row that brings nothing new is skipped with the reason', () => {
    const plan = planImport([row(4, { name: 'Grace Hopper', emails: ['grace@example.org'] })], [grace]);
    expect(plan.update).toEqual([]);
    expect(plan.skip).toEqual([{ line: 4, reason: 'already in Rapport as Grace Hopper; nothing new' }]);
  });

  it('stops adding e-mail addresses at the store limit of 20', () => {
    const full = storedContact({ id: 11, name: 'Many', emails: Array.from({ length: 19 }, (_, i) => `m${i}@example.org`), notes: '' });
    const plan = planImport([row(2, { name: 'Many', emails: ['m0@example.org', 'new1@example.org', 'new2@example.org'] })], [full]);
    expect(plan.update[0]!.addEmails).toEqual(['new1@example.org']);
    expect(plan.update[0]!.warnings).toEqual(['more than 20 e-mail addresses: new2@example.org left out']);
  });
});

describe('duplicates within the file', () => {
  it('the same profile or e-mail twice becomes one contact, and the preview says so', () => {
    const plan = planImport(
      [
        row(2, { name: 'Linus Ek', linkedin: ['linkedin.com/in/linus-ek'], company: 'Spotify', tags: ['music'] }),
        row(3, { name: 'Søren K', emails: ['soren@example.dk'], notes: ['first'] }),
        row(4, { name: 'Linus Ek', linkedin: ['https://se.linkedin.com/in/Linus-Ek/'], emails: ['linus@example.se'], title: 'EM', tags: ['Music', 'rust'] }),
        row(5, { name: 'Søren Kierkegaard', emails: ['SOREN@example.dk'], notes: ['second'] }),
        // Same e-mail but another LinkedIn profile: a different person.
        row(6, { name: 'Linus Other', emails: ['linus@example.se'], linkedin: ['linkedin.com/in/linus-other'] }),
      ],
      [],
    );
    expect(plan.create.map((c) => [c.lines, c.draft.name])).toEqual([
      [[2, 4], 'Linus Ek'],
      [[3, 5], 'Søren K'],
      [[6], 'Linus Other'],
    ]);
    expect(plan.create[0]!.draft).toMatchObject({ company: 'Spotify', title: 'EM', emails: ['linus@example.se'], tags: ['music', 'rust'] });
    expect(plan.create[1]!.draft.notes).toBe('first\n\nsecond');
    expect(plan.merged).toEqual([
      { lines: [2, 4], reason: 'same LinkedIn profile' },
      { lines: [3, 5], reason: 'same e-mail address soren@example.dk' },
    ]);
  });

  it('two rows matching one existing contact become one update', () => {
    const plan = planImport(
      [row(2, { name: 'Grace H', emails: ['grace@example.org'], title: 'Admiral' }), row(3, { name: 'Grace Hopper', emails: ['g@example.net', 'grace@example.org'] })],
      [grace],
    );
    expect(plan.update).toHaveLength(1);
    expect(plan.update[0]).toMatchObject({ lines: [2, 3], fill: { title: 'Admiral' }, addEmails: ['g@example.net'] });
  });

  it('but two rows with different LinkedIn profiles never merge into one contact', () => {
    const plan = planImport(
      [
        row(2, { name: 'Grace Hopper', emails: ['grace@example.org'], linkedin: ['linkedin.com/in/grace-one'] }),
        row(3, { name: 'Grace Hopper', company: 'US Navy', emails: ['grace@example.org'], linkedin: ['linkedin.com/in/grace-two'] }),
      ],
      [grace],
    );
    expect(plan.update.map((u) => u.lines)).toEqual([[2]]);
    expect(plan.create.map((c) => [c.lines, c.draft.linkedinSlug])).toEqual([[[3], 'grace-two']]);
    expect(plan.create[0]!.warnings).toEqual(['also looks like Grace Hopper, who is already matched by line 2 with another LinkedIn profile']);
  });
});

describe('a refused file', () => {
  it('plans nothing at all', () => {
    const file = readImportFile('broken.csv', fixture('broken-unterminated-quote.csv'));
    const plan = planImport(file.rows, [ada], { problems: file.problems, skipped: file.skipped });
    expect(plan).toEqual({ create: [], update: [], skip: [], merged: [], problems: file.problems });
  });
});

describe('properties', () => {
  it('every line of the file is accounted for once; updates fill only empty fields and keep what the user wrote', () => {
    fc.assert(
      fc.property(contactsArb(6), contactsArb(6), fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }), (existing, incoming, keepSlug) => {
        // Some incoming people share a LinkedIn profile with an existing contact.
        const file = incoming.map((c, i) => {
          const twin = existing[i];
          return twin && keepSlug[i] && twin.linkedinSlug ? { ...c, linkedinSlug: twin.linkedinSlug, linkedinUrl: twin.linkedinUrl } : c;
        });
        // Existing slugs must be unique, as the store's index makes them.
        const seen = new Set<string>();
        const stored = existing.map((c) => {
          if (!c.linkedinSlug || !seen.has(c.linkedinSlug)) {
            if (c.linkedinSlug) seen.add(c.linkedinSlug);
            return c;
          }
          const { linkedinSlug: _s, linkedinUrl: _u, ...rest } = c;
          return rest as Contact;
        }).map((c, i) => ({ ...c, id: 100 + i }));
        const parsed = readImportFile('x.csv', contactsCsv(file));
        const plan = planImport(parsed.rows, stored, { skipped: parsed.skipped });
        const lines = [...plan.create.flatMap((c) => c.lines), ...plan.update.flatMap((u) => u.lines), ...plan.skip.map((s) => s.line)];
        expect(lines.sort((a, b) => a - b)).toEqual(parsed.rows.map((r) => r.line).concat(parsed.skipped.map((s) => s.line)).sort((a, b) => a - b));
        const byId = new Map(stored.map((c) => [c.id, c]));
        for (const update of plan.update) {
          const contact = byId.get(update.contactId)!;
          for (const key of Object.keys(update.fill) as (keyof Contact)[]) {
            const value = contact[key];
            expect(value === undefined || value === '' || (key === 'notes' && !String(value).trim())).toBe(true);
          }
          const patch = updatePatch(contact, update, ['headline', 'company', 'title', 'location']);
          expect(ContactPatch.safeParse(patch).success).toBe(true);
          for (const tag of contact.tags) expect(patch.tags ?? contact.tags).toContain(tag);
          for (const email of contact.emails) expect(patch.emails ?? contact.emails).toContain(email);
        }
        // A LinkedIn profile is never given to two contacts.
        const slugs = [
          ...stored.map((c) => c.linkedinSlug),
          ...plan.create.map((c) => c.draft.linkedinSlug),
          ...plan.update.map((u) => u.fill.linkedinSlug),
        ].filter(Boolean);
        expect(new Set(slugs).size).toBe(slugs.length);
      }),
      { numRuns: 100 },
    );
  });
});

describe('10,000 rows against 10,000 contacts (timing: tests/bench/import-formats.ts)', () => {
  it('parses a generated Connections.csv and plans it', () => {
    const lines = ['Notes:', '"Some e-mail addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
    for (let i = 0; i < 10_000; i++) lines.push(`Person,Number ${i},https://www.linkedin.com/in/person-${i},,"Company ${i % 300}, Inc",Engineer,12 Mar 2024`);
    const file = readImportFile('Connections.csv', `\uFEFF${lines.join('\r\n')}\r\n`);
    expect(file.problems).toEqual([]);
    expect(file.rows).toHaveLength(10_000);
    // Half of them known by profile, a quarter by name + company, the rest unknown.
    const existing = Array.from({ length: 10_000 }, (_, i) =>
      i < 5_000
        ? storedContact({ id: i + 1, name: `Person Number ${i}`, linkedinSlug: `person-${i}`, notes: '' })
        : i < 7_500
          ? storedContact({ id: i + 1, name: `person number ${i}`, company: `Company ${i % 300}`, notes: 'Mine', title: 'Engineer' })
          : storedContact({ id: i + 1, name: `Someone ${i}`, notes: '' }),
    );
    const plan = planImport(file.rows, existing);
    expect(plan.update.filter((u) => u.matchedBy === 'linkedin')).toHaveLength(5_000);
    expect(plan.update.filter((u) => u.matchedBy === 'name-company')).toHaveLength(2_500);
    expect(plan.create).toHaveLength(2_500);
  });
});
