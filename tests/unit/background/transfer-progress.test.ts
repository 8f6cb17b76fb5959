// The worker's progress reports for imports and restores: throttled, complete at the end of
// each phase, tagged with the page's job id, and silent for a caller that gave none.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { planImportFile, planRestoreText } from '../../../utils/background/transfer';
import { createProgressReporter, type TransferProgressEvent } from '../../../utils/background/transfer-progress';
import type { BroadcastEvent } from '../../../utils/messages/contract';
import { serializeBackup } from '../../../utils/transfer/backup';
import { createHarness, sidePanel, T0 } from '../messages/harness';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
});

function recorder(intervalMs = 100) {
  let clock = 0;
  const events: TransferProgressEvent[] = [];
  const reporter = createProgressReporter('job-1', (e) => events.push(e), () => clock, intervalMs);
  return { reporter, events, advance: (ms: number) => (clock += ms) };
}

describe('createProgressReporter', () => {
  it('reports every phase start, then at most one tick per interval, and always the last', () => {
    const { reporter, events, advance } = recorder();
    reporter.phase('parsing');
    reporter.phase('writing', 1000);
    for (let done = 1; done <= 1000; done++) {
      advance(1); // one record a millisecond: a report every 100
      reporter.tick(done);
    }
    expect(events[0]).toEqual({ job: 'job-1', phase: 'parsing', done: 0, total: 0 });
    expect(events[1]).toEqual({ job: 'job-1', phase: 'writing', done: 0, total: 1000 });
    const ticks = events.slice(2).map((e) => e.done);
    expect(ticks).toEqual([100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });

  it('reports the end of a phase even within the interval, once', () => {
    const { reporter, events } = recorder();
    reporter.phase('writing', 3);
    reporter.tick(1);
    reporter.tick(2);
    reporter.tick(3);
    reporter.tick(3);
    expect(events.map((e) => e.done)).toEqual([0, 3]);
  });

  it('never reports more done than the total, nor a negative count', () => {
    const { reporter, events, advance } = recorder();
    reporter.phase('writing', 5);
    advance(200);
    reporter.tick(9);
    advance(200);
    reporter.tick(-4);
    expect(events.map((e) => [e.done, e.total])).toEqual([[0, 5], [5, 5], [0, 5]]);
  });

  it('a listener that throws does not stop the job', () => {
    const reporter = createProgressReporter('j', () => {
      throw new Error('page gone');
    }, () => 0);
    expect(() => {
      reporter.phase('writing', 2);
      reporter.tick(2);
    }).not.toThrow();
  });
});

const progressEvents = (calls: [BroadcastEvent][]) =>
  calls.map(([e]) => e).filter((e): e is Extract<BroadcastEvent, { event: 'transfer-progress' }> => e.event === 'transfer-progress');

function connections(rows: number) {
  let text = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n';
  for (let i = 0; i < rows; i++) text += `Person${i},Number${i},https://www.linkedin.com/in/person-${i},,Firm ${i},Engineer,12 Mar 2024\r\n`;
  return new TextEncoder().encode(text);
}
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

describe('transfer-progress broadcasts through the dispatcher', () => {
  it('an import with a job id: parsing, planning, then writing up to every record', async () => {
    const h = createHarness();
    const bytes = connections(25);
    const planHash = planImportFile('Connections.csv', bytes, undefined, []).hash;
    const payload = { fileName: 'Connections.csv', data: base64(bytes), job: 'import-42' };
    const preview = await h.dispatch({ rapport: 1, type: 'import.preview', payload }, sidePanel);
    expect(preview).toMatchObject({ ok: true });
    expect(progressEvents(h.broadcast.mock.calls).map((e) => e.phase)).toEqual(['parsing', 'planning']);
    h.broadcast.mockClear();

    const applied = await h.dispatch({ rapport: 1, type: 'import.apply', payload: { ...payload, planHash } }, sidePanel);
    expect(applied).toMatchObject({ ok: true, data: { counts: { created: 25 } } });
    const events = progressEvents(h.broadcast.mock.calls);
    expect(events.every((e) => e.job === 'import-42')).toBe(true);
    expect(events.map((e) => e.phase)).toEqual(['parsing', 'planning', 'writing', 'writing']);
    expect(events.at(-1)).toMatchObject({ phase: 'writing', done: 25, total: 25 });
  });

  it('an import without a job id reports nothing', async () => {
    const h = createHarness();
    const bytes = connections(3);
    const planHash = planImportFile('Connections.csv', bytes, undefined, []).hash;
    await h.dispatch({ rapport: 1, type: 'import.apply', payload: { fileName: 'c.csv', data: base64(bytes), planHash } }, sidePanel);
    expect(progressEvents(h.broadcast.mock.calls)).toEqual([]);
    expect(await h.db.contacts.count()).toBe(3);
  });

  it('a refused apply (plan changed) reports no writing and writes nothing', async () => {
    const h = createHarness();
    const bytes = connections(3);
    const answer = await h.dispatch(
      { rapport: 1, type: 'import.apply', payload: { fileName: 'c.csv', data: base64(bytes), planHash: '0'.repeat(32), job: 'j' } },
      sidePanel,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(progressEvents(h.broadcast.mock.calls).map((e) => e.phase)).toEqual(['parsing', 'planning']);
    expect(await h.db.contacts.count()).toBe(0);
  });

  it('a restore with a job id reports its writing in chunks up to the total', async () => {
    const h = createHarness();
    const contacts = Array.from({ length: 1200 }, (_, i) => ({
      id: i + 1, name: `Person ${i}`, emails: [], phones: [], tags: [], notes: '', createdAt: T0, updatedAt: T0,
    }));
    const empty = { contacts: [], interactions: [], reminders: [], companies: [], pitches: [], settings: [] };
    const backupText = serializeBackup({ ...empty, contacts }, T0);
    const planHash = planRestoreText(backupText, empty).hash!;
    const answer = await h.dispatch({ rapport: 1, type: 'restore.apply', payload: { backupText, planHash, job: 'restore-1' } }, sidePanel);
    expect(answer).toMatchObject({ ok: true });
    const writing = progressEvents(h.broadcast.mock.calls).filter((e) => e.phase === 'writing');
    expect(writing[0]).toMatchObject({ done: 0, total: 1200, job: 'restore-1' });
    expect(writing.at(-1)).toMatchObject({ done: 1200, total: 1200 });
  });

  it('a malformed job id is refused before anything runs', async () => {
    const h = createHarness();
    const bytes = connections(1);
    const answer = await h.dispatch(
      { rapport: 1, type: 'import.preview', payload: { fileName: 'c.csv', data: base64(bytes), job: '<script>' } },
      sidePanel,
    );
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(h.broadcast).not.toHaveBeenCalled();
  });
});
