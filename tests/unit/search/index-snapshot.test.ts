// The persisted search index and how it is checked against the store: the fingerprint sees
// every indexed value (and nothing else), a stale snapshot is reconciled into exactly the index
// a fresh build gives, and a malformed or foreign snapshot is refused.
import { describe, expect, it } from 'vitest';
import { createContactIndex, type IndexableContact, type IndexableInteraction } from '../../../utils/search/contact-index';
import { indexFingerprint } from '../../../utils/search/index-fingerprint';
import { parseIndexSnapshot, serializeIndexSnapshot } from '../../../utils/search/index-snapshot';
import { reconcileIndex, type FingerprintedIndex } from '../../../utils/search/reconcile-index';

const ADA: IndexableContact = {
  id: 1,
  name: 'Ada Lovelace',
  company: 'Analytical Engines',
  title: 'Mathematician',
  headline: 'Poetical science',
  emails: ['ada@example.org'],
  tags: ['math'],
  location: 'London',
  howWeMet: { event: 'Royal Society soirée', place: 'Mayfair' },
  interests: 'looms',
  notes: 'Wrote the first program.',
};
const GRACE: IndexableContact = { id: 2, name: 'Grace Hopper', company: 'US Navy', notes: 'Compilers.' };
const LENA: IndexableContact = { id: 3, name: 'Lena Markström', company: 'Spotify' };

type Store = { contacts: IndexableContact[]; interactions: Map<number, IndexableInteraction[]> };
const logsOf = (store: Store) => (id: number) => store.interactions.get(id) ?? [];

function build(store: Store): FingerprintedIndex {
  return reconcileIndex(null, store.contacts, logsOf(store));
}

const QUERIES = ['ada', 'lovelace', 'navy', 'compilers', 'coffee', 'quokka', 'spotify', 'markstrom', 'poetical', 'mayfair', 'kayak', 'lo', '"first program"'];
/** What every query finds: the observable behaviour of an index. */
const answers = (index: FingerprintedIndex['index']) => QUERIES.map((q) => index.search(q).map((h) => [h.id, h.matches.join()]));

describe('indexFingerprint', () => {
  it('changes with every indexed value, and with the interactions', () => {
    const base = indexFingerprint(ADA, [{ summary: 'Coffee' }]);
    expect(indexFingerprint({ ...ADA }, [{ summary: 'Coffee' }])).toBe(base);
    const edits: Partial<IndexableContact>[] = [
      { name: 'Ada King' },
      { company: 'Babbage & Co' },
      { title: 'Countess' },
      { headline: 'Poetical sciences' },
      { emails: ['ada@example.com'] },
      { emails: ['ada@example.org', 'x@example.org'] },
      { tags: ['maths'] },
      { tags: [] },
      { location: 'Paris' },
      { howWeMet: { event: 'Royal Society soirée', place: 'Soho' } },
      { howWeMet: undefined },
      { interests: 'engines' },
      { notes: 'Wrote the first program!' },
    ];
    const prints = edits.map((edit) => indexFingerprint({ ...ADA, ...edit }, [{ summary: 'Coffee' }]));
    for (const print of prints) expect(print).not.toBe(base);
    expect(new Set(prints).size).toBe(prints.length);
    expect(indexFingerprint(ADA, [{ summary: 'Coffee!' }])).not.toBe(base);
    expect(indexFingerprint(ADA, [{ summary: 'Coffee', details: 'long' }])).not.toBe(base);
    expect(indexFingerprint(ADA, [])).not.toBe(base);
    expect(indexFingerprint(ADA, [{ summary: 'Coffee' }, { summary: '' }])).not.toBe(base);
  });

  it('tells apart values that only move between fields or across a boundary', () => {
    expect(indexFingerprint({ id: 1, name: 'ab', company: 'c' })).not.toBe(indexFingerprint({ id: 1, name: 'a', company: 'bc' }));
    expect(indexFingerprint({ id: 1, name: 'x', tags: ['a', 'b'] })).not.toBe(indexFingerprint({ id: 1, name: 'x', tags: ['a'], emails: ['b'] }));
    expect(indexFingerprint({ id: 1, name: 'x' }, [{ summary: 'a', details: 'b' }])).not.toBe(indexFingerprint({ id: 1, name: 'x' }, [{ summary: 'a b' }]));
  });

  it('ignores what the index does not read (ids, dates, phones…)', () => {
    const full = { ...ADA, id: 99, phones: ['+44 1'], lastContacted: 5, updatedAt: 7 } as IndexableContact;
    expect(indexFingerprint(full)).toBe(indexFingerprint(ADA));
    expect(indexFingerprint(ADA, [{ summary: 'x', when: 3 } as IndexableInteraction])).toBe(indexFingerprint(ADA, [{ summary: 'x' }]));
  });

  it('is a safe integer', () => {
    for (const c of [ADA, GRACE, LENA]) expect(Number.isSafeInteger(indexFingerprint(c))).toBe(true);
  });
});

