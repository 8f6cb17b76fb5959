// Import, export and restore over a real RapportDatabase (a fresh fake IndexedDB per test):
// previews write nothing, applies are all or nothing, a stale preview is refused, and a backup
// restores into an empty store as exactly the tables it was made from.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCommitmentService } from '../../../utils/background/commitments';
import { createCompanyService } from '../../../utils/background/companies';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import { createInteractionService } from '../../../utils/background/interactions';
import { createPitchService } from '../../../utils/background/pitches';
import { RequestError } from '../../../utils/background/request-error';
import { createSettingsService } from '../../../utils/background/settings';
import { createTransferService, planHash, type TransferService } from '../../../utils/background/transfer';
import { companyKey } from '../../../utils/company-name';
import { ImportPreview, RestorePreview } from '../../../utils/messages/transfer-schemas';
import { personNameKey } from '../../../utils/person-name';
import { RapportDatabase } from '../../../utils/store/database';
import { parseBackup } from '../../../utils/transfer/backup';
import { fixture } from '../transfer/helpers';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const CONNECTIONS = 'Connections.csv';

let db: RapportDatabase;
let clock: number;
let contacts: ContactService;
let transfer: TransferService;
const opened: RapportDatabase[] = [];

function open(name: string) {
  const store = new RapportDatabase(name);
  opened.push(store);
  return store;
}

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = open('rapport-transfer-test');
  clock = T0;
  contacts = createContactService(db, () => clock);
  transfer = createTransferService(db, () => clock);
});

afterEach(() => {
  for (const store of opened.splice(0)) store.close();
});

/** Every table, for "nothing was written" comparisons. */
async function tables(store: RapportDatabase = db) {
  const out: Record<string, unknown[]> = {};
  for (const table of store.tables) out[table.name] = await table.toArray();
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<RequestError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)?.slice(0, 300)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RequestError);
  return error as RequestError;
}

/** Thilde, Ada, Grace, Linus, Émile and Søren; the deleted member (line 10) is skipped. */
async function previewConnections() {
  const preview = await transfer.previewImport(CONNECTIONS, fixture('linkedin-connections.csv'));
  expect(ImportPreview.safeParse(preview).success).toBe(true);
  return preview;
}

async function importConnections() {
  const preview = await previewConnections();
  return transfer.applyImport(CONNECTIONS, fixture('linkedin-connections.csv'), undefined, preview.planHash, { acceptOffered: false });
}

