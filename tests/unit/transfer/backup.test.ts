// The JSON backup and the restore preview: export → wipe → restore gives back every record,
// and restoring over existing data never overwrites anything silently.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { RapportDatabase } from '../../../utils/store/database';
import { LATEST_SCHEMA_VERSION } from '../../../utils/store/schema-versions';
import { BackupTables, parseBackup, serializeBackup, TABLE_NAMES, type Backup } from '../../../utils/transfer/backup';
import { detectFormat } from '../../../utils/transfer/detect';
import { readImportFile } from '../../../utils/transfer/import-file';
import { applyRestore, planRestore } from '../../../utils/transfer/plan';

/** The frozen v1 database fixture, as the current schemas read it. */
const fixtureTables = (): BackupTables =>
  BackupTables.parse((JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/db/v1.json'), 'utf8')) as { tables: unknown }).tables);

const NOW = Date.UTC(2024, 5, 1, 12);
const empty = (): BackupTables => ({ contacts: [], interactions: [], reminders: [], companies: [], pitches: [], settings: [] });
const backupOf = (tables: BackupTables): Backup => parseBackup(serializeBackup(tables, NOW)).backup!;

async function readAll(db: RapportDatabase): Promise<BackupTables> {
  const out = {} as Record<string, unknown[]>;
  for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out as BackupTables;
}

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  Dexie.dependencies.IDBKeyRange = IDBKeyRange;
});

