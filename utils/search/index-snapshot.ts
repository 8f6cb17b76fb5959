// The persisted form of the manager's search index: the index (contact-index.ts toJSON) and the
// fingerprint of every contact it holds, as one JSON text. Loading never trusts it blindly: the
// caller reconciles it with the store (reconcile-index.ts) before answering from it. Anything
// malformed, from another version, or whose fingerprints do not cover exactly the indexed
// contacts, is refused (null): the caller then builds the index from the store. Pure.
import { contactIndexFromJSON } from './contact-index';
import type { FingerprintedIndex } from './reconcile-index';

const FORMAT = 'rapport-manager-index';
/** Bump when the fingerprint changes (index-fingerprint.ts); the index has its own version. */
const VERSION = 1;

export function serializeIndexSnapshot({ index, prints }: FingerprintedIndex): string {
  const flat: number[] = [];
  for (const [id, print] of prints) flat.push(id, print);
  return JSON.stringify({ format: FORMAT, version: VERSION, prints: flat, index: index.toJSON() });
}

export function parseIndexSnapshot(text: unknown): FingerprintedIndex | null {
  if (typeof text !== 'string' || text.length === 0) return null;
  try {
    const data = JSON.parse(text) as { format?: unknown; version?: unknown; prints?: unknown; index?: unknown };
    if (data?.format !== FORMAT || data.version !== VERSION || !Array.isArray(data.prints) || data.prints.length % 2) return null;
    const prints = new Map<number, number>();
    const flat = data.prints as unknown[];
    for (let i = 0; i < flat.length; i += 2) {
      const id = flat[i];
      const print = flat[i + 1];
      if (!Number.isSafeInteger(id) || !Number.isSafeInteger(print) || prints.has(id as number)) return null;
      prints.set(id as number, print as number);
    }
    const index = contactIndexFromJSON(data.index);
    if (index.size !== prints.size) return null;
    for (const id of prints.keys()) if (!index.has(id)) return null;
    return { index, prints };
  } catch {
    return null;
  }
}
