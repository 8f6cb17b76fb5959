// The company service over a real RapportDatabase (a fresh fake IndexedDB per test).
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCompanyService, type CompanyService } from '../../../utils/background/companies';
import { createContactService } from '../../../utils/background/contacts';
import { RequestError } from '../../../utils/background/request-error';
import { Company } from '../../../utils/model/company';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);

let db: RapportDatabase;
let clock: number;
let companies: CompanyService;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-companies-test');
  clock = T0;
  companies = createCompanyService(db, () => clock);
});

afterEach(() => {
  db.close();
});

/** The ranked targets as [nameKey, rank], best first; also checks the ranks are exactly 1..N. */
async function ranking(): Promise<[string, number][]> {
  const all = await db.companies.toArray();
  const ranked = all.filter((c) => c.targetRank !== undefined).sort((a, b) => a.targetRank! - b.targetRank!);
  expect(ranked.map((c) => c.targetRank)).toEqual(ranked.map((_, i) => i + 1));
  // Rank and the target flag always agree.
  for (const c of all) expect(c.target, c.name).toBe(c.targetRank !== undefined);
  return ranked.map((c) => [c.nameKey, c.targetRank!]);
}

/** Marks the given companies as targets in order: ranks 1..N. */
async function seedTargets(...names: string[]) {
  for (const name of names) await companies.setTarget({ name, target: true });
}

