// Full-text search over the contact book: names, companies, titles, tags, e-mails, notes,
// interaction summaries/details, how-we-met and interests. Pure (no browser APIs) so the
// worker can keep it in memory, update it on every write, and persist a snapshot
// (toJSON → IndexedDB) to avoid rebuilding it each time the service worker wakes.
//
// Built on MiniSearch (inverted index in a radix tree, BM25+ scoring, prefix and fuzzy lookup).
// This file deliberately has no relative imports except `import type` (erased), so the
// benchmark runs under plain `node` with type stripping.
//
// Design:
// - Every contact becomes ONE document. Its text is normalised once (lowercase, diacritics
//   folded, reduced to word tokens) and kept as one compact stored string `t`: fields joined by
//   FIELD_SEP, the values of a field (each tag, e-mail, interaction summary…) by SEG_SEP. The
//   index is built from that string only, which gives three things for the price of one copy:
//   quoted phrases are checked against it (adjacency, never across two values or fields);
//   setInteractions() rebuilds a document without the contact record; and updates use
//   MiniSearch's exact `remove` (re-tokenising the stored string) instead of `discard`, so the
//   index never holds stale postings and needs no background vacuuming.
// - Query: all terms must match (AND). The last term is a prefix; terms of ≥ 4 characters also
//   match with a small typo (fuzzy 0.2 → 1 edit for 4–7 characters, 2 for 8–12, …). A prefix
//   of 1–2 characters expands only in the short fields (name, company, tags…), not in notes and
//   interactions, where "a" or "th" would expand to most of the vocabulary.
//   "Quoted words" must appear adjacent and in order (and match exactly, no typo); a token
//   written with connectors ("data-driven", "ada.lovelace@example.org", "r&d") is an implicit
//   phrase of its parts. Results whose every term matched exactly (or as the prefix) rank above
//   results that needed a typo correction; within that, by BM25 score with field boosts.
// - English function words ("the", "about", "with", …) are not indexed in notes and
//   interactions (they are in names and companies: "Will", "The Guardian"), and are not required
//   by a query that has other words: "coffee with ada" needs "coffee" and "ada". Quoted phrases
//   still check them: "head of data" must appear as written.
import MiniSearch, { type AsPlainObject, type Options, type Query, type SearchResult } from 'minisearch';
import type { Contact } from '../model/contact';
import type { Interaction } from '../model/interaction';

/** The searchable fields, in the order they are stored. `title` also holds the headline. */
export const SEARCH_FIELDS = [
  'name',
  'company',
  'title',
  'tags',
  'emails',
  'location',
  'howWeMet',
  'interests',
  'notes',
  'interactions',
] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

/** Sets of fields as bit masks (bit i = SEARCH_FIELDS[i]) while ranking; the field list per mask is cached. */
const FIELD_BIT: Record<string, number> = Object.fromEntries(SEARCH_FIELDS.map((f, i) => [f, 1 << i]));
const fieldListCache = new Map<number, readonly SearchField[]>();
function fieldList(mask: number): SearchField[] {
  let list = fieldListCache.get(mask);
  if (!list) fieldListCache.set(mask, (list = SEARCH_FIELDS.filter((_, i) => mask & (1 << i))));
  return list.slice();
}

/** Long free text: no function words indexed, no short prefixes expanded. */
const BODY_FIELDS: ReadonlySet<string> = new Set<SearchField>(['notes', 'interactions']);
const SHORT_FIELDS = SEARCH_FIELDS.filter((f) => !BODY_FIELDS.has(f));

const BOOST: Record<SearchField, number> = {
  name: 8,
  company: 3,
  title: 2,
  tags: 2,
  emails: 2,
  location: 1.5,
  howWeMet: 1.5,
  interests: 1.2,
  notes: 1,
  interactions: 1,
};

/** What the index reads from a contact (a full Contact fits). */
export type IndexableContact = Pick<Contact, 'id' | 'name'> &
  Partial<Pick<Contact, 'headline' | 'company' | 'title' | 'location' | 'emails' | 'tags' | 'howWeMet' | 'notes' | 'interests'>>;
