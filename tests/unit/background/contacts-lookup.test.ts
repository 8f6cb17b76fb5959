// The contact service's lookups for webmail pages (by address, by display name, many senders at
// once) and the derived nameKey they rely on, over a real RapportDatabase (a fresh fake
// IndexedDB per test).
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import type { Contact, ContactDraft } from '../../../utils/model/contact';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

let db: RapportDatabase;
let contacts: ContactService;
let clock: number;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-contact-lookup-test');
  clock = T0;
  contacts = createContactService(db, () => clock);
});

afterEach(() => {
  db.close();
});

async function create(draft: ContactDraft, lastContacted?: number): Promise<Contact> {
  const { contact } = await contacts.create(draft);
  if (lastContacted === undefined) return contact;
  // lastContacted is derived from the log by the interaction service; set it directly here.
  await db.contacts.update(contact.id, { lastContacted });
  return (await db.contacts.get(contact.id))!;
}

const ids = (list: (Contact | undefined)[]) => list.map((c) => c?.id);

describe('nameKey', () => {
  it('is derived from the name on create', async () => {
    const ada = await create({ name: 'LOVELACE, Àda  (she/her)' });
    expect(ada.nameKey).toBe('lovelace ada');
    expect((await db.contacts.get(ada.id))!.nameKey).toBe('lovelace ada');
    const thilde = await create({ name: 'Thilde Markström' });
    expect((await db.contacts.get(thilde.id))!.nameKey).toBe('thilde markstrom');
  });

  it('is indexed: the contact is found through it', async () => {
    const ada = await create({ name: 'Ada Lovelace' });
    expect(ids(await db.contacts.where('nameKey').equals('ada lovelace').toArray())).toEqual([ada.id]);
  });

  it('is left out, not stored empty, for a name with no letters', async () => {
    const odd = await create({ name: '🚀 ---' });
    expect(odd).not.toHaveProperty('nameKey');
    const stored = (await db.contacts.get(odd.id))!;
    expect(stored.name).toBe('🚀 ---');
    expect(stored).not.toHaveProperty('nameKey');
  });

  it('a caller cannot set it: it is always derived from the name', async () => {
    const ada = await create({ name: 'Ada Lovelace', nameKey: 'grace hopper' } as ContactDraft);
    expect((await db.contacts.get(ada.id))!.nameKey).toBe('ada lovelace');
  });

  it('follows a rename', async () => {
    const ada = await create({ name: 'Ada Byron' });
    const renamed = await contacts.update(ada.id, { name: 'Ada Lovelace' });
    expect(renamed.nameKey).toBe('ada lovelace');
    expect((await db.contacts.get(ada.id))!.nameKey).toBe('ada lovelace');
    expect(await contacts.findByName('Ada Byron')).toEqual([]);
    expect(ids(await contacts.findByName('Ada Lovelace'))).toEqual([ada.id]);
  });

  it('is dropped on a rename to a name with no letters, and comes back with the next one', async () => {
    const ada = await create({ name: 'Ada Lovelace' });
    const odd = await contacts.update(ada.id, { name: '🚀' });
    expect(odd).not.toHaveProperty('nameKey');
    expect((await db.contacts.get(ada.id))!).not.toHaveProperty('nameKey');
    expect(await contacts.findByName('Ada Lovelace')).toEqual([]);
    const back = await contacts.update(ada.id, { name: 'Ada King' });
    expect(back.nameKey).toBe('ada king');
  });

  it('is kept by an update that does not name the name', async () => {
    const ada = await create({ name: 'Ada Lovelace' });
    const updated = await contacts.update(ada.id, { headline: 'Analyst', company: 'Analytical Engines' });
    expect(updated.nameKey).toBe('ada lovelace');
    expect((await db.contacts.get(ada.id))!.nameKey).toBe('ada lovelace');
  });

  it('cannot be cleared with the name: clearing the name is refused and nothing changes', async () => {
    const ada = await create({ name: 'Ada Lovelace' });
    const before = await db.contacts.get(ada.id);
    await expect(contacts.update(ada.id, { name: null } as never)).rejects.toThrow();
    await expect(contacts.update(ada.id, { name: '   ' })).rejects.toThrow();
    expect(await db.contacts.get(ada.id)).toEqual(before);
    expect(ids(await contacts.findByName('Ada Lovelace'))).toEqual([ada.id]);
  });
});

