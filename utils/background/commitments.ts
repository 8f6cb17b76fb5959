import type { Reminder } from '../model/reminder';
import type { RapportDatabase } from '../store/database';
import { RequestError } from './request-error';

/** Promises made to a contact ("send her the article"): reminders with reason `commitment`. */
export function createCommitmentService(db: RapportDatabase, now: () => number) {
  return {
    async forContact(contactId: number): Promise<Reminder[]> {
      const rows = await db.reminders.where('contactId').equals(contactId).filter((r) => r.reason === 'commitment').toArray();
      return rows.sort((a, b) => Number(a.status === 'done') - Number(b.status === 'done') || a.due - b.due);
    },

    async add(contactId: number, text: string, due: number): Promise<Reminder> {
      return db.transaction('rw', db.reminders, db.contacts, async () => {
        if (!(await db.contacts.get(contactId))) throw new RequestError('not-found', `There is no contact #${contactId}.`);
        const at = now();
        const record = { contactId, due, reason: 'commitment', text, status: 'open', createdAt: at, updatedAt: at } as const;
        const id = await db.reminders.add(record as Reminder);
        return { ...record, id };
      });
    },

    async setDone(id: number, done: boolean): Promise<Reminder> {
      return db.transaction('rw', db.reminders, async () => {
        const reminder = await db.reminders.get(id);
        if (reminder?.reason !== 'commitment') throw new RequestError('not-found', `There is no commitment #${id}.`);
        const at = now();
        const updated: Reminder = { ...reminder, status: done ? 'done' : 'open', updatedAt: at };
        if (done) updated.completedAt = at;
        else delete updated.completedAt;
        await db.reminders.put(updated);
        return updated;
      });
    },

    async remove(id: number): Promise<Reminder> {
      return db.transaction('rw', db.reminders, async () => {
        const reminder = await db.reminders.get(id);
        if (reminder?.reason !== 'commitment') throw new RequestError('not-found', `There is no commitment #${id}.`);
        await db.reminders.delete(id);
        return reminder;
      });
    },
  };
}
export type CommitmentService = ReturnType<typeof createCommitmentService>;
