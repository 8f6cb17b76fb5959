// The contact service's read side for the card: search, introductions, tags and types in use,
// over a real RapportDatabase (a fresh fake IndexedDB per test).
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import type { Contact, ContactDraft } from '../../../utils/model/contact';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

let db: RapportDatabase;
let contacts: ContactService;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-contact-queries-test');
  contacts = createContactService(db, () => T0);
});

afterEach(() => {
  db.close();
});

async function create(draft: ContactDraft): Promise<Contact> {
  return (await contacts.create(draft)).contact;
}

const names = (list: Contact[]) => list.map((c) => c.name);

describe('search', () => {
  beforeEach(async () => {
    for (const name of ['Charlotte Brontë', 'Ada Lovelace', 'Émile Loubet', 'Lord Byron', 'Carlos López', 'Grace Hopper']) {
      await create({ name });
    }
    await create({ name: 'Lola Archived', archivedAt: T0 - 1 });
  });

  it('matches anywhere in the name, prefix of the name first, then prefix of a word, then inside a word', async () => {
    expect(names(await contacts.search('lo', 10))).toEqual([
      'Lord Byron',
      // Word prefixes, by name.
      'Ada Lovelace',
      'Carlos López',
      'Émile Loubet',
      // Inside a word ("Charlotte").
      'Charlotte Brontë',
    ]);
  });

  it('ignores case and accents, in the query and in the names', async () => {
    expect(names(await contacts.search('BRONTE', 10))).toEqual(['Charlotte Brontë']);
    expect(names(await contacts.search('emile', 10))).toEqual(['Émile Loubet']);
    expect(names(await contacts.search('ÉMILE', 10))).toEqual(['Émile Loubet']);
    expect(names(await contacts.search('lopez', 10))).toEqual(['Carlos López']);
    expect(names(await contacts.search('Lövelace', 10))).toEqual(['Ada Lovelace']);
    // A decomposed accent in the query (e + combining acute).
    expect(names(await contacts.search('e\u0301mile', 10))).toEqual(['Émile Loubet']);
  });

  it('leaves archived contacts out', async () => {
    expect(names(await contacts.search('lola', 10))).toEqual([]);
    expect(names(await contacts.search('archived', 10))).toEqual([]);
  });

  it('answers at most `limit` contacts, the best first', async () => {
    expect(names(await contacts.search('lo', 2))).toEqual(['Lord Byron', 'Ada Lovelace']);
    expect(names(await contacts.search('o', 1))).toHaveLength(1);
  });

  it('trims the query; an empty or blank query finds nobody', async () => {
    expect(names(await contacts.search('  grace  ', 10))).toEqual(['Grace Hopper']);
    expect(await contacts.search('', 10)).toEqual([]);
    expect(await contacts.search('   ', 10)).toEqual([]);
    expect(await contacts.search('zzz', 10)).toEqual([]);
  });

  it('answers whole stored contacts', async () => {
    const [grace] = await contacts.search('hopper', 10);
    expect(grace).toEqual(await db.contacts.get(grace!.id));
  });
});

describe('introducedBy', () => {
  it('lists the people a contact introduced, by name, and nobody else', async () => {
    const ada = await create({ name: 'Ada Lovelace' });
    const bob = await create({ name: 'Bob Babbage' });
    await create({ name: 'Mary Somerville', introducedBy: ada.id });
    await create({ name: 'Charles Dickens', introducedBy: ada.id });
    await create({ name: 'Grace Hopper', introducedBy: bob.id });
    await create({ name: 'Alan Turing' });
    expect(names(await contacts.introducedBy(ada.id))).toEqual(['Charles Dickens', 'Mary Somerville']);
    expect(names(await contacts.introducedBy(bob.id))).toEqual(['Grace Hopper']);
    expect(await contacts.introducedBy(99)).toEqual([]);
  });

  it('follows contact.update of the introducer', async () => {
    const ada = await create({ name: 'Ada Lovelace' });
    const bob = await create({ name: 'Bob Babbage' });
    const mary = await create({ name: 'Mary Somerville', introducedBy: ada.id });
    await contacts.update(mary.id, { introducedBy: bob.id });
    expect(await contacts.introducedBy(ada.id)).toEqual([]);
    expect(names(await contacts.introducedBy(bob.id))).toEqual(['Mary Somerville']);
    await contacts.update(mary.id, { introducedBy: undefined });
    expect(await contacts.introducedBy(bob.id)).toEqual([]);
  });
});

describe('allTags', () => {
  it('is every tag in use, once each, over all contacts (a multi-entry index)', async () => {
    expect(await contacts.allTags()).toEqual([]);
    await create({ name: 'Ada', tags: ['poetry', 'maths'] });
    await create({ name: 'Bob', tags: ['maths', 'engines'] });
    await create({ name: 'Cy', tags: [] });
    await create({ name: 'Di', tags: ['poetry'], archivedAt: T0 });
    const tags = await contacts.allTags();
    expect(tags).toEqual(['engines', 'maths', 'poetry']);
    expect(new Set(tags).size).toBe(tags.length);
  });

  it('drops a tag once no contact has it', async () => {
    const ada = await create({ name: 'Ada', tags: ['poetry', 'maths'] });
    await create({ name: 'Bob', tags: ['maths'] });
    await contacts.update(ada.id, { tags: ['maths'] });
    expect(await contacts.allTags()).toEqual(['maths']);
  });
});

describe('typesInUse', () => {
  it('is every contact type in use, once each; contacts without a type add nothing', async () => {
    expect(await contacts.typesInUse()).toEqual([]);
    await create({ name: 'Ada', type: 'mentor' });
    await create({ name: 'Bob', type: 'board member' });
    await create({ name: 'Cy', type: 'mentor' });
    await create({ name: 'Di' });
    expect(await contacts.typesInUse()).toEqual(['board member', 'mentor']);
  });
});
