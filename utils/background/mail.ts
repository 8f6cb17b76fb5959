// What the webmail pages ask of the store: who of these senders are contacts, log this
// message, log (and undo) what the user just sent.
import type { SenderMatch } from '../messages/contract';
import type { Contact } from '../model/contact';
import type { Interaction } from '../model/interaction';
import type { MailMessage, MailSite } from '../model/page-context';
import type { RapportDatabase } from '../store/database';
import type { ContactService } from './contacts';
import type { InteractionService } from './interactions';
import type { SettingsService } from './settings';

/** How long after sending the toast's Undo may still remove an auto-log. */
export const UNLOG_WINDOW_MS = 10 * 60_000;

const ADDRESS = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;

/** The external id of a message, unique per contact (the log's [contactId+externalId] index). */
export const messageExternalId = (site: MailSite, messageId: string) => `${site}:${messageId}`;
// A prefix of its own: a site message id can never make one (undo must not reach a "Log this e-mail").
export const sentExternalId = (site: MailSite, sendId: string) => `${site}-sent:${sendId}`;

/** "(no subject)" rather than an empty timeline line. */
const subjectLine = (subject: string) => subject.trim().slice(0, 1_000) || '(no subject)';

const toMatch = (contact: Contact, match: SenderMatch['match'], ambiguous = false): SenderMatch => ({
  contactId: contact.id,
  name: contact.name,
  ...(contact.lastContacted !== undefined ? { lastContacted: contact.lastContacted } : {}),
  ...(contact.nextFollowUp !== undefined ? { nextFollowUp: contact.nextFollowUp } : {}),
  match,
  ...(ambiguous ? { ambiguous: true } : {}),
});

export function createMailService(deps: {
  db: RapportDatabase;
  contacts: ContactService;
  interactions: InteractionService;
  settings: SettingsService;
  now: () => number;
}) {
  const { db, contacts, interactions } = deps;

  return {
    /** Answers in request order; an address that is not a contact, or a name nobody has, is null. */
    async lookup(emails: readonly string[], names: readonly string[]) {
      const found = await contacts.lookupSenders(emails, names);
      return {
        emails: emails.map((email) => {
          const contact = found.emails.get(email.trim().toLowerCase());
          return contact ? toMatch(contact, 'email') : null;
        }),
        names: names.map((name) => {
          const candidates = found.names.get(name) ?? [];
          return candidates[0] ? toMatch(candidates[0], 'name', candidates.length > 1) : null;
        }),
      };
    },

    /** The contact a mail page's person is: by address, else (weaker) by display name. */
    async findPerson(person: { email?: string; name: string }) {
      if (person.email) {
        const contact = await contacts.findByEmail(person.email);
        if (contact) return { contact, match: 'email' as const };
        // An address the page showed but no contact has: a same-named contact is still a
        // different person as far as we know. Don't guess.
        return null;
      }
      const [first] = await contacts.findByName(person.name);
      return first ? { contact: first, match: 'name' as const } : null;
    },

    /** "Log this e-mail": once per message per contact. */
    logMessage(contactId: number, site: MailSite, message: MailMessage) {
      return interactions.log({
        contactId,
        kind: 'email',
        when: message.when ?? deps.now(),
        summary: subjectLine(message.subject),
        source: site,
        externalId: messageExternalId(site, message.id),
      });
    },

    /** Auto-log of a sent message (only when the user turned it on): one entry per known recipient. */
    async logSent(input: {
      site: MailSite;
      sendId: string;
      subject: string;
      recipients: { email: string; name?: string }[];
    }): Promise<{ interaction: Interaction; contact: Contact; created: boolean }[]> {
      if (!(await deps.settings.get()).autoLogSentMail) return [];
      const addresses = [...new Set(input.recipients.map((r) => r.email.trim().toLowerCase()).filter((e) => ADDRESS.test(e)))];
      const found = await contacts.lookupSenders(addresses, []);
      const people = [...new Map([...found.emails.values()].filter((c): c is Contact => !!c).map((c) => [c.id, c])).values()];
      const at = deps.now();
      const logged: { interaction: Interaction; contact: Contact; created: boolean }[] = [];
      for (const contact of people) {
        const { interaction, created } = await interactions.log({
          contactId: contact.id,
          kind: 'email',
          when: at,
          summary: subjectLine(input.subject),
          source: input.site,
          externalId: sentExternalId(input.site, input.sendId),
        });
        logged.push({ interaction, contact, created });
      }
      return logged;
    },

    /** Undo of an auto-log: removes what that send logged, within the undo window only. */
    async unlogSent(site: MailSite, sendId: string): Promise<Interaction[]> {
      const externalId = sentExternalId(site, sendId);
      const at = deps.now();
      const recent = await db.interactions
        .where('when')
        .between(at - UNLOG_WINDOW_MS, at + 60_000, true, true)
        .filter((i) => i.externalId === externalId && i.source === site)
        .toArray();
      const removed: Interaction[] = [];
      for (const interaction of recent) removed.push(await interactions.remove(interaction.id));
      return removed;
    },
  };
}
export type MailService = ReturnType<typeof createMailService>;
