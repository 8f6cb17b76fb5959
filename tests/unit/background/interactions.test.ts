// The interaction log over a real RapportDatabase (a fresh fake IndexedDB per test): writes,
// undo, de-duplication of external items, and the contact's derived `lastContacted`.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import { createInteractionService, type InteractionService } from '../../../utils/background/interactions';
import { RequestError } from '../../../utils/background/request-error';
import type { Contact } from '../../../utils/model/contact';
import { Interaction } from '../../../utils/model/interaction';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

let db: RapportDatabase;
let clock: number;
let contacts: ContactService;
let interactions: InteractionService;
let ada: Contact;
let bob: Contact;

beforeEach(async () => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-interactions-test');
  clock = T0;
  contacts = createContactService(db, () => clock);
  interactions = createInteractionService(db, () => clock);
  ada = (await contacts.create({ name: 'Ada Lovelace', linkedinSlug: 'ada-lovelace' })).contact;
  bob = (await contacts.create({ name: 'Bob Babbage' })).contact;
  clock += 1_000;
});

afterEach(() => {
  db.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

async function expectNotFound(promise: Promise<unknown>, id: number) {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(RequestError);
  expect((error as RequestError).code).toBe('not-found');
  expect((error as RequestError).message).toContain(String(id));
}

/** Everything in the store, to assert that a refused call wrote nothing. */
async function snapshot() {
  return { contacts: await db.contacts.toArray(), interactions: await db.interactions.toArray() };
}

const lastContacted = async (id: number) => (await db.contacts.get(id))?.lastContacted;

describe('log', () => {
  it('stores the interaction with defaults, timestamps and no undefined fields, and returns what it stored', async () => {
    const { interaction, created } = await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY });
    expect(created).toBe(true);
    expect(interaction).toEqual({
      id: expect.any(Number),
      contactId: ada.id,
      kind: 'call',
      when: T0 - DAY,
      summary: '',
      source: 'manual',
      createdAt: T0 + 1_000,
      updatedAt: T0 + 1_000,
    });
    const stored = await db.interactions.get(interaction.id);
    expect(stored).toEqual(interaction);
    for (const key of ['details', 'debrief', 'externalId']) expect(Object.hasOwn(stored!, key), key).toBe(false);
    expect(Interaction.safeParse(stored).success).toBe(true);
  });

  it('stores the informational-interview debrief and the details', async () => {
    const debrief = { goals: 'yes', answers: 'partly', names: 'no' } as const;
    const { interaction } = await interactions.log({
      contactId: ada.id,
      kind: 'informational-interview',
      when: T0,
      summary: 'Her path into engines',
      details: 'Read Menabrea first.',
      debrief,
    });
    expect(await db.interactions.get(interaction.id)).toMatchObject({
      kind: 'informational-interview',
      summary: 'Her path into engines',
      details: 'Read Menabrea first.',
      debrief,
    });
  });

  it('refuses invalid input and writes nothing', async () => {
    const before = await snapshot();
    for (const input of [
      { contactId: ada.id, kind: 'telegram', when: T0 },
      { contactId: ada.id, kind: 'call', when: -1 },
      { contactId: ada.id, kind: 'call', when: T0, summary: 'x'.repeat(1_001) },
      { contactId: ada.id, kind: 'call', when: T0, debrief: { goals: 'maybe' } },
      { contactId: ada.id, kind: 'call', when: T0, externalId: '   ' },
      { contactId: 0, kind: 'call', when: T0 },
    ]) {
      expect(await rejection(interactions.log(input as never)), JSON.stringify(input)).toBeInstanceOf(z.ZodError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('for a contact that does not exist is not-found and writes nothing', async () => {
    const before = await snapshot();
    await expectNotFound(interactions.log({ contactId: 99, kind: 'call', when: T0 }), 99);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the same external item is logged once per contact', () => {
  it('a second log with the same externalId returns the first with created: false and writes nothing', async () => {
    const first = await interactions.log({ contactId: ada.id, kind: 'email', when: T0 - DAY, summary: 'Re: engines', source: 'gmail', externalId: 'msg-1' });
    expect(first.created).toBe(true);
    expect(first.interaction).toMatchObject({ source: 'gmail', externalId: 'msg-1' });
    const before = await snapshot();

    clock += 60_000;
    const again = await interactions.log({ contactId: ada.id, kind: 'email', when: T0, summary: 'changed', source: 'gmail', externalId: 'msg-1' });
    expect(again).toEqual({ interaction: first.interaction, created: false });
    // Not even lastContacted moves to the later date of the duplicate.
    expect(await snapshot()).toEqual(before);
    expect(await lastContacted(ada.id)).toBe(T0 - DAY);
  });

  it('the same externalId for another contact, or another externalId, is a new entry', async () => {
    await interactions.log({ contactId: ada.id, kind: 'email', when: T0, externalId: 'msg-1' });
    expect((await interactions.log({ contactId: bob.id, kind: 'email', when: T0, externalId: 'msg-1' })).created).toBe(true);
    expect((await interactions.log({ contactId: ada.id, kind: 'email', when: T0, externalId: 'msg-2' })).created).toBe(true);
    // Entries without an externalId are never de-duplicated.
    expect((await interactions.log({ contactId: ada.id, kind: 'email', when: T0 })).created).toBe(true);
    expect((await interactions.log({ contactId: ada.id, kind: 'email', when: T0 })).created).toBe(true);
    expect(await db.interactions.count()).toBe(5);
  });
});

describe("the contact's lastContacted follows the log", () => {
  it('is absent before anything is logged, then the latest when', async () => {
    expect(Object.hasOwn((await db.contacts.get(ada.id))!, 'lastContacted')).toBe(false);
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - 5 * DAY });
    expect(await lastContacted(ada.id)).toBe(T0 - 5 * DAY);
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY });
    expect(await lastContacted(ada.id)).toBe(T0 - DAY);
    // Only Ada's.
    expect(await lastContacted(bob.id)).toBeUndefined();
  });

  it('a back-dated entry does not lower it, and leaves the contact untouched', async () => {
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY });
    const contact = await db.contacts.get(ada.id);
    clock += 5_000;
    await interactions.log({ contactId: ada.id, kind: 'meeting', when: T0 - 30 * DAY });
    expect(await db.contacts.get(ada.id)).toEqual(contact);
    expect(contact?.lastContacted).toBe(T0 - DAY);
  });

  it('a change of lastContacted bumps the contact updatedAt, never backwards', async () => {
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY });
    expect((await db.contacts.get(ada.id))?.updatedAt).toBe(T0 + 1_000);
    clock = T0 - 10 * DAY;
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 });
    expect(await db.contacts.get(ada.id)).toMatchObject({ lastContacted: T0, updatedAt: T0 + 1_000 });
  });

  it('deleting the latest entry lowers it to the next latest', async () => {
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - 3 * DAY });
    const latest = (await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY })).interaction;
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - 2 * DAY });
    await interactions.remove(latest.id);
    expect(await lastContacted(ada.id)).toBe(T0 - 2 * DAY);
  });

  it('deleting an older entry leaves it', async () => {
    const older = (await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - 3 * DAY })).interaction;
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY });
    await interactions.remove(older.id);
    expect(await lastContacted(ada.id)).toBe(T0 - DAY);
  });

  it('deleting the only entry removes it (the field, not a stale or undefined value)', async () => {
    const only = (await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY })).interaction;
    await interactions.remove(only.id);
    const contact = await db.contacts.get(ada.id);
    expect(Object.hasOwn(contact!, 'lastContacted')).toBe(false);
  });

  it('moving the latest entry back in time lowers it; moving an old one forward raises it', async () => {
    const a = (await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY })).interaction;
    const b = (await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - 2 * DAY })).interaction;
    await interactions.update(a.id, { when: T0 - 10 * DAY });
    expect(await lastContacted(ada.id)).toBe(T0 - 2 * DAY);
    await interactions.update(b.id, { when: T0 + DAY });
    expect(await lastContacted(ada.id)).toBe(T0 + DAY);
  });

  it('always equals the latest when of the log after a mixed sequence of writes', async () => {
    const expectDerived = async () => {
      const log = await interactions.forContact(ada.id);
      const contact = await db.contacts.get(ada.id);
      if (log.length === 0) expect(Object.hasOwn(contact!, 'lastContacted')).toBe(false);
      else expect(contact?.lastContacted).toBe(Math.max(...log.map((i) => i.when)));
    };
    const ids: number[] = [];
    for (const offset of [4, 9, 1, 7]) {
      ids.push((await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - offset * DAY })).interaction.id);
      await expectDerived();
    }
    const removed = await interactions.remove(ids[2]!);
    await expectDerived();
    await interactions.update(ids[0]!, { when: T0 + 2 * DAY });
    await expectDerived();
    await interactions.restore(removed);
    await expectDerived();
    for (const id of ids) {
      await interactions.remove(id);
      await expectDerived();
    }
  });
});

