// What the Duplicates section says: why two contacts look alike, and each merge field's label
// and value as text. Pure (no DOM), so it is tested without a browser.
import type { Contact } from '../../utils/model/contact';
import type { DuplicateReason, MergeField } from '../../utils/model/duplicates';
import { formatDate, typeLabel } from '../card/labels';

const LIKENESS_TEXT = {
  same: 'Same name',
  order: 'Same name, written the other way round',
  middle: 'Same name but for a middle name',
  initial: 'Same name, one with an initial',
  nickname: 'Same name, one a nickname',
  typo: 'Names a letter apart',
} as const;

/** "Same e-mail: ada@example.com", "Same name at Acme". */
export function reasonText(reason: DuplicateReason): string {
  switch (reason.kind) {
    case 'email':
      return `Same e-mail: ${reason.email}`;
    case 'linkedin':
      return `Same LinkedIn profile: linkedin.com/in/${reason.slug}`;
    case 'name':
      return reason.company ? `${LIKENESS_TEXT[reason.likeness]} at ${reason.company}` : `${LIKENESS_TEXT[reason.likeness]}, no company to tell them apart`;
  }
}

export const FIELD_LABELS: Record<MergeField, string> = {
  name: 'Name',
  headline: 'Headline',
  company: 'Company',
  title: 'Title',
  location: 'Location',
  emails: 'E-mail',
  phones: 'Phone',
  linkedin: 'LinkedIn',
  type: 'Type',
  cadenceDays: 'Keep in touch',
  howWeMet: 'How we met',
  introducedBy: 'Introduced by',
  nextFollowUp: 'Next follow-up',
  interests: 'Interests',
  archived: 'Archived',
};

/** A field's value on a contact as text; null when it has none. `names` resolves introducers. */
export function fieldText(contact: Contact, field: MergeField, names: ReadonlyMap<number, string> = new Map()): string | null {
  switch (field) {
    case 'emails':
    case 'phones':
      return contact[field]?.length ? contact[field].join(', ') : null;
    case 'linkedin':
      return contact.linkedinSlug ? `linkedin.com/in/${contact.linkedinSlug}` : (contact.linkedinUrl ?? null);
    case 'type':
      return contact.type ? typeLabel(contact.type) : null;
    case 'cadenceDays':
      return contact.cadenceDays ? `Every ${contact.cadenceDays} day${contact.cadenceDays === 1 ? '' : 's'}` : null;
    case 'howWeMet': {
      const how = contact.howWeMet;
      if (!how) return null;
      const parts = [how.event, how.place, how.date !== undefined ? formatDate(how.date) : undefined].filter(Boolean);
      return parts.length ? parts.join(' · ') : null;
    }
    case 'introducedBy':
      return contact.introducedBy !== undefined ? (names.get(contact.introducedBy) ?? `Contact #${contact.introducedBy}`) : null;
    case 'nextFollowUp':
      return contact.nextFollowUp !== undefined ? formatDate(contact.nextFollowUp) : null;
    case 'archived':
      return contact.archivedAt !== undefined ? `Archived ${formatDate(contact.archivedAt)}` : 'Active';
    default:
      return contact[field] || null;
  }
}
