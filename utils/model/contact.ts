import { z } from 'zod';
import { Id, Timestamp, longText, patchOf, shortText } from './common';

/** Contact types career offices use; users may add their own (any short label). */
export const BUILT_IN_CONTACT_TYPES = [
  'friend-family',
  'company-contact',
  'peer',
  'alumni',
  'recruiter',
  'mentor',
] as const;
export const ContactType = shortText(40);

/** A LinkedIn public identifier in its canonical form: decoded, lowercase. */
export const LinkedInSlug = z
  .string()
  .min(3)
  .max(100)
  .refine((s) => s === s.toLowerCase() && !/[\s/?#%]/.test(s), 'not a canonical LinkedIn profile slug');

export const Email = z.string().trim().toLowerCase().pipe(z.email());
export const Phone = z.string().trim().min(3).max(40);
export const Tag = z.string().trim().min(1).max(50);

export const HowWeMet = z.object({
  event: shortText(200).optional(),
  date: Timestamp.optional(),
  place: shortText(200).optional(),
});

/** Fields the user (or a page, on the user's click) can set. */
export const ContactFields = z.object({
  name: shortText(200),
  headline: shortText(500).optional(),
  company: shortText(200).optional(),
  title: shortText(200).optional(),
  location: shortText(200).optional(),
  emails: z.array(Email).max(20).default([]),
  phones: z.array(Phone).max(20).default([]),
  linkedinSlug: LinkedInSlug.optional(),
  linkedinUrl: z.url({ protocol: /^https$/ }).max(500).optional(),
  tags: z.array(Tag).max(100).default([]),
  type: ContactType.optional(),
  howWeMet: HowWeMet.optional(),
  introducedBy: Id.optional(),
  notes: longText(200_000).default(''),
  interests: longText(5_000).optional(),
  /** Keep-in-touch cadence in days; when absent the default for the contact type applies. */
  cadenceDays: z.number().int().min(1).max(3650).optional(),
  nextFollowUp: Timestamp.optional(),
  archivedAt: Timestamp.optional(),
});

export const Contact = ContactFields.extend({
  id: Id,
  /** Normalised company name ("Acme, Inc." → "acme"), derived on every write; indexed. */
  companyKey: z.string().optional(),
  /** Normalised name ("LOVELACE, Àda" → "lovelace ada"), derived on every write; indexed. */
  nameKey: z.string().optional(),
  /** Derived from the interaction log on every interaction write. */
  lastContacted: Timestamp.optional(),
  /**
   * When the contact came in from a file (a LinkedIn or address-book import), not met through
   * Rapport: the weekly review and goals count it as new only at its file's meeting date.
   */
  importedAt: Timestamp.optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Contact = z.infer<typeof Contact>;

/** What a caller sends to create a contact. */
export const ContactDraft = ContactFields;
export type ContactDraft = z.input<typeof ContactDraft>;

/**
 * A change to some fields. Built without the defaults of ContactFields: a patch that names
 * only the headline must not parse into one that also resets notes, tags or e-mails.
 */
export const ContactPatch = patchOf(ContactFields);
export type ContactPatch = z.infer<typeof ContactPatch>;

/** One line of the sidebar's "people you know here". */
export const ContactSummary = Contact.pick({ id: true, name: true, headline: true, title: true, company: true });
export type ContactSummary = z.infer<typeof ContactSummary>;
