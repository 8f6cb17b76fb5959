import { companyKey } from '../company-name';
import { Contact, ContactDraft } from '../model/contact';
import type { RapportDatabase } from '../store/database';
import { RequestError } from './request-error';

const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** Contact operations; the worker is the only writer. */
export function createContactService(db: RapportDatabase, now: () => number) {
  return {
    get(id: number): Promise<Contact | undefined> {
      return db.contacts.get(id);
    },

    findBySlug(slug: string): Promise<Contact | undefined> {
      return db.contacts.where('linkedinSlug').equals(slug).first();
    },

    /** Creates the contact; a LinkedIn profile that is already in the store is returned instead. */
    async create(draft: ContactDraft): Promise<{ contact: Contact; created: boolean }> {
      const fields = ContactDraft.parse(draft);
      return db.transaction('rw', db.contacts, async () => {
        if (fields.linkedinSlug) {
          const existing = await db.contacts.where('linkedinSlug').equals(fields.linkedinSlug).first();
          if (existing) return { contact: existing, created: false };
        }
        const at = now();
        const record: Omit<Contact, 'id'> = {
          ...fields,
          emails: unique(fields.emails),
          phones: unique(fields.phones),
          tags: unique(fields.tags),
          companyKey: companyKey(fields.company),
          createdAt: at,
          updatedAt: at,
        };
        const id = await db.contacts.add(record as Contact);
        return { contact: Contact.parse({ ...record, id }), created: true };
      });
    },

    async setNotes(id: number, notes: string): Promise<Contact> {
      return db.transaction('rw', db.contacts, async () => {
        const contact = await db.contacts.get(id);
        if (!contact) throw new RequestError('not-found', `There is no contact #${id}.`);
        const updated = { ...contact, notes, updatedAt: Math.max(now(), contact.updatedAt) };
        await db.contacts.put(updated);
        return updated;
      });
    },
  };
}
export type ContactService = ReturnType<typeof createContactService>;
