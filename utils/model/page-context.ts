import { z } from 'zod';
import { LinkedInSlug } from './contact';

/** Which signal produced a field read from a page, most stable first. */
export const FieldSource = z.enum(['url', 'title', 'json-ld', 'embedded-data', 'dom-hook', 'dom-class']);
export type FieldSource = z.infer<typeof FieldSource>;

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
  name: z.string().trim().min(1).max(200).optional(),
  headline: z.string().trim().min(1).max(500).optional(),
  sources: z.record(z.string(), FieldSource).default({}),
  /** Fields the page did not yield, for a quiet note in the sidebar. */
  missing: z.array(z.string().max(40)).max(20).default([]),
});
export type LinkedInProfileContext = z.infer<typeof LinkedInProfileContext>;

export const PageContext = z.discriminatedUnion('kind', [LinkedInProfileContext]);
export type PageContext = z.infer<typeof PageContext>;
