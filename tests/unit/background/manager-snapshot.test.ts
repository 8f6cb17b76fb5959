// The manager's search index between worker lives: saved as a snapshot, loaded by the next
// worker and checked against the store before it answers. Whatever changed in between —
// written by a worker that stopped before saving, or behind its back — the answers are those
// of an index built from the store as it is.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIndexCache, createMemoryIndexCache } from '../../../utils/background/manager-index-cache';
import { createManagerService, type ManagerOptions } from '../../../utils/background/manager';
import type { Contact } from '../../../utils/model/contact';
import type { Interaction } from '../../../utils/model/interaction';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
let db: RapportDatabase;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-manager-snapshot-test');
  performance.clearMeasures();
});
afterEach(() => db.close());

const contact = (id: number, name: string, extra: Partial<Contact> = {}): Contact =>
  ({ id, name, emails: [], phones: [], tags: [], notes: '', createdAt: T0, updatedAt: T0, ...extra }) as Contact;
const interaction = (id: number, contactId: number, summary: string): Interaction =>
  ({ id, contactId, kind: 'call', when: T0, summary, source: 'manual', createdAt: T0, updatedAt: T0 }) as Interaction;

async function seed(people = 60) {
  await db.contacts.bulkAdd([
    contact(1, 'Ada Lovelace', { notes: 'Wrote the first program.' }),
    contact(2, 'Grace Hopper', { company: 'US Navy' }),
    ...Array.from({ length: people }, (_, i) => contact(10 + i, `Person ${10 + i}`, { notes: `kayak ${10 + i}` })),
  ]);
  await db.interactions.bulkAdd([interaction(1, 2, 'Coffee about compilers'), interaction(2, 1, 'Call about looms')]);
}

/** A "worker": a manager service over the shared database and snapshot cache. */
function worker(cache = createMemoryIndexCache(), options: ManagerOptions = {}) {
  const manager = createManagerService(db, () => T0, { cache, saveDelayMs: 0, warmIndex: false, ...options });
  const search = async (query: string, filters = {}) =>
    (await manager.list({ query, filters, sort: { by: 'name', dir: 'asc' } })).rows.map((r) => r.id);
  return { manager, cache, search };
}

/** The last index check's outcome (the manager keeps one measure of each kind). */
const reconciled = () =>
  performance.getEntriesByName('rapport:manager.index.reconcile').map((e) => (e as PerformanceMeasure).detail as { indexed: number; removed: number; rebuilt: boolean });

