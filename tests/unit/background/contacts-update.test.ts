// The contact service's `update` and `atCompany` over a real RapportDatabase (a fresh fake
// IndexedDB per test).
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import { RequestError } from '../../../utils/background/request-error';
import { companyKey } from '../../../utils/company-name';
import { Contact, type ContactDraft, type ContactPatch } from '../../../utils/model/contact';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

let db: RapportDatabase;
let clock: number;
let contacts: ContactService;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-contacts-test');
  clock = T0;
  contacts = createContactService(db, () => clock);
});

afterEach(() => {
  db.close();
});

const ada: ContactDraft = {
  name: 'Ada Lovelace',
  headline: 'Analyst of engines',
  company: 'Analytical Engines, Ltd.',
  title: 'Analyst',
  location: 'London',
  emails: ['ada@example.com'],
  phones: ['+44 20 7946 0000'],
  linkedinSlug: 'ada-lovelace',
  linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
  tags: ['mathematics', 'poetry'],
  type: 'mentor',
  howWeMet: { event: 'Analytical Society soirée', date: T0 - 86_400_000 },
  notes: 'Prefers letters.\nAsk about the Bernoulli numbers.',
  interests: 'Poetical science',
  cadenceDays: 30,
};

async function create(draft: ContactDraft): Promise<Contact> {
  const { contact } = await contacts.create(draft);
  return contact;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe('update', () => {
  it('a patch naming only the headline changes only the headline (and updatedAt)', async () => {
    const before = await create(ada);
    clock += 60_000;
    const after = await contacts.update(before.id, { headline: 'Poetical scientist' });
    expect(after).toEqual({ ...before, headline: 'Poetical scientist', updatedAt: T0 + 60_000 });
    expect(await db.contacts.get(before.id)).toEqual(after);
    // Notes, tags and e-mails are not reset to their defaults.
    expect(after.notes).toBe(ada.notes);
    expect(after.tags).toEqual(['mathematics', 'poetry']);
    expect(after.emails).toEqual(['ada@example.com']);
    expect(after.phones).toEqual(['+44 20 7946 0000']);
  });

  it('an empty patch changes nothing but updatedAt', async () => {
    const before = await create(ada);
    clock += 1;
    expect(await contacts.update(before.id, {})).toEqual({ ...before, updatedAt: T0 + 1 });
  });

  it('never moves updatedAt backwards', async () => {
    const before = await create(ada);
    clock -= 10_000;
    expect((await contacts.update(before.id, { title: 'Countess' })).updatedAt).toBe(T0);
  });

  it('applies several fields at once, parsed by the patch schema (trimmed, lowercased e-mails)', async () => {
    const before = await create(ada);
    const after = await contacts.update(before.id, {
      name: '  Augusta Ada King  ',
      emails: ['  ADA@Example.com ', 'countess@example.com'],
      howWeMet: { place: 'London' },
    });
    expect(after).toMatchObject({
      name: 'Augusta Ada King',
      emails: ['ada@example.com', 'countess@example.com'],
      howWeMet: { place: 'London' },
      notes: ada.notes,
    });
  });

  it('de-duplicates e-mails, phones and tags', async () => {
    const before = await create(ada);
    const after = await contacts.update(before.id, {
      emails: ['a@example.com', 'A@example.com', 'b@example.com', 'a@example.com'],
      phones: ['123', '123'],
      tags: ['x', 'y', 'x'],
    });
    expect(after.emails).toEqual(['a@example.com', 'b@example.com']);
    expect(after.phones).toEqual(['123']);
    expect(after.tags).toEqual(['x', 'y']);
    expect(await db.contacts.where('tags').equals('x').count()).toBe(1);
  });

  it('recomputes companyKey when the company changes, and only then', async () => {
    const before = await create(ada);
    expect(before.companyKey).toBe('analytical engines');
    const moved = await contacts.update(before.id, { company: 'Babbage & Sons GmbH' });
    expect(moved).toMatchObject({ company: 'Babbage & Sons GmbH', companyKey: companyKey('Babbage & Sons GmbH') });
    expect(moved.companyKey).toBe('babbage and sons');
    expect(await db.contacts.where('companyKey').equals('babbage and sons').count()).toBe(1);
    expect(await db.contacts.where('companyKey').equals('analytical engines').count()).toBe(0);

    const retitled = await contacts.update(before.id, { title: 'Engineer' });
    expect(retitled.companyKey).toBe('babbage and sons');
  });

  it('setting a field to undefined removes it (and the company key with the company)', async () => {
    const before = await create(ada);
    const after = await contacts.update(before.id, { headline: undefined, company: undefined, cadenceDays: undefined });
    for (const field of ['headline', 'company', 'companyKey', 'cadenceDays'] as const) {
      expect(after, field).not.toHaveProperty(field);
    }
    const stored = await db.contacts.get(before.id);
    expect(Object.keys(stored!).sort()).toEqual(Object.keys(after).sort());
    expect(stored).not.toHaveProperty('headline');
    expect(await db.contacts.where('companyKey').equals('analytical engines').count()).toBe(0);
    // The rest is kept.
    expect(after).toMatchObject({ name: 'Ada Lovelace', title: 'Analyst', notes: ada.notes, tags: ['mathematics', 'poetry'] });
  });

  it('setting a field to null removes it (and the company key with the company)', async () => {
    const before = await create(ada);
    clock += 1_000;
    const after = await contacts.update(before.id, { headline: null, company: null, cadenceDays: null });
    const { headline: _h, company: _c, companyKey: _k, cadenceDays: _d, ...kept } = before;
    expect(after).toStrictEqual({ ...kept, updatedAt: T0 + 1_000 });
    expect(await db.contacts.get(before.id)).toStrictEqual(after);
    expect(await db.contacts.where('companyKey').equals('analytical engines').count()).toBe(0);
  });

  it('nextFollowUp null removes the planned follow-up and keeps everything else', async () => {
    const before = await create({ ...ada, nextFollowUp: T0 + 7 * 86_400_000 });
    expect(before.nextFollowUp).toBe(T0 + 7 * 86_400_000);
    clock += 1_000;
    const after = await contacts.update(before.id, { nextFollowUp: null });
    const { nextFollowUp: _dropped, ...kept } = before;
    expect(after).toStrictEqual({ ...kept, updatedAt: T0 + 1_000 });
    expect(await db.contacts.get(before.id)).toStrictEqual(after);
    expect(await db.contacts.get(before.id)).not.toHaveProperty('nextFollowUp');
  });

  it('introducedBy null removes the introducer and keeps everything else', async () => {
    const grace = await create({ name: 'Grace Hopper' });
    const before = await create({ ...ada, introducedBy: grace.id });
    expect(await contacts.introducedBy(grace.id)).toEqual([before]);
    clock += 1_000;
    const after = await contacts.update(before.id, { introducedBy: null });
    const { introducedBy: _dropped, ...kept } = before;
    expect(after).toStrictEqual({ ...kept, updatedAt: T0 + 1_000 });
    expect(await db.contacts.get(before.id)).toStrictEqual(after);
    expect(await contacts.introducedBy(grace.id)).toEqual([]);
    // The introducer is untouched.
    expect(await db.contacts.get(grace.id)).toStrictEqual(grace);
  });

  it('linkedinSlug and linkedinUrl null remove the profile and keep everything else; the slug is free again', async () => {
    const before = await create(ada);
    clock += 1_000;
    const after = await contacts.update(before.id, { linkedinSlug: null, linkedinUrl: null });
    const { linkedinSlug: _slug, linkedinUrl: _url, ...kept } = before;
    expect(after).toStrictEqual({ ...kept, updatedAt: T0 + 1_000 });
    expect(await db.contacts.get(before.id)).toStrictEqual(after);
    expect(await contacts.findBySlug('ada-lovelace')).toBeUndefined();
    const other = await create({ name: 'Another Ada' });
    expect((await contacts.update(other.id, { linkedinSlug: 'ada-lovelace' })).linkedinSlug).toBe('ada-lovelace');
  });

  it('a patch that went through JSON (as Chrome messaging sends it) still clears with null', async () => {
    const before = await create({ ...ada, nextFollowUp: T0 + 86_400_000, introducedBy: 99 });
    const patch: ContactPatch = { nextFollowUp: null, introducedBy: null, linkedinSlug: null, linkedinUrl: null };
    const sent = JSON.parse(JSON.stringify(patch)) as ContactPatch;
    expect(sent).toStrictEqual(patch);
    clock += 1_000;
    const after = await contacts.update(before.id, sent);
    const { nextFollowUp: _f, introducedBy: _i, linkedinSlug: _s, linkedinUrl: _u, ...kept } = before;
    expect(after).toStrictEqual({ ...kept, updatedAt: T0 + 1_000 });
    expect(await db.contacts.get(before.id)).toStrictEqual(after);
  });

  it('undefined does not survive JSON: such a patch arrives empty and clears nothing', async () => {
    const before = await create({ ...ada, nextFollowUp: T0 + 86_400_000 });
    const sent = JSON.parse(JSON.stringify({ nextFollowUp: undefined })) as ContactPatch;
    expect(sent).toStrictEqual({});
    clock += 1_000;
    expect(await contacts.update(before.id, sent)).toStrictEqual({ ...before, updatedAt: T0 + 1_000 });
  });

  it('notes null fall back to empty notes; the record stays a valid contact', async () => {
    const before = await create(ada);
    const after = await contacts.update(before.id, { notes: null, tags: null });
    expect(after).toMatchObject({ notes: '', tags: [], emails: ['ada@example.com'] });
    expect(Contact.safeParse(await db.contacts.get(before.id)).success).toBe(true);
  });

  it('clearing a list or the notes falls back to the defaults; the record stays a valid contact', async () => {
    const before = await create(ada);
    const after = await contacts.update(before.id, { emails: undefined, tags: [], notes: undefined });
    expect(after).toMatchObject({ emails: [], tags: [], notes: '' });
    expect(Contact.safeParse(await db.contacts.get(before.id)).success).toBe(true);
  });

  it.each([
    ['null', { name: null }],
    ['undefined', { name: undefined }],
  ])('the name cannot be removed (with %s): the patch is refused and nothing is written', async (_, patch) => {
    const before = await create(ada);
    const error = await rejection(contacts.update(before.id, patch));
    expect(error).toBeInstanceOf(z.ZodError);
    expect((error as z.ZodError).issues.map((i) => i.path.join('.'))).toEqual(['name']);
    expect(await db.contacts.get(before.id)).toEqual(before);
  });

  it('refuses an invalid patch before touching the store', async () => {
    const before = await create(ada);
    for (const patch of [
      { name: '' },
      { emails: ['nope'] },
      { nickname: 'Ada' },
      { companyKey: 'x' },
      { companyKey: null },
      { notes: 42 },
      { headline: '' },
      { nextFollowUp: -1 },
      { introducedBy: 0 },
    ]) {
      const error = await rejection(contacts.update(before.id, patch as unknown as ContactPatch));
      expect(error, JSON.stringify(patch)).toBeInstanceOf(z.ZodError);
    }
    expect(await db.contacts.get(before.id)).toEqual(before);
  });

  it("a LinkedIn profile owned by another contact is invalid-request, and nothing is written", async () => {
    const owner = await create(ada);
    const other = await create({ name: 'Bob Babbage', linkedinSlug: 'bob-babbage', notes: 'b' });
    const error = await rejection(contacts.update(other.id, { linkedinSlug: 'ada-lovelace', headline: 'Impostor' }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('invalid-request');
    expect((error as RequestError).message).toContain('Ada Lovelace');
    expect(await db.contacts.get(other.id)).toEqual(other);
    expect(await db.contacts.get(owner.id)).toEqual(owner);
  });

  it('a contact may keep or take its own (or a free) LinkedIn profile', async () => {
    const contact = await create(ada);
    expect((await contacts.update(contact.id, { linkedinSlug: 'ada-lovelace', headline: 'Same' })).linkedinSlug).toBe('ada-lovelace');
    const moved = await contacts.update(contact.id, { linkedinSlug: 'augusta-ada-king' });
    expect(moved.linkedinSlug).toBe('augusta-ada-king');
    expect(await contacts.findBySlug('augusta-ada-king')).toEqual(moved);
    expect(await contacts.findBySlug('ada-lovelace')).toBeUndefined();
    // The freed profile can now go to someone else.
    const other = await create({ name: 'Another Ada' });
    expect((await contacts.update(other.id, { linkedinSlug: 'ada-lovelace' })).linkedinSlug).toBe('ada-lovelace');
  });

  it('a missing contact is not-found, and nothing is written', async () => {
    await create(ada);
    const error = await rejection(contacts.update(404, { headline: 'x' }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('not-found');
    expect((error as RequestError).message).toContain('404');
    expect(await db.contacts.count()).toBe(1);
    expect(await db.contacts.get(404)).toBeUndefined();
  });
});

describe('atCompany', () => {
  async function seed() {
    const drafts: ContactDraft[] = [
      { name: 'Mary Somerville', company: 'Analytical Engines' },
      { name: 'Charles Babbage', company: 'ANALYTICAL ENGINES GmbH' },
      { name: 'ada Lovelace', company: 'Analytical Engines, Ltd.' },
      { name: 'Archibald Archived', company: 'Analytical Engines Inc.', archivedAt: T0 - 1 },
      { name: 'Grace Hopper', company: 'US Navy' },
      { name: 'Nobody Employed' },
      { name: 'Engine Enthusiast', company: 'Analytical Engine Fans' },
    ];
    for (const draft of drafts) await create(draft);
  }

  it('matches by companyKey whatever the case, punctuation or legal form; archived left out; sorted by name', async () => {
    await seed();
    const people = await contacts.atCompany(companyKey('Analytical Engines, Inc.')!);
    expect(people.map((p) => p.name)).toEqual(['ada Lovelace', 'Charles Babbage', 'Mary Somerville']);
    expect(people.every((p) => p.companyKey === 'analytical engines')).toBe(true);
  });

  it('finds nobody at an unknown company', async () => {
    await seed();
    expect(await contacts.atCompany('initech')).toEqual([]);
  });

  it('follows updates: a job change moves the person to the new company', async () => {
    await seed();
    const mary = (await contacts.atCompany('analytical engines')).find((p) => p.name === 'Mary Somerville');
    await contacts.update(mary!.id, { company: 'US Navy Inc' });
    expect((await contacts.atCompany('analytical engines')).map((p) => p.name)).toEqual(['ada Lovelace', 'Charles Babbage']);
    expect((await contacts.atCompany('us navy')).map((p) => p.name)).toEqual(['Grace Hopper', 'Mary Somerville']);
    // Archiving takes someone out.
    const [grace] = await contacts.atCompany('us navy');
    await contacts.update(grace!.id, { archivedAt: T0 });
    expect((await contacts.atCompany('us navy')).map((p) => p.name)).toEqual(['Mary Somerville']);
  });

  it('returns at most `limit` people', async () => {
    for (let i = 0; i < 60; i++) await create({ name: `Person ${String(i).padStart(2, '0')}`, company: 'Acme' });
    expect(await contacts.atCompany('acme')).toHaveLength(50);
    const three = await contacts.atCompany('acme', 3);
    expect(three.map((p) => p.name)).toEqual(['Person 00', 'Person 01', 'Person 02']);
  });
});
