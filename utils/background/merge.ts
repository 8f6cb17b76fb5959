// Duplicates: the suggestions (utils/merge/find-duplicates.ts over every contact), the pairs the
// user dismissed, and merging two contacts in one transaction — all or nothing — with an undo.
//
// Where the undo lives: in a token answered to the page (as contacts.bulk does), not in the
// database. The undo is offered by a toast for a few seconds; a stored copy would outlive it,
// need clearing, and hold a second copy of notes the user may have meant to drop. The token
// carries both contacts as they were and the records the merge moved, so the worker needs no
// memory (it may be stopped at any time) and the page's undo works even after a restart.
import { Contact } from '../model/contact';
import {
  DISMISSED_DUPLICATES_KEY,
  DismissedDuplicates,
  MAX_DISMISSED,
  pairKey,
  type DuplicateList,
  type MergeComparison,
  type MergePicks,
  type MergeResult,
  type MergeUndo,
} from '../model/duplicates';
import { findDuplicates } from '../merge/find-duplicates';
import { MergeProblem, planMerge } from '../merge/plan';
import type { RapportDatabase } from '../store/database';
import { RequestError } from './request-error';

export function createMergeService(db: RapportDatabase, now: () => number) {
  async function dismissedPairs(): Promise<string[]> {
    const record = await db.settings.get(DISMISSED_DUPLICATES_KEY);
    const parsed = DismissedDuplicates.safeParse(record?.value);
    // A damaged record only costs the dismissals (the pairs are suggested again), never the list.
    return parsed.success ? parsed.data.pairs : [];
  }

  async function getBoth(a: number, b: number): Promise<[Contact, Contact]> {
    if (a === b) throw new RequestError('invalid-request', 'A contact cannot be merged with itself.');
    const [x, y] = await db.contacts.bulkGet([a, b]);
    if (!x) throw new RequestError('not-found', `There is no contact #${a}.`);
    if (!y) throw new RequestError('not-found', `There is no contact #${b}.`);
    return [x, y];
  }

  async function countsOf(contact: Contact) {
    const [interactions, reminders, introduced] = await Promise.all([
      db.interactions.where('contactId').equals(contact.id).count(),
      db.reminders.where('contactId').equals(contact.id).count(),
      db.contacts.where('introducedBy').equals(contact.id).count(),
    ]);
    return { interactions, reminders, introduced };
  }

  return {
    /** Every suggestion, the dismissed pairs left out. Archived contacts are included (and marked). */
    async list(): Promise<DuplicateList> {
      const [contacts, dismissed] = await db.transaction('r', db.contacts, db.settings, () =>
        Promise.all([db.contacts.toArray(), dismissedPairs()]),
      );
      const ids = new Set(contacts.map((c) => c.id));
      // Only pairs of contacts that still exist count as dismissed.
      const live = dismissed.filter((key) => key.split(':').every((id) => ids.has(Number(id))));
      return { suggestions: findDuplicates(contacts, new Set(live)), total: contacts.length, dismissed: live.length };
    },

    /** "Not the same person" (or, with `dismissed: false`, take that back). Answers how many pairs are dismissed. */
    async dismiss(a: number, b: number, dismissed: boolean): Promise<number> {
      if (a === b) throw new RequestError('invalid-request', 'A pair needs two different contacts.');
      return db.transaction('rw', db.contacts, db.settings, async () => {
        await getBoth(a, b);
        const key = pairKey(a, b);
        const pairs = (await dismissedPairs()).filter((p) => p !== key);
        if (dismissed) pairs.push(key);
        // The oldest dismissals go first when the list is full: at worst they are suggested again.
        const kept = pairs.slice(-MAX_DISMISSED);
        await db.settings.put({ key: DISMISSED_DUPLICATES_KEY, value: { pairs: kept } });
        return kept.length;
      });
    },

    /** Both contacts in full, with what each would bring into a merge. */
    async compare(a: number, b: number): Promise<MergeComparison> {
      return db.transaction('r', db.contacts, db.interactions, db.reminders, async () => {
        const [x, y] = await getBoth(a, b);
        const [cx, cy] = await Promise.all([countsOf(x), countsOf(y)]);
        return { contacts: [x, y], counts: [cx, cy] };
      });
    },

    /** Merges `mergeId` into `keepId` (which keeps its id) and answers the survivor and the undo. */
    async merge(keepId: number, mergeId: number, picks: MergePicks): Promise<MergeResult> {
      return db.transaction('rw', db.contacts, db.interactions, db.reminders, async () => {
        const [keep, merge] = await getBoth(keepId, mergeId);
        const [interactions, reminders, introduced] = await Promise.all([
          db.interactions.where('contactId').anyOf([keepId, mergeId]).toArray(),
          db.reminders.where('contactId').anyOf([keepId, mergeId]).toArray(),
          db.contacts.where('introducedBy').equals(mergeId).toArray(),
        ]);
        const at = now();
        let plan;
        try {
          plan = planMerge({ keep, merge, picks, interactions, reminders, introduced, now: at });
        } catch (error) {
          if (error instanceof MergeProblem) throw new RequestError('invalid-request', error.message);
          throw error;
        }
        // What is stored must still be a contact (a bad pick can never store a broken record).
        const contact = Contact.parse(plan.contact);
        const moved = new Set(plan.movedInteractions.map((i) => i.id));
        const before = {
          movedInteractions: interactions.filter((i) => moved.has(i.id)),
          movedReminders: reminders.filter((r) => r.contactId === mergeId),
        };
        // The merged-away contact goes first: the survivor may take its (unique) LinkedIn profile.
        await db.contacts.delete(mergeId);
        await db.interactions.bulkDelete(plan.removedInteractions.map((i) => i.id));
        await db.interactions.bulkPut(plan.movedInteractions);
        await db.reminders.bulkPut(plan.movedReminders);
        await db.contacts.bulkPut([contact, ...plan.introduced]);
        const undo: MergeUndo = {
          kind: 'merge',
          at,
          survivorUpdatedAt: contact.updatedAt,
          keep,
          merge,
          movedInteractions: before.movedInteractions,
          removedInteractions: plan.removedInteractions,
          movedReminders: before.movedReminders,
          introduced: introduced.filter((c) => c.id !== keepId).map((c) => ({ id: c.id, updatedAt: c.updatedAt })),
        };
        return { contact, undo };
      });
    },

    /**
     * Undo of a merge: both contacts come back as they were, with their ids, interactions,
     * reminders and introductions. Refused (writing nothing) when it was already undone or the
     * survivor changed since — undoing then would lose that change.
     */
    async unmerge(token: MergeUndo): Promise<number[]> {
      const { keep, merge } = token;
      if (keep.id === merge.id) throw new RequestError('invalid-request', 'Not a merge of two contacts.');
      const own = (r: { contactId?: number }) => r.contactId === merge.id;
      if (![...token.movedInteractions, ...token.removedInteractions, ...token.movedReminders].every(own)) {
        throw new RequestError('invalid-request', 'Only the merged contact’s own records can be restored.');
      }
      return db.transaction('rw', db.contacts, db.interactions, db.reminders, async () => {
        const [survivor, taken] = await db.contacts.bulkGet([keep.id, merge.id]);
        if (taken) throw new RequestError('invalid-request', `${merge.name} is already back.`);
        if (!survivor) throw new RequestError('not-found', `${keep.name} was deleted since the merge.`);
        if (survivor.updatedAt !== token.survivorUpdatedAt) {
          throw new RequestError('invalid-request', `${survivor.name} has changed since the merge; undoing it would lose that change.`);
        }
        await db.contacts.put(keep);
        await db.contacts.add(merge);
        // Moved records go back to their contact; one deleted since stays deleted, and later
        // edits to one (a reminder marked done) are kept.
        /** The rows still with the survivor, back with their own contact (the merge changed nothing else). */
        const stillMoved = <T extends { contactId?: number }>(found: (T | undefined)[]) =>
          found.filter((row): row is T => row !== undefined && row.contactId === keep.id);
        const interactions = stillMoved(await db.interactions.bulkGet(token.movedInteractions.map((i) => i.id)));
        await db.interactions.bulkPut(interactions.map((i) => ({ ...i, contactId: merge.id })));
        const sources = new Map(token.movedReminders.map((r) => [r.id, r.sourceInteractionId]));
        const reminders = stillMoved(await db.reminders.bulkGet(token.movedReminders.map((r) => r.id)));
        await db.reminders.bulkPut(
          reminders.map((r) => {
            const back = { ...r, contactId: merge.id };
            // A reminder of a removed duplicate interaction was pointed at the survivor's copy.
            const source = sources.get(r.id);
            if (source !== undefined) back.sourceInteractionId = source;
            return back;
          }),
        );
        await db.interactions.bulkPut(token.removedInteractions);
        const introduced = await db.contacts.bulkGet(token.introduced.map((c) => c.id));
        const at = now();
        const writes = token.introduced.flatMap((entry, i) => {
          const c = introduced[i];
          if (!c || c.introducedBy !== keep.id) return [];
          const untouched = c.updatedAt === Math.max(token.at, entry.updatedAt);
          return [{ ...c, introducedBy: merge.id, updatedAt: untouched ? entry.updatedAt : Math.max(at, c.updatedAt) }];
        });
        await db.contacts.bulkPut(writes);
        return [keep.id, merge.id, ...writes.map((c) => c.id)];
      });
    },
  };
}
export type MergeService = ReturnType<typeof createMergeService>;