describe('import', () => {
  it('previews Connections.csv with exact counts and writes nothing', async () => {
    await contacts.create({ name: 'Someone Else', emails: ['else@example.org'] });
    const before = await tables();
    const preview = await previewConnections();
    expect(preview.format).toBe('linkedin-connections');
    expect(preview.counts).toEqual({ create: 6, update: 0, skip: 1, merged: 0, problems: 0 });
    expect(preview.create.map((c) => c.draft.name).sort()).toEqual(
      ['Ada Lovelace', 'Grace Hopper "Amazing Grace"', 'Linus Ek', 'Søren Kierkegaard', 'Thilde Markström', 'Émile Zola'].sort(),
    );
    expect(preview.skip).toHaveLength(1);
    expect(preview.skip[0]!.line).toBe(10);
    expect(preview.problems).toEqual([]);
    expect(preview.planHash).toMatch(/^[0-9a-f]{32}$/);
    expect(await tables()).toEqual(before);
  });

  it('applies: contacts exist with how-we-met "Connected on LinkedIn" and derived keys', async () => {
    const result = await importConnections();
    expect(result.counts).toEqual({ created: 6, updated: 0, skipped: 1 });
    expect(result.created).toHaveLength(6);
    const stored = await db.contacts.toArray();
    expect(stored).toHaveLength(6);
    for (const contact of stored) {
      expect(contact.howWeMet?.event).toBe('Connected on LinkedIn');
      expect(contact.createdAt).toBe(T0);
      expect(contact.nameKey).toBe(personNameKey(contact.name));
      expect(contact.companyKey).toBe(companyKey(contact.company));
    }
    const ada = await contacts.findBySlug('ada-lovelace-0a1b2c3d');
    expect(ada).toMatchObject({ name: 'Ada Lovelace', company: 'Babbage & Co., Ltd', emails: ['ada@example.org'] });
    expect(ada!.companyKey).toBeDefined();
  });

  it('re-importing the same file skips everyone and leaves what the user wrote alone', async () => {
    await importConnections();
    const ada = (await contacts.findBySlug('ada-lovelace-0a1b2c3d'))!;
    clock += DAY;
    await contacts.update(ada.id, { notes: 'Met at the Difference Engine meetup', tags: ['mentor'], type: 'mentor' });
    const before = await tables();

    const again = await previewConnections();
    expect(again.counts).toEqual({ create: 0, update: 0, skip: 7, merged: 0, problems: 0 });
    const result = await transfer.applyImport(CONNECTIONS, fixture('linkedin-connections.csv'), undefined, again.planHash, {
      acceptOffered: true,
    });
    expect(result).toEqual({ created: [], updated: [], counts: { created: 0, updated: 0, skipped: 7 } });
    expect(await tables()).toEqual(before);
  });

  it('updates fill empty fields, add tags and e-mails, offer differing values, and never overwrite notes, tags or how-we-met', async () => {
    const { contact: ada } = await contacts.create({
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      linkedinSlug: 'ada-lovelace-0a1b2c3d',
      notes: 'My own notes',
      tags: ['mentor'],
      type: 'mentor',
      howWeMet: { event: 'Difference Engine meetup' },
    });
    const preview = await previewConnections();
    expect(preview.counts).toMatchObject({ create: 5, update: 1 });
    const update = preview.update[0]!;
    expect(update).toMatchObject({ contactId: ada.id, matchedBy: 'linkedin', addEmails: ['ada@example.org'] });
    expect(update.offered).toEqual({ company: 'Babbage & Co., Ltd' });
    expect(update.fill).toMatchObject({ title: 'Programmer, Analytical Engine' });
    expect(update.fill.howWeMet).toBeUndefined();

    clock += DAY;
    const result = await transfer.applyImport(CONNECTIONS, fixture('linkedin-connections.csv'), undefined, preview.planHash, {
      acceptOffered: false,
    });
    expect(result.updated).toEqual([ada.id]);
    const after = (await contacts.get(ada.id))!;
    expect(after).toMatchObject({
      company: 'Analytical Engines',
      companyKey: companyKey('Analytical Engines'),
      title: 'Programmer, Analytical Engine',
      emails: ['ada@example.org'],
      notes: 'My own notes',
      tags: ['mentor'],
      type: 'mentor',
      howWeMet: { event: 'Difference Engine meetup' },
      updatedAt: T0 + DAY,
    });
  });

  it('accepting the offered values takes the file company (and its key)', async () => {
    const { contact: ada } = await contacts.create({ name: 'Ada Lovelace', company: 'Analytical Engines', linkedinSlug: 'ada-lovelace-0a1b2c3d' });
    const preview = await previewConnections();
    await transfer.applyImport(CONNECTIONS, fixture('linkedin-connections.csv'), undefined, preview.planHash, { acceptOffered: true });
    expect(await contacts.get(ada.id)).toMatchObject({ company: 'Babbage & Co., Ltd', companyKey: companyKey('Babbage & Co., Ltd') });
  });

  it('a broken file is refused with its line named, and nothing is written', async () => {
    await contacts.create({ name: 'Someone Else', emails: ['else@example.org'] });
    const before = await tables();
    const preview = await transfer.previewImport('broken.csv', fixture('broken-too-many-fields.csv'));
    expect(preview.problems.length).toBeGreaterThan(0);
    expect(preview.counts.create + preview.counts.update).toBe(0);
    const error = await rejection(
      transfer.applyImport('broken.csv', fixture('broken-too-many-fields.csv'), undefined, preview.planHash, { acceptOffered: false }),
    );
    expect(error.code).toBe('invalid-request');
    expect(error.message).toMatch(/line 3\b/i);
    const quote = await rejection(
      transfer.applyImport('broken.csv', fixture('broken-unterminated-quote.csv'), undefined, preview.planHash, { acceptOffered: false }),
    );
    expect(quote.message).toMatch(/line 6\b/i);
    const vcard = await rejection(
      transfer.applyImport('broken.vcf', fixture('broken-missing-end.vcf'), undefined, preview.planHash, { acceptOffered: false }),
    );
    expect(vcard.message).toMatch(/line \d+/i);
    expect(await tables()).toEqual(before);
  });

  it('a plan that changed since the preview (or a wrong hash) is refused, and nothing is written', async () => {
    const preview = await previewConnections();
    // Meanwhile Grace was added from her profile page: the file's Grace is now an update.
    await contacts.create({ name: 'Grace Hopper', linkedinSlug: 'grace-hopper-3d4e5f' });
    const before = await tables();
    const stale = await rejection(
      transfer.applyImport(CONNECTIONS, fixture('linkedin-connections.csv'), undefined, preview.planHash, { acceptOffered: false }),
    );
    expect(stale.code).toBe('invalid-request');
    expect(stale.message).toMatch(/preview/i);
    await rejection(transfer.applyImport(CONNECTIONS, fixture('linkedin-connections.csv'), undefined, '0'.repeat(32), { acceptOffered: false }));
    // Another file under the previewed hash.
    await rejection(transfer.applyImport('x.csv', fixture('linkedin-connections-old.csv'), undefined, preview.planHash, { acceptOffered: false }));
    expect(await tables()).toEqual(before);
  });

  it('a backup file is not imported (it is restored)', async () => {
    const backup = new TextEncoder().encode(await transfer.exportBackup());
    const preview = await transfer.previewImport('rapport-backup.json', backup);
    expect(preview.format).toBe('rapport-backup');
    expect(preview.problems[0]!.message).toMatch(/restore/);
    await rejection(transfer.applyImport('rapport-backup.json', backup, undefined, preview.planHash, { acceptOffered: false }));
  });

  it('the plan hash ignores key order and sees every value', () => {
    expect(planHash({ a: 1, b: [1, 2] })).toBe(planHash({ b: [1, 2], a: 1 }));
    expect(planHash({ a: 1, b: [1, 2] })).not.toBe(planHash({ a: 1, b: [2, 1] }));
    expect(planHash({ a: 'x' })).not.toBe(planHash({ a: 'y' }));
  });
});