describe('the search index snapshot', () => {
  it('is saved after a build and answers the next worker without re-indexing', async () => {
    await seed();
    const first = worker();
    expect(await first.search('lovelace')).toEqual([1]);
    await first.manager.flushSnapshot();
    expect(first.cache.saves).toBe(1);
    expect(reconciled()).toEqual([{ indexed: 62, removed: 0, rebuilt: true }]);
    expect(first.cache.text).toContain('rapport-manager-index');

    const second = worker(first.cache);
    expect(await second.search('compilers')).toEqual([2]);
    expect(second.cache.loads).toBe(2);
    expect(reconciled()).toEqual([{ indexed: 0, removed: 0, rebuilt: false }]);
    // Nothing changed: nothing to save again.
    await second.manager.flushSnapshot();
    expect(second.cache.saves).toBe(1);
  });

  it('is repaired when the store changed after it was saved (a worker that stopped before saving, or writes behind its back)', async () => {
    await seed();
    const first = worker();
    await first.search('ada');
    await first.manager.flushSnapshot();

    // Changes the snapshot never saw.
    await db.contacts.update(1, { notes: 'Talked about quokka habitats.' });
    await db.interactions.add(interaction(3, 10, 'Sailing trip with Person 10'));
    await db.interactions.update(1, { summary: 'Call about the Navy' });
    await db.interactions.delete(2);
    await db.contacts.delete(11);
    await db.contacts.add(contact(200, 'Zelda Kayak'));

    const second = worker(first.cache);
    expect(await second.search('quokka')).toEqual([1]);
    expect(await second.search('program')).toEqual([]);
    expect(await second.search('sailing')).toEqual([10]);
    expect(await second.search('compilers')).toEqual([]);
    expect(await second.search('navy')).toEqual([2]);
    expect(await second.search('looms')).toEqual([]);
    expect(await second.search('"kayak 11"')).toEqual([]);
    expect(await second.search('zelda')).toEqual([200]);
    expect(second.cache.loads).toBe(2);
    expect(reconciled()).toEqual([{ indexed: 4, removed: 1, rebuilt: false }]);
  });

  it('a snapshot that cannot be read, or is corrupt, is rebuilt from the store (and replaced)', async () => {
    await seed();
    const log = vi.fn();
    const broken = { ...createMemoryIndexCache(), load: () => Promise.reject(new Error('disk')) };
    expect(await worker(broken as never, { log }).search('lovelace')).toEqual([1]);
    expect(log).toHaveBeenCalledWith('reading the saved search index failed', expect.any(Error));

    const cache = createMemoryIndexCache();
    cache.text = '{"format":"rapport-manager-index","version":1,"prints":[1,2],"index":{}}';
    const w = worker(cache);
    expect(await w.search('hopper')).toEqual([2]);
    await w.manager.flushSnapshot();
    expect(cache.saves).toBe(1);
    expect(await worker(cache).search('hopper')).toEqual([2]);
    expect(reconciled()).toEqual([{ indexed: 0, removed: 0, rebuilt: false }]);
  });

  it('a failing save is logged and changes nothing else', async () => {
    await seed();
    const log = vi.fn();
    const cache = { ...createMemoryIndexCache(), save: () => Promise.reject(new Error('quota')) };
    const w = worker(cache as never, { log });
    expect(await w.search('lovelace')).toEqual([1]);
    await w.manager.flushSnapshot();
    expect(log).toHaveBeenCalledWith('saving the search index failed', expect.any(Error));
    expect(await w.search('hopper')).toEqual([2]);
  });

  it('a few changes are not worth a save; many are', async () => {
    await seed();
    const w = worker();
    await w.search('ada');
    await w.manager.flushSnapshot();
    expect(w.cache.saves).toBe(1);
    await db.contacts.update(1, { notes: 'quokka' });
    w.manager.invalidate([1]);
    expect(await w.search('quokka')).toEqual([1]);
    await w.manager.flushSnapshot();
    expect(w.cache.saves).toBe(1);
    const ids = Array.from({ length: 60 }, (_, i) => 10 + i);
    await db.contacts.bulkPut((await db.contacts.bulkGet(ids)).map((c) => ({ ...c!, notes: 'wombat' })));
    w.manager.invalidate(ids);
    expect(await w.search('wombat')).toHaveLength(60);
    await w.manager.flushSnapshot();
    expect(w.cache.saves).toBe(2);
    // The saved snapshot has every change, the small one too.
    const next = worker(w.cache);
    expect(await next.search('quokka')).toEqual([1]);
    expect(reconciled()).toEqual([{ indexed: 0, removed: 0, rebuilt: false }]);
  });

  it('an edit that leaves the indexed text alone re-indexes nothing', async () => {
    await seed();
    const w = worker();
    await w.search('ada');
    await db.contacts.update(1, { lastContacted: T0, tags: [] });
    w.manager.invalidate([1]);
    expect(await w.search('lovelace')).toEqual([1]);
    await w.manager.flushSnapshot();
    expect(w.cache.saves).toBe(1);
  });

  it('a full invalidation keeps the index and reconciles it with the store', async () => {
    await seed();
    const w = worker();
    await w.search('ada');
    await db.contacts.update(2, { company: 'Remington Rand' });
    await db.contacts.delete(1);
    w.manager.invalidate();
    expect(await w.search('remington')).toEqual([2]);
    expect(await w.search('lovelace')).toEqual([]);
    expect(reconciled()).toEqual([{ indexed: 1, removed: 1, rebuilt: false }]);
  });

  it('a list without a query prepares the index in the background', async () => {
    await seed();
    const cache = createMemoryIndexCache();
    const manager = createManagerService(db, () => T0, { cache, saveDelayMs: 0 });
    await manager.list({ filters: {}, sort: { by: 'name', dir: 'asc' } });
    // The warm-up runs after the answer, before the next request.
    const answer = await manager.list({ query: 'lovelace', filters: {}, sort: { by: 'name', dir: 'asc' } });
    expect(answer.rows.map((r) => r.id)).toEqual([1]);
    expect(cache.loads).toBe(1);
    expect(reconciled()).toHaveLength(1);
  });

  it('while the index is being prepared, a list without a query answers at once — unless a contact changed', async () => {
    await seed();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const cache = { ...createMemoryIndexCache(), load: async () => (await held, undefined) };
    const manager = createManagerService(db, () => T0, { cache, saveDelayMs: 0 });
    const request = (query?: string) => manager.list({ ...(query ? { query } : {}), filters: {}, sort: { by: 'name', dir: 'asc' } });
    await request(); // starts the warm-up, which waits for the snapshot
    await new Promise((resolve) => setTimeout(resolve, 10));
    const searched = request('lovelace');
    let searchDone = false;
    void searched.then(() => (searchDone = true));
    expect((await request()).rows).toHaveLength(62);
    expect(searchDone).toBe(false);

    // A change: the next list must show it, so it waits its turn.
    await db.contacts.update(2, { name: 'Grace Brewster Hopper' });
    manager.invalidate([2]);
    const listed = request();
    let listDone = false;
    void listed.then(() => (listDone = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listDone).toBe(false);
    release();
    expect((await searched).rows.map((r) => r.id)).toEqual([1]);
    expect((await listed).rows.find((r) => r.id === 2)?.name).toBe('Grace Brewster Hopper');
  });

  it('persists in its own IndexedDB database', async () => {
    await seed();
    const cache = createIndexCache('rapport-index-cache-test');
    const first = worker(cache as never);
    await first.search('ada');
    await first.manager.flushSnapshot();
    expect((await cache.load())?.length).toBeGreaterThan(100);
    expect(await worker(createIndexCache('rapport-index-cache-test') as never).search('compilers')).toEqual([2]);
    expect(reconciled()).toEqual([{ indexed: 0, removed: 0, rebuilt: false }]);
  });
});
