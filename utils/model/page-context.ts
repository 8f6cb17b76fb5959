import { z } from 'zod';
import { Email, LinkedInSlug } from './contact';

/** Which signal produced a field read from a page, most stable first. */
export const FieldSource = z.enum(['url', 'title', 'json-ld', 'embedded-data', 'dom-hook', 'dom-class']);
export type FieldSource = z.infer<typeof FieldSource>;

const pageText = (max: number) => z.string().trim().min(1).max(max);

/**
 * What a content script worked out about the page in a tab. Page-derived text is bounded:
 * a hostile page must not be able to flood the worker's session storage.
 */
export const LinkedInProfileContext = z.object({
  kind: z.literal('linkedin-profile'),
  url: z.url().max(2_000),
  slug: LinkedInSlug,
  /** False while the single-page app is still swapping in the new person's markup. */
  ready: z.boolean(),
  name: pageText(200).optional(),
  headline: pageText(500).optional(),
  company: pageText(200).optional(),
  title: pageText(200).optional(),
  location: pageText(200).optional(),
  sources: z.record(z.string().max(40), FieldSource).default({}),
  /** Fields the page did not yield, for a quiet note in the sidebar. */
  missing: z.array(z.string().max(40)).max(20).default([]),
});
export type LinkedInProfileContext = z.infer<typeof LinkedInProfileContext>;

export const LinkedInCompanyContext = z.object({
  kind: z.literal('linkedin-company'),
  url: z.url().max(2_000),
  slug: z.string().min(1).max(150),
  ready: z.boolean(),
  name: pageText(200).optional(),
  sources: z.record(z.string().max(40), FieldSource).default({}),
  missing: z.array(z.string().max(40)).max(20).default([]),
});
export type LinkedInCompanyContext = z.infer<typeof LinkedInCompanyContext>;

export const MailSite = z.enum(['gmail', 'outlook']);
export type MailSite = z.infer<typeof MailSite>;

/** A message as a mail page shows it: what "Log this e-mail" records. */
export const MailMessage = z.object({
  /** The site's message id. */
  id: pageText(300),
  subject: z.string().trim().max(1_000),
  /** When the page gave a date that parsed; else the sidebar says so and logs "now". */
  when: z.number().int().min(0).max(8.64e15).optional(),
  /** Sent by the user rather than received. */
  fromMe: z.boolean(),
});
export type MailMessage = z.infer<typeof MailMessage>;

/** A person named in a webmail page (a sender or participant the user clicked, or an opened message's sender). */
export const MailPersonContext = z.object({
  kind: z.literal('mail-person'),
  site: MailSite,
  url: z.url().max(2_000),
  /** Mail pages name people at once: there is nothing to wait for. */
  ready: z.literal(true),
  name: pageText(200),
  /** Absent when the page shows a display name only (matched by name, a weaker match). */
  email: Email.optional(),
  /** The message the person was picked from, when it was an open one. */
  message: MailMessage.optional(),
});
export type MailPersonContext = z.infer<typeof MailPersonContext>;

export const PageContext = z.discriminatedUnion('kind', [LinkedInProfileContext, LinkedInCompanyContext, MailPersonContext]);
export type PageContext = z.infer<typeof PageContext>;
