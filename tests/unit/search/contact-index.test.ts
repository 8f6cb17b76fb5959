import { beforeEach, describe, expect, it } from 'vitest';
import {
  contactIndexFromJSON,
  createContactIndex,
  foldText,
  type ContactIndex,
  type IndexableContact,
  type IndexableInteraction,
} from '../../../utils/search/contact-index';

const ADA: IndexableContact = {
  id: 1,
  name: 'Ada Lovelace',
  company: 'Analytical Engines Ltd',
  title: 'Mathematician',
  emails: ['ada.lovelace@analytical.org'],
  tags: ['math', 'data-driven'],
  notes: 'Wrote the first program. Interested in poetical science.',
  howWeMet: { event: 'Royal Society soirée', place: 'London' },
};
const LENA: IndexableContact = {
  id: 2,
  name: 'Lena Markström',
  company: 'Spotify',
  title: 'Data Engineer',
  notes: 'Builds the platform; moving to Malmö in spring.',
};
const LENA_INTERACTIONS: IndexableInteraction[] = [{ summary: 'Coffee about data engineering career paths' }, { summary: 'Sent thank-you note' }];
const GRACE: IndexableContact = {
  id: 3,
  name: 'Grace Hopper',
  company: 'US Navy',
  notes: 'Talked about data engineering at the conference, and compilers.',
  interests: 'COBOL, nanoseconds',
};
const ADAM: IndexableContact = {
  id: 4,
  name: 'Adam Smith',
  company: 'Acme',
  // Both words of "data engineering", but not as that phrase.
  notes: 'Engineering data pipelines; data quality is his thing.',
};
const INGRID: IndexableContact = { id: 5, name: 'Ingrid Lovelance', company: 'Globex' };
const JEAN_LUC: IndexableContact = {
  id: 6,
  name: 'Jean-Luc Picard',
  emails: ['jl.picard@starfleet.example'],
  tags: ['star-fleet'],
  location: 'La Barre, France',
};
const CHARLES: IndexableContact = { id: 7, name: 'Charles Babbage', notes: "Introduced me to Lovelace's work on the engine." };
const SOREN: IndexableContact = { id: 8, name: 'Søren Łukasiewicz', company: 'Ørsted', notes: 'Straße names are hard.' };

const ALL = [ADA, LENA, GRACE, ADAM, INGRID, JEAN_LUC, CHARLES, SOREN];

let index: ContactIndex;
beforeEach(() => {
  index = createContactIndex();
  for (const c of ALL) index.addContact(c, c.id === 2 ? LENA_INTERACTIONS : []);
});

const ids = (query: string, i: ContactIndex = index) => i.search(query).map((h) => h.id);
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

