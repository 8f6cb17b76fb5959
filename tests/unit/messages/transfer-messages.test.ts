// Import, export and restore through the dispatcher: after Chrome's JSON trip, with the
// answers the client validates, broadcasts after writes and nothing written on refusals.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { contract, type MessageType } from '../../../utils/messages/contract';
import { TICKLER_WRITES } from '../../../utils/background/dispatch';
import { createHarness, sidePanel, type Harness } from './harness';
import { BACKUP_TEXT, CONNECTIONS_TEXT, toBase64, validImport } from './transfer-fixtures';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
});

/** Sends after a JSON round trip (what chrome.runtime.sendMessage does) and checks the answer's shape. */
async function call<T extends MessageType>(h: Harness, type: T, payload: unknown) {
  const message = JSON.parse(JSON.stringify({ rapport: 1, type, payload }));
  const answer = (await h.dispatch(message, sidePanel)) as { ok: boolean; data?: unknown; error?: { code: string; message: string } };
  if (answer.ok) {
    const parsed = contract[type].response.safeParse(answer.data);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  }
  return answer;
}

describe('import / export / restore messages', () => {
  it('preview, then apply: contacts created, contacts-changed broadcast, and a tickler write', async () => {
    const h = createHarness();
    const preview = await call(h, 'import.preview', { fileName: 'Connections.csv', data: validImport.data });
    expect(preview).toMatchObject({ ok: true, data: { counts: { create: 1, update: 0 }, planHash: validImport.planHash } });
    expect(await h.counts()).toMatchObject({ contacts: 0 });
    expect(h.broadcast).not.toHaveBeenCalled();

    const applied = await call(h, 'import.apply', { fileName: 'Connections.csv', data: validImport.data, planHash: validImport.planHash });
    expect(applied).toMatchObject({ ok: true, data: { created: [1], counts: { created: 1 } } });
    expect(h.broadcast).toHaveBeenCalledWith({ rapport: 1, event: 'contacts-changed', ids: [1] });
    expect(await h.db.contacts.get(1)).toMatchObject({ name: 'Katherine Johnson', howWeMet: { event: 'Connected on LinkedIn' } });
    expect(TICKLER_WRITES.has('import.apply') && TICKLER_WRITES.has('restore.apply')).toBe(true);
  });

  it('a broken file: an invalid-request error naming the line, nothing written', async () => {
    const h = createHarness();
    const broken = `${CONNECTIONS_TEXT}Dorothy,Vaughan,https://www.linkedin.com/in/dorothy,,NASA,"Mathematician,01 Jan 2020\r\n`;
    const data = toBase64(new TextEncoder().encode(broken));
    const before = await h.state();
    const answer = await call(h, 'import.apply', { fileName: 'Connections.csv', data, planHash: validImport.planHash });
    expect(answer.ok).toBe(false);
    expect(answer.error!.code).toBe('invalid-request');
    expect(answer.error!.message).toMatch(/line 3\b/i);
    expect(await h.state()).toEqual(before);
    expect(h.broadcast).not.toHaveBeenCalled();
  });

  it('exports every format as a named file', async () => {
    const h = createHarness();
    await call(h, 'import.apply', validImport);
    const expected = {
      'backup-json': ['.json', 'application/json', '"rapport-backup"'],
      'contacts-csv': ['.csv', 'text/csv;charset=utf-8', 'Katherine Johnson'],
      'interactions-csv': ['.csv', 'text/csv;charset=utf-8', 'Contact,When'],
      vcard: ['.vcf', 'text/vcard;charset=utf-8', 'FN:Katherine Johnson'],
    } as const;
    for (const [format, [extension, mimeType, content]] of Object.entries(expected)) {
      const answer = (await call(h, 'export.file', { format })) as { ok: true; data: { fileName: string; mimeType: string; text: string } };
      expect(answer.ok).toBe(true);
      expect(answer.data.fileName.endsWith(extension)).toBe(true);
      expect(answer.data.mimeType).toBe(mimeType);
      expect(answer.data.text).toContain(content);
    }
  });

  it('restore: preview writes nothing; apply adds the backup and broadcasts', async () => {
    const h = createHarness();
    const preview = (await call(h, 'restore.preview', { backupText: BACKUP_TEXT })) as { ok: true; data: { planHash: string } };
    expect(preview).toMatchObject({ ok: true, data: { counts: { contacts: { create: 1, conflicting: 0, skip: 0 } }, problems: [] } });
    expect(await h.counts()).toMatchObject({ contacts: 0 });
    const applied = await call(h, 'restore.apply', { backupText: BACKUP_TEXT, planHash: preview.data.planHash });
    expect(applied).toMatchObject({ ok: true, data: { contactIds: [100] } });
    expect(h.broadcast).toHaveBeenCalledWith({ rapport: 1, event: 'contacts-changed', ids: [100] });
    expect(await h.db.contacts.get(100)).toMatchObject({ name: 'Dorothy Vaughan', nameKey: 'dorothy vaughan' });
    // Applying the same plan again is refused: the store is not what the preview saw any more.
    const again = await call(h, 'restore.apply', { backupText: BACKUP_TEXT, planHash: preview.data.planHash });
    expect(again).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
