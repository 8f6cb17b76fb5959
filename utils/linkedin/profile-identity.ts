// Who a LinkedIn profile page is about, read in layers from the most stable signal to the
// least: URL and <title>; JSON-LD; embedded profile data; data-view-name/aria/href hooks;
// class selectors last. Each field says which layer produced it. Pure DOM reading, no
// browser APIs: it is tested on fixture documents of every markup era.
import type { FieldSource } from '../model/page-context';
import { embeddedEntities, embeddedProfile, viewerSlug } from './embedded-data';
import { jsonLdPersons } from './json-ld';
import { cleanText } from './page-data';
import { parseProfileTitle, titleKey, type SpecialPage } from './profile-title';
import { nameFromSlug, parseProfileUrl } from './profile-url';
import { CLASSES, HOOKS, META } from './selectors';

export const PROFILE_FIELDS = ['name', 'headline', 'company', 'title', 'location'] as const;
export type ProfileField = (typeof PROFILE_FIELDS)[number];
type Fields = Partial<Record<ProfileField, string>>;

export interface ProfileIdentity extends Fields {
  name: string;
  sources: Partial<Record<ProfileField, FieldSource>>;
  /** Fields no layer yielded (the name counts as missing when only the URL gave one). */
  missing: ProfileField[];
  /** What each layer could not find, for the debug log. */
  layerNotes: string[];
  /** True when the name comes from a signal that is provably about this slug (not stale). */
  confirmed: boolean;
  special?: SpecialPage | 'own-profile';
}

export interface ReadOptions {
  /**
   * After in-app navigation the title and unanchored markup may still show the previous
   * person until the app swaps them: a title equal to this one (ignoring the notification
   * count) is not trusted, nor is any heading that does not link to the new slug.
   */
  staleTitle?: string;
}


function slugOfHref(href: string | null): string | undefined {
  if (!href) return undefined;
  try {
    return parseProfileUrl(new URL(href, 'https://www.linkedin.com/'))?.slug;
  } catch {
    return undefined;
  }
}

/** The name heading inside a link to this very profile (2025+), and the card around it. */
function anchoredHeading(doc: Document, slug: string): { name: string; card: Element | null } | undefined {
  for (const link of doc.querySelectorAll(HOOKS.profileLinks)) {
    const heading = link.querySelector('h1');
    if (!heading || slugOfHref(link.getAttribute('href')) !== slug) continue;
    const name = cleanText(heading.textContent);
    if (name) return { name, card: link.closest(HOOKS.topCard) ?? link.closest('section') };
  }
  return undefined;
}

/** "Current company: Acme Ltd. Click to skip to experience card" → "Acme Ltd". */
function ariaCompany(scope: Element): string | undefined {
  const label = scope.querySelector(HOOKS.currentCompany)?.getAttribute('aria-label');
  return cleanText(label && /^Current company:\s*(.+?)(?:\.?\s*Click to skip.*)?$/i.exec(label)?.[1]);
}

/** Hook-based fields inside the (fresh) top card: aria-labels and hrefs, no classes. */
function hookFields(card: Element, headingLink: Element | null): Fields {
  const fields: Fields = {};
  const company = ariaCompany(card);
  if (company) fields.company = company;
  // The headline is the first text block after the heading's link in the top card.
  if (headingLink) {
    let next = headingLink.nextElementSibling;
    while (next && !cleanText(next.textContent)) next = next.nextElementSibling;
    const text = cleanText(next?.textContent);
    if (next && text && !next.querySelector('a, button') && text.length <= 500) fields.headline = text;
  }
  // The location sits in the same block as the "Contact info" link.
  const contact = card.querySelector(HOOKS.contactInfoLink);
  const block = contact?.parentElement;
  if (block) {
    const texts = [...block.childNodes]
      .filter((node) => node !== contact)
      .map((node) => cleanText(node.textContent))
      .filter((t): t is string => Boolean(t) && t !== '·');
    if (texts[0]) fields.location = texts[0];
  }
  return fields;
}

function classFields(doc: Document): Fields {
  return {
    name: cleanText(doc.querySelector(CLASSES.heading)?.textContent),
    headline: cleanText(doc.querySelector(CLASSES.headline)?.textContent),
    location: cleanText(doc.querySelector(CLASSES.location)?.textContent),
  };
}

