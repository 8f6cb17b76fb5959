// The duplicate finder (utils/merge/find-duplicates.ts) and its name comparison: each reason,
// and the false positives it must not make.
import { describe, expect, it } from 'vitest';
import { findDuplicates, profileKey, type DuplicateCandidate } from '../../../utils/merge/find-duplicates';
import { nameLikeness, nameParts, withinOneEdit } from '../../../utils/merge/name-likeness';

let nextId = 1;
const person = (name: string, over: Partial<DuplicateCandidate> = {}): DuplicateCandidate => ({
  id: nextId++,
  name,
  emails: [],
  updatedAt: 1_000,
  ...over,
});
const keys = (contacts: DuplicateCandidate[], dismissed?: Set<string>) =>
  findDuplicates(contacts, dismissed).map((s) => s.contacts.map((c) => c.name).join(' / '));
const like = (a: string, b: string) => nameLikeness(nameParts(a), nameParts(b));

describe('nameLikeness', () => {
  it.each([
    ['Ada Lovelace', 'ada  LOVELACE', 'same'],
    ['Àda Lovelace', 'Ada Lovelace', 'same'],
    ['Lovelace, Ada', 'Ada Lovelace', 'order'],
    ['Lovelace Ada', 'Ada Lovelace', 'order'],
    ['Ada Byron Lovelace', 'Ada Lovelace', 'middle'],
    ['Ada B. Lovelace', 'Ada Lovelace', 'middle'],
    ['A. Lovelace', 'Ada Lovelace', 'initial'],
    ['Dr. Ada Lovelace', 'Ada Lovelace', 'same'],
    ['Bob Babbage', 'Robert Babbage', 'nickname'],
    ['Ada Lovelase', 'Ada Lovelace', 'typo'],
    ['Ada Lovelcae', 'Ada Lovelace', 'typo'],
    ['Grace Hoper', 'Grace Hopper', 'typo'],
    ['Charles Babbage', 'Charls Babbage', 'typo'],
    // A nickname in quotes is not part of the name, but may stand for the given name.
    ['Grace Hopper "Amazing Grace"', 'Grace Hopper', 'same'],
    ['Robert "Bob" Babbage', 'Robert Babbage', 'same'],
    ['Robert “Bobby” Babbage', 'Bobby Babbage', 'nickname'],
  ] as const)('%s ~ %s: %s', (a, b, expected) => {
    expect(like(a, b)).toBe(expected);
    expect(like(b, a)).toBe(expected);
  });

  it.each([
    ['Ada Lovelace', 'Ada King'],
    ['Ada Lovelace', 'Grace Lovelace'],
    // Typos only count in longer words, and only one of them.
    ['Jon Smith', 'Jan Smith'],
    ['Ada Lee', 'Ada Les'],
    ['Grace Hoper', 'Grave Hopper'],
    // One word says too little.
    ['Ada', 'Ada'],
    ['Ada', 'Ada Lovelace'],
    ['', 'Ada Lovelace'],
    ['A. L.', 'Ada Lovelace'],
    ['Grace "Ada" Hopper', 'Ada Lovelace'],
  ])('%s and %s are different people', (a, b) => {
    expect(like(a, b)).toBeNull();
  });

  it('counts one edit at most', () => {
    expect(withinOneEdit('lovelace', 'lovelace')).toBe(true);
    expect(withinOneEdit('lovelace', 'lovelac')).toBe(true);
    expect(withinOneEdit('lovelace', 'lovelaces')).toBe(true);
    expect(withinOneEdit('lovelace', 'lovalase')).toBe(false);
    expect(withinOneEdit('lovelace', 'lovela')).toBe(false);
    expect(withinOneEdit('abcd', 'badc')).toBe(false);
  });
});

