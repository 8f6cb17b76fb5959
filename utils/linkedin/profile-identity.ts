// Who a LinkedIn profile page is about, read in layers from the most stable signal to the least.
// Pure DOM reading: no browser APIs, so it is tested on fixture documents.
import type { FieldSource } from '../model/page-context';
import { nameFromSlug, parseProfileUrl } from './profile-url';
import { parseProfileTitle, titleKey, type SpecialPage } from './profile-title';

export interface ProfileIdentity {
  name: string;
  headline?: string;
  sources: Partial<Record<'name' | 'headline', FieldSource>>;
  /** Fields no layer yielded. */
  missing: ('name' | 'headline')[];
  /** True when the name comes from markup that is provably about this slug (not stale). */
  confirmed: boolean;
  special?: SpecialPage;
}

export interface ReadOptions {
  /**
   * After in-app navigation the title and the unanchored heading may still show the previous
   * person until the app swaps them: a title equal to this one is not trusted, nor is any
   * heading that does not link to the new slug.
   */
  staleTitle?: string;
}

const clean = (text: string | null | undefined) => text?.replace(/\s+/g, ' ').trim() || undefined;

/** An h1 inside a link to this very profile (2025+: `a[href="/in/<slug>/overlay/about-this-profile/"] h1`). */
function anchoredHeading(doc: Document, slug: string): string | undefined {
  for (const link of doc.querySelectorAll<HTMLAnchorElement>('a[href*="/in/"]')) {
    const heading = link.querySelector('h1');
    if (!heading) continue;
    const href = link.getAttribute('href') ?? '';
    let target;
    try {
      target = parseProfileUrl(new URL(href, 'https://www.linkedin.com/'));
    } catch {
      continue;
    }
    if (target?.slug === slug) return clean(heading.textContent);
  }
  return undefined;
}

/** 2024 markup, seen on profiles until early 2025: `div.text-body-medium` under the name. */
function classHeadline(doc: Document): string | undefined {
  return clean(doc.querySelector('main div.text-body-medium')?.textContent);
}

export function readProfileIdentity(doc: Document, slug: string, options: ReadOptions = {}): ProfileIdentity {
  const sources: ProfileIdentity['sources'] = {};
  const afterNavigation = options.staleTitle !== undefined;
  // Compared without the notification count: it can change before the app swaps the person in.
  const staleTitle = options.staleTitle !== undefined && titleKey(doc.title) === titleKey(options.staleTitle);
  const title = staleTitle ? {} : parseProfileTitle(doc.title);
  if (title.special) {
    return { name: nameFromSlug(slug), sources: { name: 'url' }, missing: ['headline'], confirmed: true, special: title.special };
  }

  let name = anchoredHeading(doc, slug);
  let confirmed = Boolean(name);
  if (name) sources.name = 'dom-hook';
  else if (title.name) {
    name = title.name;
    sources.name = 'title';
    confirmed = true;
  } else if (!afterNavigation) {
    // Structural fallback, only on a fresh page load where no earlier person can linger.
    name = clean(doc.querySelector('main h1')?.textContent);
    if (name) sources.name = 'dom-class';
  }
  if (!name) {
    name = nameFromSlug(slug);
    sources.name = 'url';
  }

  let headline = title.headline;
  if (headline) sources.headline = 'title';
  else if (confirmed || !afterNavigation) {
    headline = classHeadline(doc);
    if (headline) sources.headline = 'dom-class';
  }

  const missing: ProfileIdentity['missing'] = [];
  if (sources.name === 'url') missing.push('name');
  if (!headline) missing.push('headline');
  return { name, ...(headline ? { headline } : {}), sources, missing, confirmed };
}