describe('setTarget: the company record', () => {
  it('creates the company on its first mark', async () => {
    const company = await companies.setTarget({ name: 'Acme, Inc.', target: true });
    expect(company).toEqual({
      id: expect.any(Number),
      name: 'Acme, Inc.',
      nameKey: 'acme',
      target: true,
      targetRank: 1,
      notes: '',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(await db.companies.toArray()).toEqual([company]);
    expect(Company.safeParse(company).success).toBe(true);
  });

  it('treats "Acme, Inc." and "ACME GmbH" as the same company, keeping the first spelling', async () => {
    const first = await companies.setTarget({ name: 'Acme, Inc.', target: true });
    clock += 1_000;
    const again = await companies.setTarget({ name: 'ACME GmbH', target: false });
    expect(again.id).toBe(first.id);
    expect(again).toMatchObject({ name: 'Acme, Inc.', nameKey: 'acme', target: false, createdAt: T0, updatedAt: T0 + 1_000 });
    expect(await db.companies.count()).toBe(1);
    expect(await companies.byKey('acme')).toEqual(again);
  });

  it('keeps the LinkedIn slug: set on creation, added later, never overwritten', async () => {
    await companies.setTarget({ name: 'Acme', linkedinSlug: 'acme-corp', target: true });
    // A later mark without a slug (or with another one) keeps the first.
    await companies.setTarget({ name: 'Acme Ltd', target: false });
    await companies.setTarget({ name: 'ACME', linkedinSlug: 'acme-other', target: true });
    expect(await companies.byKey('acme')).toMatchObject({ linkedinSlug: 'acme-corp' });

    await companies.setTarget({ name: 'Globex', target: true });
    expect((await companies.byKey('globex'))?.linkedinSlug).toBeUndefined();
    await companies.setTarget({ name: 'Globex Corporation', linkedinSlug: 'globex', target: true });
    expect(await companies.byKey('globex')).toMatchObject({ name: 'Globex', linkedinSlug: 'globex' });
  });

  it('leaves notes untouched', async () => {
    const created = await companies.setTarget({ name: 'Acme', target: true });
    await db.companies.update(created.id, { notes: 'Spoke to their recruiter in May.' });
    await companies.setTarget({ name: 'Initech', target: true, rank: 1 }); // renumbers Acme
    const moved = await companies.setTarget({ name: 'Acme', target: true, rank: 1 });
    expect(moved.notes).toBe('Spoke to their recruiter in May.');
    const unmarked = await companies.setTarget({ name: 'Acme', target: false });
    expect(unmarked.notes).toBe('Spoke to their recruiter in May.');
    expect((await companies.byKey('acme'))?.notes).toBe('Spoke to their recruiter in May.');
  });

  it('unmarking a company that was never recorded records it as a non-target', async () => {
    const company = await companies.setTarget({ name: 'Hooli', target: false });
    expect(company).toMatchObject({ name: 'Hooli', nameKey: 'hooli', target: false });
    expect(company).not.toHaveProperty('targetRank');
    expect(await companies.targetCount()).toBe(0);
  });

  it('refuses a name that normalises to nothing, writing nothing', async () => {
    const error = await companies.setTarget({ name: ' — ', target: true }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as RequestError).code).toBe('invalid-request');
    expect(await db.companies.count()).toBe(0);
  });
});

describe('setTarget: ranks stay 1..N without gaps or ties', () => {
  it('appends without a rank', async () => {
    await seedTargets('Acme', 'Globex', 'Initech');
    expect(await ranking()).toEqual([
      ['acme', 1],
      ['globex', 2],
      ['initech', 3],
    ]);
    expect(await companies.targetCount()).toBe(3);
  });

  it('inserts at a rank, moving the ones below down', async () => {
    await seedTargets('Acme', 'Globex', 'Initech');
    clock += 5;
    const inserted = await companies.setTarget({ name: 'Umbrella', target: true, rank: 2 });
    expect(inserted.targetRank).toBe(2);
    expect(await ranking()).toEqual([
      ['acme', 1],
      ['umbrella', 2],
      ['globex', 3],
      ['initech', 4],
    ]);
    // Only the renumbered companies were touched.
    expect((await companies.byKey('acme'))?.updatedAt).toBe(T0);
    expect((await companies.byKey('globex'))?.updatedAt).toBe(T0 + 5);
  });

  it('inserts at rank 1', async () => {
    await seedTargets('Acme', 'Globex');
    await companies.setTarget({ name: 'Umbrella', target: true, rank: 1 });
    expect(await ranking()).toEqual([
      ['umbrella', 1],
      ['acme', 2],
      ['globex', 3],
    ]);
  });

  it('moves a target up', async () => {
    await seedTargets('Acme', 'Globex', 'Initech', 'Umbrella');
    const moved = await companies.setTarget({ name: 'Initech', target: true, rank: 1 });
    expect(moved.targetRank).toBe(1);
    expect(await ranking()).toEqual([
      ['initech', 1],
      ['acme', 2],
      ['globex', 3],
      ['umbrella', 4],
    ]);
  });

  it('moves a target down', async () => {
    await seedTargets('Acme', 'Globex', 'Initech', 'Umbrella');
    await companies.setTarget({ name: 'Acme', target: true, rank: 3 });
    expect(await ranking()).toEqual([
      ['globex', 1],
      ['initech', 2],
      ['acme', 3],
      ['umbrella', 4],
    ]);
  });

  it('keeps a target at its own rank', async () => {
    await seedTargets('Acme', 'Globex', 'Initech');
    await companies.setTarget({ name: 'Globex', target: true, rank: 2 });
    expect(await ranking()).toEqual([
      ['acme', 1],
      ['globex', 2],
      ['initech', 3],
    ]);
    expect(await db.companies.count()).toBe(3);
  });

  it('unmarking closes the gap', async () => {
    await seedTargets('Acme', 'Globex', 'Initech', 'Umbrella');
    const unmarked = await companies.setTarget({ name: 'Globex Inc.', target: false });
    expect(unmarked.target).toBe(false);
    expect(unmarked).not.toHaveProperty('targetRank');
    expect(await companies.byKey('globex')).not.toHaveProperty('targetRank');
    expect(await ranking()).toEqual([
      ['acme', 1],
      ['initech', 2],
      ['umbrella', 3],
    ]);
    expect(await companies.targetCount()).toBe(3);
  });

  it('unmarking the first and the last target', async () => {
    await seedTargets('Acme', 'Globex', 'Initech');
    await companies.setTarget({ name: 'Acme', target: false });
    await companies.setTarget({ name: 'Initech', target: false });
    expect(await ranking()).toEqual([['globex', 1]]);
  });

  it('a rank beyond the end clamps: N+1 for a new target, N for one already ranked', async () => {
    await seedTargets('Acme', 'Globex', 'Initech');
    const added = await companies.setTarget({ name: 'Umbrella', target: true, rank: 1000 });
    expect(added.targetRank).toBe(4);
    const moved = await companies.setTarget({ name: 'Acme', target: true, rank: 50 });
    expect(moved.targetRank).toBe(4);
    expect(await ranking()).toEqual([
      ['globex', 1],
      ['initech', 2],
      ['umbrella', 3],
      ['acme', 4],
    ]);
  });

  it('a rank below 1 clamps to 1', async () => {
    await seedTargets('Acme');
    await companies.setTarget({ name: 'Globex', target: true, rank: 0 });
    expect(await ranking()).toEqual([
      ['globex', 1],
      ['acme', 2],
    ]);
  });

  it('the first target gets rank 1 whatever rank is asked', async () => {
    const company = await companies.setTarget({ name: 'Acme', target: true, rank: 5 });
    expect(company.targetRank).toBe(1);
    expect(await ranking()).toEqual([['acme', 1]]);
  });

  it('targetCount and byKey read the store', async () => {
    expect(await companies.targetCount()).toBe(0);
    expect(await companies.byKey('acme')).toBeUndefined();
    await seedTargets('Acme', 'Globex');
    await companies.setTarget({ name: 'Hooli', target: false });
    expect(await companies.targetCount()).toBe(2);
    expect(await companies.byKey('hooli')).toMatchObject({ name: 'Hooli', target: false });
  });

  it('a long sequence of moves never leaves gaps or ties', async () => {
    const names = ['Acme', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark'];
    await seedTargets(...names);
    const moves: [string, boolean, number | undefined][] = [
      ['Stark', true, 1],
      ['Acme', false, undefined],
      ['Globex', true, 5],
      ['Acme', true, 2],
      ['Hooli', false, undefined],
      ['Initech', true, 99],
      ['Wayne', true, 3],
      ['Umbrella', true, 1],
    ];
    for (const [name, target, rank] of moves) {
      await companies.setTarget({ name, target, ...(rank === undefined ? {} : { rank }) });
      await ranking();
    }
    expect(await ranking()).toEqual([
      ['umbrella', 1],
      ['stark', 2],
      ['acme', 3],
      ['wayne', 4],
      ['globex', 5],
      ['initech', 6],
    ]);
  });
});

describe('targets: the ranked list with contact counts (the settings page)', () => {
  /** Adds contacts through the real service (which derives companyKey from the company). */
  async function seedPeople(...people: { name: string; company?: string; archivedAt?: number }[]) {
    const contacts = createContactService(db, () => clock);
    for (const { archivedAt, ...draft } of people) {
      const { contact } = await contacts.create(draft);
      if (archivedAt) await db.contacts.update(contact.id, { archivedAt });
    }
  }

  it('is empty with no targets, even when companies are recorded', async () => {
    expect(await companies.targets()).toEqual([]);
    await companies.setTarget({ name: 'Acme', target: true });
    await companies.setTarget({ name: 'Acme', target: false });
    expect(await companies.targets()).toEqual([]);
  });

  it('lists the targets best first, with their first spelling, key and rank', async () => {
    await seedTargets('Globex Corp.', 'Acme, Inc.', 'Initech');
    await companies.setTarget({ name: 'initech', target: true, rank: 1 });
    expect(await companies.targets()).toEqual([
      { name: 'Initech', key: 'initech', rank: 1, contacts: 0 },
      { name: 'Globex Corp.', key: 'globex', rank: 2, contacts: 0 },
      { name: 'Acme, Inc.', key: 'acme', rank: 3, contacts: 0 },
    ]);
  });

  it('counts the contacts at each, whatever the spelling of their company, leaving archived ones out', async () => {
    await seedTargets('Acme', 'Globex');
    await seedPeople(
      { name: 'Ada', company: 'ACME GmbH' },
      { name: 'Bob', company: 'Acme, Inc.' },
      { name: 'Cy', company: 'Acme', archivedAt: T0 },
      { name: 'Dee', company: 'Initech' },
      { name: 'Eve' },
    );
    expect(await companies.targets()).toEqual([
      { name: 'Acme', key: 'acme', rank: 1, contacts: 2 },
      { name: 'Globex', key: 'globex', rank: 2, contacts: 0 },
    ]);
  });
});
