// Which company a LinkedIn company page (/company/<slug>/ and its tabs) is about.
import type { FieldSource } from '../model/page-context';
import { jsonLdOrganization } from './json-ld';
import { parseCompanyUrl } from './page-url';
import { parseProfileTitle, titleKey } from './profile-title';
import { COMPANY } from './selectors';

export interface CompanyIdentity {
  /** Absent when nothing names the company (a numeric id in the URL and no title yet). */
  name?: string;
  sources: { name: FieldSource };
  missing: 'name'[];
  confirmed: boolean;
}

/** "Acme: Overview | LinkedIn", "(3) Acme: People | LinkedIn", "Acme | LinkedIn". */
export function parseCompanyTitle(title: string): string | undefined {
  const text = titleKey(title);
  if (!/\s*\|\s*LinkedIn\s*$/i.test(text)) return undefined;
  // A sign-in wall or an error page shown at a company URL ("Sign Up | LinkedIn") names no company.
  if (parseProfileTitle(text).special) return undefined;
  const body = text
    .replace(/\s*\|\s*LinkedIn\s*$/i, '')
    .replace(/:\s*(Overview|About|People|Posts|Jobs|Life|Insights|Employees|Videos|Events)\s*$/i, '')
    .trim();
  return body && !/^(linkedin|feed|page not found)$/i.test(body) ? body : undefined;
}

/** "babbage-and-co" → "Babbage And Co"; numeric ids name nothing. */
function nameFromCompanySlug(slug: string): string | undefined {
  if (/^\d+$/.test(slug)) return undefined;
  return slug
    .split(/[-_]+/)
    .filter(Boolean)
    .map((p) => p.charAt(0).toLocaleUpperCase() + p.slice(1))
    .join(' ');
}

export function readCompanyIdentity(doc: Document, slug: string, options: { staleTitle?: string } = {}): CompanyIdentity {
  const afterNavigation = options.staleTitle !== undefined;
  const titleIsStale = afterNavigation && titleKey(doc.title) === titleKey(options.staleTitle!);
  const fromTitle = titleIsStale ? undefined : parseCompanyTitle(doc.title);
  if (fromTitle) return { name: fromTitle, sources: { name: 'title' }, missing: [], confirmed: true };

  const org = jsonLdOrganization(doc);
  if (org?.name && org.url && parseCompanyUrl(org.url)?.slug === slug) {
    return { name: org.name, sources: { name: 'json-ld' }, missing: [], confirmed: true };
  }
  const heading = afterNavigation ? undefined : doc.querySelector(COMPANY.heading)?.textContent?.replace(/\s+/g, ' ').trim();
  if (heading) return { name: heading.slice(0, 200), sources: { name: 'dom-class' }, missing: [], confirmed: false };
  return { name: nameFromCompanySlug(slug), sources: { name: 'url' }, missing: ['name'], confirmed: false };
}
