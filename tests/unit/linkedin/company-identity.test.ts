// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { parseCompanyTitle, readCompanyIdentity } from '../../../utils/linkedin/company-identity';
import { classifyLinkedInUrl } from '../../../utils/linkedin/page-url';
import { pendingContext, readLinkedInPage } from '../../../utils/linkedin/read-page';
import { PageContext } from '../../../utils/model/page-context';

const SLUG = 'babbage-and-co';

function page(title: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

const jsonLd = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;
const organization = (name: string, url: string) =>
  jsonLd({ '@context': 'http://schema.org', '@graph': [{ '@type': 'WebPage', url }, { '@type': 'Organization', name, url }] });

const MAIN = '<main><section><h1>  Babbage &amp;\n Co </h1><p>Engines since 1834</p></section></main>';

describe('parseCompanyTitle', () => {
  it.each<[string, string | undefined]>([
    ['Babbage & Co: Overview | LinkedIn', 'Babbage & Co'],
    ['(3) Babbage & Co: People | LinkedIn', 'Babbage & Co'],
    ['(99+) Babbage & Co: Posts | LinkedIn', 'Babbage & Co'],
    ['Babbage & Co: Jobs | LinkedIn', 'Babbage & Co'],
    ['Babbage & Co: About | LinkedIn', 'Babbage & Co'],
    ['Babbage & Co: Life | LinkedIn', 'Babbage & Co'],
    ['Babbage & Co | LinkedIn', 'Babbage & Co'],
    ['  Babbage &   Co :  overview  |  linkedin ', 'Babbage & Co'],
    ['\n(4)\nCafé de Flore: Overview\n| LinkedIn\n', 'Café de Flore'],
    // A colon that is part of the name stays.
    ['Ratio: Consulting | LinkedIn', 'Ratio: Consulting'],
    ['Ratio: Consulting: Overview | LinkedIn', 'Ratio: Consulting'],
    // Not a company's title
    ['LinkedIn', undefined],
    ['', undefined],
    ['Babbage & Co', undefined],
    ['(3) Feed | LinkedIn', undefined],
    ['LinkedIn | LinkedIn', undefined],
    ['Page Not Found | LinkedIn', undefined],
    ['(2) Page not found | LinkedIn', undefined],
    ['Sign Up | LinkedIn', undefined],
    ['LinkedIn Login, Sign in | LinkedIn', undefined],
    ['LinkedIn: Log In or Sign Up', undefined],
    [': Overview | LinkedIn', undefined],
    ['Babbage & Co | Glassdoor', undefined],
  ])('%j → %j', (title, expected) => {
    expect(parseCompanyTitle(title)).toBe(expected);
  });
});

describe('readCompanyIdentity on a fresh page load', () => {
  it('the title names the company, confirmed', () => {
    expect(readCompanyIdentity(page('(3) Babbage &amp; Co: Overview | LinkedIn', MAIN), SLUG)).toEqual({
      name: 'Babbage & Co',
      sources: { name: 'title' },
      missing: [],
      confirmed: true,
    });
  });

  it('the title wins over JSON-LD and the heading', () => {
    const doc = page('Babbage &amp; Co | LinkedIn', organization('Babbage and Company Ltd', `https://www.linkedin.com/company/${SLUG}`) + MAIN);
    expect(readCompanyIdentity(doc, SLUG)).toMatchObject({ name: 'Babbage & Co', sources: { name: 'title' } });
  });

  it('without a usable title: the JSON-LD Organization whose url is this company', () => {
    const doc = page('LinkedIn', organization('Babbage & Co', `https://uk.linkedin.com/company/Babbage-And-Co?trk=x`) + MAIN);
    expect(readCompanyIdentity(doc, SLUG)).toEqual({ name: 'Babbage & Co', sources: { name: 'json-ld' }, missing: [], confirmed: true });
  });

  it('a Corporation counts as an Organization', () => {
    const doc = page('LinkedIn', jsonLd({ '@type': 'Corporation', name: 'Babbage & Co', url: `https://www.linkedin.com/company/${SLUG}/` }));
    expect(readCompanyIdentity(doc, SLUG)).toMatchObject({ name: 'Babbage & Co', sources: { name: 'json-ld' }, confirmed: true });
  });

  it('JSON-LD about another company, or without a url, is ignored', () => {
    for (const block of [
      organization('Difference Engines', 'https://www.linkedin.com/company/difference-engines/'),
      jsonLd({ '@type': 'Organization', name: 'Babbage & Co' }),
      organization('Babbage & Co', 'https://evil.example/company/babbage-and-co/'),
    ]) {
      const identity = readCompanyIdentity(page('LinkedIn', block), SLUG);
      expect(identity.sources.name, block).toBe('url');
      expect(identity.confirmed).toBe(false);
    }
  });

  it('otherwise the main heading, unconfirmed', () => {
    expect(readCompanyIdentity(page('LinkedIn', `<header><h1>LinkedIn</h1></header>${MAIN}`), SLUG)).toEqual({
      name: 'Babbage & Co',
      sources: { name: 'dom-class' },
      missing: [],
      confirmed: false,
    });
  });

  it('a heading outside main is not the company', () => {
    expect(readCompanyIdentity(page('LinkedIn', '<header><h1>LinkedIn</h1></header><main></main>'), SLUG).sources.name).toBe('url');
  });

  it('a sign-in wall at the company URL does not name the company', () => {
    expect(readCompanyIdentity(page('Sign Up | LinkedIn', ''), SLUG)).toMatchObject({ name: 'Babbage And Co', sources: { name: 'url' }, confirmed: false });
  });

  it('nothing on the page: a name from the slug, reported missing', () => {
    expect(readCompanyIdentity(page('LinkedIn', '<main></main>'), SLUG)).toEqual({
      name: 'Babbage And Co',
      sources: { name: 'url' },
      missing: ['name'],
      confirmed: false,
    });
  });

  it('a numeric company id names nothing', () => {
    expect(readCompanyIdentity(page('LinkedIn', ''), '1035')).toEqual({
      name: undefined,
      sources: { name: 'url' },
      missing: ['name'],
      confirmed: false,
    });
  });
});

describe('readCompanyIdentity after in-app navigation (staleTitle)', () => {
  const STALE = '(3) Difference Engines: Overview | LinkedIn';

  it('ignores a title equal to the stale one (notification count and whitespace aside) and the unanchored heading', () => {
    for (const current of [STALE, '(4) Difference Engines: Overview | LinkedIn', 'Difference  Engines: Overview |\nLinkedIn']) {
      const doc = page(current, '<main><h1>Difference Engines</h1></main>');
      expect(readCompanyIdentity(doc, SLUG, { staleTitle: STALE }), current).toEqual({
        name: 'Babbage And Co',
        sources: { name: 'url' },
        missing: ['name'],
        confirmed: false,
      });
    }
  });

  it('trusts a new title once the app has swapped it in', () => {
    const doc = page('(3) Babbage &amp; Co: People | LinkedIn', '<main><h1>Difference Engines</h1></main>');
    expect(readCompanyIdentity(doc, SLUG, { staleTitle: STALE })).toEqual({
      name: 'Babbage & Co',
      sources: { name: 'title' },
      missing: [],
      confirmed: true,
    });
  });

  it('a tab switch on the same company: the new tab title is not stale', () => {
    const doc = page('(3) Babbage &amp; Co: Jobs | LinkedIn', '');
    expect(doc.title).toBe('(3) Babbage & Co: Jobs | LinkedIn');
    expect(readCompanyIdentity(doc, SLUG, { staleTitle: '(3) Babbage & Co: People | LinkedIn' })).toMatchObject({
      name: 'Babbage & Co',
      confirmed: true,
    });
  });

  it('JSON-LD about this company still counts while the title is stale', () => {
    const doc = page(STALE, organization('Babbage & Co', `https://www.linkedin.com/company/${SLUG}/`));
    expect(readCompanyIdentity(doc, SLUG, { staleTitle: STALE })).toMatchObject({ name: 'Babbage & Co', sources: { name: 'json-ld' }, confirmed: true });
  });

  it('an empty staleTitle still means “after navigation”: the heading is not trusted', () => {
    const doc = page('', MAIN);
    expect(readCompanyIdentity(doc, SLUG, { staleTitle: '' }).sources.name).toBe('url');
    expect(readCompanyIdentity(doc, SLUG).sources.name).toBe('dom-class');
  });
});

describe('readLinkedInPage on a company page', () => {
  const pageRef = classifyLinkedInUrl(`https://uk.linkedin.com/company/${SLUG}/people/?x=1`)!;

  it('is a linkedin-company context for the canonical URL, valid under the contract', () => {
    const reading = readLinkedInPage(page('(3) Babbage &amp; Co: People | LinkedIn', MAIN), pageRef);
    expect(reading).toEqual({
      context: {
        kind: 'linkedin-company',
        url: `https://www.linkedin.com/company/${SLUG}/`,
        slug: SLUG,
        ready: true,
        name: 'Babbage & Co',
        sources: { name: 'title' },
        missing: [],
      },
      confirmed: true,
      notes: [],
    });
    expect(PageContext.safeParse(reading.context).success).toBe(true);
  });

  it('an unconfirmed reading says so in its notes', () => {
    const reading = readLinkedInPage(page('LinkedIn', MAIN), pageRef);
    expect(reading.confirmed).toBe(false);
    expect(reading.context).toMatchObject({ kind: 'linkedin-company', name: 'Babbage & Co', sources: { name: 'dom-class' } });
    expect(reading.notes).toEqual(['company: no title or structured data yet']);
  });

  it('while the app has not shown it yet, the pending context is not ready', () => {
    expect(pendingContext(pageRef)).toEqual({
      kind: 'linkedin-company',
      url: `https://www.linkedin.com/company/${SLUG}/`,
      slug: SLUG,
      ready: false,
      sources: {},
      missing: [],
    });
  });
});
