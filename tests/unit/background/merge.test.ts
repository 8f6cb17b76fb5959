// The worker's duplicates and merge messages through a real dispatcher over fake-indexeddb:
// suggestions, dismissals, a merge in one transaction, its exact undo, and refusals that write nothing.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { TICKLER_WRITES } from '../../../utils/background/dispatch';
import type { Contact } from '../../../utils/model/contact';
import type { DuplicateList, MergeComparison, MergeResult } from '../../../utils/model/duplicates';
import type { Interaction } from '../../../utils/model/interaction';
import { createHarness, sidePanel, T0, type Harness } from '../messages/harness';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
});

const DAY = 86_400_000;

async function ok<T>(answer: Promise<unknown>): Promise<T> {
  const result = (await answer) as { ok: boolean; data?: T; error?: unknown };
  expect(result, JSON.stringify(result).slice(0, 400)).toMatchObject({ ok: true });
  return result.data as T;
}
async function refused(answer: Promise<unknown>, code: string, message?: RegExp) {
  const result = (await answer) as { ok: boolean; error: { code: string; message: string } };
  expect(result.ok, JSON.stringify(result)).toBe(false);
  expect(result.error.code).toBe(code);
  if (message) expect(result.error.message).toMatch(message);
}

const create = (h: Harness, draft: Record<string, unknown>) =>
  ok<{ contact: Contact }>(h.send(sidePanel, 'contact.create', { draft })).then((r) => r.contact.id);
const log = (h: Harness, contactId: number, when: number, summary: string) =>
  ok<Interaction>(h.send(sidePanel, 'interaction.log', { contactId, kind: 'call', when, summary }));
const tables = async (h: Harness) => (await h.state()).tables;

/**
 * Ada Lovelace (LinkedIn, a tag, notes, an interaction, a commitment) and Ada King (the same
 * person: her e-mail, other tags and notes, two interactions — one the same logged e-mail — a
 * commitment, and Charles, whom she introduced). Grace is someone else.
 */
async function seed(h: Harness) {
  const ada = await create(h, {
    name: 'Ada Lovelace',
    company: 'Analytical Engines',
    linkedinSlug: 'ada-lovelace',
    tags: ['Engines'],
    notes: 'Met at the Society.',
    type: 'mentor',
  });
  h.advance(DAY);
  const king = await create(h, {
    name: 'Ada King',
    company: 'Analytical Engines Ltd',
    title: 'Countess',
    emails: ['ada@engines.example'],
    tags: ['engines', 'Poetry'],
    notes: 'Likes poetical science.',
    cadenceDays: 30,
  });
  const grace = await create(h, { name: 'Grace Hopper', company: 'Navy', emails: ['ada@engines.example'] });
  const charles = await create(h, { name: 'Charles Babbage', introducedBy: king });
  h.advance(DAY);
  await log(h, ada, T0, 'Coffee');
  await log(h, king, T0 + DAY, 'Call about notes');
  // The same e-mail logged on both (the same external id): one survives the merge.
  await ok(h.send(sidePanel, 'email.log', {
    contactId: ada,
    site: 'gmail',
    message: { id: 'msg-1', subject: 'Notes', when: T0 + DAY / 2, fromMe: false },
  }));
  await ok(h.send(sidePanel, 'email.log', {
    contactId: king,
    site: 'gmail',
    message: { id: 'msg-1', subject: 'Notes', when: T0 + DAY / 2, fromMe: false },
  }));
  await ok(h.send(sidePanel, 'commitment.add', { contactId: ada, text: 'Send the paper', due: T0 + 5 * DAY }));
  await ok(h.send(sidePanel, 'commitment.add', { contactId: king, text: 'Introduce to Mary', due: T0 + 6 * DAY }));
  h.advance(DAY);
  h.broadcast.mockClear();
  return { ada, king, grace, charles };
}

