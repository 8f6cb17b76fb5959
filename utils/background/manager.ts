// The manager page's list: every contact, filtered, full-text searched and sorted in the worker.
//
// Cache: the list is answered from memory. The first request reads every contact once (a light
// row each, no notes); the full-text index (utils/search/contact-index.ts) is made only when a
// request has a query. Both are kept until the worker stops. `invalidate(ids)` — called for
// every `contacts-changed` broadcast — marks contacts stale; the next request re-reads just
// those (and their interactions, when the index exists) and updates the rows and the index
// incrementally. An invalidation without ids (or with very many) drops the rows and marks the
// whole index for a check: the next search reconciles it with the store.
//
// Between worker lives the index is kept as a snapshot (manager-index-cache.ts). A new worker's
// first search reads every contact and interaction, loads the snapshot and reconciles it: each
// contact's fingerprint (index-fingerprint.ts) is compared with the one the snapshot was made
// with, and only those that differ are re-indexed — the store may have changed after the save,
// even in a worker that stopped before saving. So the snapshot saves the indexing (≈ 2–4 s at
// 10,000 contacts and 100,000 interactions), never correctness. It is saved a few seconds after
// the index changed, once enough has changed to be worth it (a few stale contacts cost
// next to nothing to repair at the next load).
//
// A list without a query (the page just opened) prepares the index right after answering, so
// the first search typed finds it ready; lists without a query arriving meanwhile are answered
// from the rows without waiting, searches wait for it.
import { companyKey } from '../company-name';
import type { Contact } from '../model/contact';
import type { Interaction } from '../model/interaction';
import type { ManagerFilters, ManagerList, ManagerRow, ManagerSort } from '../model/manager';
import type { IndexableInteraction } from '../search/contact-index';
import { indexFingerprint } from '../search/index-fingerprint';
import { parseIndexSnapshot, serializeIndexSnapshot } from '../search/index-snapshot';
import { reconcileIndex, type FingerprintedIndex } from '../search/reconcile-index';
import type { RapportDatabase } from '../store/database';
import type { IndexSnapshotStore } from './manager-index-cache';

/** Fields the list's row doesn't show: a search found there is named on the row. */
type HiddenField = NonNullable<ManagerRow['matched']>[number];
const HIDDEN_FIELDS: readonly HiddenField[] = ['title', 'emails', 'location', 'howWeMet', 'interests', 'notes', 'interactions'];
const HIDDEN_BIT: Record<string, number> = Object.fromEntries(HIDDEN_FIELDS.map((f, i) => [f, 1 << i]));
const hiddenLists = new Map<number, HiddenField[]>();
/** The hidden fields of a bit mask, one shared list per mask. */
function hiddenFields(mask: number): HiddenField[] {
  let list = hiddenLists.get(mask);
  if (!list) hiddenLists.set(mask, (list = HIDDEN_FIELDS.filter((_, i) => mask & (1 << i))));
  return list;
}

/** Beyond this many changed contacts at once, a full re-read is cheaper than piecemeal reads. */
const MAX_INCREMENTAL = 500;
/** A snapshot is saved this long after the last index change… */
const SAVE_DELAY_MS = 3_000;
/** …once at least this many contacts were re-indexed since the last save (or load). */
const SAVE_AFTER_CHANGES = 50;

interface Entry {
  row: ManagerRow;
  archived: boolean;
  companyKey?: string;
  introducedBy?: number;
}

export interface ManagerQuery {
  query?: string;
  filters: ManagerFilters;
  sort: ManagerSort;
}

export interface ManagerOptions {
  /** Where the index is kept between worker lives; without one it is built at each start. */
  cache?: IndexSnapshotStore;
  saveDelayMs?: number;
  /** Prepare the index right after a list without a query (default true). */
  warmIndex?: boolean;
  log?: (message: string, error?: unknown) => void;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Calendar months back from `now` (local time), clamped like a date picker: 31 March − 1 month = 28/29 February. */
export function monthsBefore(now: number, months: number): number {
  const date = new Date(now);
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() - months);
  const last = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(day, last));
  return date.getTime();
}

/** A performance measure the benchmark reads in the worker (rapport:manager.*). */
function measure(name: string, start: number, detail?: unknown) {
  try {
    performance.clearMeasures(`rapport:manager.${name}`);
    performance.measure(`rapport:manager.${name}`, { start, end: performance.now(), detail });
  } catch {
    // Measuring is optional.
  }
}