describe('contact index: what it finds', () => {
  it('finds a quoted phrase in a note or an interaction summary, and only as a phrase', () => {
    const hits = index.search('"data engineering"');
    expect(sorted(hits.map((h) => h.id))).toEqual([2, 3]);
    expect(hits.find((h) => h.id === 2)!.matches).toEqual(['interactions']);
    expect(hits.find((h) => h.id === 3)!.matches).toEqual(['notes']);
    // Without quotes both words are enough, in any order: Adam's note too.
    expect(sorted(ids('data engineering'))).toEqual([2, 3, 4]);
    expect(index.search('"career paths"')).toEqual([{ id: 2, score: expect.any(Number), matches: ['interactions'] }]);
    expect(ids('"paths career"')).toEqual([]);
  });

  it('checks function words inside a phrase, but does not require them outside one', () => {
    expect(ids('"the first program"')).toEqual([1]);
    expect(ids('"a first program"')).toEqual([]);
    expect(ids('coffee with lena')).toEqual([2]);
    expect(ids('"thank you note"')).toEqual([2]);
  });

  it('treats the last word as a prefix, exact words first', () => {
    expect(ids('ada')).toEqual([1, 4]); // Ada, then Adam
    expect(sorted(ids('lov'))).toEqual([1, 5, 7]);
    expect(ids('ada lov')).toEqual([1]);
    // Only the last word is a prefix.
    expect(ids('lov ada')).toEqual([]);
    expect(ids('"data eng')).toEqual([2, 3]); // a phrase being typed
  });

  it('expands a one- or two-letter prefix only in names, companies and other short fields', () => {
    expect(ids('gr')).toEqual([3]); // Grace; not "Globex"… and not the notes' words
    expect(ids('po')).toEqual([]); // "poetical" is in a note only
    expect(ids('poe')).toEqual([1]);
  });

  it('folds case and diacritics both ways', () => {
    expect(ids('Markstrom')).toEqual([2]);
    expect(ids('MARKSTRÖM')).toEqual([2]);
    expect(ids('malmo')).toEqual([2]);
    expect(ids('soiree')).toEqual([1]);
    expect(ids('soren lukasiewicz')).toEqual([8]);
    expect(ids('orsted')).toEqual([8]);
    expect(ids('strasse')).toEqual([8]);
    expect(foldText('Ÿvonne Øre ﬁne Straße')).toBe('yvonne ore fine strasse');
  });

  it('matches a small typo in words of four letters or more, below exact matches', () => {
    expect(ids('lovelce')).toEqual([1, 7]);
    expect(ids('markstrom spotfy')).toEqual([2]);
    // Ada (name) and Charles (a note) have the word itself; Ingrid's "Lovelance" is one letter
    // off. Her name field outweighs Charles's note, but a typo match still ranks below.
    expect(ids('lovelace')).toEqual([1, 7, 5]);
    const [, charles, ingrid] = index.search('lovelace');
    expect(ingrid!.score).toBeGreaterThan(charles!.score);
    // Three letters: no typo tolerance.
    expect(ids('adm')).toEqual([]);
    // Quoted words match exactly.
    expect(ids('"lovelce"')).toEqual([]);
  });

  it('requires every word (AND)', () => {
    expect(ids('lena spotify')).toEqual([2]);
    expect(ids('ada spotify')).toEqual([]);
    expect(ids('grace compilers nanoseconds')).toEqual([3]);
    expect(ids('grace compilers nanoseconds spotify')).toEqual([]);
  });

  it('finds e-mail addresses and hyphenated words by their parts or whole', () => {
    expect(index.search('ada.lovelace@analytical.org')).toEqual([{ id: 1, score: expect.any(Number), matches: ['emails'] }]);
    expect(ids('analytical.org')).toEqual([1]);
    expect(ids('lovelace@anal')).toEqual([1]);
    expect(ids('starfleet')).toEqual([6]);
    expect(ids('data-driven')).toEqual([1]);
    expect(ids('datadriven')).toEqual([1]);
    expect(ids('driven')).toEqual([1]);
    expect(ids('jean-luc')).toEqual([6]);
    expect(ids('jeanluc')).toEqual([6]);
    expect(ids('luc picard')).toEqual([6]);
    expect(ids('star-fleet')).toEqual([6]);
    expect(ids("lovelace's")).toEqual([7]);
  });

  it('reports the fields that matched', () => {
    expect(index.search('spotify')).toEqual([{ id: 2, score: expect.any(Number), matches: ['company'] }]);
    expect(index.search('london')[0]!.matches).toEqual(['howWeMet']);
    expect(index.search('cobol')[0]!.matches).toEqual(['interests']);
    expect(index.search('france')[0]!.matches).toEqual(['location']);
    expect(index.search('mathematician')[0]!.matches).toEqual(['title']);
    expect(index.search('math')[0]!.matches).toEqual(['title', 'tags']); // "math" tag, "mathematician" as prefix
    expect(index.search('lovelace ada')[0]!.matches).toEqual(['name', 'emails']);
  });

  it('restricts to given ids and limits the number of hits', () => {
    expect(ids('data engineering')).toHaveLength(3);
    expect(sorted(index.search('data engineering', { ids: [3, 4, 99] }).map((h) => h.id))).toEqual([3, 4]);
    expect(index.search('data engineering', { ids: new Set([2]) }).map((h) => h.id)).toEqual([2]);
    expect(index.search('data engineering', { ids: [] })).toEqual([]);
    expect(index.search('"data engineering"', { ids: [4] })).toEqual([]);
    expect(index.search('ada', { limit: 1 }).map((h) => h.id)).toEqual([1]);
    expect(index.search('ada', { limit: 0 })).toEqual([]);
  });
});

