// Brings a search index in line with the store: every contact whose fingerprint (see
// index-fingerprint.ts) differs from the one the index was made with is re-indexed, contacts
// the index does not know are added, and contacts gone from the store are removed. Used when a
// persisted index is loaded (the store may have changed since it was saved, even while the
// worker was down) and after changes too many to track one by one (a large import): the index
// then answers exactly as one built from scratch. Pure.
import { createContactIndex, type ContactIndex, type IndexableContact, type IndexableInteraction } from './contact-index';
import { indexFingerprint } from './index-fingerprint';

/** An index with the fingerprint of every contact it holds (the same ids, always). */
export interface FingerprintedIndex {
  index: ContactIndex;
  prints: Map<number, number>;
}

export interface ReconcileResult extends FingerprintedIndex {
  /** Contacts (re-)indexed. */
  indexed: number;
  /** Contacts removed from the index. */
  removed: number;
  /** Whether the index was built from scratch instead (too much had changed). */
  rebuilt: boolean;
}

/** Beyond this share of contacts to re-index, a fresh build is faster than remove + add for each. */
const REBUILD_SHARE = 0.3;

export function reconcileIndex(
  current: FingerprintedIndex | null,
  contacts: readonly IndexableContact[],
  interactionsOf: (contactId: number) => readonly IndexableInteraction[],
): ReconcileResult {
  const fresh = new Map<number, number>();
  const changed: IndexableContact[] = [];
  for (const contact of contacts) {
    const print = indexFingerprint(contact, interactionsOf(contact.id));
    fresh.set(contact.id, print);
    if (!current || current.prints.get(contact.id) !== print) changed.push(contact);
  }
  const gone = current ? [...current.prints.keys()].filter((id) => !fresh.has(id)) : [];

  if (!current || (current.prints.size > 0 && changed.length + gone.length > REBUILD_SHARE * contacts.length)) {
    const index = createContactIndex();
    for (const contact of contacts) index.addContact(contact, interactionsOf(contact.id));
    return { index, prints: fresh, indexed: contacts.length, removed: 0, rebuilt: true };
  }
  const { index } = current;
  for (const id of gone) index.removeContact(id);
  for (const contact of changed) index.addContact(contact, interactionsOf(contact.id));
  return { index, prints: fresh, indexed: changed.length, removed: gone.length, rebuilt: false };
}