describe('findByEmail', () => {
  it('finds the contact with the address, ignoring case and surrounding spaces', async () => {
    const ada = await create({ name: 'Ada Lovelace', emails: ['Ada@Analytical.example', 'countess@example.org'] });
    expect((await contacts.findByEmail('ada@analytical.example'))?.id).toBe(ada.id);
    expect((await contacts.findByEmail('ADA@ANALYTICAL.EXAMPLE'))?.id).toBe(ada.id);
    expect(await contacts.findByEmail('  Ada@Analytical.Example ')).toEqual(await db.contacts.get(ada.id));
    expect((await contacts.findByEmail('countess@example.org'))?.id).toBe(ada.id);
  });

  it('answers undefined for an unknown address, a partial one, or nothing', async () => {
    await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] });
    expect(await contacts.findByEmail('grace@navy.example')).toBeUndefined();
    expect(await contacts.findByEmail('ada@analytical')).toBeUndefined();
    expect(await contacts.findByEmail('analytical.example')).toBeUndefined();
    expect(await contacts.findByEmail('')).toBeUndefined();
    expect(await contacts.findByEmail('   ')).toBeUndefined();
  });

  it('never answers an archived contact', async () => {
    await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'], archivedAt: T0 - DAY });
    expect(await contacts.findByEmail('ada@analytical.example')).toBeUndefined();
  });

  it('answers the active contact when an archived one has the same address', async () => {
    await create({ name: 'Old Ada', emails: ['ada@analytical.example'], archivedAt: T0 - DAY });
    const ada = await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] });
    expect((await contacts.findByEmail('ada@analytical.example'))?.id).toBe(ada.id);
  });

  it('does not match by name', async () => {
    await create({ name: 'ada@analytical.example' });
    expect(await contacts.findByEmail('ada@analytical.example')).toBeUndefined();
  });
});

describe('findByName', () => {
  it('matches regardless of case, accents, spaces, pronouns and tags', async () => {
    const thilde = await create({ name: 'Thilde Markström' });
    for (const shown of ['Thilde Markström', 'thilde markstrom', 'THILDE  MARKSTROM', 'Thilde Markström (she/her)', '[EXT] Thilde Markstrom']) {
      expect(ids(await contacts.findByName(shown)), shown).toEqual([thilde.id]);
    }
  });

  it('matches "Surname, Given" against a contact stored given name first, and the reverse', async () => {
    const ada = await create({ name: 'Ada Lovelace' });
    expect(ids(await contacts.findByName('Lovelace, Ada'))).toEqual([ada.id]);
    expect(ids(await contacts.findByName('LOVELACE, Ada'))).toEqual([ada.id]);
    const grace = await create({ name: 'Hopper, Grace' });
    expect(ids(await contacts.findByName('Hopper, Grace'))).toEqual([grace.id]);
    // Stored "Hopper, Grace" (key "hopper grace") is found by the page's "Grace Hopper" too.
    expect(ids(await contacts.findByName('Grace Hopper'))).toEqual([grace.id]);
    const king = await create({ name: 'Lovelace, Ada King' });
    expect(ids(await contacts.findByName('Ada King Lovelace'))).toEqual([king.id]);
  });

  it('does not match part of a name', async () => {
    await create({ name: 'Ada Lovelace' });
    expect(await contacts.findByName('Ada')).toEqual([]);
    expect(await contacts.findByName('Lovelace')).toEqual([]);
    expect(await contacts.findByName('Ada Lovelace King')).toEqual([]);
  });

  it('answers nothing for a name with no letters, without reading', async () => {
    await create({ name: '🚀' });
    const where = vi.spyOn(db.contacts, 'where');
    expect(await contacts.findByName('🚀')).toEqual([]);
    expect(await contacts.findByName('')).toEqual([]);
    expect(await contacts.findByName('(she/her)')).toEqual([]);
    expect(where).not.toHaveBeenCalled();
  });

  it('never answers archived contacts', async () => {
    await create({ name: 'Ada Lovelace', archivedAt: T0 - DAY }, T0 - DAY);
    expect(await contacts.findByName('Ada Lovelace')).toEqual([]);
    const active = await create({ name: 'Ada Lovelace' });
    expect(ids(await contacts.findByName('Ada Lovelace'))).toEqual([active.id]);
  });

  it('answers everyone sharing the name, most recently contacted first, never contacted last', async () => {
    const never = await create({ name: 'Ada Lovelace' });
    const old = await create({ name: 'ada lovelace', emails: ['old@example.com'] }, T0 - 30 * DAY);
    const recent = await create({ name: 'ADA LOVELACE', emails: ['recent@example.com'] }, T0 - DAY);
    const middle = await create({ name: 'Lovelace, Ada' }, T0 - 10 * DAY);
    await create({ name: 'Ada Lovelace', archivedAt: T0 }, T0);
    await create({ name: 'Grace Hopper' }, T0);
    // "Lovelace, Ada" is stored as "lovelace ada": found through the family-name-first key of
    // the request, either way round.
    expect(ids(await contacts.findByName('Ada Lovelace'))).toEqual([recent.id, middle.id, old.id, never.id]);
    expect(ids(await contacts.findByName('Lovelace, Ada'))).toEqual([recent.id, middle.id, old.id, never.id]);
  });
});