describe('reconcileIndex', () => {
  const store = (): Store => ({
    contacts: [ADA, GRACE, LENA],
    interactions: new Map([[2, [{ summary: 'Coffee about compilers' }]]]),
  });

  it('leaves an up-to-date index alone', () => {
    const s = store();
    const built = build(s);
    const again = reconcileIndex(built, s.contacts, logsOf(s));
    expect(again).toMatchObject({ indexed: 0, removed: 0, rebuilt: false });
    expect(again.index).toBe(built.index);
  });

  it('repairs every kind of staleness into exactly what a fresh build answers', () => {
    const s = store();
    // Many contacts, so that a few changes are repaired in place (not rebuilt).
    for (let id = 10; id < 40; id++) s.contacts.push({ id, name: `Person ${id}`, notes: `kayak ${id}` });
    const saved = parseIndexSnapshot(serializeIndexSnapshot(build(s)))!;
    expect(saved).not.toBeNull();

    // While "the worker was down": an edited contact, an interaction logged, edited and deleted,
    // a contact deleted, a new one.
    s.contacts = s.contacts.filter((c) => c.id !== 11).map((c) => (c.id === 1 ? { ...c, notes: 'Talked about quokka habitats.' } : c));
    s.interactions.set(3, [{ summary: 'Coffee at Spotify' }]);
    s.interactions.set(2, [{ summary: 'Call about the Navy' }]);
    s.interactions.set(12, []);
    s.contacts.push({ id: 50, name: 'Zelda Kayak' });
    const repaired = reconcileIndex(saved, s.contacts, logsOf(s));
    expect(repaired).toMatchObject({ indexed: 4, removed: 1, rebuilt: false });
    const fresh = build(s);
    expect(answers(repaired.index)).toEqual(answers(fresh.index));
    expect(repaired.prints).toEqual(fresh.prints);
    expect(repaired.index.size).toBe(s.contacts.length);
    // The stale words are gone, the new ones found.
    expect(repaired.index.search('quokka').map((h) => h.id)).toEqual([1]);
    expect(repaired.index.search('program')).toEqual([]);
    expect(repaired.index.search('compilers').map((h) => h.id)).toEqual([2]);
    expect(repaired.index.search('kayak 11')).toEqual([]);
  });

  it('rebuilds from scratch when most contacts changed, with the same answers', () => {
    const s = store();
    const saved = build(s);
    s.contacts = s.contacts.map((c) => ({ ...c, notes: `${c.notes ?? ''} kayak` }));
    const result = reconcileIndex(saved, s.contacts, logsOf(s));
    expect(result.rebuilt).toBe(true);
    expect(answers(result.index)).toEqual(answers(build(s).index));
  });

  it('empties an index whose contacts are all gone', () => {
    const s = store();
    const result = reconcileIndex(build(s), [], () => []);
    expect(result.prints.size).toBe(0);
    expect(result.index.size).toBe(0);
    expect(result.index.search('ada')).toEqual([]);
  });
});

describe('index snapshots', () => {
  const s: Store = { contacts: [ADA, GRACE, LENA], interactions: new Map([[1, [{ summary: 'Coffee about looms' }]]]) };

  it('round-trip to the same answers and fingerprints', () => {
    const built = build(s);
    const loaded = parseIndexSnapshot(serializeIndexSnapshot(built))!;
    expect(loaded.prints).toEqual(built.prints);
    expect(answers(loaded.index)).toEqual(answers(built.index));
    // A loaded index keeps working incrementally.
    loaded.index.removeContact(1);
    expect(loaded.index.search('ada')).toEqual([]);
  });

  it('refuses anything malformed, foreign or inconsistent', () => {
    const good = JSON.parse(serializeIndexSnapshot(build(s)));
    const variants: unknown[] = [
      undefined,
      '',
      42,
      'not json',
      '{"format":"rapport-manager-index"',
      JSON.stringify({ ...good, format: 'other' }),
      JSON.stringify({ ...good, version: 0 }),
      JSON.stringify({ ...good, prints: 'x' }),
      JSON.stringify({ ...good, prints: good.prints.slice(1) }),
      // A fingerprint missing, one too many, or for a contact the index does not hold.
      JSON.stringify({ ...good, prints: good.prints.slice(2) }),
      JSON.stringify({ ...good, prints: [...good.prints, 9, 9] }),
      JSON.stringify({ ...good, prints: [9, 9, ...good.prints.slice(2)] }),
      JSON.stringify({ ...good, prints: [...good.prints.slice(0, 2), ...good.prints.slice(0, 2), ...good.prints.slice(4)] }),
      JSON.stringify({ ...good, prints: good.prints.map((v: number, i: number) => (i === 1 ? 1.5 : v)) }),
      JSON.stringify({ ...good, index: { ...good.index, version: 999 } }),
      JSON.stringify({ ...good, index: { ...good.index, index: 'broken' } }),
      JSON.stringify({ ...good, index: null }),
    ];
    for (const text of variants) expect(parseIndexSnapshot(text), String(text).slice(0, 120)).toBeNull();
  });

  it('an empty index saves and loads too', () => {
    const empty = { index: createContactIndex(), prints: new Map<number, number>() };
    const loaded = parseIndexSnapshot(serializeIndexSnapshot(empty))!;
    expect(loaded.index.size).toBe(0);
  });
});
