// LinkedIn profile identity from a URL: pure, no DOM, no browser APIs.

/** linkedin.com, www., m. (mobile) and two-letter country hosts (se., uk., …). */
const LINKEDIN_HOST = /^(?:(?:www|m|[a-z]{2})\.)?linkedin\.com$/i;

/** A public identifier once decoded: letters (any script), digits, hyphens, underscores. */
const SLUG = /^[\p{L}\p{M}\p{N}_-]{3,100}$/u;

/** `/in/ACoAA…` are member URN ids (seen in messaging links), not public slugs. */
const MEMBER_ID = /^acoaa/i;

export interface ProfileRef {
  /** Canonical: decoded and lowercase. */
  slug: string;
  /** https://www.linkedin.com/in/<slug>/ */
  url: string;
}

export function isLinkedInHost(hostname: string): boolean {
  return LINKEDIN_HOST.test(hostname);
}

export function canonicalProfileUrl(slug: string): string {
  return `https://www.linkedin.com/in/${encodeURIComponent(slug)}/`;
}

function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The profile a URL is about, or null when it is not a profile page. Sub-pages (`/details/…`,
 * `/overlay/…`, `/recent-activity/…`), mobile paths (`/m/in/`, `/mwlite/in/`), query strings,
 * hashes and letter case do not change who the page is about.
 */
export function parseProfileUrl(input: string | URL): ProfileRef | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (!isLinkedInHost(url.hostname)) return null;
  const match = /^\/(?:m\/|mwlite\/)?in\/([^/]+)(?:\/|$)/i.exec(url.pathname);
  if (!match) return null;
  const decoded = decodeSegment(match[1]!);
  if (!decoded) return null;
  const slug = decoded.normalize('NFC').toLowerCase();
  if (!SLUG.test(slug) || MEMBER_ID.test(slug)) return null;
  return { slug, url: canonicalProfileUrl(slug) };
}

/**
 * A readable name guessed from a slug, the last resort when the page names nobody:
 * "ada-lovelace-0a1b2c3d" → "Ada Lovelace".
 */
export function nameFromSlug(slug: string): string {
  const parts = slug.split(/[-_]+/).filter(Boolean);
  // LinkedIn appends a hex-ish id to duplicate names ("02a5192b7"); it is not part of the name.
  if (parts.length > 1 && /\d/.test(parts[parts.length - 1]!) && /^[0-9a-f]{4,}$/i.test(parts[parts.length - 1]!)) {
    parts.pop();
  }
  const name = parts
    .filter((p) => !/^\d+$/.test(p))
    .map((p) => p.charAt(0).toLocaleUpperCase() + p.slice(1))
    .join(' ');
  // An all-digit slug ("12345678") leaves nothing; the page context needs a non-empty name.
  return name || slug;
}