describe('backup file', () => {
  it('names its format and the schema version, and reads back equal', () => {
    const text = serializeBackup(fixtureTables(), NOW);
    expect(JSON.parse(text)).toMatchObject({ format: 'rapport-backup', schemaVersion: LATEST_SCHEMA_VERSION, exportedAt: '2024-06-01T12:00:00.000Z' });
    expect(parseBackup(text).backup!.tables).toEqual(fixtureTables());
    expect(detectFormat('rapport-2024-06-01.json', text).format).toBe('rapport-backup');
    expect(readImportFile('rapport-2024-06-01.json', text).backup!.tables).toEqual(fixtureTables());
  });

  it('refuses a backup from a newer Rapport with a clear message', () => {
    const text = serializeBackup(empty(), NOW).replace(`"schemaVersion": ${LATEST_SCHEMA_VERSION}`, `"schemaVersion": ${LATEST_SCHEMA_VERSION + 1}`);
    expect(parseBackup(text).problems).toEqual([
      {
        message: `This backup was made by a newer version of Rapport (data version ${LATEST_SCHEMA_VERSION + 1}; this one reads up to ${LATEST_SCHEMA_VERSION}). Update Rapport, then restore it.`,
      },
    ]);
  });

  it('damaged JSON: the line; another JSON file: not a backup', () => {
    const text = serializeBackup(fixtureTables(), NOW);
    const cut = text.slice(0, text.indexOf('"interactions"'));
    const { problems } = parseBackup(cut);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^Line \d+: this is not valid JSON \(the file is damaged or incomplete\)\.$/);
    expect(problems[0]!.line).toBeGreaterThan(cut.split('\n').length - 3);
    expect(parseBackup('{"contacts": []}').problems[0]!.message).toContain('not a Rapport backup');
    expect(parseBackup('[]').problems[0]!.message).toContain('not a Rapport backup');
  });

  it('an invalid record: which table, which record, which field', () => {
    const data = JSON.parse(serializeBackup(fixtureTables(), NOW));
    data.tables.contacts[1].name = '';
    data.tables.interactions[0].kind = 'carrier-pigeon';
    expect(parseBackup(JSON.stringify(data)).problems.map((p) => p.message)).toEqual([
      expect.stringMatching(/^contacts #2 \(id 2\): name: /),
      expect.stringMatching(/^interactions #1 \(id 1\): kind: /),
    ]);
  });

  it('records the store would refuse together: duplicates, links to missing records', () => {
    const tables = fixtureTables();
    tables.contacts[2]!.linkedinSlug = tables.contacts[0]!.linkedinSlug;
    tables.interactions[0]!.contactId = 42;
    tables.reminders[1]!.sourceInteractionId = 77;
    expect(parseBackup(serializeBackup(tables, NOW)).problems.map((p) => p.message)).toEqual([
      'contacts: two records with the same LinkedIn profile "ada-lovelace-0a1b2c3d".',
      'interactions (id 1): belongs to contact 42, which is not in the backup.',
      'reminders (id 2): made by interaction 77, which is not in the backup.',
    ]);
  });
});

describe('restore', () => {
  it('round trip through the database: export → wipe → restore → deep-equal', async () => {
    const db = new RapportDatabase('restore-round-trip');
    const original = fixtureTables();
    await db.transaction('rw', db.tables, async () => {
      for (const name of TABLE_NAMES) await db.table(name).bulkAdd(original[name]);
    });
    const before = await readAll(db);
    const exported = serializeBackup(before, NOW);

    await db.transaction('rw', db.tables, async () => {
      for (const table of db.tables) await table.clear();
    });
    const parsed = readImportFile('backup.json', new TextEncoder().encode(exported));
    expect(parsed.problems).toEqual([]);
    const plan = planRestore(parsed.backup!, await readAll(db));
    expect(plan.remapped).toEqual([]);
    for (const name of TABLE_NAMES) {
      expect(plan.tables[name].conflicting).toEqual([]);
      expect(plan.tables[name].create).toHaveLength(before[name].length);
    }
    await db.transaction('rw', db.tables, async () => {
      for (const name of TABLE_NAMES) await db.table(name).bulkAdd(plan.tables[name].create);
    });
    expect(await readAll(db)).toEqual(before);
    db.close();
  });

  it('restoring onto the same data: everything identical, nothing to do', () => {
    const tables = fixtureTables();
    const plan = planRestore(backupOf(tables), tables);
    for (const name of TABLE_NAMES) {
      expect(plan.tables[name].create).toEqual([]);
      expect(plan.tables[name].conflicting).toEqual([]);
      expect(plan.tables[name].skip).toHaveLength(tables[name].length);
    }
  });

  it('an edited record is a conflict: kept as it is unless the user takes the backup', () => {
    const backup = backupOf(fixtureTables());
    const now = fixtureTables();
    now.contacts[0]!.notes = 'Rewritten since the backup';
    // The `app` row (the settings table also holds other keys, e.g. dismissed duplicates).
    const snooze = (t: BackupTables) => (t.settings[0]!.value as { snoozeMinutes: number });
    snooze(now).snoozeMinutes = 30;
    const plan = planRestore(backup, now);
    expect(plan.tables.contacts.conflicting).toEqual([{ existing: now.contacts[0], incoming: backup.tables.contacts[0] }]);
    expect(plan.tables.settings.conflicting).toHaveLength(1);
    expect(applyRestore(now, plan)).toEqual(now);
    const taken = applyRestore(now, plan, (table) => (table === 'contacts' ? 'backup' : 'existing'));
    expect(taken.contacts[0]!.notes).toBe(backup.tables.contacts[0]!.notes);
    expect(snooze(taken).snoozeMinutes).toBe(snooze(now).snoozeMinutes);
  });

  it('a different person under a taken id gets a new id; interactions, reminders and introductions follow', () => {
    const backup = backupOf(fixtureTables());
    // This browser has its own contact 1 (another person) and nothing else.
    const mine = empty();
    mine.contacts.push({ ...backup.tables.contacts[2]!, id: 1, name: 'Linus Ek', emails: ['linus@example.se'], createdAt: 1, tags: [] });
    const plan = planRestore(backup, mine);
    expect(plan.remapped).toEqual([{ table: 'contacts', from: 1, to: 4, reason: 'the id is taken by a different record' }]);
    expect(plan.tables.contacts.create.map((c) => [c.id, c.name])).toEqual([[4, 'Ada Lovelace'], [2, 'Thilde Markström'], [3, 'Grace Hopper']]);
    expect(plan.tables.contacts.create[1]!.introducedBy).toBe(4);
    expect(plan.tables.interactions.create.map((i) => i.contactId)).toEqual([4, 4]);
    expect(plan.tables.reminders.create.map((r) => r.contactId)).toEqual([4, 4, undefined]);
    expect(plan.tables.contacts.conflicting).toEqual([]);
    const after = applyRestore(mine, plan);
    expect(after.contacts.map((c) => c.id).sort()).toEqual([1, 2, 3, 4]);
  });

  it('the same person under another id (same LinkedIn profile) is a conflict with that contact; their log follows', () => {
    const backup = backupOf(fixtureTables());
    const mine = empty();
    mine.contacts.push({ ...backup.tables.contacts[0]!, id: 9, notes: 'My own notes', createdAt: 5 });
    // The e-mail interaction was already logged here for contact 9 (same mail id), under id 30.
    mine.interactions.push({ ...backup.tables.interactions[1]!, id: 30, contactId: 9 });
    const plan = planRestore(backup, mine);
    expect(plan.remapped).toContainEqual({ table: 'contacts', from: 1, to: 9, reason: 'the same record exists under another id' });
    expect(plan.tables.contacts.conflicting.map((c) => [c.existing.id, c.incoming.id])).toEqual([[9, 9]]);
    expect(plan.tables.interactions.create.map((i) => [i.id, i.contactId])).toEqual([[1, 9]]);
    expect(plan.tables.interactions.skip.map((i) => i.id)).toEqual([30]);
    expect(plan.tables.reminders.create.map((r) => r.contactId)).toEqual([9, 9, undefined]);
    expect(plan.tables.contacts.create.find((c) => c.name === 'Thilde Markström')!.introducedBy).toBe(9);
    // Keeping mine: my notes stay.
    expect(applyRestore(mine, plan).contacts.find((c) => c.id === 9)!.notes).toBe('My own notes');
  });
});