describe('update', () => {
  it('changes exactly the fields given (a new date keeps the summary) and bumps updatedAt', async () => {
    const { interaction } = await interactions.log({
      contactId: ada.id,
      kind: 'meeting',
      when: T0 - DAY,
      summary: 'Coffee',
      details: 'At the Society',
      debrief: { goals: 'yes' },
    });
    clock += 60_000;
    const moved = await interactions.update(interaction.id, { when: T0 - 2 * DAY });
    expect(moved).toEqual({ ...interaction, when: T0 - 2 * DAY, updatedAt: T0 + 61_000 });
    expect(await db.interactions.get(interaction.id)).toEqual(moved);

    clock += 1_000;
    const renamed = await interactions.update(interaction.id, { summary: 'Tea', kind: 'call' });
    expect(renamed).toEqual({ ...moved, summary: 'Tea', kind: 'call', updatedAt: T0 + 62_000 });
    const debriefed = await interactions.update(interaction.id, { debrief: { goals: 'partly', memorable: 'yes' } });
    expect(debriefed).toEqual({ ...renamed, debrief: { goals: 'partly', memorable: 'yes' } });
  });

  it('never moves updatedAt backwards', async () => {
    const { interaction } = await interactions.log({ contactId: ada.id, kind: 'call', when: T0 });
    clock -= 10_000;
    expect((await interactions.update(interaction.id, { summary: 'x' })).updatedAt).toBe(interaction.updatedAt);
  });

  it('refuses the contact, the source and the external id, and invalid values', async () => {
    const { interaction } = await interactions.log({ contactId: ada.id, kind: 'call', when: T0 });
    const before = await snapshot();
    for (const change of [{ contactId: bob.id }, { source: 'gmail' }, { externalId: 'x' }, { kind: 'fax' }, { when: -1 }, { id: 7 }]) {
      expect(await rejection(interactions.update(interaction.id, change as never)), JSON.stringify(change)).toBeInstanceOf(z.ZodError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('of a missing interaction is not-found and writes nothing', async () => {
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 });
    const before = await snapshot();
    await expectNotFound(interactions.update(42, { summary: 'x' }), 42);
    expect(await snapshot()).toEqual(before);
  });
});

describe('remove and restore (undo)', () => {
  it('remove returns the deleted row exactly as stored', async () => {
    const { interaction } = await interactions.log({ contactId: ada.id, kind: 'call', when: T0, summary: 'Hi', debrief: { goals: 'no' } });
    const stored = await db.interactions.get(interaction.id);
    expect(await interactions.remove(interaction.id)).toEqual(stored);
    expect(await db.interactions.get(interaction.id)).toBeUndefined();
  });

  it('restore puts it back with the same id, and lastContacted comes back', async () => {
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - 5 * DAY });
    const { interaction } = await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY, summary: 'Latest' });
    const deleted = await interactions.remove(interaction.id);
    expect(await lastContacted(ada.id)).toBe(T0 - 5 * DAY);

    clock += 60_000;
    const restored = await interactions.restore(deleted);
    expect(restored).toEqual(interaction);
    expect(await db.interactions.get(interaction.id)).toEqual(interaction);
    expect(await lastContacted(ada.id)).toBe(T0 - DAY);
    expect((await interactions.forContact(ada.id)).map((i) => i.id)).toContain(interaction.id);
  });

  it('restore of the only entry brings lastContacted back from absent', async () => {
    const { interaction } = await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - DAY });
    await interactions.restore(await interactions.remove(interaction.id));
    expect(await lastContacted(ada.id)).toBe(T0 - DAY);
  });

  it('restoring an interaction that exists is refused and writes nothing', async () => {
    const { interaction } = await interactions.log({ contactId: ada.id, kind: 'call', when: T0 });
    const before = await snapshot();
    const error = await rejection(interactions.restore({ ...interaction, summary: 'overwrite?' }));
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('invalid-request');
    expect(await snapshot()).toEqual(before);
  });

  it("restoring for a contact that no longer exists is not-found and writes nothing", async () => {
    const { interaction } = await interactions.log({ contactId: bob.id, kind: 'call', when: T0 });
    const deleted = await interactions.remove(interaction.id);
    await db.contacts.delete(bob.id);
    const before = await snapshot();
    await expectNotFound(interactions.restore(deleted), bob.id);
    expect(await snapshot()).toEqual(before);
  });

  it('remove of a missing interaction is not-found and writes nothing', async () => {
    await interactions.log({ contactId: ada.id, kind: 'call', when: T0 });
    const before = await snapshot();
    await expectNotFound(interactions.remove(77), 77);
    expect(await snapshot()).toEqual(before);
  });
});

describe('forContact', () => {
  it("lists one contact's interactions newest first, whatever the order they were logged in", async () => {
    const whens = [T0 - 3 * DAY, T0, T0 - 10 * DAY, T0 - DAY, T0 + DAY];
    for (const when of whens) await interactions.log({ contactId: ada.id, kind: 'call', when });
    await interactions.log({ contactId: bob.id, kind: 'call', when: T0 - 2 * DAY });
    const log = await interactions.forContact(ada.id);
    expect(log.map((i) => i.when)).toEqual([...whens].sort((a, b) => b - a));
    expect(log.every((i) => i.contactId === ada.id)).toBe(true);
    expect(await interactions.forContact(bob.id)).toHaveLength(1);
    expect(await interactions.forContact(99)).toEqual([]);
  });
});