describe('contact index: keeping it up to date', () => {
  it('removes a contact', () => {
    expect(index.size).toBe(ALL.length);
    expect(index.removeContact(2)).toBe(true);
    expect(ids('markstrom')).toEqual([]);
    expect(ids('"data engineering"')).toEqual([3]);
    expect(index.has(2)).toBe(false);
    expect(index.size).toBe(ALL.length - 1);
    expect(index.removeContact(2)).toBe(false);
  });

  it('replaces the old text on update: old words no longer match', () => {
    index.setInteractions(3, [{ summary: 'Lunch about nanotechnology', details: 'She brought a wire.' }]);
    index.updateContact({ ...GRACE, name: 'Grace Brewster Hopper', notes: 'Now into sailing.' });
    expect(ids('compilers')).toEqual([]);
    expect(ids('"data engineering"')).toEqual([2]);
    expect(ids('sailing')).toEqual([3]);
    expect(ids('brewster')).toEqual([3]);
    // Interactions were not given: the indexed ones stay.
    expect(ids('nanotechnology')).toEqual([3]);
    expect(ids('wire')).toEqual([3]);
    expect(index.search('wire')[0]!.matches).toEqual(['interactions']);
    // Adding an indexed contact again replaces it too.
    index.addContact({ ...GRACE, notes: 'Retired.' });
    expect(ids('sailing')).toEqual([]);
    expect(ids('nanotechnology')).toEqual([]);
    expect(index.size).toBe(ALL.length);
  });

  it('replaces interaction text with setInteractions', () => {
    expect(index.setInteractions(2, [{ summary: 'Call about Kafka' }])).toBe(true);
    expect(ids('kafka')).toEqual([2]);
    expect(ids('"career paths"')).toEqual([]);
    expect(ids('markstrom')).toEqual([2]);
    expect(index.setInteractions(2, [])).toBe(true);
    expect(ids('kafka')).toEqual([]);
    expect(index.setInteractions(42, [{ summary: 'x' }])).toBe(false);
    expect(index.has(42)).toBe(false);
  });

  it('updateContact adds an unknown contact', () => {
    index.updateContact({ id: 9, name: 'Alan Turing' }, [{ summary: 'Enigma' }]);
    expect(ids('turing enigma')).toEqual([9]);
  });

  it('leaves nothing behind: removing everything empties the term dictionary', () => {
    const fresh = createContactIndex();
    expect(fresh.termCount).toBe(0);
    for (const c of ALL) fresh.addContact(c, LENA_INTERACTIONS);
    fresh.updateContact({ ...ADA, notes: 'Completely different words now.' });
    fresh.setInteractions(3, [{ summary: 'Another summary', details: 'with details' }]);
    expect(fresh.termCount).toBeGreaterThan(50);
    for (const c of ALL) fresh.removeContact(c.id);
    expect(fresh.size).toBe(0);
    expect(fresh.termCount).toBe(0);
  });
});

describe('contact index: snapshots', () => {
  const QUERIES = [
    'ada', 'lovelace', 'lovelce', 'lov', '"data engineering"', 'data engineering', 'markstrom', 'a', 'gr',
    'jean-luc', 'ada.lovelace@analytical.org', '"data eng', 'coffee with lena', 'spotify',
  ];

  it('answers identically after a JSON round trip, and stays updatable', () => {
    const json = JSON.stringify(index.toJSON());
    const loaded = contactIndexFromJSON(JSON.parse(json));
    expect(loaded.size).toBe(index.size);
    for (const q of QUERIES) expect(loaded.search(q), q).toEqual(index.search(q));
    expect(contactIndexFromJSON(json).search('lovelace')).toEqual(index.search('lovelace'));

    loaded.updateContact({ ...ADA, name: 'Augusta Ada King', emails: [] });
    expect(ids('lovelace', loaded)).toEqual([7, 5]);
    expect(ids('augusta', loaded)).toEqual([1]);
    loaded.removeContact(2);
    expect(ids('markstrom', loaded)).toEqual([]);
    // The original is untouched.
    expect(ids('markstrom')).toEqual([2]);
  });

  it('refuses what is not a snapshot of this version', () => {
    const snapshot = index.toJSON();
    expect(() => contactIndexFromJSON({ ...snapshot, version: 0 })).toThrow();
    expect(() => contactIndexFromJSON({ ...snapshot, format: 'other' })).toThrow();
    expect(() => contactIndexFromJSON({})).toThrow();
    expect(() => contactIndexFromJSON(null)).toThrow();
    expect(() => contactIndexFromJSON('not json')).toThrow();
    expect(() => contactIndexFromJSON({ ...snapshot, index: { serializationVersion: 99 } })).toThrow();
  });
});

