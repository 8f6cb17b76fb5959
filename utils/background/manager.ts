// The manager page's list: every contact, filtered, full-text searched and sorted in the worker.
//
// Cache: the list is answered from memory. The first request reads every contact once (a light
// row each, no notes); the full-text index (utils/search/contact-index.ts) is built only when a
// request has a query, from every contact and every interaction. Both are kept until the worker
// stops. `invalidate(ids)` — called for every `contacts-changed` broadcast — marks contacts
// stale; the next request re-reads just those (and their interactions, when the index exists)
// and updates the rows and the index incrementally. An invalidation without ids (or with very
// many) drops the cache: the next request rebuilds it (at 10,000 contacts: one full table read,
// plus ~1 s to index when a query needs the index). A new worker starts cold; no snapshot of the
// index is persisted yet.
import { companyKey } from '../company-name';
import type { Contact } from '../model/contact';
import type { Interaction } from '../model/interaction';
import type { ManagerFilters, ManagerList, ManagerRow, ManagerSort } from '../model/manager';
import { createContactIndex, type ContactIndex } from '../search/contact-index';
import type { RapportDatabase } from '../store/database';

/** Beyond this many changed contacts at once, a full rebuild is cheaper than piecemeal reads. */
const MAX_INCREMENTAL = 500;

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

export function createManagerService(db: RapportDatabase, now: () => number) {
  let entries: Map<number, Entry> | null = null;
  let index: ContactIndex | null = null;
  const dirty = new Set<number>();
  /** Bumped by every full invalidation. */
  let generation = 0;
  /** Requests run one at a time: a rebuild is never raced by a second one. */
  let queue: Promise<unknown> = Promise.resolve();

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

  async function ensure(needIndex: boolean): Promise<void> {
    const at = now();
    // A full invalidation while reading (generation bumped) makes the read worthless: read again.
    while (!entries) {
      const gen = generation;
      // Ids changed during the read stay dirty and are re-read just after it.
      dirty.clear();
      const all = await db.contacts.toArray();
      if (gen === generation) {
        entries = new Map(all.map((c) => [c.id, entryOf(c, at)]));
        index = null;
      }
    }
    if (dirty.size) {
      const ids = [...dirty];
      dirty.clear();
      const [fresh, logs] = await Promise.all([
        db.contacts.bulkGet(ids),
        index ? db.interactions.where('contactId').anyOf(ids).toArray() : Promise.resolve([]),
      ]);
      if (!entries) return ensure(needIndex);
      const logsOf = byContact(logs);
      ids.forEach((id, i) => {
        const contact = fresh[i];
        if (!contact) {
          entries!.delete(id);
          index?.removeContact(id);
          return;
        }
        entries!.set(id, entryOf(contact, at));
        index?.updateContact(contact, logsOf.get(id) ?? []);
      });
    }
    if (needIndex && !index) {
      const gen = generation;
      const [all, logs] = await Promise.all([db.contacts.toArray(), db.interactions.toArray()]);
      const logsOf = byContact(logs);
      const built = createContactIndex();
      for (const contact of all) built.addContact(contact, logsOf.get(contact.id) ?? []);
      if (gen !== generation || !entries) return ensure(needIndex);
      index = built;
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

    if (query) {
      const hits = index!.search(query, { ids: rows.map((r) => r.id) });
      const found = new Set(hits.map((h) => h.id));
      rows = rows.filter((r) => found.has(r.id));
    }

    const sign = sort.dir === 'asc' ? 1 : -1;
    const key = sort.by;
    rows.sort((a, b) => {
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
      const run = queue.then(() => list(request));
      queue = run.catch(() => undefined);
      return run;
    },
    /** Contacts changed (these ids, or unknown ones): the next list re-reads them. */
    invalidate(ids?: readonly number[]) {
      if (!ids || ids.length === 0 || dirty.size + ids.length > MAX_INCREMENTAL) {
        generation++;
        entries = null;
        index = null;
        dirty.clear();
        return;
      }
      for (const id of ids) dirty.add(id);
    },
  };
}
export type ManagerService = ReturnType<typeof createManagerService>;
