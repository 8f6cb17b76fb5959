// What kind of LinkedIn page a URL shows: pure, no DOM.
import { isLinkedInHost, parseProfileUrl, type ProfileRef } from './profile-url';

export interface CompanyRef {
  /** Decoded, lowercase: a vanity name ("babbage-and-co") or a numeric id. */
  slug: string;
  /** https://www.linkedin.com/company/<slug>/ */
  url: string;
}

export type LinkedInPage =
  | ({ type: 'profile' } & ProfileRef)
  /** `/in/ACoAA…`: a member id; the page itself must reveal the public slug. */
  | { type: 'member-id'; memberId: string }
  | ({ type: 'company' } & CompanyRef);

const COMPANY_SLUG = /^[\p{L}\p{M}\p{N}_.&'-]{1,150}$/u;

export function parseCompanyUrl(input: string | URL): CompanyRef | null {
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return null;
  }
  if ((url.protocol !== 'https:' && url.protocol !== 'http:') || !isLinkedInHost(url.hostname)) return null;
  const match = /^\/(?:m\/)?company\/([^/]+)(?:\/(?:about|people|posts|jobs|life|insights|mycompany)?\/?)?$/i.exec(url.pathname);
  if (!match) return null;
  let slug: string;
  try {
    slug = decodeURIComponent(match[1]!).normalize('NFC').toLowerCase();
  } catch {
    return null;
  }
  if (!COMPANY_SLUG.test(slug)) return null;
  return { slug, url: `https://www.linkedin.com/company/${encodeURIComponent(slug)}/` };
}

export function classifyLinkedInUrl(input: string | URL): LinkedInPage | null {
  const profile = parseProfileUrl(input);
  if (profile) return { type: 'profile', ...profile };
  const company = parseCompanyUrl(input);
  if (company) return { type: 'company', ...company };
  let url: URL;
  try {
    url = typeof input === 'string' ? new URL(input) : input;
  } catch {
    return null;
  }
  if (!isLinkedInHost(url.hostname)) return null;
  const member = /^\/(?:m\/|mwlite\/)?in\/(ACoAA[\w-]{10,})(?:\/|$)/.exec(url.pathname);
  return member ? { type: 'member-id', memberId: member[1]! } : null;
}
