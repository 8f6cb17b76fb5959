import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { monthsBefore } from '../../../utils/background/manager';
import type { ManagerList, ManagerListRequest } from '../../../utils/model/manager';
import type { ContactDraft } from '../../../utils/model/contact';
import { createHarness, sidePanel, T0, type Harness } from '../messages/harness';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
});

const DAY = 24 * 60 * 60 * 1000;

function ok<T>(answer: unknown): T {
  expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
  return (answer as { data: T }).data;
}

async function create(h: Harness, draft: ContactDraft): Promise<number> {
  return ok<{ contact: { id: number } }>(await h.send(sidePanel, 'contact.create', { draft })).contact.id;
}

async function list(h: Harness, request: Partial<ManagerListRequest> = {}): Promise<ManagerList> {
  return ok<ManagerList>(
    await h.send(sidePanel, 'manager.list', { filters: {}, sort: { by: 'name', dir: 'asc' }, ...request }),
  );
}
const names = (answer: ManagerList) => answer.rows.map((r) => r.name);

/** Ada (1), Bob (2, introduced by Ada), Cleo (3, archived), Dan (4); Ada met for coffee yesterday. */
async function seed(h: Harness) {
  const ada = await create(h, {
    name: 'Ada Lovelace',
    company: 'Analytical Engines, Ltd.',
    type: 'mentor',
    tags: ['math', 'London'],
    nextFollowUp: T0 - DAY,
  });
  await create(h, { name: 'Bob Babbage', company: 'Analytical Engines', type: 'peer', tags: ['math'], introducedBy: ada, nextFollowUp: T0 + DAY, notes: 'Loves difference engines' });
  await create(h, { name: 'Cleo Archived', company: 'Gone Corp', archivedAt: T0 - 10 * DAY });
  await create(h, { name: 'Dan Zed', company: 'Zeta', type: 'recruiter', tags: ['hiring'] });
  ok(await h.send(sidePanel, 'interaction.log', { contactId: ada, kind: 'meeting', when: T0 - DAY, summary: 'Talked about xylophones over coffee' }));
  ok(await h.send(sidePanel, 'interaction.log', { contactId: 4, kind: 'call', when: T0 - 200 * DAY, summary: 'Intro call' }));
}