describe('duplicates.list', () => {
  it('suggests pairs with their reasons, archived ones marked, shared addresses left out', async () => {
    const h = createHarness();
    const a = await create(h, { name: 'Ada Lovelace', company: 'Acme', emails: ['team@acme.example'] });
    const b = await create(h, { name: 'Lovelace, Ada', company: 'ACME Inc.', archivedAt: T0 - DAY, emails: ['team@acme.example'] });
    const c = await create(h, { name: 'Grace Hopper', emails: ['grace@navy.example', 'team@acme.example'] });
    const d = await create(h, { name: 'G. Hopper', company: 'Navy', emails: ['GRACE@navy.example', 'team@acme.example'] });
    const list = await ok<DuplicateList>(h.send(sidePanel, 'duplicates.list', {}));
    expect(list.total).toBe(4);
    expect(list.suggestions.map((s) => [s.key, s.reasons])).toEqual([
      [`${c}:${d}`, [{ kind: 'email', email: 'grace@navy.example' }]],
      [`${a}:${b}`, [{ kind: 'name', likeness: 'order', company: 'Acme' }]],
    ]);
    expect(list.suggestions[1]!.contacts.map((x) => x.archived)).toEqual([false, true]);
  });

  it('remembers a dismissal in the database, and can take it back', async () => {
    const h = createHarness();
    const { king, grace } = await seed(h);
    const before = await ok<DuplicateList>(h.send(sidePanel, 'duplicates.list', {}));
    expect(before.suggestions.map((s) => s.key)).toContain(`${king}:${grace}`);
    expect(await ok(h.send(sidePanel, 'duplicates.dismiss', { ids: [grace, king] }))).toEqual({ dismissed: 1 });
    expect(await h.db.settings.get('dismissed-duplicates')).toEqual({ key: 'dismissed-duplicates', value: { pairs: [`${king}:${grace}`] } });
    const after = await ok<DuplicateList>(h.send(sidePanel, 'duplicates.list', {}));
    expect(after.suggestions.map((s) => s.key)).not.toContain(`${king}:${grace}`);
    expect(after.dismissed).toBe(1);
    // Dismissing twice keeps one entry.
    expect(await ok(h.send(sidePanel, 'duplicates.dismiss', { ids: [king, grace] }))).toEqual({ dismissed: 1 });
    expect(await ok(h.send(sidePanel, 'duplicates.dismiss', { ids: [king, grace], dismissed: false }))).toEqual({ dismissed: 0 });
    const again = await ok<DuplicateList>(h.send(sidePanel, 'duplicates.list', {}));
    expect(again.suggestions.map((s) => s.key)).toContain(`${king}:${grace}`);
  });

  it('keeps dismissals through a JSON backup and its restore', async () => {
    const h = createHarness();
    const { king, grace } = await seed(h);
    await ok(h.send(sidePanel, 'duplicates.dismiss', { ids: [king, grace] }));
    const file = await ok<{ text: string }>(h.send(sidePanel, 'export.file', { format: 'backup-json' }));
    expect(JSON.parse(file.text).tables.settings).toEqual([{ key: 'dismissed-duplicates', value: { pairs: [`${king}:${grace}`] } }]);
    const preview = await ok<{ problems: unknown[]; planHash: string }>(h.send(sidePanel, 'restore.preview', { backupText: file.text }));
    expect(preview.problems).toEqual([]);
    expect(preview.planHash).not.toBe('');
  });

  it('ignores a damaged dismissal record instead of failing', async () => {
    const h = createHarness();
    await seed(h);
    await h.db.settings.put({ key: 'dismissed-duplicates', value: { pairs: ['not a pair'] } } as never);
    const list = await ok<DuplicateList>(h.send(sidePanel, 'duplicates.list', {}));
    expect(list.suggestions.length).toBeGreaterThan(0);
    expect(list.dismissed).toBe(0);
  });

  it('refuses to dismiss a pair with a missing contact, writing nothing', async () => {
    const h = createHarness();
    const { ada } = await seed(h);
    const before = await tables(h);
    await refused(h.send(sidePanel, 'duplicates.dismiss', { ids: [ada, 999] }), 'not-found', /#999/);
    expect(await tables(h)).toEqual(before);
  });
});

describe('duplicates.compare', () => {
  it('answers both contacts with what each would bring', async () => {
    const h = createHarness();
    const { ada, king } = await seed(h);
    const answer = await ok<MergeComparison>(h.send(sidePanel, 'duplicates.compare', { ids: [ada, king] }));
    expect(answer.contacts.map((c) => c.name)).toEqual(['Ada Lovelace', 'Ada King']);
    expect(answer.counts).toEqual([
      { interactions: 2, reminders: 1, introduced: 0 },
      { interactions: 2, reminders: 1, introduced: 1 },
    ]);
  });
});

describe('contacts.merge', () => {
  it('combines everything into the survivor, takes the picked values, and undo restores every table exactly', async () => {
    const h = createHarness();
    const { ada, king, charles } = await seed(h);
    const before = await tables(h);
    const result = await ok<MergeResult>(
      h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: king, picks: { title: 'merge', company: 'keep' } }),
    );
    const survivor = result.contact;
    expect(survivor.id).toBe(ada);
    expect(survivor).toMatchObject({
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      title: 'Countess',
      emails: ['ada@engines.example'],
      linkedinSlug: 'ada-lovelace',
      type: 'mentor',
      cadenceDays: 30,
      tags: ['Engines', 'Poetry'],
    });
    expect(survivor.notes).toMatch(/^Met at the Society\.\n\n— merged from Ada King, \d+ \w{3} 2025 —\nLikes poetical science\.$/);
    expect(await h.db.contacts.get(king)).toBeUndefined();
    expect(await h.db.contacts.get(ada)).toEqual(survivor);
    // Coffee, the call, and one copy of the logged e-mail.
    const interactions = await h.db.interactions.where('contactId').equals(ada).toArray();
    expect(interactions.map((i) => i.summary).sort()).toEqual(['Call about notes', 'Coffee', 'Notes']);
    expect(await h.db.interactions.where('contactId').equals(king).count()).toBe(0);
    expect(survivor.lastContacted).toBe(T0 + DAY);
    const reminders = await h.db.reminders.where('contactId').equals(ada).toArray();
    expect(reminders.map((r) => r.text).sort()).toEqual(['Introduce to Mary', 'Send the paper']);
    expect((await h.db.contacts.get(charles))?.introducedBy).toBe(ada);
    // Everyone concerned hears of it, and the reminders recompute.
    const changed = h.broadcast.mock.calls.flatMap(([e]) => (e.event === 'contacts-changed' ? e.ids : []));
    expect(changed).toEqual(expect.arrayContaining([ada, king, charles]));
    expect(TICKLER_WRITES.has('contacts.merge')).toBe(true);
    expect(TICKLER_WRITES.has('contacts.unmerge')).toBe(true);

    h.advance(1_000);
    // Through JSON, as chrome.runtime messaging carries it.
    const restored = await ok<{ restored: number[] }>(
      h.send(sidePanel, 'contacts.unmerge', JSON.parse(JSON.stringify({ undo: result.undo }))),
    );
    expect(restored.restored).toEqual(expect.arrayContaining([ada, king, charles]));
    expect(await tables(h)).toEqual(before);
    // Undoing twice is refused and writes nothing.
    await refused(h.send(sidePanel, 'contacts.unmerge', JSON.parse(JSON.stringify({ undo: result.undo }))), 'invalid-request', /already back/);
    expect(await tables(h)).toEqual(before);
  });

  it('lets the survivor take the other’s LinkedIn profile (unique), and undo gives it back', async () => {
    const h = createHarness();
    const { ada, king } = await seed(h);
    const before = await tables(h);
    // King survives, Ada (with the profile) is merged away.
    const result = await ok<MergeResult>(h.send(sidePanel, 'contacts.merge', { keepId: king, mergeId: ada, picks: { linkedin: 'merge', name: 'merge' } }));
    expect(result.contact).toMatchObject({ id: king, name: 'Ada Lovelace', nameKey: 'ada lovelace', linkedinSlug: 'ada-lovelace' });
    expect((await h.db.contacts.where('linkedinSlug').equals('ada-lovelace').first())?.id).toBe(king);
    await ok(h.send(sidePanel, 'contacts.unmerge', { undo: result.undo }));
    expect(await tables(h)).toEqual(before);
  });

  it('never makes the survivor its own introducer', async () => {
    const h = createHarness();
    const { charles, king } = await seed(h);
    // Charles was introduced by King: merging them leaves Charles with no introducer.
    const result = await ok<MergeResult>(h.send(sidePanel, 'contacts.merge', { keepId: charles, mergeId: king, picks: { introducedBy: 'keep' } }));
    expect(result.contact.introducedBy).toBeUndefined();
  });

  it('refuses what it cannot do, writing nothing and broadcasting nothing', async () => {
    const h = createHarness();
    const { ada, king } = await seed(h);
    const before = await tables(h);
    await refused(h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: 999 }), 'not-found', /#999/);
    await refused(h.send(sidePanel, 'contacts.merge', { keepId: 998, mergeId: king }), 'not-found', /#998/);
    await refused(h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: ada }), 'invalid-request');
    await refused(h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: king, picks: { notes: 'merge' } }), 'invalid-request');
    // Together over the limit of 100 tags.
    await h.db.contacts.update(king, { tags: Array.from({ length: 60 }, (_, i) => `k${i}`) });
    await h.db.contacts.update(ada, { tags: Array.from({ length: 60 }, (_, i) => `a${i}`) });
    const full = await tables(h);
    await refused(h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: king }), 'invalid-request', /120 tags/);
    expect(await tables(h)).toEqual(full);
    expect(before.contacts).toHaveLength(full.contacts!.length);
    expect(h.broadcast).not.toHaveBeenCalled();
  });

  it('is one transaction: a failure half-way writes nothing', async () => {
    const h = createHarness();
    const { ada, king } = await seed(h);
    const before = await tables(h);
    // The last write (the survivor) fails: everything before it must roll back.
    const real = h.db.contacts.bulkPut.bind(h.db.contacts);
    h.db.contacts.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof h.db.contacts.bulkPut;
    await refused(h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: king }), 'internal');
    h.db.contacts.bulkPut = real;
    expect(await tables(h)).toEqual(before);
  });

  it('refuses the undo once the survivor has changed since, rather than lose the change', async () => {
    const h = createHarness();
    const { ada, king } = await seed(h);
    const result = await ok<MergeResult>(h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: king }));
    h.advance(1_000);
    await ok(h.send(sidePanel, 'contact.setNotes', { id: ada, notes: 'Edited after the merge' }));
    const after = await tables(h);
    await refused(h.send(sidePanel, 'contacts.unmerge', { undo: result.undo }), 'invalid-request', /changed since the merge/);
    expect(await tables(h)).toEqual(after);
  });

  it('keeps what was done to a moved reminder since the merge when undoing', async () => {
    const h = createHarness();
    const { ada, king } = await seed(h);
    const result = await ok<MergeResult>(h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: king }));
    const moved = result.undo.movedReminders[0]!;
    h.advance(1_000);
    await ok(h.send(sidePanel, 'commitment.setDone', { id: moved.id, done: true }));
    await ok(h.send(sidePanel, 'contacts.unmerge', { undo: result.undo }));
    expect(await h.db.reminders.get(moved.id)).toMatchObject({ contactId: king, status: 'done' });
  });

  it('refuses an undo naming records of other contacts', async () => {
    const h = createHarness();
    const { ada, king, grace } = await seed(h);
    const result = await ok<MergeResult>(h.send(sidePanel, 'contacts.merge', { keepId: ada, mergeId: king }));
    const forged = { ...result.undo, movedInteractions: result.undo.movedInteractions.map((i) => ({ ...i, contactId: grace })) };
    const after = await tables(h);
    await refused(h.send(sidePanel, 'contacts.unmerge', { undo: forged }), 'invalid-request', /own records/);
    expect(await tables(h)).toEqual(after);
  });
});
