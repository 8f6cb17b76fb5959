import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TICKLER_WRITES } from '../../../utils/background/dispatch';
import type { BulkResult, UpdateGroup } from '../../../utils/model/bulk';
import type { Contact } from '../../../utils/model/contact';
import { createHarness, sidePanel, T0, type Harness } from '../messages/harness';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
});

const DAY = 86_400_000;

async function ok<T>(answer: Promise<unknown>): Promise<T> {
  const result = (await answer) as { ok: boolean; data?: T; error?: unknown };
  expect(result, JSON.stringify(result).slice(0, 400)).toMatchObject({ ok: true });
  return result.data as T;
}

/** Three contacts (Ada with a tag, a type, a cadence, an interaction and a commitment). */
async function seed(h: Harness) {
  const create = (draft: Record<string, unknown>) =>
    ok<{ contact: Contact }>(h.send(sidePanel, 'contact.create', { draft })).then((r) => r.contact.id);
  const ada = await create({ name: 'Ada Lovelace', tags: ['Engines'], type: 'mentor', cadenceDays: 30 });
  const bob = await create({ name: 'Bob Babbage', introducedBy: ada });
  const cy = await create({ name: 'Cy Young', archivedAt: T0 - 5 * DAY });
  h.advance(DAY);
  await ok(h.send(sidePanel, 'interaction.log', { contactId: ada, kind: 'call', when: T0 - 2 * DAY, summary: 'Chat' }));
  await ok(h.send(sidePanel, 'commitment.add', { contactId: ada, text: 'Send the paper', due: T0 + 3 * DAY }));
  h.advance(DAY);
  return { ada, bob, cy, ids: [ada, bob, cy] };
}

const bulk = (h: Harness, ids: number[], action: Record<string, unknown>) =>
  ok<BulkResult>(h.send(sidePanel, 'contacts.bulk', { ids, action }));
const tables = async (h: Harness) => (await h.state()).tables;
const contact = async (h: Harness, id: number) => (await h.db.contacts.get(id))!;

/** Runs an action, checks it, undoes it through the worker and checks every table is as before. */
async function roundTrip(h: Harness, ids: number[], action: Record<string, unknown>, check: (r: BulkResult) => Promise<void>) {
  const before = await tables(h);
  const result = await bulk(h, ids, action);
  await check(result);
  h.advance(1_000);
  const type = result.undo.kind === 'delete' ? 'contacts.restore' : 'contacts.bulkRestore';
  // Through JSON, as chrome.runtime messaging carries it.
  await ok(h.send(sidePanel, type, JSON.parse(JSON.stringify({ undo: result.undo }))));
  expect(await tables(h)).toEqual(before);
  return result;
}