describe('manager.list', () => {
  it('lists every active contact as a small row, sorted by name, with facets', async () => {
    const h = createHarness();
    await seed(h);
    const answer = await list(h);
    expect(names(answer)).toEqual(['Ada Lovelace', 'Bob Babbage', 'Dan Zed']);
    expect(answer.total).toBe(3);
    expect(answer.rows[0]).toEqual({
      id: 1,
      name: 'Ada Lovelace',
      company: 'Analytical Engines, Ltd.',
      type: 'mentor',
      tags: ['math', 'London'],
      lastContacted: T0 - DAY,
      nextFollowUp: T0 - DAY,
      overdue: true,
    });
    expect(answer.rows[1]).not.toHaveProperty('notes');
    expect(answer.facets).toEqual({
      tags: ['hiring', 'London', 'math'],
      types: ['mentor', 'peer', 'recruiter'],
      companies: ['Analytical Engines, Ltd.', 'Zeta'],
    });
    expect(answer.ms).toBeGreaterThanOrEqual(0);
  });

  it('includes archived contacts only when asked', async () => {
    const h = createHarness();
    await seed(h);
    const answer = await list(h, { filters: { includeArchived: true } });
    expect(names(answer)).toEqual(['Ada Lovelace', 'Bob Babbage', 'Cleo Archived', 'Dan Zed']);
    expect(answer.rows[2]).toMatchObject({ archived: true });
    expect(answer.total).toBe(4);
    expect(names(await list(h, { query: 'cleo' }))).toEqual([]);
  });

  it('filters by tag, type, company, overdue, introducer, months out of touch and target employers', async () => {
    const h = createHarness();
    await seed(h);
    expect(names(await list(h, { filters: { tag: 'MATH' } }))).toEqual(['Ada Lovelace', 'Bob Babbage']);
    expect(names(await list(h, { filters: { type: 'peer' } }))).toEqual(['Bob Babbage']);
    expect(names(await list(h, { filters: { company: 'analytical engines inc' } }))).toEqual(['Ada Lovelace', 'Bob Babbage']);
    expect(names(await list(h, { filters: { overdue: true } }))).toEqual(['Ada Lovelace']);
    expect(names(await list(h, { filters: { introducedBy: 1 } }))).toEqual(['Bob Babbage']);
    // Dan: last contacted 200 days ago; Bob: never. Ada: yesterday.
    expect(names(await list(h, { filters: { notInTouchMonths: 6 } }))).toEqual(['Bob Babbage', 'Dan Zed']);
    expect(names(await list(h, { filters: { notInTouchMonths: 7 } }))).toEqual(['Bob Babbage']);
    expect(names(await list(h, { filters: { targetsOnly: true } }))).toEqual([]);
    ok(await h.send(sidePanel, 'company.setTarget', { name: 'Zeta', target: true }));
    expect(names(await list(h, { filters: { targetsOnly: true } }))).toEqual(['Dan Zed']);
    expect(names(await list(h, { filters: { tag: 'math', type: 'mentor' } }))).toEqual(['Ada Lovelace']);
    // Facets stay over every contact, whatever the filters.
    expect((await list(h, { filters: { type: 'peer' } })).facets.types).toEqual(['mentor', 'peer', 'recruiter']);
  });

  it('sorts by every column both ways, empty cells last', async () => {
    const h = createHarness();
    await seed(h);
    const by = async (column: ManagerListRequest['sort']['by'], dir: 'asc' | 'desc') =>
      names(await list(h, { sort: { by: column, dir } }));
    expect(await by('name', 'desc')).toEqual(['Dan Zed', 'Bob Babbage', 'Ada Lovelace']);
    // "Analytical Engines" sorts before "Analytical Engines, Ltd.".
    expect(await by('company', 'asc')).toEqual(['Bob Babbage', 'Ada Lovelace', 'Dan Zed']);
    expect(await by('company', 'desc')).toEqual(['Dan Zed', 'Ada Lovelace', 'Bob Babbage']);
    expect(await by('type', 'asc')).toEqual(['Ada Lovelace', 'Bob Babbage', 'Dan Zed']);
    expect(await by('type', 'desc')).toEqual(['Dan Zed', 'Bob Babbage', 'Ada Lovelace']);
    expect(await by('lastContacted', 'asc')).toEqual(['Dan Zed', 'Ada Lovelace', 'Bob Babbage']);
    expect(await by('lastContacted', 'desc')).toEqual(['Ada Lovelace', 'Dan Zed', 'Bob Babbage']);
    expect(await by('nextFollowUp', 'asc')).toEqual(['Ada Lovelace', 'Bob Babbage', 'Dan Zed']);
    expect(await by('nextFollowUp', 'desc')).toEqual(['Bob Babbage', 'Ada Lovelace', 'Dan Zed']);
  });

  it('searches the full text: names, companies, notes and interaction summaries, with the filters', async () => {
    const h = createHarness();
    await seed(h);
    expect(names(await list(h, { query: 'xylophones' }))).toEqual(['Ada Lovelace']);
    expect(names(await list(h, { query: 'difference' }))).toEqual(['Bob Babbage']);
    expect(names(await list(h, { query: 'analytical' }))).toEqual(['Ada Lovelace', 'Bob Babbage']);
    expect(names(await list(h, { query: 'zed' }))).toEqual(['Dan Zed']);
    expect(names(await list(h, { query: 'analytical', filters: { type: 'peer' } }))).toEqual(['Bob Babbage']);
    expect(names(await list(h, { query: '   ' }))).toHaveLength(3);
    expect(names(await list(h, { query: 'nothing-like-this' }))).toEqual([]);
  });

  it('says where a search found a row when the row does not show it', async () => {
    const h = createHarness();
    await seed(h);
    const [ada] = (await list(h, { query: 'xylophones' })).rows;
    expect(ada?.matched).toEqual(['interactions']);
    const [bob] = (await list(h, { query: 'difference' })).rows;
    expect(bob?.matched).toEqual(['notes']);
    // Found by what the row shows (the name, the company): nothing to add.
    expect((await list(h, { query: 'zed' })).rows[0]).not.toHaveProperty('matched');
    expect((await list(h, { query: 'analytical' })).rows.every((r) => r.matched === undefined)).toBe(true);
    // Without a query, no row says anything.
    expect((await list(h)).rows.every((r) => r.matched === undefined)).toBe(true);
  });

  it('orders a search by relevance when asked: a name match before a word in the notes', async () => {
    const h = createHarness();
    await create(h, { name: 'Aaron Early', notes: 'Met Turing at the conference' });
    await create(h, { name: 'Alan Turing', company: 'Bletchley' });
    const relevance = { by: 'relevance', dir: 'asc' } as const;
    expect(names(await list(h, { query: 'turing', sort: relevance }))).toEqual(['Alan Turing', 'Aaron Early']);
    expect(names(await list(h, { query: 'turing' }))).toEqual(['Aaron Early', 'Alan Turing']);
    // Without a query, relevance falls back to the name order.
    expect(names(await list(h, { sort: relevance }))).toEqual(['Aaron Early', 'Alan Turing']);
  });

  it('sees every change after a contacts-changed write: updates, new interactions, new contacts', async () => {
    const h = createHarness();
    await seed(h);
    expect(names(await list(h, { query: 'quasar' }))).toEqual([]);
    ok(await h.send(sidePanel, 'contact.update', { id: 4, patch: { company: 'Quasar Labs', tags: ['space'] } }));
    let answer = await list(h, { query: 'quasar' });
    expect(names(answer)).toEqual(['Dan Zed']);
    expect(answer.rows[0]).toMatchObject({ company: 'Quasar Labs', tags: ['space'] });
    expect(answer.facets.companies).toContain('Quasar Labs');
    expect(answer.facets.companies).not.toContain('Zeta');

    ok(await h.send(sidePanel, 'interaction.log', { contactId: 2, kind: 'call', when: T0, summary: 'Discussed marmalade' }));
    answer = await list(h, { query: 'marmalade' });
    expect(names(answer)).toEqual(['Bob Babbage']);
    expect(answer.rows[0]!.lastContacted).toBe(T0);

    ok(await h.send(sidePanel, 'contact.setNotes', { id: 1, notes: 'Knows a lot about zeppelins' }));
    expect(names(await list(h, { query: 'zeppelins' }))).toEqual(['Ada Lovelace']);

    await create(h, { name: 'Eve Newcomer', notes: 'zeppelins too' });
    expect(names(await list(h, { query: 'zeppelins' }))).toEqual(['Ada Lovelace', 'Eve Newcomer']);

    ok(await h.send(sidePanel, 'contact.update', { id: 1, patch: { archivedAt: T0 } }));
    expect(names(await list(h, { query: 'zeppelins' }))).toEqual(['Eve Newcomer']);
  });

  it('rebuilds after an invalidation without ids (e.g. a write it was not told about)', async () => {
    const h = createHarness();
    await seed(h);
    await list(h, { query: 'ada' });
    // Written behind the dispatcher's back: the cache does not know...
    await h.db.contacts.update(4, { name: 'Dan Renamed' });
    expect(names(await list(h))).toContain('Dan Zed');
    // ...until told.
    h.manager.invalidate();
    expect(names(await list(h))).toContain('Dan Renamed');
    expect(names(await list(h, { query: 'renamed' }))).toEqual(['Dan Renamed']);
  });

  it('answers 10,000 contacts with a query in reasonable time once warm', async () => {
    const h = createHarness();
    const at = T0;
    await h.db.contacts.bulkAdd(
      Array.from({ length: 10_000 }, (_, i) => ({
        name: `Person ${i}`,
        company: `Company ${i % 300}`,
        tags: [`tag${i % 20}`],
        emails: [],
        phones: [],
        notes: i % 1000 === 0 ? 'likes pottery' : '',
        createdAt: at,
        updatedAt: at,
      })) as never,
    );
    const first = await list(h, { query: 'pottery' });
    expect(first.rows).toHaveLength(10);
    const warm = await list(h, { query: 'pottery', sort: { by: 'company', dir: 'desc' } });
    expect(warm.rows).toHaveLength(10);
    const all = await list(h);
    expect(all.rows).toHaveLength(10_000);
    expect(all.total).toBe(10_000);
  });
});

describe('monthsBefore', () => {
  it('steps back calendar months, clamping the day', () => {
    expect(new Date(monthsBefore(new Date(2025, 2, 31, 12).getTime(), 1)).getDate()).toBe(28);
    expect(new Date(monthsBefore(new Date(2025, 2, 15, 12).getTime(), 14)).getFullYear()).toBe(2024);
    expect(new Date(monthsBefore(new Date(2025, 2, 15, 12).getTime(), 14)).getMonth()).toBe(0);
  });
});