describe('findDuplicates', () => {
  it('finds the same e-mail, ignoring case and spaces, on any of their addresses', () => {
    const found = findDuplicates([
      person('Ada Lovelace', { emails: ['ada@engines.example'] }),
      person('Countess of Lovelace', { emails: ['other@x.example', ' ADA@engines.example '] }),
      person('Grace Hopper', { emails: ['grace@navy.example'] }),
    ]);
    expect(found).toHaveLength(1);
    expect(found[0]!.reasons).toEqual([{ kind: 'email', email: 'ada@engines.example' }]);
  });

  it('finds the same LinkedIn profile by slug or by profile URL', () => {
    const found = findDuplicates([
      person('Ada Lovelace', { linkedinSlug: 'ada-lovelace' }),
      person('A L', { linkedinUrl: 'https://se.linkedin.com/in/Ada-Lovelace/details/experience/' }),
      person('Someone', { linkedinUrl: 'https://www.linkedin.com/in/ACoAAB1234567/' }),
      person('Someone Else', { linkedinUrl: 'https://www.linkedin.com/in/ACoAAB1234567/' }),
    ]);
    expect(found.map((s) => s.reasons)).toEqual([[{ kind: 'linkedin', slug: 'ada-lovelace' }]]);
    // Member ids are not profiles: two URLs with one are not called the same person.
    expect(profileKey({ linkedinUrl: 'https://www.linkedin.com/in/ACoAAB1234567/' })).toBeUndefined();
  });

  it('finds alike names at the same company, the company compared by its key', () => {
    const found = findDuplicates([
      person('Ada Lovelace', { company: 'Analytical Engines, Ltd.' }),
      person('Lovelace, Ada', { company: 'ANALYTICAL ENGINES' }),
    ]);
    expect(found.map((s) => s.reasons)).toEqual([[{ kind: 'name', likeness: 'order', company: 'Analytical Engines, Ltd.' }]]);
  });

  it('uses the stored company key when there is one', () => {
    const found = findDuplicates([
      person('Ada Lovelace', { company: 'Engines', companyKey: 'engines' }),
      person('Ada Lovelase', { company: 'Engines AB', companyKey: 'engines' }),
    ]);
    expect(found[0]?.reasons).toEqual([{ kind: 'name', likeness: 'typo', company: 'Engines' }]);
  });

  it('does not call the same name at different companies a duplicate', () => {
    expect(
      keys([person('John Smith', { company: 'Acme' }), person('John Smith', { company: 'Globex' }), person('Jon Smith', { company: 'Acme' })]),
    ).toEqual([]);
  });

  it('calls the exact same name a duplicate when at most one names a company, but not a looser one', () => {
    expect(keys([person('Ada Lovelace'), person('Ada Lovelace', { company: 'Acme' })])).toEqual(['Ada Lovelace / Ada Lovelace']);
    expect(keys([person('Ada Lovelace'), person('A. Lovelace')])).toEqual([]);
    expect(keys([person('Ada Lovelace'), person('Ada Lovelase')])).toEqual([]);
  });

  it('does not pair people through a shared team mailbox or an address on many contacts', () => {
    expect(keys([person('Ada Lovelace', { emails: ['info@acme.example'] }), person('Grace Hopper', { emails: ['INFO@acme.example'] })])).toEqual([]);
    const team = ['Ann One', 'Bo Two', 'Cy Three', 'Di Four'].map((n) => person(n, { emails: ['data-team@acme.example'] }));
    expect(keys(team)).toEqual([]);
    // Three on one address (an assistant's, say) still count.
    expect(keys(team.slice(0, 2))).toEqual(['Ann One / Bo Two']);
  });

  it('gives every reason of a pair once, strongest first, and strong pairs first', () => {
    const found = findDuplicates([
      person('Grace Hopper', { company: 'Navy', emails: ['grace@navy.example', 'g@navy.example'] }),
      person('Grace Hopper', { company: 'Navy', emails: ['g@navy.example', 'grace@navy.example'], linkedinSlug: 'grace' }),
      person('Ada Lovelace', { company: 'Acme' }),
      person('Ada Lovelace', { company: 'Acme' }),
    ]);
    expect(found.map((s) => s.reasons.map((r) => r.kind))).toEqual([['email', 'name'], ['name']]);
  });

  it('includes archived contacts, marked', () => {
    const found = findDuplicates([person('Ada Lovelace', { archivedAt: 5 }), person('Ada Lovelace')]);
    expect(found[0]!.contacts.map((c) => c.archived)).toEqual([true, false]);
  });

  it('leaves out dismissed pairs, whichever order their ids are in', () => {
    const a = person('Ada Lovelace');
    const b = person('Ada Lovelace');
    expect(keys([a, b], new Set([`${a.id}:${b.id}`]))).toEqual([]);
    expect(findDuplicates([b, a])[0]!.key).toBe(`${a.id}:${b.id}`);
  });

  it('compares within groups only, never all pairs (10,000 contacts; timed in tests/bench/duplicates.ts)', () => {
    // Random 7-letter words: names as varied as real ones (rarely a letter apart).
    let seed = 7;
    const letter = () => String.fromCharCode(97 + ((seed = (seed * 16807) % 2147483647) % 26));
    const word = () => Array.from({ length: 7 }, letter).join('');
    const given = Array.from({ length: 700 }, word);
    const family = Array.from({ length: 1300 }, word);
    const contacts = Array.from({ length: 10_000 }, (_, i) =>
      person(`${given[i % 700]} ${family[i % 1300]}`, { company: `Company ${i % 40}`, emails: [`p${i}@x.example`] }),
    );
    const stats = { comparisons: 0 };
    const started = performance.now();
    const found = findDuplicates(contacts, new Set(), stats);
    // All pairs would be ~50 million; 250 people per company, grouped by a name word, are some tens of thousands.
    expect(stats.comparisons).toBeGreaterThan(0);
    expect(found.length).toBeLessThan(100);
    expect(stats.comparisons).toBeLessThan(100_000);
    // Only a gross regression fails on time (the test machine may be busy).
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('quoted nicknames', () => {
  it('suggests the same person written with and without a nickname in quotes', () => {
    expect(keys([person('Grace Hopper'), person('Grace Hopper "Amazing Grace"', { company: 'US Navy' })])).toEqual([
      'Grace Hopper / Grace Hopper "Amazing Grace"',
    ]);
  });
});