/** A store with something in every table, links between them included. */
async function populate(store: RapportDatabase) {
  const now = () => clock;
  const people = createContactService(store, now);
  const { contact: ada } = await people.create({
    name: 'Ada Lovelace',
    company: 'Analytical Engines, Ltd.',
    emails: ['ada@example.org'],
    linkedinSlug: 'ada-lovelace',
    tags: ['mentor'],
    notes: 'Poetical science',
    howWeMet: { event: 'Babbage soirée', date: T0 - 30 * DAY },
  });
  clock += 1000;
  const { contact: grace } = await people.create({ name: 'Grace Hopper', introducedBy: ada.id, cadenceDays: 30 });
  const log = createInteractionService(store, now);
  const { interaction } = await log.log({ contactId: ada.id, kind: 'meeting', when: T0 - DAY, summary: 'Coffee', source: 'manual' });
  await log.log({ contactId: grace.id, kind: 'call', when: T0 - 2 * DAY, summary: 'Phone call', source: 'manual' });
  await createCommitmentService(store, now).add(ada.id, 'Send the article', T0 + DAY);
  await createPitchService(store, now).save({ audience: 'Recruiters', text: 'I build engines.' });
  await createCompanyService(store, now).setTarget({ name: 'Analytical Engines', target: true, rank: 1 });
  await createSettingsService(store).update({ snoozeMinutes: 30 });
  return { ada, grace, interaction };
}

