// The import's write path in bulk chunks: every row written with the ids the answer names, and
// still all or nothing — a write failing in a later chunk leaves the store as it was.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTransferService, type TransferService } from '../../../utils/background/transfer';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);
const ROWS = 1_200; // more than one write chunk (1,000)
let db: RapportDatabase;
let transfer: TransferService;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-bulk-write-test');
  transfer = createTransferService(db, () => T0);
});
afterEach(() => db.close());

function connections(email: (i: number) => string): Uint8Array {
  const lines = ['Notes:', '"Some e-mail addresses are missing."', '', 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'];
  for (let i = 1; i <= ROWS; i++) {
    lines.push(`First${i},Last${i},https://www.linkedin.com/in/person-${i},${email(i)},"Company ${i % 40}, Inc.",Engineer,01 Jan 2020`);
  }
  return new TextEncoder().encode('\ufeff' + lines.join('\r\n'));
}

async function importFile(bytes: Uint8Array) {
  const preview = await transfer.previewImport('Connections.csv', bytes);
  return transfer.applyImport('Connections.csv', bytes, undefined, preview.planHash, { acceptOffered: false });
}

/** Makes the n-th write of this kind fail, as a full disk or a constraint would. */
function failOnWrite(kind: 'creating' | 'updating', n: number): () => void {
  let seen = 0;
  let armed = true;
  const fail = () => {
    if (armed && ++seen === n) throw new Error('disk full');
  };
  if (kind === 'creating') db.contacts.hook('creating', fail);
  else db.contacts.hook('updating', fail);
  return () => {
    armed = false;
  };
}

describe('import writes in bulk', { timeout: 30_000 }, () => {
  it('creates every row, answering the ids in the order written', async () => {
    const result = await importFile(connections((i) => (i % 3 ? `p${i}@example.org` : '')));
    expect(result.counts).toEqual({ created: ROWS, updated: 0, skipped: 0 });
    const stored = await db.contacts.orderBy('id').toArray();
    expect(stored).toHaveLength(ROWS);
    expect(result.created).toEqual(stored.map((c) => c.id));
    expect(stored[1_099]).toMatchObject({ name: 'First1100 Last1100', linkedinSlug: 'person-1100', emails: ['p1100@example.org'], companyKey: 'company 20' });
  });

  it('a create failing in a later chunk writes nothing', async () => {
    failOnWrite('creating', 1_100);
    await expect(importFile(connections(() => ''))).rejects.toThrow();
    expect(await db.contacts.count()).toBe(0);
  });

  it('updates every matched contact; an update failing in a later chunk changes nothing', async () => {
    await importFile(connections(() => ''));
    const before = await db.contacts.toArray();
    const withEmails = connections((i) => `p${i}@example.org`);

    const disarm = failOnWrite('updating', 1_100);
    await expect(importFile(withEmails)).rejects.toThrow();
    expect(await db.contacts.toArray()).toEqual(before);

    disarm();
    const result = await importFile(withEmails);
    expect(result.counts).toEqual({ created: 0, updated: ROWS, skipped: 0 });
    expect(result.updated).toEqual(before.map((c) => c.id));
    expect((await db.contacts.get(before[1_150]!.id))?.emails).toEqual(['p1151@example.org']);
  });
});
