// LinkedIn's <title>, the second most stable signal after the URL.

export type SpecialPage = 'not-found' | 'sign-in';

export interface ParsedTitle {
  name?: string;
  headline?: string;
  company?: string;
  special?: SpecialPage;
}

const SUFFIX = /\s*\|\s*LinkedIn\s*$/i;
/** Logged-in titles start with a notification count: "(3) ", "(99+) ". */
const COUNT = /^\(\d+\+?\)\s*/;

/**
 * What a title says, without what changes while the page stays the same: whitespace and the
 * notification count ("(3) Jane Doe | LinkedIn" and "(4) Jane Doe | LinkedIn" say the same).
 */
export function titleKey(title: string): string {
  return title.replace(/\s+/g, ' ').trim().replace(COUNT, '');
}

/**
 * Logged-in: "(3) Jane Doe | LinkedIn". Logged-out: "Jane Doe - Headline - Company | LinkedIn".
 */
export function parseProfileTitle(title: string): ParsedTitle {
  const text = titleKey(title);
  if (/^profile not found\b/i.test(text) || /^page not found\b/i.test(text)) return { special: 'not-found' };
  // "LinkedIn: Log In or Sign Up", "LinkedIn Login, Sign in | LinkedIn", "Sign Up | LinkedIn".
  if (/^linkedin:\s*log in or sign up/i.test(text) || /^linkedin log\s?in\b/i.test(text) || /^sign (in|up)\b.*linkedin/i.test(text)) {
    return { special: 'sign-in' };
  }
  if (!SUFFIX.test(text)) return {};
  const body = text.replace(SUFFIX, '');
  // " - " with spaces separates parts; a hyphen inside a name ("Jean-Luc") has none.
  const [name, headline, company] = body.split(/\s+[-–—]\s+/).map((part) => part.trim());
  if (!name || /^(linkedin|feed)$/i.test(name)) return {};
  return {
    name,
    ...(headline ? { headline } : {}),
    ...(company ? { company } : {}),
  };
}