describe('export', () => {
  it('every format is text of the whole store', async () => {
    await populate(db);
    const backup = parseBackup(await transfer.exportBackup());
    expect(backup.problems).toEqual([]);
    expect(backup.backup!.exportedAt).toBe(new Date(T0 + 1000).toISOString());
    expect(backup.backup!.tables).toEqual(await tables());
    const csv = await transfer.exportContactsCsv();
    expect(csv.startsWith('\uFEFFName,')).toBe(true);
    expect(csv).toContain('Ada Lovelace');
    expect(csv).toContain('Grace Hopper');
    const interactions = await transfer.exportInteractionsCsv();
    expect(interactions).toContain('Coffee');
    expect(interactions).toContain('Phone call');
    const vcard = await transfer.exportVcard();
    expect(vcard.match(/BEGIN:VCARD/g)).toHaveLength(2);
    expect(vcard).toContain('FN:Ada Lovelace');
  });
});

describe('restore', () => {
  it('backup → empty store → restore gives the same tables', async () => {
    await populate(db);
    const text = await transfer.exportBackup();
    const original = await tables();

    const fresh = open('rapport-transfer-restored');
    const into = createTransferService(fresh, () => clock);
    const preview = await into.previewRestore(text);
    expect(RestorePreview.safeParse(preview).success).toBe(true);
    expect(preview.problems).toEqual([]);
    expect(preview.conflicts).toEqual([]);
    expect(preview.counts.contacts).toEqual({ create: 2, conflicting: 0, skip: 0 });
    expect(await tables(fresh)).toEqual({ contacts: [], interactions: [], reminders: [], companies: [], pitches: [], settings: [] });

    const result = await into.applyRestore(text, preview.planHash, { overwriteConflicts: false });
    expect(result.counts.contacts).toEqual({ created: 2, overwritten: 0 });
    expect(await tables(fresh)).toEqual(original);
    // And a backup of the restored store is the same backup (key order aside).
    expect(JSON.parse(await into.exportBackup())).toEqual(JSON.parse(text));
  });

  it('into a populated store: conflicts keep the existing record unless overwritten', async () => {
    const { ada } = await populate(db);
    const text = await transfer.exportBackup();
    clock += DAY;
    await contacts.update(ada.id, { notes: 'Edited after the backup' });
    const before = await tables();

    const preview = await transfer.previewRestore(text);
    expect(preview.counts.contacts).toEqual({ create: 0, conflicting: 1, skip: 1 });
    expect(preview.conflicts).toEqual([{ table: 'contacts', id: ada.id, label: 'Ada Lovelace' }]);
    expect(await tables()).toEqual(before);

    const kept = await transfer.applyRestore(text, preview.planHash, { overwriteConflicts: false });
    expect(kept.counts.contacts).toEqual({ created: 0, overwritten: 0 });
    expect(await tables()).toEqual(before);
    expect((await contacts.get(ada.id))!.notes).toBe('Edited after the backup');

    const overwritten = await transfer.applyRestore(text, preview.planHash, { overwriteConflicts: true });
    expect(overwritten.counts.contacts).toEqual({ created: 0, overwritten: 1 });
    expect(overwritten.contactIds).toEqual([ada.id]);
    expect((await contacts.get(ada.id))!.notes).toBe('Poetical science');
  });

  it('a broken backup or a stale hash is refused, and nothing is written', async () => {
    await populate(db);
    const text = await transfer.exportBackup();
    const fresh = open('rapport-transfer-other');
    const into = createTransferService(fresh, () => clock);
    const preview = await into.previewRestore(text);

    const broken = text.replace('"format": "rapport-backup"', '"format": "rapport-backup",,');
    const brokenPreview = await into.previewRestore(broken);
    expect(brokenPreview.problems[0]!.message).toMatch(/line \d+/i);
    expect(brokenPreview.planHash).toBe('');
    const error = await rejection(into.applyRestore(broken, preview.planHash, { overwriteConflicts: false }));
    expect(error.message).toMatch(/line \d+/i);

    await createContactService(fresh, () => clock).create({ name: 'Ada Lovelace', linkedinSlug: 'ada-lovelace' });
    const before = await tables(fresh);
    const stale = await rejection(into.applyRestore(text, preview.planHash, { overwriteConflicts: false }));
    expect(stale.message).toMatch(/preview/i);
    expect(await tables(fresh)).toEqual(before);
  });
});