/** `/in/ACoAA…` pages: the public slug, if the page reveals it (canonical link or the top card). */
export function revealedSlug(doc: Document): string | undefined {
  const canonical = slugOfHref(doc.querySelector(META.canonical)?.getAttribute('href') ?? null);
  if (canonical) return canonical;
  for (const link of doc.querySelectorAll(`main ${HOOKS.profileLinks}`)) {
    if (link.querySelector('h1') && /\/overlay\/about-this-profile\/?$/.test(link.getAttribute('href') ?? '')) {
      return slugOfHref(link.getAttribute('href'));
    }
  }
  return undefined;
}

export function readProfileIdentity(doc: Document, slug: string, options: ReadOptions = {}): ProfileIdentity {
  const afterNavigation = options.staleTitle !== undefined;
  const titleIsStale = afterNavigation && titleKey(doc.title) === titleKey(options.staleTitle!);
  const title = titleIsStale ? {} : parseProfileTitle(doc.title);
  const layerNotes: string[] = [];
  if (title.special) {
    return {
      name: nameFromSlug(slug),
      sources: { name: 'url' },
      // Nothing was read: the name comes from the URL only, so every field counts as missing.
      missing: [...PROFILE_FIELDS],
      layerNotes: [`title: ${title.special} page`],
      confirmed: true,
      special: title.special,
    };
  }

  // Each layer offers fields; the first layer to offer a field wins it.
  const layers: [FieldSource, Fields][] = [];
  layers.push(['title', { name: title.name, headline: title.headline, company: title.company }]);
  if (titleIsStale) layerNotes.push('title: still the previous page’s');

  const person = jsonLdPersons(doc).find((p) => slugOfHref(p.url ?? null) === slug);
  if (person) layers.push(['json-ld', person]);
  else layerNotes.push('json-ld: no Person for this profile');

  const entities = embeddedEntities(doc);
  const embedded = embeddedProfile(entities, slug);
  if (embedded) layers.push(['embedded-data', embedded]);
  else layerNotes.push(entities.length ? 'embedded-data: no entry for this profile' : 'embedded-data: none');

  const anchored = anchoredHeading(doc, slug);
  if (anchored) {
    const link = [...doc.querySelectorAll(HOOKS.profileLinks)].find(
      (a) => a.querySelector('h1') && slugOfHref(a.getAttribute('href')) === slug,
    );
    layers.push(['dom-hook', { name: anchored.name, ...(anchored.card ? hookFields(anchored.card, link ?? null) : {}) }]);
  } else layerNotes.push('dom-hook: no heading linking to this profile');

  // Embedded data predates in-app navigation: it names the person but does not prove the
  // page has swapped them in yet, so after navigation it does not end the wait.
  const confirmedName = title.name ?? person?.name ?? anchored?.name ?? (afterNavigation ? undefined : embedded?.name);
  const classes = classFields(doc);
  // Class-selected markup carries no proof of whom it shows: after in-app navigation it is
  // used only when its heading names the person the stable signals already confirmed.
  const classesFresh = !afterNavigation || (classes.name !== undefined && classes.name === confirmedName);
  if (classesFresh && !anchored) {
    // Without an anchored top card, the aria-labelled company of a fresh page is still a hook.
    const company = ariaCompany(doc.querySelector('main') ?? doc.documentElement);
    if (company) layers.push(['dom-hook', { company }]);
  }
  if (classesFresh && (classes.name || classes.headline || classes.location)) layers.push(['dom-class', classes]);
  else layerNotes.push(classesFresh ? 'dom-class: 2024 selectors found nothing' : 'dom-class: may show the previous person');
  if (!afterNavigation && !confirmedName && !classes.name) {
    const heading = cleanText(doc.querySelector(CLASSES.anyHeading)?.textContent);
    if (heading) layers.push(['dom-class', { name: heading }]);
  }

  const result: Fields = {};
  const sources: ProfileIdentity['sources'] = {};
  for (const field of PROFILE_FIELDS) {
    for (const [source, fields] of layers) {
      const value = cleanText(fields[field]);
      if (value) {
        result[field] = value.slice(0, field === 'headline' ? 500 : 200);
        sources[field] = source;
        break;
      }
    }
  }
  const missing = PROFILE_FIELDS.filter((field) => !result[field]);
  if (!result.name) {
    result.name = nameFromSlug(slug);
    sources.name = 'url';
  }

  const viewer = viewerSlug(entities);
  const own = (viewer !== undefined && viewer === slug) || Boolean(anchored?.card?.querySelector(HOOKS.ownProfile));

  return {
    ...result,
    name: result.name,
    sources,
    missing,
    layerNotes,
    confirmed: confirmedName !== undefined,
    ...(own ? { special: 'own-profile' as const } : {}),
  };
}
