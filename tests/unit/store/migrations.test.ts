// The migration harness: every frozen fixture database (one per schema version ever shipped)
// is written with that version's own schema, then opened by the current code — nothing may be
// lost, and every record must still be valid under the current zod schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { Company } from '../../../utils/model/company';
import { Contact } from '../../../utils/model/contact';
import { Interaction } from '../../../utils/model/interaction';
import { Pitch } from '../../../utils/model/pitch';
import { Reminder } from '../../../utils/model/reminder';
import { SettingsRecord } from '../../../utils/model/settings';
import { RapportDatabase } from '../../../utils/store/database';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '../../../utils/store/schema-versions';

interface Fixture {
  version: number;
  stores: Record<string, string>;
  tables: Record<string, Record<string, unknown>[]>;
}

const dir = resolve(import.meta.dirname, '../../fixtures/db');
const fixtures: Fixture[] = readdirSync(dir)
  .filter((file) => /^v\d+\.json$/.test(file))
  .map((file) => JSON.parse(readFileSync(resolve(dir, file), 'utf8')) as Fixture)
  .sort((a, b) => a.version - b.version);

const SCHEMAS: Record<string, z.ZodType> = {
  contacts: Contact,
  interactions: Interaction,
  reminders: Reminder,
  companies: Company,
  pitches: Pitch,
  settings: SettingsRecord,
};

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

/** Writes a fixture exactly as its schema version would have. */
async function writeFrozen(name: string, fixture: Fixture) {
  const old = new Dexie(name);
  old.version(fixture.version).stores(fixture.stores);
  await old.open();
  await old.transaction('rw', old.tables, async () => {
    for (const [table, rows] of Object.entries(fixture.tables)) await old.table(table).bulkAdd(rows);
  });
  old.close();
}

describe('schema versions', () => {
  it('has a frozen fixture for every version, and no shipped version was edited', () => {
    expect(fixtures.map((f) => f.version)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
    for (const fixture of fixtures) {
      const declared = SCHEMA_VERSIONS.find((v) => v.version === fixture.version)!;
      expect(declared.stores, `schema version ${fixture.version} differs from its frozen fixture`).toEqual(fixture.stores);
    }
  });

  it('every frozen fixture is valid under the schemas of its time (all tables present)', () => {
    for (const fixture of fixtures) expect(Object.keys(fixture.tables).sort()).toEqual(Object.keys(SCHEMAS).sort());
  });
});

describe.each(fixtures)('the frozen v$version database opened by current code', (fixture) => {
  it('loses nothing and every record parses under the current schemas', async () => {
    const name = `frozen-v${fixture.version}`;
    await writeFrozen(name, fixture);
    const db = new RapportDatabase(name);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    for (const [table, rows] of Object.entries(fixture.tables)) {
      const stored = await db.table(table).toArray();
      expect(stored, `table ${table}`).toHaveLength(rows.length);
      for (const row of stored) {
        const parsed = SCHEMAS[table]!.safeParse(row);
        expect(parsed.success, `${table} ${JSON.stringify(row)}: ${parsed.error?.message}`).toBe(true);
      }
      // The latest version's rows come back byte-for-byte; older ones with what later
      // upgrades derive (v2: the name key) added and nothing else changed.
      if (fixture.version === LATEST_SCHEMA_VERSION) expect(stored).toEqual(rows);
      else if (table === 'contacts') {
        expect(stored.map(({ nameKey, ...rest }) => rest)).toEqual(rows);
        expect(stored.map((c) => c.nameKey)).toEqual(['ada lovelace', 'thilde markstrom', 'grace hopper']);
      } else expect(stored).toEqual(rows);
    }
    db.close();
  });

  it('serves the queries later features rely on', async () => {
    const name = `frozen-queries-v${fixture.version}`;
    await writeFrozen(name, fixture);
    const db = new RapportDatabase(name);
    expect((await db.contacts.where('linkedinSlug').equals('ada-lovelace-0a1b2c3d').first())?.name).toBe('Ada Lovelace');
    expect((await db.contacts.where('emails').equals('g.hopper@example.net').first())?.name).toBe('Grace Hopper');
    expect((await db.contacts.where('tags').equals('math').toArray()).map((c) => c.id)).toEqual([1]);
    expect(await db.contacts.where('companyKey').equals('babbage').count()).toBe(1);
    expect((await db.contacts.where('nameKey').equals('thilde markstrom').first())?.id).toBe(2);
    expect(await db.contacts.where('introducedBy').equals(1).count()).toBe(1);
    const open = await db.reminders.where('[status+due]').between(['open', 0], ['open', Infinity]).toArray();
    expect(open.map((r) => r.id)).toEqual([1]);
    const log = await db.interactions.where('[contactId+when]').between([1, 0], [1, Infinity]).reverse().toArray();
    expect(log.map((i) => i.id)).toEqual([2, 1]);
    db.close();
  });
});

describe('constraints of the current schema', () => {
  it('refuses a second contact with the same LinkedIn profile', async () => {
    const db = new RapportDatabase('constraints-slug');
    const base = { emails: [], phones: [], tags: [], notes: '', createdAt: 1, updatedAt: 1 };
    await db.contacts.add({ ...base, name: 'A', linkedinSlug: 'same-slug' });
    await expect(db.contacts.add({ ...base, name: 'B', linkedinSlug: 'same-slug' })).rejects.toThrow(/constraint/i);
    // Contacts without a LinkedIn profile are not constrained by it.
    await db.contacts.add({ ...base, name: 'C' });
    await db.contacts.add({ ...base, name: 'D' });
    expect(await db.contacts.count()).toBe(3);
    db.close();
  });

  it('logs one external item once per contact', async () => {
    const db = new RapportDatabase('constraints-external');
    const row = { kind: 'email' as const, when: 5, summary: '', source: 'gmail' as const, externalId: 'gmail:1', createdAt: 1, updatedAt: 1 };
    await db.interactions.add({ ...row, contactId: 1 });
    await db.interactions.add({ ...row, contactId: 2 });
    await expect(db.interactions.add({ ...row, contactId: 1 })).rejects.toThrow(/constraint/i);
    db.close();
  });
});