describe('contact index: hostile input', () => {
  const HOSTILE = [
    '', ' ', '\n\t ', '"', '""', '"""', '" "', '\\', '.*', '(((', '[a-', '^$', '|||', '?+*{2}', '${x}',
    'a'.repeat(10_000), 'ada '.repeat(3_000), 'x'.repeat(70), '😀', '👩‍💻 ada', '\uD800', 'ada\uDFFF', '\uDFFF\uD800',
    '\u0000', '\u001f\u001e\u001d', 'constructor', '__proto__', 'hasOwnProperty', 'toString', '-', '@', "'", '.-@_+',
    'a-', '-a', 'ada.', '"ada', 'ada"', '"ada" "', 'ﬁ', '\u0301', 'the', 'the and of', '"the"',
  ];

  it('never throws, whatever the query', () => {
    for (const q of HOSTILE) {
      const hits = index.search(q);
      expect(Array.isArray(hits), JSON.stringify(q.slice(0, 20))).toBe(true);
      for (const h of hits) expect(ALL.map((c) => c.id)).toContain(h.id);
    }
    expect(index.search(undefined as unknown as string)).toEqual([]);
  });

  it('gives nothing for empty, punctuation-only or emoji-only queries', () => {
    for (const q of ['', ' ', '\n\t ', '"', '""', '\\', '.*', '(((', '😀', '\uD800', '\u0000', '-', '.-@_+', '\u0301']) {
      expect(index.search(q), JSON.stringify(q)).toEqual([]);
    }
    expect(ids('__proto__')).toEqual([]);
    expect(ids('constructor')).toEqual([]);
    expect(ids('x'.repeat(70))).toEqual([]);
  });

  it('still answers long and decorated queries sensibly', () => {
    // Cut to 1,000 characters; a word repeated counts once (but, as it also ends the query, exact).
    expect(ids('ada '.repeat(3_000))).toEqual([1]);
    expect(ids('👩‍💻 ada')).toEqual([1, 4]);
    expect(ids('"ada')).toEqual([1, 4]);
    expect(ids('ada"')).toEqual([1, 4]);
    expect(ids('(lovelace)')).toEqual([1, 7, 5]);
    expect(ids('"the"')).toEqual([1, 2, 3, 7]); // a quoted function word is looked for in the text
  });

  it('indexes hostile contact text without corrupting anything', () => {
    const weird: IndexableContact = {
      id: 100,
      name: 'Zed \uD800 \u001f\u001e Quux',
      notes: `alpha ${'z'.repeat(300)} omega needle \u001fsplit\u001e haystack (.*) [x] 😀 ${'q'.repeat(80)}`,
      tags: ['\u0000', ''],
      emails: [],
    };
    index.addContact(weird, [{ summary: '\uDFFF\uDFFF', details: '\u001d' }]);
    expect(ids('quux')).toEqual([100]);
    // Control characters are separators like any other punctuation.
    expect(ids('"needle split haystack"')).toEqual([100]);
    // An over-long token is neither indexed nor bridged by a phrase.
    expect(ids('alpha omega')).toEqual([100]);
    expect(ids('"alpha omega"')).toEqual([]);
    expect(ids('z'.repeat(300))).toEqual([]);
    expect(ids('q'.repeat(80))).toEqual([]);
    const loaded = contactIndexFromJSON(JSON.parse(JSON.stringify(index.toJSON())));
    expect(ids('quux', loaded)).toEqual([100]);
    index.removeContact(100);
    expect(ids('quux')).toEqual([]);
    // As if it had never been there.
    const never = createContactIndex();
    for (const c of ALL) never.addContact(c, c.id === 2 ? LENA_INTERACTIONS : []);
    for (const q of ['lovelace', 'ada', 'data engineering', 'lovelce']) expect(index.search(q)).toEqual(never.search(q));
  });
});

describe('a question typed as a sentence', () => {
  it('leaves out the words found nowhere and answers with the rest', () => {
    const ids = index.search('who did I talk to about data engineering').map((h) => h.id);
    // "talk" occurs nowhere ("Talked" does, but only the last word is a prefix): phrasing.
    expect(ids.sort()).toEqual([2, 3, 4]);
  });

  it('still requires every word that does occur', () => {
    expect(index.search('spotify compilers').map((h) => h.id)).toEqual([]);
  });

  it('finds nothing when no word occurs at all', () => {
    expect(index.search('zzyzx qqqq')).toEqual([]);
  });
});