export function createManagerService(db: RapportDatabase, now: () => number, options: ManagerOptions = {}) {
  const { cache, saveDelayMs = SAVE_DELAY_MS, log = () => {} } = options;
  let entries: Map<number, Entry> | null = null;
  /** The index with each contact's fingerprint; null until a search needs it. */
  let searchable: FingerprintedIndex | null = null;
  /** False: the index must be reconciled with the whole store before it answers. */
  let indexChecked = false;
  /** Contacts re-indexed since the snapshot was last saved or loaded. */
  let unsaved = 0;
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  let saving: Promise<void> = Promise.resolve();
  const dirty = new Set<number>();
  /** Dirty ids being read now (their rows are not updated yet). */
  const inFlight = new Set<number>();
  /** Bumped by every full invalidation. */
  let generation = 0;
  /** Requests run one at a time: a rebuild is never raced by a second one. */
  let queue: Promise<unknown> = Promise.resolve();
  /** The queue is only preparing the index (after a list without a query). */
  let warming = false;

  const entryOf = (c: Contact, at: number): Entry => ({
    row: {
      id: c.id,
      name: c.name,
      ...(c.company ? { company: c.company } : {}),
      ...(c.type ? { type: c.type } : {}),
      tags: c.tags ?? [],
      ...(c.lastContacted !== undefined ? { lastContacted: c.lastContacted } : {}),
      ...(c.nextFollowUp !== undefined ? { nextFollowUp: c.nextFollowUp } : {}),
      overdue: c.nextFollowUp !== undefined && c.nextFollowUp <= at,
      ...(c.archivedAt !== undefined ? { archived: true } : {}),
    },
    archived: c.archivedAt !== undefined,
    companyKey: c.companyKey,
    introducedBy: c.introducedBy,
  });

  const byContact = (interactions: Interaction[]) => {
    const map = new Map<number, Interaction[]>();
    for (const i of interactions) {
      const list = map.get(i.contactId);
      if (list) list.push(i);
      else map.set(i.contactId, [i]);
    }
    return map;
  };
  const NONE: readonly IndexableInteraction[] = [];

  function save() {
    saveTimer = undefined;
    if (!cache || !searchable || unsaved === 0) return saving;
    const started = performance.now();
    const text = serializeIndexSnapshot(searchable);
    unsaved = 0;
    measure('index.save', started, { chars: text.length });
    saving = saving.then(() => cache.save(text)).catch((error) => log('saving the search index failed', error));
    return saving;
  }

  function indexChanged(count: number) {
    unsaved += count;
    if (!cache || unsaved < SAVE_AFTER_CHANGES) return;
    if (saveTimer !== undefined) clearTimeout(saveTimer);
    saveTimer = setTimeout(save, saveDelayMs);
  }

  async function loadSnapshot(): Promise<string | undefined> {
    if (!cache) return undefined;
    try {
      return await cache.load();
    } catch (error) {
      log('reading the saved search index failed', error);
      return undefined;
    }
  }

  /** Every contact and interaction read; the index reconciled with them (loaded from the snapshot if none is in memory). */
  async function checkIndex(): Promise<boolean> {
    const gen = generation;
    const started = performance.now();
    // The reads below cover the dirty ids; until they land, the rows may be older than them.
    for (const id of dirty) inFlight.add(id);
    dirty.clear();
    try {
      return await reconcileWithStore(gen, started);
    } finally {
      inFlight.clear();
    }
  }

  async function reconcileWithStore(gen: number, started: number): Promise<boolean> {
    // When each read finished (counted from the start), for the benchmark.
    const took = <T>(name: string, read: Promise<T>) => read.finally(() => measure(`index.read.${name}`, started));
    // The snapshot first, alone (its one large value comes fastest that way); it is parsed while
    // the store's reads are under way.
    const text = searchable ? undefined : await took('snapshot', loadSnapshot());
    const reads = Promise.all([took('contacts', db.contacts.toArray()), took('interactions', db.interactions.toArray())]);
    let base = searchable;
    if (!base && text !== undefined) {
      const loading = performance.now();
      base = parseIndexSnapshot(text);
      measure('index.load', loading, { ok: base !== null });
    }
    const [all, logs] = await reads;
    measure('index.read', started, { contacts: all.length, interactions: logs.length, snapshotChars: text?.length ?? 0 });
    if (gen !== generation) return false;
    const reconciling = performance.now();
    const logsOf = byContact(logs);
    const result = reconcileIndex(base, all, (id) => logsOf.get(id) ?? NONE);
    measure('index.reconcile', reconciling, { indexed: result.indexed, removed: result.removed, rebuilt: result.rebuilt });
    searchable = { index: result.index, prints: result.prints };
    indexChecked = true;
    const at = now();
    entries = new Map(all.map((c) => [c.id, entryOf(c, at)]));
    indexChanged(result.indexed + result.removed);
    return true;
  }

  async function ensure(needIndex: boolean): Promise<void> {
    for (;;) {
      // A search reads every contact anyway (checkIndex): no separate read of the rows.
      if (!entries && !(needIndex && !(searchable && indexChecked))) {
        const gen = generation;
        // Ids changed during the read stay dirty and are re-read just after it.
        dirty.clear();
        const all = await db.contacts.toArray();
        if (gen === generation) {
          const at = now();
          entries = new Map(all.map((c) => [c.id, entryOf(c, at)]));
        }
        continue;
      }
      if (needIndex && !(searchable && indexChecked)) {
        await checkIndex();
        continue;
      }
      if (dirty.size) {
        const gen = generation;
        const ids = [...dirty];
        dirty.clear();
        for (const id of ids) inFlight.add(id);
        const withIndex = searchable !== null && indexChecked;
        const [fresh, logs] = await Promise.all([
          db.contacts.bulkGet(ids),
          withIndex ? db.interactions.where('contactId').anyOf(ids).toArray() : Promise.resolve([]),
        ]).finally(() => inFlight.clear());
        // A full invalidation meanwhile: everything is read again.
        if (gen !== generation || !entries) continue;
        const at = now();
        const logsOf = byContact(logs);
        let reindexed = 0;
        ids.forEach((id, i) => {
          const contact = fresh[i];
          if (!contact) {
            entries!.delete(id);
            if (withIndex && searchable!.prints.delete(id)) {
              searchable!.index.removeContact(id);
              reindexed++;
            }
            return;
          }
          entries!.set(id, entryOf(contact, at));
          if (!withIndex) return;
          const mine = logsOf.get(id) ?? NONE;
          const print = indexFingerprint(contact, mine);
          if (searchable!.prints.get(id) === print) return;
          searchable!.index.addContact(contact, mine);
          searchable!.prints.set(id, print);
          reindexed++;
        });
        if (reindexed) indexChanged(reindexed);
        continue;
      }
      return;
    }
  }

  async function targetKeys(): Promise<Set<string>> {
    const targets = await db.companies.where('targetRank').above(0).toArray();
    return new Set(targets.filter((c) => c.target).map((c) => c.nameKey));
  }

  async function list(request: ManagerQuery): Promise<ManagerList> {
    const started = performance.now();
    const query = request.query?.trim() ?? '';
    const { filters, sort } = request;
    await ensure(query.length > 0);
    const at = now();
    const targets = filters.targetsOnly ? await targetKeys() : null;
    const wantedCompany = filters.company ? companyKey(filters.company) : undefined;
    const wantedTag = filters.tag?.toLocaleLowerCase();
    const wantedType = filters.type?.toLocaleLowerCase();
    const since = filters.notInTouchMonths ? monthsBefore(at, filters.notInTouchMonths) : undefined;

    const tags = new Set<string>();
    const types = new Set<string>();
    const companies = new Map<string, string>();
    let total = 0;
    let rows: ManagerRow[] = [];
    for (const entry of entries!.values()) {
      if (entry.archived && !filters.includeArchived) continue;
      total++;
      const { row } = entry;
      for (const tag of row.tags) tags.add(tag);
      if (row.type) types.add(row.type);
      if (row.company && entry.companyKey && !companies.has(entry.companyKey)) companies.set(entry.companyKey, row.company);

      if (wantedTag && !row.tags.some((t) => t.toLocaleLowerCase() === wantedTag)) continue;
      if (wantedType && row.type?.toLocaleLowerCase() !== wantedType) continue;
      if (filters.company && (!wantedCompany || entry.companyKey !== wantedCompany)) continue;
      if (targets && !(entry.companyKey && targets.has(entry.companyKey))) continue;
      if (filters.introducedBy !== undefined && entry.introducedBy !== filters.introducedBy) continue;
      const overdue = row.nextFollowUp !== undefined && row.nextFollowUp <= at;
      if (filters.overdue && !overdue) continue;
      if (since !== undefined && row.lastContacted !== undefined && row.lastContacted > since) continue;
      rows.push(row.overdue === overdue ? row : { ...row, overdue });
    }

    // Search: the matching rows, each saying where the words were found when the row doesn't
    // show it (a word only in the notes), and their rank for the relevance order. Rows found in
    // the same hidden fields share one list (the answer's clone carries it once).
    let rank: Map<number, number> | undefined;
    if (query) {
      const hits = searchable!.index.search(query, { ids: rows.map((r) => r.id) });
      rank = new Map();
      const masks = new Map<number, number>();
      for (let i = 0; i < hits.length; i++) {
        const hit = hits[i]!;
        rank.set(hit.id, i);
        let mask = 0;
        for (const field of hit.matches) mask |= HIDDEN_BIT[field] ?? 0;
        if (mask) masks.set(hit.id, mask);
      }
      const found: ManagerRow[] = [];
      for (const row of rows) {
        if (!rank.has(row.id)) continue;
        const mask = masks.get(row.id);
        found.push(mask ? { ...row, matched: hiddenFields(mask) } : row);
      }
      rows = found;
    }

    const sign = sort.dir === 'asc' ? 1 : -1;
    const key = sort.by;
    if (key === 'relevance') {
      rows.sort((a, b) => (rank ? rank.get(a.id)! - rank.get(b.id)! : 0) || collator.compare(a.name, b.name) || a.id - b.id);
    } else rows.sort((a, b) => {
      const x = a[key];
      const y = b[key];
      // Empty cells last whichever the direction.
      if (x === undefined || y === undefined) {
        if (x !== y) return x === undefined ? 1 : -1;
      } else {
        const order = typeof x === 'number' ? x - (y as number) : collator.compare(x, y as string);
        if (order) return sign * order;
      }
      return collator.compare(a.name, b.name) || a.id - b.id;
    });

    const sorted = (set: Iterable<string>) => [...set].sort(collator.compare);
    return {
      rows,
      total,
      facets: { tags: sorted(tags), types: sorted(types), companies: sorted(companies.values()) },
      ms: Math.max(0, performance.now() - started),
    };
  }

  return {
    /** One request at a time (see the cache notes at the top of the file). */
    list(request: ManagerQuery): Promise<ManagerList> {
      const noQuery = !request.query?.trim();
      // While only the index is being prepared, a list without a query is answered from the
      // rows at once: it changes nothing (rows up to date, nothing dirty or being read), so it
      // cannot race it.
      if (noQuery && warming && entries && dirty.size === 0 && inFlight.size === 0) return list(request);
      const run = queue.then(() => list(request));
      queue = run.catch(() => undefined);
      // The page is open without a query: prepare the index now (after this answer), so that
      // the first search typed does not wait for it.
      if (noQuery && options.warmIndex !== false) {
        queue = queue
          .then(async () => {
            if (searchable && indexChecked) return;
            warming = true;
            try {
              await ensure(true);
            } finally {
              warming = false;
            }
          })
          .catch((error) => log('preparing the search index failed', error));
      }
      return run;
    },
    /** Saves the index snapshot now if one is due (tests; the timer does it otherwise). */
    flushSnapshot(): Promise<void> {
      if (saveTimer !== undefined) {
        clearTimeout(saveTimer);
        return save();
      }
      return saving;
    },
    /** Contacts changed (these ids, or unknown ones): the next list re-reads them. */
    invalidate(ids?: readonly number[]) {
      if (!ids || ids.length === 0 || dirty.size + ids.length > MAX_INCREMENTAL) {
        generation++;
        entries = null;
        // The index is kept: the next search re-indexes only what really changed.
        indexChecked = false;
        dirty.clear();
        return;
      }
      for (const id of ids) dirty.add(id);
    },
  };
}
export type ManagerService = ReturnType<typeof createManagerService>;