describe('contacts.bulk', () => {
  it('adds a tag to those without it (any case) and undoes exactly', async () => {
    const h = createHarness();
    const { ada, bob, ids } = await seed(h);
    await roundTrip(h, ids, { kind: 'add-tag', tag: 'engines' }, async (r) => {
      expect(r.affected).toBe(2);
      expect((await contact(h, ada)).tags).toEqual(['Engines']);
      expect((await contact(h, bob)).tags).toEqual(['engines']);
      expect((await contact(h, bob)).updatedAt).toBe(h.now());
    });
  });

  it('removes a tag and undoes exactly', async () => {
    const h = createHarness();
    const { ada, ids } = await seed(h);
    await roundTrip(h, ids, { kind: 'remove-tag', tag: 'ENGINES' }, async (r) => {
      expect(r.affected).toBe(1);
      expect((await contact(h, ada)).tags).toEqual([]);
    });
  });

  it('sets and clears the type', async () => {
    const h = createHarness();
    const { ada, bob, ids } = await seed(h);
    await roundTrip(h, ids, { kind: 'set-type', type: 'recruiter' }, async (r) => {
      expect(r.affected).toBe(3);
      expect((await contact(h, bob)).type).toBe('recruiter');
    });
    await roundTrip(h, ids, { kind: 'set-type', type: null }, async (r) => {
      expect(r.affected).toBe(1);
      expect('type' in (await contact(h, ada))).toBe(false);
    });
  });

  it('sets and clears the cadence', async () => {
    const h = createHarness();
    const { ada, bob, ids } = await seed(h);
    await roundTrip(h, ids, { kind: 'set-cadence', days: 90 }, async (r) => {
      expect(r.affected).toBe(3);
      expect((await contact(h, bob)).cadenceDays).toBe(90);
    });
    await roundTrip(h, [ada, bob], { kind: 'set-cadence', days: null }, async (r) => {
      expect(r.affected).toBe(1);
      expect((await contact(h, ada)).cadenceDays).toBeUndefined();
    });
  });

  it('archives and unarchives, keeping an earlier archive date', async () => {
    const h = createHarness();
    const { ada, cy, ids } = await seed(h);
    await roundTrip(h, ids, { kind: 'archive', archived: true }, async (r) => {
      expect(r.affected).toBe(2);
      expect((await contact(h, ada)).archivedAt).toBe(h.now());
      expect((await contact(h, cy)).archivedAt).toBe(T0 - 5 * DAY);
    });
    await roundTrip(h, ids, { kind: 'archive', archived: false }, async (r) => {
      expect(r.affected).toBe(1);
      expect((await contact(h, cy)).archivedAt).toBeUndefined();
    });
  });

  it('deletes contacts with their interactions and reminders; restore puts them back with their ids', async () => {
    const h = createHarness();
    const { ada, bob } = await seed(h);
    const result = await roundTrip(h, [ada, bob], { kind: 'delete' }, async (r) => {
      expect(r.affected).toBe(2);
      expect(await h.db.contacts.count()).toBe(1);
      expect(await h.db.interactions.count()).toBe(0);
      expect(await h.db.reminders.where('contactId').equals(ada).count()).toBe(0);
    });
    expect(result.undo.kind === 'delete' && result.undo.interactions.length).toBe(1);
    // A second restore of the same records is refused and writes nothing.
    const before = await tables(h);
    const again = (await h.send(sidePanel, 'contacts.restore', { undo: result.undo })) as { ok: boolean; error?: { code: string } };
    expect(again.ok).toBe(false);
    expect(await tables(h)).toEqual(before);
  });

  it.each([
    { kind: 'add-tag', tag: 'x' },
    { kind: 'set-type', type: 'peer' },
    { kind: 'archive', archived: true },
    { kind: 'delete' },
    { kind: 'log-update', summary: 'Offer from Acme', when: T0 },
  ])('is all or nothing: an unknown id writes nothing ($kind)', async (action) => {
    const h = createHarness();
    const { ids } = await seed(h);
    const before = await tables(h);
    h.broadcast.mockClear();
    const answer = (await h.send(sidePanel, 'contacts.bulk', { ids: [...ids, 999], action })) as { ok: boolean; error?: { code: string } };
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await tables(h)).toEqual(before);
    expect(h.broadcast).not.toHaveBeenCalled();
  });

  it('refuses a tag beyond 100 on any contact, writing nothing', async () => {
    const h = createHarness();
    const { ada, bob } = await seed(h);
    await h.db.contacts.update(bob, { tags: Array.from({ length: 100 }, (_, i) => `t${i}`) });
    const before = await tables(h);
    const answer = await h.send(sidePanel, 'contacts.bulk', { ids: [ada, bob], action: { kind: 'add-tag', tag: 'new' } });
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await tables(h)).toEqual(before);
  });

  it('broadcasts contacts-changed with every affected id and refreshes the manager list', async () => {
    const h = createHarness();
    const { ada, bob, ids } = await seed(h);
    const list = () =>
      ok<{ rows: { id: number; tags: string[] }[] }>(
        h.send(sidePanel, 'manager.list', { filters: { includeArchived: true }, sort: { by: 'name', dir: 'asc' } }),
      );
    await list();
    h.broadcast.mockClear();
    await bulk(h, [ada, bob], { kind: 'add-tag', tag: 'offer' });
    expect(h.broadcast).toHaveBeenCalledWith({ rapport: 1, event: 'contacts-changed', ids: [ada, bob] });
    expect((await list()).rows.filter((r) => r.tags.includes('offer')).map((r) => r.id)).toEqual([ada, bob]);
    expect(ids).toHaveLength(3);
  });

  it('is a tickler write, and so are its undos', () => {
    for (const type of ['contacts.bulk', 'contacts.bulkRestore', 'contacts.restore'] as const) expect(TICKLER_WRITES.has(type)).toBe(true);
  });
});

describe('log an update', () => {
  it('logs one interaction per contact under one update id; updates.list says who was told what, and when', async () => {
    const h = createHarness();
    const { ada, bob, cy } = await seed(h);
    const first = await bulk(h, [ada, bob], { kind: 'log-update', summary: 'Interviewing at Acme', when: T0 - DAY });
    expect(first.affected).toBe(2);
    h.advance(1_000);
    await bulk(h, [cy, ada], { kind: 'log-update', summary: 'Told them about the Acme offer', when: T0 + DAY });

    const logged = await h.db.interactions.where('contactId').equals(bob).toArray();
    expect(logged).toEqual([
      expect.objectContaining({ kind: 'other', summary: 'Interviewing at Acme', when: T0 - DAY, source: 'manual', externalId: expect.stringMatching(/^update:/) }),
    ]);
    expect((await contact(h, bob)).lastContacted).toBe(T0 - DAY);
    expect((await contact(h, ada)).lastContacted).toBe(T0 + DAY);

    const updates = await ok<UpdateGroup[]>(h.send(sidePanel, 'updates.list', {}));
    expect(updates.map(({ summary, when, contacts }) => ({ summary, when, names: contacts.map((c) => c.name) }))).toEqual([
      { summary: 'Told them about the Acme offer', when: T0 + DAY, names: ['Ada Lovelace', 'Cy Young'] },
      { summary: 'Interviewing at Acme', when: T0 - DAY, names: ['Ada Lovelace', 'Bob Babbage'] },
    ]);
    expect(first.undo.kind === 'log-update' && updates[1]!.externalId).toBe(first.undo.kind === 'log-update' && first.undo.externalId);
    expect(await ok<UpdateGroup[]>(h.send(sidePanel, 'updates.list', { limit: 1 }))).toHaveLength(1);
  });

  it('is undone exactly', async () => {
    const h = createHarness();
    const { ids } = await seed(h);
    await roundTrip(h, ids, { kind: 'log-update', summary: 'Got the offer', when: T0 }, async (r) => {
      expect(r.affected).toBe(3);
      expect(await h.db.interactions.count()).toBe(4);
    });
    expect(await ok<UpdateGroup[]>(h.send(sidePanel, 'updates.list', {}))).toEqual([]);
  });
});