/** What the index reads from an interaction (a full Interaction fits). */
export type IndexableInteraction = Partial<Pick<Interaction, 'summary' | 'details'>>;

export interface ContactSearchOptions {
  /** At most this many hits (best first). Default: all. */
  limit?: number;
  /** Only these contacts (e.g. the ids left by the list's other filters). */
  ids?: Iterable<number>;
}

export interface ContactSearchHit {
  id: number;
  score: number;
  /** The fields in which the query matched, in SEARCH_FIELDS order. */
  matches: SearchField[];
}

export interface ContactIndexSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  index: unknown;
}

export interface ContactIndex {
  /** Indexes a contact with its interactions; replaces it if already indexed. */
  addContact(contact: IndexableContact, interactions?: readonly IndexableInteraction[]): void;
  /**
   * Re-indexes a changed contact. Without `interactions`, the interaction text already indexed
   * for it is kept (a profile edit needs no interaction reads). Adds the contact if unknown.
   */
  updateContact(contact: IndexableContact, interactions?: readonly IndexableInteraction[]): void;
  /** Replaces the interaction text of an indexed contact; false if the contact is not indexed. */
  setInteractions(contactId: number, interactions: readonly IndexableInteraction[]): boolean;
  /** False if it was not indexed. */
  removeContact(id: number): boolean;
  has(id: number): boolean;
  search(query: string, options?: ContactSearchOptions): ContactSearchHit[];
  /** Number of indexed contacts. */
  readonly size: number;
  /** Number of distinct terms in the index (for diagnostics and tests). */
  readonly termCount: number;
  /** A plain, structured-cloneable snapshot; JSON.stringify-able too. */
  toJSON(): ContactIndexSnapshot;
}

const SNAPSHOT_FORMAT = 'rapport-contact-index';
/** Bump whenever tokenising, normalising or the field list changes: old snapshots are refused. */
const SNAPSHOT_VERSION = 1;

const FIELD_SEP = '\u001f';
const SEG_SEP = '\u001e';
/** Stands in the stored text for an over-long token: not a term, and it breaks phrase adjacency. */
const GAP = '\u001d';

/** Longer terms are not indexed (and a longer query term cannot match). */
const MAX_TERM = 64;
/** Longer tokens (base64 blobs, pasted URLs…) are not stored either. */
const MAX_TOKEN = 256;
/** A longer query is cut (a search box has no use for more; it bounds the work). */
const MAX_QUERY_CHARS = 1000;
/** At most this many index look-ups per query; further words are checked exactly on the stored text. */
const MAX_INDEX_TERMS = 12;
/** Prefixes shorter than this expand only in SHORT_FIELDS. */
const MIN_BODY_PREFIX = 3;