describe('lookupSenders', () => {
  it('answers each address (normalised) and each display name (as given)', async () => {
    const ada = await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] });
    const grace = await create({ name: 'Grace Hopper', emails: ['grace@navy.example'] });
    const found = await contacts.lookupSenders([' ADA@Analytical.example', 'nobody@example.com'], ['Grace Hopper', 'Lovelace, Ada', 'Nobody']);
    expect([...found.emails.keys()]).toEqual(['ada@analytical.example', 'nobody@example.com']);
    expect(found.emails.get('ada@analytical.example')?.id).toBe(ada.id);
    expect(found.emails.get('ada@analytical.example')).toEqual(await db.contacts.get(ada.id));
    expect(found.emails.get('nobody@example.com')).toBeUndefined();
    expect([...found.names.keys()]).toEqual(['Grace Hopper', 'Lovelace, Ada', 'Nobody']);
    expect(ids(found.names.get('Grace Hopper')!)).toEqual([grace.id]);
    expect(ids(found.names.get('Lovelace, Ada')!)).toEqual([ada.id]);
    expect(found.names.get('Nobody')).toEqual([]);
  });

  it('finds a contact by any of its addresses', async () => {
    const ada = await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example', 'countess@example.org'] });
    const found = await contacts.lookupSenders(['countess@example.org', 'ada@analytical.example'], []);
    expect(found.emails.get('countess@example.org')?.id).toBe(ada.id);
    expect(found.emails.get('ada@analytical.example')?.id).toBe(ada.id);
  });

  it('never answers archived contacts, by address or by name', async () => {
    await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'], archivedAt: T0 - DAY }, T0);
    const found = await contacts.lookupSenders(['ada@analytical.example'], ['Ada Lovelace']);
    expect(found.emails.get('ada@analytical.example')).toBeUndefined();
    expect(found.names.get('Ada Lovelace')).toEqual([]);
  });

  it('answers the active contact when an archived one shares its address', async () => {
    await create({ name: 'Old Ada', emails: ['ada@analytical.example'], archivedAt: T0 - DAY });
    const ada = await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] });
    const found = await contacts.lookupSenders(['ada@analytical.example'], []);
    expect(found.emails.get('ada@analytical.example')?.id).toBe(ada.id);
  });

  it('lists everyone sharing a display name, most recently contacted first', async () => {
    const never = await create({ name: 'Ada Lovelace' });
    const old = await create({ name: 'Ada Lovelace', emails: ['old@example.com'] }, T0 - 30 * DAY);
    const recent = await create({ name: 'Ada Lovelace', emails: ['recent@example.com'] }, T0 - DAY);
    const stored = await create({ name: 'Lovelace, Ada' }, T0 - 10 * DAY);
    const found = await contacts.lookupSenders([], ['Ada Lovelace', 'Lovelace, Ada']);
    expect(ids(found.names.get('Ada Lovelace')!)).toEqual([recent.id, stored.id, old.id, never.id]);
    expect(ids(found.names.get('Lovelace, Ada')!)).toEqual([recent.id, stored.id, old.id, never.id]);
  });

  it('copes with duplicates in the request', async () => {
    const ada = await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] });
    const found = await contacts.lookupSenders(
      ['ada@analytical.example', 'ADA@analytical.example', 'ada@analytical.example'],
      ['Ada Lovelace', 'Ada Lovelace', 'ada lovelace'],
    );
    expect(found.emails.size).toBe(1);
    expect(found.emails.get('ada@analytical.example')?.id).toBe(ada.id);
    expect([...found.names.keys()]).toEqual(['Ada Lovelace', 'ada lovelace']);
    expect(ids(found.names.get('Ada Lovelace')!)).toEqual([ada.id]);
    expect(ids(found.names.get('ada lovelace')!)).toEqual([ada.id]);
  });

  it('answers empty maps for empty lists, without reading the store', async () => {
    await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] });
    const where = vi.spyOn(db.contacts, 'where');
    const found = await contacts.lookupSenders([], []);
    expect(found.emails.size).toBe(0);
    expect(found.names.size).toBe(0);
    expect(where).not.toHaveBeenCalled();
  });

  it('skips the read for blank addresses and names with no letters', async () => {
    await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] });
    const where = vi.spyOn(db.contacts, 'where');
    const found = await contacts.lookupSenders(['', '   '], ['---', '🚀']);
    expect(where).not.toHaveBeenCalled();
    expect([...found.emails.keys()]).toEqual([]);
    expect([...found.names.entries()]).toEqual([
      ['---', []],
      ['🚀', []],
    ]);
  });

  it('reads each distinct address and name key once, in one transaction', async () => {
    for (let i = 0; i < 30; i++) await create({ name: `Person ${i}`, emails: [`p${i}@example.com`] });
    const where = vi.spyOn(db.contacts, 'where');
    const found = await contacts.lookupSenders(
      Array.from({ length: 30 }, (_, i) => `p${i}@example.com`),
      Array.from({ length: 30 }, (_, i) => `Person ${i}`),
    );
    const transaction = vi.spyOn(db, 'transaction');
    // Each display name is read under two keys: "person 1" and, family name first, "1 person".
    expect(where).toHaveBeenCalledTimes(90);
    expect(where.mock.calls.filter(([index]) => (index as unknown) === 'emails')).toHaveLength(30);
    expect(where.mock.calls.filter(([index]) => (index as unknown) === 'nameKey')).toHaveLength(60);
    transaction.mockClear();
    await contacts.lookupSenders(['p1@example.com', 'P1@example.com', 'p1@example.com'], []);
    expect(transaction).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 30; i++) {
      expect(found.emails.get(`p${i}@example.com`)?.name).toBe(`Person ${i}`);
      expect(found.names.get(`Person ${i}`)?.map((c) => c.name)).toEqual([`Person ${i}`]);
    }
  });

  it('only reads the index that has something to look up', async () => {
    await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] });
    const where = vi.spyOn(db.contacts, 'where');
    await contacts.lookupSenders(['ada@analytical.example'], []);
    expect(where.mock.calls.map(([index]) => index)).toEqual(['emails']);
    where.mockClear();
    await contacts.lookupSenders([], ['Ada Lovelace']);
    expect(where.mock.calls.map(([index]) => index)).toEqual(['nameKey', 'nameKey']);
    where.mockClear();
    await contacts.lookupSenders([], []);
    expect(where).not.toHaveBeenCalled();
  });

  it('agrees with findByEmail and findByName', async () => {
    await create({ name: 'Ada Lovelace', emails: ['ada@analytical.example'] }, T0 - 2 * DAY);
    await create({ name: 'Ada Lovelace', emails: ['other.ada@example.com'] }, T0 - DAY);
    await create({ name: 'Grace Hopper', emails: ['grace@navy.example'], archivedAt: T0 });
    const emails = ['ada@analytical.example', 'other.ada@example.com', 'grace@navy.example', 'x@example.com'];
    const names = ['Ada Lovelace', 'Lovelace, Ada', 'Grace Hopper'];
    const found = await contacts.lookupSenders(emails, names);
    for (const email of emails) expect(found.emails.get(email), email).toEqual(await contacts.findByEmail(email));
    for (const name of names) expect(found.names.get(name), name).toEqual(await contacts.findByName(name));
  });
});
