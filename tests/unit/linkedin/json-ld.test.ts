// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { jsonLdNodes, jsonLdOrganization, jsonLdPersons } from '../../../utils/linkedin/json-ld';

const script = (text: string, type = 'application/ld+json') => `<script type="${type}">${text}</script>`;
const ld = (data: unknown) => script(JSON.stringify(data));

function page(head: string, body = ''): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>LinkedIn</title>${head}</head><body>${body}</body></html>`, 'text/html');
}

const SVEN = {
  '@type': 'Person',
  name: 'Sven Lindqvist',
  url: 'https://se.linkedin.com/in/sven-lindqvist-7f3e21',
  jobTitle: ['Backend Engineer', 'Mentor'],
  worksFor: [
    { '@type': 'Organization', name: 'Kolibri Music AB', url: 'https://se.linkedin.com/company/kolibri-music' },
    { '@type': 'Organization', name: 'Stockholm Coding Club' },
  ],
  address: { '@type': 'PostalAddress', addressLocality: 'Stockholm', addressCountry: 'SE' },
  description: 'I build the services behind playlists.',
};

describe('jsonLdNodes', () => {
  it('flattens @graph, in document order, and keeps nodes outside a graph', () => {
    const webPage = { '@type': 'WebPage', url: 'https://se.linkedin.com/in/sven-lindqvist-7f3e21' };
    const doc = page(ld({ '@context': 'http://schema.org', '@graph': [webPage, SVEN] }), ld({ '@type': 'Organization', name: 'Kolibri Music AB' }));
    expect(jsonLdNodes(doc)).toEqual([webPage, SVEN, { '@type': 'Organization', name: 'Kolibri Music AB' }]);
  });

  it('flattens top-level arrays and nested graphs', () => {
    const doc = page(ld([{ '@type': 'WebSite', name: 'LinkedIn' }, { '@graph': [{ '@graph': [SVEN] }, { '@type': 'BreadcrumbList' }] }]));
    expect(jsonLdNodes(doc).map((n) => n['@type'])).toEqual(['WebSite', 'BreadcrumbList', 'Person']);
  });

  it('skips malformed blocks and non-object nodes, keeping the rest', () => {
    const doc = page(
      script('{"@type": "Person", "name": "Broken"') +
        script('') +
        script('null') +
        script('"just a string"') +
        ld({ '@graph': [null, 42, 'text', SVEN] }) +
        script('<!-- not json -->'),
    );
    expect(jsonLdNodes(doc)).toEqual([SVEN]);
  });

  it('reads only ld+json scripts', () => {
    const doc = page(script(JSON.stringify(SVEN), 'application/json') + script(JSON.stringify(SVEN), 'text/javascript'));
    expect(jsonLdNodes(doc)).toEqual([]);
  });
});

describe('jsonLdPersons', () => {
  it('maps a Person: the first job title and employer of arrays, the address as “locality, country”', () => {
    expect(jsonLdPersons(page(ld({ '@graph': [SVEN] })))).toEqual([
      {
        url: 'https://se.linkedin.com/in/sven-lindqvist-7f3e21',
        name: 'Sven Lindqvist',
        headline: 'I build the services behind playlists.',
        title: 'Backend Engineer',
        company: 'Kolibri Music AB',
        location: 'Stockholm, SE',
      },
    ]);
  });

  it('takes single values as they are', () => {
    const single = {
      ...SVEN,
      jobTitle: 'Staff Engineer',
      worksFor: { '@type': 'Organization', name: 'Acme' },
      address: [{ '@type': 'PostalAddress', addressLocality: 'Gothenburg' }],
    };
    expect(jsonLdPersons(page(ld(single)))).toEqual([
      expect.objectContaining({ title: 'Staff Engineer', company: 'Acme', location: 'Gothenburg' }),
    ]);
  });

  it('missing or empty values are undefined; whitespace is collapsed', () => {
    const [person] = jsonLdPersons(
      page(ld({ '@type': 'Person', name: '  Sven \n Lindqvist ', jobTitle: [], worksFor: [], address: { addressCountry: '' }, description: '   ' })),
    );
    expect(person).toEqual({ name: 'Sven Lindqvist' });
    for (const field of ['url', 'headline', 'title', 'company', 'location'] as const) expect(person![field], field).toBeUndefined();
  });

  it('non-string values are ignored', () => {
    const [person] = jsonLdPersons(page(ld({ '@type': 'Person', name: 42, jobTitle: [{ name: 'x' }], worksFor: 'Acme', url: ['https://x'] })));
    expect(person).toEqual({});
  });

  it('the url falls back to sameAs', () => {
    const [person] = jsonLdPersons(page(ld({ '@type': 'Person', name: 'Sven', sameAs: 'https://www.linkedin.com/in/sven/' })));
    expect(person?.url).toBe('https://www.linkedin.com/in/sven/');
  });

  it('finds Persons by @type, also in a type list, and only Persons', () => {
    const doc = page(
      ld({
        '@graph': [
          { '@type': 'Organization', name: 'Acme' },
          { '@type': ['Person', 'Thing'], name: 'Ada' },
          { '@type': 'person', name: 'Not a schema.org Person' },
          { name: 'Untyped' },
          SVEN,
        ],
      }),
    );
    expect(jsonLdPersons(doc).map((p) => p.name)).toEqual(['Ada', 'Sven Lindqvist']);
  });
});

describe('jsonLdOrganization', () => {
  it('the first Organization or Corporation of the page', () => {
    const doc = page(
      ld({
        '@graph': [
          { '@type': 'WebPage', name: 'Kolibri Music | LinkedIn' },
          { '@type': 'Corporation', name: ' Kolibri  Music AB ', url: 'https://se.linkedin.com/company/kolibri-music' },
          { '@type': 'Organization', name: 'Other' },
        ],
      }),
    );
    expect(jsonLdOrganization(doc)).toEqual({ name: 'Kolibri Music AB', url: 'https://se.linkedin.com/company/kolibri-music' });
  });

  it('an employer nested in a Person is not the page’s organization', () => {
    expect(jsonLdOrganization(page(ld({ '@graph': [SVEN] })))).toBeUndefined();
  });

  it('undefined without one; fields without text are undefined', () => {
    expect(jsonLdOrganization(page(''))).toBeUndefined();
    expect(jsonLdOrganization(page(script('{broken')))).toBeUndefined();
    expect(jsonLdOrganization(page(ld({ '@type': 'Organization', name: '' })))).toEqual({ name: undefined, url: undefined });
  });
});
