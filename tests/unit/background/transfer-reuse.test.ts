// An import's apply reuses its preview's reading and plan when the same file comes back and no
// contact was written in between — and reads and plans again (the plan hash deciding) otherwise.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTransferService, type TransferService } from '../../../utils/background/transfer';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);
let db: RapportDatabase;
let transfer: TransferService;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-transfer-reuse-test');
  transfer = createTransferService(db, () => T0);
});
afterEach(() => db.close());

const csv = (rows: string[]) =>
  new TextEncoder().encode(['First Name,Last Name,URL,Email Address,Company,Position,Connected On', ...rows].join('\r\n'));
const FILE = csv([
  'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace,ada@example.org,Babbage & Co,Programmer,01 Jan 2020',
  'Grace,Hopper,https://www.linkedin.com/in/grace-hopper,,US Navy,Admiral,02 Feb 2021',
]);
const apply = (bytes: Uint8Array, hash: string) => transfer.applyImport('Connections.csv', bytes, undefined, hash, { acceptOffered: false });

describe('the contacts write counter', () => {
  it('counts every kind of write to contacts, and no read', async () => {
    const start = db.contactWrites;
    const id = await db.contacts.add({ name: 'A', emails: [], phones: [], tags: [], notes: '', createdAt: T0, updatedAt: T0 } as never);
    await db.contacts.update(id, { notes: 'x' });
    await db.contacts.where('id').equals(id).modify({ notes: 'y' });
    await db.contacts.bulkPut([{ ...(await db.contacts.get(id))!, notes: 'z' }]);
    await db.contacts.delete(id);
    expect(db.contactWrites - start).toBe(5);
    await db.contacts.toArray();
    await db.contacts.count();
    await db.pitches.add({ audience: 'x', text: 'y', createdAt: T0, updatedAt: T0 } as never);
    expect(db.contactWrites - start).toBe(5);
  });
});

describe('apply after preview', () => {
  it('reuses the preview: the contacts are not read again', async () => {
    await db.contacts.add({ name: 'Ada Lovelace', linkedinSlug: 'ada-lovelace', emails: [], phones: [], tags: [], notes: 'mine', createdAt: T0, updatedAt: T0 } as never);
    const preview = await transfer.previewImport('Connections.csv', FILE);
    const read = vi.spyOn(db.contacts, 'toArray');
    const result = await apply(FILE, preview.planHash);
    expect(read).not.toHaveBeenCalled();
    expect(result.counts).toEqual({ created: 1, updated: 1, skipped: 0 });
    const ada = await db.contacts.where('linkedinSlug').equals('ada-lovelace').first();
    expect(ada?.notes).toBe('mine');
    // Created from the file: marked imported (the weekly goal counts it at its meeting date);
    // the contact the user had already is not.
    expect(ada?.importedAt).toBeUndefined();
    expect((await db.contacts.where('linkedinSlug').equals('grace-hopper').first())?.importedAt).toBe(T0);
  });

  it('plans again after a contact was written in between, and refuses a plan that changed', async () => {
    const preview = await transfer.previewImport('Connections.csv', FILE);
    await db.contacts.add({ name: 'Grace Hopper', linkedinSlug: 'grace-hopper', emails: [], phones: [], tags: [], notes: '', createdAt: T0, updatedAt: T0 } as never);
    const read = vi.spyOn(db.contacts, 'toArray');
    await expect(apply(FILE, preview.planHash)).rejects.toThrow(/changed since the preview/);
    expect(read).toHaveBeenCalled();
    expect(await db.contacts.count()).toBe(1);
  });

  it('plans again for a different file with the same name, and refuses it', async () => {
    const preview = await transfer.previewImport('Connections.csv', FILE);
    const other = csv(['Alan,Turing,https://www.linkedin.com/in/alan-turing,,Bletchley,Cryptanalyst,01 Jan 2020']);
    await expect(apply(other, preview.planHash)).rejects.toThrow(/changed since the preview/);
    expect(await db.contacts.count()).toBe(0);
  });

  it('a second apply of the same preview plans again and writes nothing twice', async () => {
    const preview = await transfer.previewImport('Connections.csv', FILE);
    await apply(FILE, preview.planHash);
    await expect(apply(FILE, preview.planHash)).rejects.toThrow(/changed since the preview/);
    expect(await db.contacts.count()).toBe(2);
  });
});
