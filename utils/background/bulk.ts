// Bulk actions from the manager's selection: one Dexie transaction per action (all or nothing),
// and an undo token that says exactly how to put things back.
import type { BulkAction, BulkResult, DeleteUndo, FieldUndo, UpdateGroup } from '../model/bulk';
import type { Contact } from '../model/contact';
import type { Interaction } from '../model/interaction';
import type { RapportDatabase } from '../store/database';
import { RequestError } from './request-error';

export const UPDATE_PREFIX = 'update:';

const fold = (tag: string) => tag.toLocaleLowerCase();

function randomId(): string {
  const bytes = new Uint8Array(12);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => (b % 36).toString(36)).join('');
}

const SAME = Symbol('same');

type Field = 'tags' | 'type' | 'cadenceDays' | 'archivedAt';

export function createBulkService(db: RapportDatabase, now: () => number) {
  /** Every contact, or not-found naming the first missing id (nothing is written then). */
  async function getAll(ids: readonly number[]): Promise<Contact[]> {
    const found = await db.contacts.bulkGet([...ids]);
    const missing = ids.find((_, i) => !found[i]);
    if (missing !== undefined) throw new RequestError('not-found', `There is no contact #${missing}.`);
    return found as Contact[];
  }

  /** Sets one field on every contact whose value `next` changes; answers the previous values. */
  async function setField<V>(
    ids: readonly number[],
    field: Field,
    next: (contact: Contact) => V | undefined | typeof SAME,
  ) {
    const at = now();
    const contacts = await getAll(ids);
    const before: { id: number; value: V | null; updatedAt: number }[] = [];
    const writes: Contact[] = [];
    for (const contact of contacts) {
      const value = next(contact);
      if (value === SAME) continue;
      before.push({ id: contact.id, value: ((contact as Record<string, unknown>)[field] ?? null) as V | null, updatedAt: contact.updatedAt });
      const updated = { ...contact, updatedAt: Math.max(at, contact.updatedAt) } as Record<string, unknown>;
      if (value === undefined) delete updated[field];
      else updated[field] = value;
      writes.push(updated as Contact);
    }
    if (writes.length) await db.contacts.bulkPut(writes);
    return { at, before };
  }

  async function bulk(ids: readonly number[], action: BulkAction): Promise<BulkResult> {
    const unique = [...new Set(ids)];
    return db.transaction('rw', db.contacts, db.interactions, db.reminders, async () => {
      switch (action.kind) {
        case 'add-tag': {
          const { at, before } = await setField<string[]>(unique, 'tags', (c) => {
            const tags = c.tags ?? [];
            if (tags.some((t) => fold(t) === fold(action.tag))) return SAME;
            if (tags.length >= 100) throw new RequestError('invalid-request', `${c.name} already has 100 tags.`);
            return [...tags, action.tag];
          });
          return { affected: before.length, undo: { kind: 'tags', at, before: before.map((b) => ({ ...b, value: b.value ?? [] })) } };
        }
        case 'remove-tag': {
          const { at, before } = await setField<string[]>(unique, 'tags', (c) => {
            const tags = c.tags ?? [];
            const kept = tags.filter((t) => fold(t) !== fold(action.tag));
            return kept.length === tags.length ? SAME : kept;
          });
          return { affected: before.length, undo: { kind: 'tags', at, before: before.map((b) => ({ ...b, value: b.value ?? [] })) } };
        }
        case 'set-type': {
          const { at, before } = await setField<string>(unique, 'type', (c) =>
            (c.type ?? null) === action.type ? SAME : (action.type ?? undefined),
          );
          return { affected: before.length, undo: { kind: 'type', at, before } };
        }
        case 'set-cadence': {
          const { at, before } = await setField<number>(unique, 'cadenceDays', (c) =>
            (c.cadenceDays ?? null) === action.days ? SAME : (action.days ?? undefined),
          );
          return { affected: before.length, undo: { kind: 'cadence', at, before } };
        }
        case 'archive': {
          const stamp = now();
          const { at, before } = await setField<number>(unique, 'archivedAt', (c) =>
            (c.archivedAt !== undefined) === action.archived ? SAME : action.archived ? stamp : undefined,
          );
          return { affected: before.length, undo: { kind: 'archive', at, before } };
        }
        case 'delete': {
          const contacts = await getAll(unique);
          const [interactions, reminders] = await Promise.all([
            db.interactions.where('contactId').anyOf(unique).toArray(),
            db.reminders.where('contactId').anyOf(unique).toArray(),
          ]);
          await db.interactions.bulkDelete(interactions.map((i) => i.id));
          await db.reminders.bulkDelete(reminders.map((r) => r.id));
          await db.contacts.bulkDelete(unique);
          return { affected: contacts.length, undo: { kind: 'delete', contacts, interactions, reminders } };
        }
        case 'log-update': {
          const contacts = await getAll(unique);
          const at = now();
          const externalId = `${UPDATE_PREFIX}${randomId()}`;
          const records = contacts.map(
            (c) =>
              ({
                contactId: c.id,
                kind: 'other',
                when: action.when,
                summary: action.summary,
                source: 'manual',
                externalId,
                createdAt: at,
                updatedAt: at,
              }) as Omit<Interaction, 'id'>,
          );
          await db.interactions.bulkAdd(records as Interaction[]);
          // `lastContacted` is the newest interaction's date: a new one can only move it forward.
          const moved = contacts.filter((c) => c.lastContacted === undefined || c.lastContacted < action.when);
          if (moved.length) {
            await db.contacts.bulkPut(moved.map((c) => ({ ...c, lastContacted: action.when, updatedAt: Math.max(at, c.updatedAt) })));
          }
          const before = moved.map((c) => ({ id: c.id, value: c.lastContacted ?? null, updatedAt: c.updatedAt }));
          return { affected: contacts.length, undo: { kind: 'log-update', externalId, at, before } };
        }
      }
    });
  }

  /** Undo of a field action (or of a "log an update"): answers the contacts it touched. */
  async function bulkRestore(token: FieldUndo): Promise<number[]> {
    return db.transaction('rw', db.contacts, db.interactions, db.reminders, async () => {
      if (token.kind === 'log-update') {
        const logged = await db.interactions.filter((i) => i.externalId === token.externalId).toArray();
        const ids = [...new Set(logged.map((i) => i.contactId))];
        await db.interactions.bulkDelete(logged.map((i) => i.id));
        const contacts = (await db.contacts.bulkGet(ids)).filter((c): c is Contact => c !== undefined);
        const previous = new Map(token.before.map((b) => [b.id, b]));
        const at = now();
        const writes: Contact[] = [];
        for (const contact of contacts) {
          // Recomputed from the log (other interactions may have been logged since).
          const latest = await db.interactions.where('[contactId+when]').between([contact.id, -Infinity], [contact.id, Infinity]).last();
          if (latest?.when === contact.lastContacted) continue;
          const entry = previous.get(contact.id);
          const untouched = entry !== undefined && (entry.value ?? undefined) === latest?.when && contact.updatedAt === Math.max(token.at, entry.updatedAt);
          const updated = { ...contact, updatedAt: untouched ? entry.updatedAt : Math.max(at, contact.updatedAt) };
          if (latest) updated.lastContacted = latest.when;
          else delete updated.lastContacted;
          writes.push(updated);
        }
        if (writes.length) await db.contacts.bulkPut(writes);
        return ids;
      }
      const field: Field =
        token.kind === 'tags' ? 'tags' : token.kind === 'type' ? 'type' : token.kind === 'cadence' ? 'cadenceDays' : 'archivedAt';
      const ids = token.before.map((b) => b.id);
      // Contacts deleted since are skipped: there is nothing left to restore a field on.
      const contacts = await db.contacts.bulkGet(ids);
      const at = now();
      const writes: Contact[] = [];
      token.before.forEach((entry, i) => {
        const contact = contacts[i];
        if (!contact) return;
        const updated = { ...contact } as Record<string, unknown>;
        if (entry.value === null) delete updated[field];
        else updated[field] = entry.value;
        // Not changed since the action: its old updatedAt comes back too.
        updated.updatedAt = contact.updatedAt === Math.max(token.at, entry.updatedAt) ? entry.updatedAt : Math.max(at, contact.updatedAt);
        writes.push(updated as Contact);
      });
      if (writes.length) await db.contacts.bulkPut(writes);
      return writes.map((c) => c.id);
    });
  }

  /** Undo of a bulk delete: the contacts come back with their ids, interactions and reminders. */
  async function restore(token: DeleteUndo): Promise<number[]> {
    return db.transaction('rw', db.contacts, db.interactions, db.reminders, async () => {
      const ids = token.contacts.map((c) => c.id);
      const taken = (await db.contacts.bulkGet(ids)).find((c) => c !== undefined);
      if (taken) throw new RequestError('invalid-request', `Contact #${taken.id} exists.`);
      const wanted = new Set(ids);
      if (token.interactions.some((i) => !wanted.has(i.contactId)) || token.reminders.some((r) => r.contactId === undefined || !wanted.has(r.contactId))) {
        throw new RequestError('invalid-request', 'Only the deleted contacts’ own records can be restored.');
      }
      await db.contacts.bulkAdd(token.contacts);
      await db.interactions.bulkAdd(token.interactions);
      await db.reminders.bulkAdd(token.reminders);
      return ids;
    });
  }

  /** The recent "log an update" sends, newest first: what was said, when, and to whom. */
  async function updates(limit: number): Promise<UpdateGroup[]> {
    const logged = await db.interactions.filter((i) => i.externalId?.startsWith(UPDATE_PREFIX) === true).toArray();
    const groups = new Map<string, { summary: string; when: number; createdAt: number; ids: number[] }>();
    for (const i of logged) {
      const group = groups.get(i.externalId!);
      if (group) group.ids.push(i.contactId);
      else groups.set(i.externalId!, { summary: i.summary, when: i.when, createdAt: i.createdAt, ids: [i.contactId] });
    }
    const recent = [...groups].sort(([, a], [, b]) => b.when - a.when || b.createdAt - a.createdAt).slice(0, limit);
    const ids = [...new Set(recent.flatMap(([, g]) => g.ids))];
    const contacts = await db.contacts.bulkGet(ids);
    const names = new Map(contacts.filter((c): c is Contact => c !== undefined).map((c) => [c.id, c.name]));
    return recent.map(([externalId, g]) => ({
      externalId,
      summary: g.summary,
      when: g.when,
      contacts: g.ids
        .filter((id) => names.has(id))
        .map((id) => ({ id, name: names.get(id)! }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }));
  }

  return { bulk, bulkRestore, restore, updates };
}
export type BulkService = ReturnType<typeof createBulkService>;
