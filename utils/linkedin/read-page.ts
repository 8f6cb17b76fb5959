// From a LinkedIn URL and document to the page context the worker stores for the tab.
import type { LinkedInCompanyContext, LinkedInProfileContext } from '../model/page-context';

type LinkedInContext = LinkedInProfileContext | LinkedInCompanyContext;
import { readCompanyIdentity } from './company-identity';
import type { LinkedInPage } from './page-url';
import { readProfileIdentity, revealedSlug, type ProfileIdentity } from './profile-identity';
import { canonicalProfileUrl } from './profile-url';

export interface PageReading {
  /** null: the page is about nobody Rapport should capture (not found, sign-in wall, own profile). */
  context: LinkedInContext | null;
  confirmed: boolean;
  /** For the debug log: which layers found nothing. */
  notes: string[];
}

function profileContext(slug: string, identity: ProfileIdentity): LinkedInProfileContext {
  const { sources, missing, name, headline, company, title, location } = identity;
  return {
    kind: 'linkedin-profile',
    url: canonicalProfileUrl(slug),
    slug,
    ready: true,
    name,
    ...(headline ? { headline } : {}),
    ...(company ? { company } : {}),
    ...(title ? { title } : {}),
    ...(location ? { location } : {}),
    sources,
    missing,
  };
}

/** The context while the single-page app has not yet shown the new page's subject. */
export function pendingContext(page: LinkedInPage): LinkedInContext | null {
  if (page.type === 'profile') return { kind: 'linkedin-profile', url: page.url, slug: page.slug, ready: false, sources: {}, missing: [] };
  if (page.type === 'company') return { kind: 'linkedin-company', url: page.url, slug: page.slug, ready: false, sources: {}, missing: [] };
  return null;
}

export function readLinkedInPage(doc: Document, page: LinkedInPage, options: { staleTitle?: string } = {}): PageReading {
  if (page.type === 'company') {
    const identity = readCompanyIdentity(doc, page.slug, options);
    const context: LinkedInCompanyContext = {
      kind: 'linkedin-company',
      url: page.url,
      slug: page.slug,
      ready: true,
      ...(identity.name ? { name: identity.name } : {}),
      sources: identity.sources,
      missing: identity.missing,
    };
    return { context, confirmed: identity.confirmed, notes: identity.confirmed ? [] : ['company: no title or structured data yet'] };
  }
  const slug = page.type === 'profile' ? page.slug : revealedSlug(doc);
  if (!slug) return { context: null, confirmed: false, notes: ['member id: the page does not reveal the public profile'] };
  const identity = readProfileIdentity(doc, slug, options);
  return {
    context: identity.special ? null : profileContext(slug, identity),
    confirmed: identity.confirmed,
    notes: identity.special ? [`special page: ${identity.special}`] : identity.layerNotes,
  };
}
