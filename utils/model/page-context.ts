import { z } from 'zod';
import { LinkedInSlug } from './contact';

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

export const PageContext = z.discriminatedUnion('kind', [LinkedInProfileContext, LinkedInCompanyContext]);
export type PageContext = z.infer<typeof PageContext>;