const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are as at be because been before being below between both
  but by can could did do does doing down during each few for from further had has have having he her here hers
  herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off on
  once only or other our ours ourselves out over own same she should so some such than that the their theirs them
  themselves then there these they this those through to too under until up very was we were what when where which
  while who whom why will with would you your yours yourself yourselves`.split(/\s+/),
);

// ---------------------------------------------------------------------------------------------
// Normalisation and tokenising

const FOLD_SPECIAL: Record<string, string> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ŀ: 'l',
  '\u2018': "'", '\u2019': "'", '\u02bc': "'", '\u2010': '-', '\u2011': '-',
};
const FOLD_SPECIAL_RE = /[ßæœøłđðþıħŧŀ\u2018\u2019\u02bc\u2010\u2011]/g;
const MARKS_RE = /\p{M}+/gu;
const ASCII_RE = /^[\x00-\x7f]*$/;

/** Lowercase, compatibility-decomposed, without diacritics: "Markström" → "markstrom", "Øre" → "ore". */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (ASCII_RE.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(MARKS_RE, '')
    .replace(FOLD_SPECIAL_RE, (c) => FOLD_SPECIAL[c] ?? c);
}

/**
 * A token: letters/digits, possibly joined by connectors, so "ada.lovelace@example.org",
 * "data-driven", "o'brien" and "r&d" stay one token (and are split into parts for the index).
 */
const TOKEN_RE = /[\p{L}\p{N}]+(?:[-.@_+'&][\p{L}\p{N}]+)*/gu;
const PART_SPLIT_RE = /[^\p{L}\p{N}]+/u;
const CONNECTOR_RE = /[-.@_+'&]/;

/** The normalised, space-joined tokens of one value. */
function normaliseValue(text: string): string {
  const tokens = foldText(text).match(TOKEN_RE);
  if (!tokens) return '';
  for (let i = 0; i < tokens.length; i++) if (tokens[i]!.length > MAX_TOKEN) tokens[i] = GAP;
  return tokens.join(' ');
}

/** Tokenises already-normalised stored text (separators and GAP are not tokens). */
const tokenizeStored = (text: string): string[] => text.match(TOKEN_RE) ?? [];

/**
 * Index terms of one token: its parts, plus (except for e-mails) the parts run together, so
 * "data-driven" is found by "data", "driven" and "datadriven", and "o'brien" by "obrien".
 */
function termsOfToken(token: string, field?: string): string | string[] | null {
  if (!CONNECTOR_RE.test(token)) {
    if (token.length > MAX_TERM) return null;
    return field !== undefined && BODY_FIELDS.has(field) && STOP_WORDS.has(token) ? null : token;
  }
  const parts = token.split(PART_SPLIT_RE);
  const terms = parts.filter((p) => p.length > 0 && p.length <= MAX_TERM);
  if (!token.includes('@')) {
    const joined = parts.join('');
    if (joined.length <= MAX_TERM) terms.push(joined);
  }
  return terms;
}

// ---------------------------------------------------------------------------------------------
// Documents

type FieldValues = Record<SearchField, string>;

function segments(...values: (string | undefined)[]): string {
  let out = '';
  for (const value of values) {
    if (!value) continue;
    const normalised = normaliseValue(value);
    if (!normalised) continue;
    out = out ? out + SEG_SEP + normalised : normalised;
  }
  return out;
}

function interactionText(interactions: readonly IndexableInteraction[]): string {
  const values: (string | undefined)[] = [];
  for (const interaction of interactions) values.push(interaction.summary, interaction.details);
  return segments(...values);
}

function contactFields(contact: IndexableContact, interactions: string): FieldValues {
  return {
    name: segments(contact.name),
    company: segments(contact.company),
    title: segments(contact.title, contact.headline),
    tags: segments(...(contact.tags ?? [])),
    emails: segments(...(contact.emails ?? [])),
    location: segments(contact.location),
    howWeMet: segments(contact.howWeMet?.event, contact.howWeMet?.place),
    interests: segments(contact.interests),
    notes: segments(contact.notes),
    interactions,
  };
}

interface IndexDocument extends Partial<FieldValues> {
  id: number;
  /** The stored text: all fields, FIELD_SEP-joined in SEARCH_FIELDS order. */
  t: string;
}

const storedText = (fields: FieldValues): string => SEARCH_FIELDS.map((f) => fields[f]).join(FIELD_SEP);

/** The document as indexed: always derived from the stored text, so `remove` sees the same terms. */
function documentOf(id: number, t: string): IndexDocument {
  const doc: IndexDocument = { id, t };
  const values = t.split(FIELD_SEP);
  SEARCH_FIELDS.forEach((field, i) => {
    const value = values[i];
    if (value) doc[field] = value;
  });
  return doc;
}

const INTERACTIONS_AT = SEARCH_FIELDS.indexOf('interactions');

function storedInteractions(t: string): string {
  return t.split(FIELD_SEP)[INTERACTIONS_AT] ?? '';
}

const miniSearchOptions = (): Options<IndexDocument> => ({
  fields: [...SEARCH_FIELDS],
  storeFields: ['t'],
  tokenize: tokenizeStored,
  processTerm: termsOfToken,
  // Removal is exact (see header): nothing to vacuum, no timers.
  autoVacuum: false,
  searchOptions: {
    // Queries arrive already normalised, one term per (sub)query.
    tokenize: (term) => [term],
    processTerm: (term) => term,
    boost: BOOST,
  },
});

// ---------------------------------------------------------------------------------------------
// Queries

interface TermClause {
  kind: 'term';
  term: string;
}
interface PhraseClause {
  kind: 'phrase';
  parts: string[];
  /** The last part may be a prefix (a phrase still being typed, or a connector token at the end). */
  prefixLast: boolean;
}
type Clause = TermClause | PhraseClause;

interface IndexTerm {
  term: string;
  prefix: boolean;
  fuzzy: number | false;
  fromPhrase: boolean;
}

function toMiniSearchQuery(q: IndexTerm): Query {
  if (!q.prefix || q.term.length >= MIN_BODY_PREFIX) return { queries: [q.term], prefix: q.prefix, fuzzy: q.fuzzy };
  return {
    combineWith: 'OR',
    queries: [
      { queries: [q.term], prefix: false, fuzzy: q.fuzzy },
      { queries: [q.term], prefix: true, fuzzy: false, fields: SHORT_FIELDS },
    ],
  };
}

interface ParsedQuery {
  indexTerms: IndexTerm[];
  /** Post-filters on the stored text: phrases, and words beyond the index look-up budget. */
  textChecks: RegExp[];
}

const QUOTES_RE = /[\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033]/g;
const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}])';
/** What separates two parts in the stored text: a connector inside a token, or one space. */
const PART_GAP = "[ .@_+'&-]";

/** A global regexp (see fieldsContaining). Parts contain only letters and digits: no escaping needed. */
function textCheck(parts: string[], prefixLast: boolean): RegExp {
  return new RegExp(NOT_WORD_BEFORE + parts.join(PART_GAP) + (prefixLast ? '' : NOT_WORD_AFTER), 'gu');
}

const fuzzyFor = (term: string): number | false => (term.length >= 4 ? 0.2 : false);

/** null: nothing to search for, or a term that cannot match anything. */
function parseQuery(input: string): ParsedQuery | null {
  const text = foldText(input.length > MAX_QUERY_CHARS ? input.slice(0, MAX_QUERY_CHARS) : input).replace(QUOTES_RE, '"');
  const pieces = text.split('"');
  const clauses: Clause[] = [];
  let lastClosedPhrase = false;
  pieces.forEach((piece, i) => {
    const tokens = piece.match(TOKEN_RE);
    if (!tokens) return;
    const quoted = i % 2 === 1;
    if (quoted) {
      const closed = i < pieces.length - 1;
      clauses.push({ kind: 'phrase', parts: tokens.flatMap((t) => t.split(PART_SPLIT_RE)), prefixLast: !closed });
      lastClosedPhrase = closed;
      return;
    }
    for (const token of tokens) {
      const parts = token.split(PART_SPLIT_RE);
      clauses.push(parts.length === 1 ? { kind: 'term', term: token } : { kind: 'phrase', parts, prefixLast: true });
    }
    lastClosedPhrase = false;
  });
  if (clauses.length === 0) return null;
  // Function words are optional next to other words (but still part of quoted phrases).
  const content = clauses.filter((c) => c.kind === 'phrase' || !STOP_WORDS.has(c.term));
  const required = content.length > 0 ? content : clauses;
  // Only the query's last clause may end in a prefix.
  clauses.forEach((clause, i) => {
    if (clause.kind === 'phrase' && (i < clauses.length - 1 || lastClosedPhrase)) clause.prefixLast = false;
  });

  const indexTerms: IndexTerm[] = [];
  const textChecks: RegExp[] = [];
  const seen = new Set<string>();
  const addIndexTerm = (term: IndexTerm): boolean => {
    const key = `${term.term}|${term.prefix}|${term.fuzzy}`;
    if (seen.has(key)) return true;
    if (indexTerms.length >= MAX_INDEX_TERMS) return false;
    seen.add(key);
    indexTerms.push(term);
    return true;
  };
  // Free words first: only the index can match them with a typo.
  const last = clauses[clauses.length - 1];
  for (const clause of required) {
    if (clause.kind !== 'term') continue;
    if (clause.term.length > MAX_TERM) return null;
    const prefix = clause === last;
    if (!addIndexTerm({ term: clause.term, prefix, fuzzy: fuzzyFor(clause.term), fromPhrase: false })) {
      textChecks.push(textCheck([clause.term], prefix));
    }
  }
  for (const clause of required) {
    if (clause.kind !== 'phrase') continue;
    if (clause.parts.some((p) => p.length > MAX_TERM)) return null;
    let looked = 0;
    clause.parts.forEach((part, j) => {
      const prefix = clause.prefixLast && j === clause.parts.length - 1;
      // A function word of a phrase is not in the index of notes/interactions: the phrase check
      // below finds it. Words beyond the look-up budget are left to that check too.
      if (STOP_WORDS.has(part) && !(prefix && part.length >= MIN_BODY_PREFIX)) return;
      if (addIndexTerm({ term: part, prefix, fuzzy: false, fromPhrase: true })) looked++;
    });
    if (clause.parts.length > 1 || looked === 0) textChecks.push(textCheck(clause.parts, clause.prefixLast));
  }
  return { indexTerms, textChecks };
}

// ---------------------------------------------------------------------------------------------
// The index

type Ranked = SearchResult & { t: string; typos: number };

function wrap(ms: MiniSearch<IndexDocument>): ContactIndex {
  const put = (id: number, t: string) => {
    const previous = ms.getStoredFields(id)?.t as string | undefined;
    if (previous !== undefined) {
      if (previous === t) return;
      ms.remove(documentOf(id, previous));
    }
    ms.add(documentOf(id, t));
  };

  const search = (query: string, options: ContactSearchOptions = {}): ContactSearchHit[] => {
    if (typeof query !== 'string') return [];
    const limit = options.limit ?? Infinity;
    if (!(limit >= 1)) return [];
    const parsed = parseQuery(query);
    if (!parsed) return [];
    const only = options.ids === undefined ? undefined : options.ids instanceof Set ? (options.ids as Set<number>) : new Set(options.ids);
    if (only && only.size === 0) return [];
    const { indexTerms, textChecks } = parsed;

    // The stored-text checks also tell in which fields the phrases were found.
    const textFields = new Map<number, number>();
    const filter =
      only || textChecks.length
        ? (r: SearchResult) => {
            const id = r.id as number;
            if (only && !only.has(id)) return false;
            if (!textChecks.length) return true;
            let mask = 0;
            for (const re of textChecks) {
              const found = fieldsContaining((r as Ranked).t, re);
              if (!found) return false;
              mask |= found;
            }
            textFields.set(id, mask);
            return true;
          }
        : undefined;
    const run = (terms: IndexTerm[]) =>
      ms.search(
        terms.length > 0 ? { combineWith: 'AND', queries: terms.map(toMiniSearchQuery) } : MiniSearch.wildcard,
        filter ? { filter } : {},
      ) as Ranked[];
    let results = run(indexTerms);
    // A question typed as a sentence ("who did I talk to about data engineering"): when all the
    // words together find nobody, words that occur nowhere in the notebook (not even as a
    // prefix) are taken as phrasing and left out — for sentences only (three words or more, two
    // of them kept): in "lov ada" a word that finds nothing is a word the user means.
    if (results.length === 0 && indexTerms.length >= 3) {
      const occurs = (q: IndexTerm) =>
        q.fromPhrase || ms.search({ queries: [q.term], prefix: q.prefix, fuzzy: false }).length > 0;
      const kept = indexTerms.filter(occurs);
      if (kept.length >= 2 && kept.length < indexTerms.length) results = run(kept);
    }

    // Rank: results that needed a typo correction for some word come after those that did not.
    // Scores are rounded so that sums taken in another order (a restored index walks its prefix
    // expansions in another order) cannot reorder equal hits.
    const fuzzyTerms = indexTerms.filter((q) => q.fuzzy !== false);
    for (const r of results) {
      let typos = 0;
      for (const q of fuzzyTerms) {
        if (!r.terms.some((t) => t === q.term || (q.prefix && t.startsWith(q.term)))) typos++;
      }
      r.typos = typos;
      r.score = Math.round(r.score * 1e6) / 1e6;
    }
    results.sort((a, b) => a.typos - b.typos || b.score - a.score || (a.id as number) - (b.id as number));

    const top = results.length > limit ? results.slice(0, limit) : results;
    const free = indexTerms.filter((q) => !q.fromPhrase);
    const phraseOnly = indexTerms.filter((q) => q.fromPhrase && !free.some((f) => f.term === q.term));
    const covers = (q: IndexTerm, docTerm: string) => docTerm === q.term || (q.prefix && docTerm.startsWith(q.term));
    // A phrase's words may also occur apart in other fields: for those terms, the fields come
    // from the phrase check.
    const fromPhraseOnly = (docTerm: string) =>
      phraseOnly.some((q) => covers(q, docTerm)) && !free.some((q) => covers(q, docTerm));
    return top.map((r) => {
      const id = r.id as number;
      let mask = textFields.get(id) ?? 0;
      for (const docTerm in r.match) {
        if (phraseOnly.length && fromPhraseOnly(docTerm)) continue;
        for (const field of r.match[docTerm]!) mask |= FIELD_BIT[field]!;
      }
      return { id, score: r.score, matches: fieldList(mask) };
    });
  };

  return {
    addContact(contact, interactions = []) {
      put(contact.id, storedText(contactFields(contact, interactionText(interactions))));
    },
    updateContact(contact, interactions) {
      const previous = ms.getStoredFields(contact.id)?.t as string | undefined;
      const interactionsText =
        interactions !== undefined ? interactionText(interactions) : previous !== undefined ? storedInteractions(previous) : '';
      put(contact.id, storedText(contactFields(contact, interactionsText)));
    },
    setInteractions(contactId, interactions) {
      const previous = ms.getStoredFields(contactId)?.t as string | undefined;
      if (previous === undefined) return false;
      const values = previous.split(FIELD_SEP);
      values[INTERACTIONS_AT] = interactionText(interactions);
      put(contactId, values.join(FIELD_SEP));
      return true;
    },
    removeContact(id) {
      const previous = ms.getStoredFields(id)?.t as string | undefined;
      if (previous === undefined) return false;
      ms.remove(documentOf(id, previous));
      return true;
    },
    has: (id) => ms.has(id),
    search,
    get size() {
      return ms.documentCount;
    },
    get termCount() {
      return ms.termCount;
    },
    toJSON: () => ({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, index: ms.toJSON() }),
  };
}

/** The fields (bit mask) of the stored text in which the global regexp `re` matches; 0 if none. */
function fieldsContaining(t: string, re: RegExp): number {
  re.lastIndex = 0;
  let mask = 0;
  let field = 0;
  let fieldStart = 0;
  for (;;) {
    const m = re.exec(t);
    if (!m) break;
    // Advance to the field holding the match, then skip to the next field.
    for (let next = t.indexOf(FIELD_SEP, fieldStart); next !== -1 && next < m.index; next = t.indexOf(FIELD_SEP, fieldStart)) {
      field++;
      fieldStart = next + 1;
    }
    mask |= 1 << field;
    const end = t.indexOf(FIELD_SEP, m.index);
    if (end === -1) break;
    field++;
    fieldStart = end + 1;
    re.lastIndex = fieldStart;
  }
  return mask;
}

export function createContactIndex(): ContactIndex {
  return wrap(new MiniSearch<IndexDocument>(miniSearchOptions()));
}

/**
 * Restores an index from `toJSON()` output (the object, or its JSON text). Throws if the
 * snapshot is malformed or from another index version: the caller then rebuilds from the store.
 */
export function contactIndexFromJSON(snapshot: unknown): ContactIndex {
  const data: unknown = typeof snapshot === 'string' ? JSON.parse(snapshot) : snapshot;
  if (
    typeof data !== 'object' ||
    data === null ||
    (data as ContactIndexSnapshot).format !== SNAPSHOT_FORMAT ||
    (data as ContactIndexSnapshot).version !== SNAPSHOT_VERSION ||
    typeof (data as ContactIndexSnapshot).index !== 'object' ||
    (data as ContactIndexSnapshot).index === null
  ) {
    throw new Error('Not a contact index snapshot of this version');
  }
  // loadJS: MiniSearch's counterpart of loadJSON for an already parsed object (it validates the
  // serialisation version; a structurally broken snapshot throws here too).
  return wrap(MiniSearch.loadJS<IndexDocument>((data as ContactIndexSnapshot).index as AsPlainObject, miniSearchOptions()));
}
