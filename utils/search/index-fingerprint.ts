// A fingerprint of everything the search index reads about one contact: its searchable fields
// and its interactions' summaries and details (see contactFields / interactionText in
// contact-index.ts; keep the two in step — a field indexed there must be hashed here). Cheap:
// one pass over the raw text, no normalising. Two equal fingerprints mean the contact's indexed
// document is the same, so a persisted index can be checked against the store without
// re-indexing it (utils/search/reconcile-index.ts). Pure; type-only imports (the benchmarks
// run it under plain `node`).
import type { IndexableContact, IndexableInteraction } from './contact-index';

/** 53 bits of a two-lane multiplicative hash (cyrb53) over the values, each ended by a separator. */
export function indexFingerprint(contact: IndexableContact, interactions: readonly IndexableInteraction[] = []): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const mix = (value: string | undefined) => {
    // An absent value and an empty one index the same (nothing): they hash the same too.
    const text = value ?? '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 2654435761);
      h2 = Math.imul(h2 ^ c, 1597334677);
    }
    // The separator: "ab"+"c" and "a"+"bc" differ.
    h1 = Math.imul(h1 ^ 0x1f, 2654435761);
    h2 = Math.imul(h2 ^ 0x1f, 1597334677);
  };
  const list = (values: readonly string[] | undefined) => {
    mix(String(values?.length ?? 0));
    for (const value of values ?? []) mix(value);
  };
  mix(contact.name);
  mix(contact.company);
  mix(contact.title);
  mix(contact.headline);
  list(contact.tags);
  list(contact.emails);
  mix(contact.location);
  mix(contact.howWeMet?.event);
  mix(contact.howWeMet?.place);
  mix(contact.interests);
  mix(contact.notes);
  mix(String(interactions.length));
  for (const interaction of interactions) {
    mix(interaction.summary);
    mix(interaction.details);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
