// Commitments (promises made to a contact) over a real RapportDatabase: reminders with reason
// 'commitment'.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommitmentService, type CommitmentService } from '../../../utils/background/commitments';
import { createContactService } from '../../../utils/background/contacts';
import { RequestError } from '../../../utils/background/request-error';
import type { Contact } from '../../../utils/model/contact';
import { Reminder } from '../../../utils/model/reminder';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

let db: RapportDatabase;
let clock: number;
let commitments: CommitmentService;
let ada: Contact;
let bob: Contact;

beforeEach(async () => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-commitments-test');
  clock = T0;
  const contacts = createContactService(db, () => clock);
  commitments = createCommitmentService(db, () => clock);
  ada = (await contacts.create({ name: 'Ada Lovelace' })).contact;
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

const snapshot = async () => ({ contacts: await db.contacts.toArray(), reminders: await db.reminders.toArray() });

describe('add', () => {
  it('stores an open reminder with reason commitment, and returns what it stored', async () => {
    const reminder = await commitments.add(ada.id, 'Send the article on Bernoulli numbers', T0 + 3 * DAY);
    expect(reminder).toEqual({
      id: expect.any(Number),
      contactId: ada.id,
      due: T0 + 3 * DAY,
      reason: 'commitment',
      text: 'Send the article on Bernoulli numbers',
      status: 'open',
      createdAt: T0 + 1_000,
      updatedAt: T0 + 1_000,
    });
    expect(await db.reminders.get(reminder.id)).toEqual(reminder);
    expect(Reminder.safeParse(reminder).success).toBe(true);
    // The contact itself is not touched.
    expect((await db.contacts.get(ada.id))?.updatedAt).toBe(T0);
  });

  it('for a contact that does not exist is not-found and writes nothing', async () => {
    const before = await snapshot();
    await expectNotFound(commitments.add(99, 'x', T0), 99);
    expect(await snapshot()).toEqual(before);
  });
});

describe('forContact', () => {
  it("lists only this contact's commitments: open ones first, each group by due date", async () => {
    const late = await commitments.add(ada.id, 'late', T0 + 9 * DAY);
    const soon = await commitments.add(ada.id, 'soon', T0 + DAY);
    const doneEarly = await commitments.add(ada.id, 'done early', T0 - 5 * DAY);
    const doneLate = await commitments.add(ada.id, 'done late', T0 + 20 * DAY);
    const overdue = await commitments.add(ada.id, 'overdue', T0 - 2 * DAY);
    await commitments.setDone(doneLate.id, true);
    await commitments.setDone(doneEarly.id, true);
    await commitments.add(bob.id, "Bob's", T0);
    // Other kinds of reminder about Ada are not commitments.
    await db.reminders.add({ contactId: ada.id, due: T0, reason: 'follow-up', text: '', status: 'open', createdAt: T0, updatedAt: T0 } as Reminder);

    const list = await commitments.forContact(ada.id);
    expect(list.map((r) => r.id)).toEqual([overdue.id, soon.id, late.id, doneEarly.id, doneLate.id]);
    expect(list.every((r) => r.reason === 'commitment' && r.contactId === ada.id)).toBe(true);
    expect((await commitments.forContact(bob.id)).map((r) => r.text)).toEqual(["Bob's"]);
    expect(await commitments.forContact(99)).toEqual([]);
  });
});

describe('setDone', () => {
  it('marks done with completedAt, and open again without it', async () => {
    const reminder = await commitments.add(ada.id, 'Send it', T0 + DAY);
    clock += 60_000;
    const done = await commitments.setDone(reminder.id, true);
    expect(done).toEqual({ ...reminder, status: 'done', completedAt: T0 + 61_000, updatedAt: T0 + 61_000 });
    expect(await db.reminders.get(reminder.id)).toEqual(done);

    clock += 1_000;
    const reopened = await commitments.setDone(reminder.id, false);
    expect(reopened).toEqual({ ...reminder, status: 'open', updatedAt: T0 + 62_000 });
    expect(Object.hasOwn((await db.reminders.get(reminder.id))!, 'completedAt')).toBe(false);
  });

  it('of a missing reminder is not-found and writes nothing', async () => {
    await commitments.add(ada.id, 'Send it', T0);
    const before = await snapshot();
    await expectNotFound(commitments.setDone(5, true), 5);
    expect(await snapshot()).toEqual(before);
  });
});

describe('remove', () => {
  it('deletes and returns the reminder as stored', async () => {
    const keep = await commitments.add(ada.id, 'keep', T0);
    const reminder = await commitments.add(ada.id, 'Send it', T0 + DAY);
    const stored = await db.reminders.get(reminder.id);
    expect(await commitments.remove(reminder.id)).toEqual(stored);
    expect(await db.reminders.get(reminder.id)).toBeUndefined();
    expect(await commitments.forContact(ada.id)).toEqual([keep]);
  });

  it('of a missing reminder is not-found and writes nothing', async () => {
    await commitments.add(ada.id, 'Send it', T0);
    const before = await snapshot();
    await expectNotFound(commitments.remove(8), 8);
    expect(await snapshot()).toEqual(before);
  });
});
