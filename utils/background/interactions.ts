import { applyPatch, patchOf } from '../model/common';
import { Interaction, InteractionKind, InteractionSource } from '../model/interaction';
import type { RapportDatabase } from '../store/database';
import { RequestError } from './request-error';
import { z } from 'zod';

export const InteractionInput = z.object({
  contactId: z.number().int().positive(),
  kind: InteractionKind,
  when: z.number().int().min(0).max(8.64e15),
  summary: z.string().max(1_000).default(''),
  details: z.string().max(50_000).optional(),
  debrief: Interaction.shape.debrief,
  source: InteractionSource.default('manual'),
  externalId: z.string().trim().min(1).max(300).optional(),
});
export type InteractionInput = z.input<typeof InteractionInput>;

// Without defaults: a change naming only the debrief must not reset the summary.
export const InteractionChange = patchOf(InteractionInput.omit({ contactId: true, source: true, externalId: true }));

/**
 * The interaction log. Every write recomputes the contact's `lastContacted` from the log, so
 * the derived value can never drift from what the log says.
 */
export function createInteractionService(db: RapportDatabase, now: () => number) {
  async function refreshLastContacted(contactId: number) {
    const latest = await db.interactions.where('[contactId+when]').between([contactId, -Infinity], [contactId, Infinity]).last();
    const contact = await db.contacts.get(contactId);
    if (!contact) return;
    const lastContacted = latest?.when;
    if (contact.lastContacted === lastContacted) return;
    const updated = { ...contact, updatedAt: Math.max(now(), contact.updatedAt) };
    if (lastContacted === undefined) delete updated.lastContacted;
    else updated.lastContacted = lastContacted;
    await db.contacts.put(updated);
  }

  return {
    forContact(contactId: number): Promise<Interaction[]> {
      return db.interactions.where('[contactId+when]').between([contactId, -Infinity], [contactId, Infinity]).reverse().toArray();
    },

    /** Logs an interaction; the same external item (a mail id) is logged once per contact. */
    async log(input: InteractionInput): Promise<{ interaction: Interaction; created: boolean }> {
      const fields = InteractionInput.parse(input);
      return db.transaction('rw', db.interactions, db.contacts, async () => {
        if (!(await db.contacts.get(fields.contactId))) throw new RequestError('not-found', `There is no contact #${fields.contactId}.`);
        if (fields.externalId) {
          const existing = await db.interactions.where('[contactId+externalId]').equals([fields.contactId, fields.externalId]).first();
          if (existing) return { interaction: existing, created: false };
        }
        const at = now();
        const record = { ...fields, createdAt: at, updatedAt: at };
        for (const key of Object.keys(record) as (keyof typeof record)[]) if (record[key] === undefined) delete record[key];
        const id = await db.interactions.add(record as Interaction);
        await refreshLastContacted(fields.contactId);
        return { interaction: { ...record, id } as Interaction, created: true };
      });
    },

    async update(id: number, change: z.input<typeof InteractionChange>): Promise<Interaction> {
      const fields = InteractionChange.parse(change);
      return db.transaction('rw', db.interactions, db.contacts, async () => {
        const existing = await db.interactions.get(id);
        if (!existing) throw new RequestError('not-found', `There is no interaction #${id}.`);
        const updated = Interaction.parse(applyPatch({ ...existing, updatedAt: Math.max(now(), existing.updatedAt) }, fields));
        await db.interactions.put(updated);
        await refreshLastContacted(existing.contactId);
        return updated;
      });
    },

    /** Deletes and returns the interaction, so the caller can offer undo. */
    async remove(id: number): Promise<Interaction> {
      return db.transaction('rw', db.interactions, db.contacts, async () => {
        const existing = await db.interactions.get(id);
        if (!existing) throw new RequestError('not-found', `There is no interaction #${id}.`);
        await db.interactions.delete(id);
        await refreshLastContacted(existing.contactId);
        return existing;
      });
    },

    /** Undo of `remove`: puts the interaction back with its id. */
    async restore(interaction: Interaction): Promise<Interaction> {
      return db.transaction('rw', db.interactions, db.contacts, async () => {
        if (!(await db.contacts.get(interaction.contactId))) {
          throw new RequestError('not-found', `There is no contact #${interaction.contactId}.`);
        }
        if (await db.interactions.get(interaction.id)) throw new RequestError('invalid-request', 'That interaction exists.');
        await db.interactions.add(interaction);
        await refreshLastContacted(interaction.contactId);
        return interaction;
      });
    },
  };
}
export type InteractionService = ReturnType<typeof createInteractionService>;
