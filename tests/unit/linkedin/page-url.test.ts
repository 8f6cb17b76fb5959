import { describe, expect, it } from 'vitest';
import { classifyLinkedInUrl, parseCompanyUrl, type LinkedInPage } from '../../../utils/linkedin/page-url';

const company = (slug: string, url = `https://www.linkedin.com/company/${slug}/`): LinkedInPage => ({ type: 'company', slug, url });
const profile = (slug: string, url = `https://www.linkedin.com/in/${slug}/`): LinkedInPage => ({ type: 'profile', slug, url });
const member = (memberId: string): LinkedInPage => ({ type: 'member-id', memberId });

const BABBAGE = company('babbage-and-co');
const CAFE = company('café-de-flore', 'https://www.linkedin.com/company/caf%C3%A9-de-flore/');

describe('classifyLinkedInUrl', () => {
  it.each<[string, LinkedInPage | null]>([
    // Company pages, their tabs, with and without a trailing slash
    ['https://www.linkedin.com/company/babbage-and-co/', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/about/', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/about', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/people/', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/people/?keywords=engineer&facetSchool=1234', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/posts/?feedView=all', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/jobs/', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/life/', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/insights/', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/mycompany/', BABBAGE],
    ['https://www.linkedin.com/company/babbage-and-co/#people', BABBAGE],
    // Numeric company ids
    ['https://www.linkedin.com/company/1035/', company('1035')],
    ['https://www.linkedin.com/company/1035/people/', company('1035')],
    // Percent-encoded and mixed-case slugs
    ['https://www.linkedin.com/company/caf%C3%A9-de-flore/', CAFE],
    ['https://www.linkedin.com/company/CAF%c3%89-de-Flore/about/', CAFE],
    ['https://www.linkedin.com/company/Babbage-And-Co/', BABBAGE],
    ['https://www.linkedin.com/company/at%26t/', company('at&t', 'https://www.linkedin.com/company/at%26t/')],
    // Hosts, protocols and mobile paths
    ['https://se.linkedin.com/company/kolibri-music?trk=public_profile_experience-item', company('kolibri-music')],
    ['https://uk.linkedin.com/company/babbage-and-co/jobs', BABBAGE],
    ['https://linkedin.com/company/babbage-and-co/', BABBAGE],
    ['https://m.linkedin.com/company/babbage-and-co/', BABBAGE],
    ['https://www.linkedin.com/m/company/babbage-and-co/', BABBAGE],
    ['http://www.linkedin.com/company/babbage-and-co/', BABBAGE],
    // Member ids: the page itself must reveal who it is
    ['https://www.linkedin.com/in/ACoAABcdEfGh1234567/', member('ACoAABcdEfGh1234567')],
    ['https://www.linkedin.com/in/ACoAABcdEfGh1234567', member('ACoAABcdEfGh1234567')],
    ['https://www.linkedin.com/in/ACoAAAbC-dEf_123456/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAA', member('ACoAAAbC-dEf_123456')],
    ['https://www.linkedin.com/m/in/ACoAABcdEfGh1234567/', member('ACoAABcdEfGh1234567')],
    ['https://se.linkedin.com/mwlite/in/ACoAABcdEfGh1234567/details/', member('ACoAABcdEfGh1234567')],
    // Profiles
    ['https://www.linkedin.com/in/jane-doe/', profile('jane-doe')],
    ['https://www.linkedin.com/in/Jane-Doe/details/experience/', profile('jane-doe')],
    ['https://se.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/?originalSubdomain=se', profile('thilde-markström-02a5192b7', 'https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/')],
    // Not pages about a company or a person
    ['https://www.linkedin.com/', null],
    ['https://www.linkedin.com/feed/', null],
    ['https://www.linkedin.com/messaging/thread/2-YWJjZGVm/', null],
    ['https://www.linkedin.com/search/results/people/?keywords=babbage', null],
    ['https://www.linkedin.com/jobs/view/3912345678/', null],
    ['https://www.linkedin.com/company/', null],
    ['https://www.linkedin.com/company', null],
    ['https://www.linkedin.com/company//about/', null],
    ['https://www.linkedin.com/school/mit/', null],
    ['https://www.linkedin.com/showcase/babbage-labs/', null],
    ['https://www.linkedin.com/company/babbage-and-co/people/engineers/', null],
    ['https://www.linkedin.com/company/babbage%2Fand-co/', null],
    ['https://www.linkedin.com/company/%E0%A4%A/', null],
    ['https://www.linkedin.com/in/ACoAA123/', null],
    // Other hosts and protocols
    ['https://evil.example/company/babbage-and-co/', null],
    ['https://linkedin.com.evil.example/company/babbage-and-co/', null],
    ['https://www.linkedin.co/company/babbage-and-co/', null],
    ['https://evil.example/in/ACoAABcdEfGh1234567/', null],
    ['ftp://www.linkedin.com/company/babbage-and-co/', null],
    ['/company/babbage-and-co/', null],
    ['not a url', null],
    ['', null],
  ])('%s', (input, expected) => {
    expect(classifyLinkedInUrl(input)).toEqual(expected);
  });

  it('accepts URL objects too', () => {
    expect(classifyLinkedInUrl(new URL('https://www.linkedin.com/company/babbage-and-co/about/'))).toEqual(BABBAGE);
    expect(classifyLinkedInUrl(new URL('https://www.linkedin.com/in/jane-doe'))).toEqual(profile('jane-doe'));
    expect(classifyLinkedInUrl(new URL('https://www.linkedin.com/feed/'))).toBeNull();
  });
});

describe('parseCompanyUrl', () => {
  it('gives the decoded, lowercase slug and the canonical company URL', () => {
    expect(parseCompanyUrl('https://se.linkedin.com/company/CAF%C3%A9-de-flore/people/?x=1')).toEqual({
      slug: 'café-de-flore',
      url: 'https://www.linkedin.com/company/caf%C3%A9-de-flore/',
    });
  });

  it('the canonical URL parses back to the same company', () => {
    for (const input of ['https://www.linkedin.com/company/at%26t/jobs/', 'https://uk.linkedin.com/company/Caf%C3%A9-de-Flore', 'https://www.linkedin.com/company/1035']) {
      const ref = parseCompanyUrl(input)!;
      expect(parseCompanyUrl(ref.url), input).toEqual(ref);
    }
  });

  it('is null for profiles, member ids and non-company pages', () => {
    expect(parseCompanyUrl('https://www.linkedin.com/in/jane-doe/')).toBeNull();
    expect(parseCompanyUrl('https://www.linkedin.com/in/ACoAABcdEfGh1234567/')).toBeNull();
    expect(parseCompanyUrl('https://www.linkedin.com/school/mit/')).toBeNull();
    expect(parseCompanyUrl('javascript:alert(1)//linkedin.com/company/x')).toBeNull();
  });

  it('refuses slugs beyond 150 characters', () => {
    expect(parseCompanyUrl(`https://www.linkedin.com/company/${'a'.repeat(150)}/`)?.slug).toHaveLength(150);
    expect(parseCompanyUrl(`https://www.linkedin.com/company/${'a'.repeat(151)}/`)).toBeNull();
  });
});
