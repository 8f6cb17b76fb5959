// Where the manager's search index is kept between worker lives: a small IndexedDB database of
// its own, holding one JSON text (utils/search/index-snapshot.ts). It is a cache — losing it
// costs one rebuild — so it lives outside the contact store and its schema versions.
// Not storage.local: every write there is announced (storage.onChanged, with the new value) to
// every content script that listens, and this text is megabytes.
import { Dexie, type Table } from 'dexie';

export const INDEX_CACHE_NAME = 'rapport-index-cache';
const KEY = 'manager';

export interface IndexSnapshotStore {
  /** The saved text, or undefined if none (or unreadable). */
  load(): Promise<string | undefined>;
  save(text: string): Promise<void>;
}

class IndexCacheDatabase extends Dexie {
  snapshots!: Table<string, string>;
  constructor(name: string) {
    super(name);
    // Out-of-line keys: the value is the JSON text itself.
    this.version(1).stores({ snapshots: '' });
  }
}

export function createIndexCache(name = INDEX_CACHE_NAME): IndexSnapshotStore {
  const db = new IndexCacheDatabase(name);
  return {
    async load() {
      const text = await db.snapshots.get(KEY);
      return typeof text === 'string' ? text : undefined;
    },
    async save(text) {
      await db.snapshots.put(text, KEY);
    },
  };
}

/** In memory (tests, and where IndexedDB is unavailable). */
export function createMemoryIndexCache(): IndexSnapshotStore & { text?: string; loads: number; saves: number } {
  const cache = {
    text: undefined as string | undefined,
    loads: 0,
    saves: 0,
    async load() {
      cache.loads++;
      return cache.text;
    },
    async save(text: string) {
      cache.saves++;
      cache.text = text;
    },
  };
  return cache;
}
