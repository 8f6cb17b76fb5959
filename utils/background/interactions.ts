import { applyPatch, patchOf } from '../model/common';
import { Interaction, InteractionKind, InteractionSource } from '../model/interaction';
import type { RapportDatabase } from '../store/database';
import { RequestError } from './request-error';
import { remindersForInteraction, stampDraft } from '../ticklers';
import type { Reminder } from '../model/reminder';
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

  /**
   * The networking rules (a thank-you note after an informational interview, thanks to whoever
   * introduced you): stores the reminders the interaction calls for. Idempotent (the rules
   * never produce a reason twice for one interaction), so it runs after every log and update.
   */
  async function applyRules(interaction: Interaction): Promise<Reminder[]> {
    const contact = await db.contacts.get(interaction.contactId);
    const introducer = contact?.introducedBy !== undefined ? await db.contacts.get(contact.introducedBy) : undefined;
    const existing = await db.reminders.where('sourceInteractionId').equals(interaction.id).toArray();
    const at = now();
    const drafts = remindersForInteraction({ interaction, contact, introducer, existing, now: at });
    const added: Reminder[] = [];
    for (const draft of drafts) {
      const row = stampDraft(draft, at);
      const id = await db.reminders.add(row as Reminder);
      added.push({ ...row, id });
    }
    return added;
  }

  /** Reminders an interaction produced that are still pending: gone with the interaction. */
  async function removePendingRules(interactionId: number) {
    await db.reminders
      .where('sourceInteractionId')
      .equals(interactionId)
      .filter((r) => r.status === 'open' || r.status === 'snoozed')
      .delete();
  }

  return {
    forContact(contactId: number): Promise<Interaction[]> {
      return db.interactions.where('[contactId+when]').between([contactId, -Infinity], [contactId, Infinity]).reverse().toArray();
    },

    /** Logs an interaction; the same external item (a mail id) is logged once per contact. */
    async log(input: InteractionInput): Promise<{ interaction: Interaction; created: boolean }> {
      const fields = InteractionInput.parse(input);
      return db.transaction('rw', db.interactions, db.contacts, db.reminders, async () => {
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
        const interaction = { ...record, id } as Interaction;
        await applyRules(interaction);
        return { interaction, created: true };
      });
    },

    async update(id: number, change: z.input<typeof InteractionChange>): Promise<Interaction> {
      const fields = InteractionChange.parse(change);
      return db.transaction('rw', db.interactions, db.contacts, db.reminders, async () => {
        const existing = await db.interactions.get(id);
        if (!existing) throw new RequestError('not-found', `There is no interaction #${id}.`);
        const updated = Interaction.parse(applyPatch({ ...existing, updatedAt: Math.max(now(), existing.updatedAt) }, fields));
        await db.interactions.put(updated);
        await refreshLastContacted(existing.contactId);
        // Changed into an informational interview, say: the rules may now call for a reminder.
        await applyRules(updated);
        return updated;
      });
    },

    /**
     * Deletes and returns the interaction, so the caller can offer undo. The reminders it
     * produced go with it unless the user already acted on them (done or dismissed stay).
     */
    async remove(id: number): Promise<Interaction> {
      return db.transaction('rw', db.interactions, db.contacts, db.reminders, async () => {
        const existing = await db.interactions.get(id);
        if (!existing) throw new RequestError('not-found', `There is no interaction #${id}.`);
        await db.interactions.delete(id);
        await removePendingRules(id);
        await refreshLastContacted(existing.contactId);
        return existing;
      });
    },

    /** Undo of `remove`: puts the interaction back with its id (and the reminders it calls for). */
    async restore(interaction: Interaction): Promise<Interaction> {
      return db.transaction('rw', db.interactions, db.contacts, db.reminders, async () => {
        if (!(await db.contacts.get(interaction.contactId))) {
          throw new RequestError('not-found', `There is no contact #${interaction.contactId}.`);
        }
        if (await db.interactions.get(interaction.id)) throw new RequestError('invalid-request', 'That interaction exists.');
        await db.interactions.add(interaction);
        await refreshLastContacted(interaction.contactId);
        await applyRules(interaction);
        return interaction;
      });
    },
  };
}
export type InteractionService = ReturnType<typeof createInteractionService>;
