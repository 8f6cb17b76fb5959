import { describe, expect, it } from 'vitest';
import { canonicalProfileUrl, isLinkedInHost, nameFromSlug, parseProfileUrl } from '../../../utils/linkedin/profile-url';

const JANE = { slug: 'jane-doe', url: 'https://www.linkedin.com/in/jane-doe/' };
const ADA = { slug: 'ada-lovelace-0a1b2c3d', url: 'https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/' };
const THILDE = {
  slug: 'thilde-markström-02a5192b7',
  url: 'https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/',
};

describe('parseProfileUrl: profile pages', () => {
  it.each([
    // Hosts
    ['https://linkedin.com/in/jane-doe/', JANE],
    ['https://www.linkedin.com/in/jane-doe/', JANE],
    ['https://se.linkedin.com/in/jane-doe/', JANE],
    ['https://uk.linkedin.com/in/jane-doe', JANE],
    ['https://m.linkedin.com/in/jane-doe/', JANE],
    ['http://www.linkedin.com/in/jane-doe/', JANE],
    // With and without a trailing slash
    ['https://www.linkedin.com/in/jane-doe', JANE],
    // Sub-pages are about the same person
    ['https://www.linkedin.com/in/jane-doe/details/experience/', JANE],
    ['https://www.linkedin.com/in/jane-doe/overlay/contact-info/', JANE],
    ['https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/overlay/about-this-profile/', ADA],
    ['https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/recent-activity/all/', ADA],
    // Mobile paths
    ['https://www.linkedin.com/m/in/jane-doe/', JANE],
    ['https://m.linkedin.com/mwlite/in/jane-doe', JANE],
    ['https://www.linkedin.com/mwlite/in/ada-lovelace-0a1b2c3d/details/experience/', ADA],
    // Query strings and hashes
    ['https://www.linkedin.com/in/jane-doe/?miniProfileUrn=urn%3Ali%3Afs_miniProfile%3AACoAABcdEfGh1234', JANE],
    ['https://www.linkedin.com/in/jane-doe?trk=public_profile_browsemap', JANE],
    ['https://se.linkedin.com/in/jane-doe/?originalSubdomain=se', JANE],
    ['https://www.linkedin.com/in/jane-doe/#experience', JANE],
    ['https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/?trk=people-guest_people_search-card#about', ADA],
    // Percent-encoded and raw non-ASCII slugs
    ['https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/', THILDE],
    ['https://se.linkedin.com/in/thilde-markstr%c3%b6m-02a5192b7?originalSubdomain=se', THILDE],
    ['https://www.linkedin.com/in/thilde-markström-02a5192b7/details/experience/', THILDE],
    // Decomposed (NFD) "o + combining diaeresis" is the same person as the composed "ö"
    ['https://www.linkedin.com/in/thilde-markstro%CC%88m-02a5192b7/', THILDE],
    // Upper and mixed case
    ['https://www.linkedin.com/in/Jane-Doe/', JANE],
    ['HTTPS://WWW.LINKEDIN.COM/IN/JANE-DOE/', JANE],
    ['https://www.linkedin.com/M/IN/Ada-Lovelace-0A1B2C3D/', ADA],
    ['https://www.linkedin.com/in/THILDE-MARKSTR%C3%96M-02A5192B7/', THILDE],
    // Other scripts and underscores
    ['https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/', { slug: '王小明', url: 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/' }],
    ['https://www.linkedin.com/in/jane_doe/', { slug: 'jane_doe', url: 'https://www.linkedin.com/in/jane_doe/' }],
  ])('%s', (input, expected) => {
    expect(parseProfileUrl(input)).toEqual(expected);
  });

  it.each([
    [new URL('https://www.linkedin.com/in/jane-doe/'), JANE],
    [new URL('https://se.linkedin.com/in/Thilde-Markstr%C3%B6m-02a5192b7/details/experience/?originalSubdomain=se'), THILDE],
    [new URL('/m/in/ada-lovelace-0a1b2c3d/', 'https://m.linkedin.com'), ADA],
  ])('accepts a URL object: %s', (input, expected) => {
    expect(parseProfileUrl(input)).toEqual(expected);
  });

  it('does not modify the URL object it is given', () => {
    const url = new URL('https://se.linkedin.com/in/Jane-Doe/details/?trk=x#top');
    parseProfileUrl(url);
    expect(url.href).toBe('https://se.linkedin.com/in/Jane-Doe/details/?trk=x#top');
  });

  it('gives the same profile for every spelling of one person', () => {
    const spellings = [
      'https://se.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/?originalSubdomain=se',
      'https://www.linkedin.com/in/THILDE-MARKSTRÖM-02A5192B7',
      'https://m.linkedin.com/mwlite/in/thilde-markström-02a5192b7/recent-activity/all/',
      'https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/overlay/contact-info/#x',
    ];
    const refs = spellings.map((s) => parseProfileUrl(s));
    for (const ref of refs) expect(ref).toEqual(THILDE);
  });

  it('round-trips: the canonical url parses to the same profile', () => {
    for (const ref of [JANE, ADA, THILDE]) {
      expect(parseProfileUrl(ref.url)).toEqual(ref);
    }
  });
});

describe('parseProfileUrl: not a profile', () => {
  it.each([
    // Other LinkedIn pages
    'https://www.linkedin.com/',
    'https://www.linkedin.com/feed/',
    'https://www.linkedin.com/messaging/thread/2-YTk0ZjM2ZDYtN2Q1Ny00/',
    'https://www.linkedin.com/search/results/people/?keywords=x',
    'https://www.linkedin.com/pub/jane-doe/1/23/456',
    'https://www.linkedin.com/company/acme/',
    'https://www.linkedin.com/school/uppsala-university/',
    'https://www.linkedin.com/posts/jane-doe_activity-7123456789012345678-abcd/',
    // /in/ must be the start of the path and be followed by a slug
    'https://www.linkedin.com/in/',
    'https://www.linkedin.com/in//details/',
    'https://www.linkedin.com/feed/in/jane-doe/',
    'https://www.linkedin.com/input/jane-doe/',
    'https://www.linkedin.com/m/jane-doe/',
    // Member URN ids (messaging links) are not public slugs
    'https://www.linkedin.com/in/ACoAABcdEfGh1234IjKlMnOp/',
    'https://www.linkedin.com/in/acoaabcdefgh1234ijklmnop',
    // Slugs that no profile can have
    'https://www.linkedin.com/in/jo/',
    'https://www.linkedin.com/in/jane%20doe/',
    'https://www.linkedin.com/in/jane%2Fdoe/',
    'https://www.linkedin.com/in/jane.doe/',
    `https://www.linkedin.com/in/${'a'.repeat(101)}/`,
    // Malformed percent encoding
    'https://www.linkedin.com/in/%E0%A4%A/',
    'https://www.linkedin.com/in/jane-%ZZdoe/',
    // Not LinkedIn
    'https://linkedin.com.evil.example/in/jane-doe/',
    'https://evil-linkedin.com/in/jane-doe/',
    'https://notlinkedin.com/in/jane-doe/',
    'https://www.linkedin.co/in/jane-doe/',
    'https://business.linkedin.com/in/jane-doe/',
    'https://www.se.linkedin.com/in/jane-doe/',
    'https://evil.example/in/jane-doe/?u=https://www.linkedin.com/in/jane-doe/',
    // Other schemes
    'ftp://www.linkedin.com/in/jane-doe/',
    'javascript://www.linkedin.com/in/jane-doe/%0Aalert(1)',
    'javascript:alert(1)',
    'file:///in/jane-doe/',
    // Garbage
    '',
    'not a url',
    '/in/jane-doe/',
    'www.linkedin.com/in/jane-doe/',
    'https://',
  ])('%s → null', (input) => {
    expect(parseProfileUrl(input)).toBeNull();
  });

  it('rejects URL objects that are not profiles', () => {
    expect(parseProfileUrl(new URL('https://www.linkedin.com/feed/'))).toBeNull();
    expect(parseProfileUrl(new URL('https://evil-linkedin.com/in/jane-doe/'))).toBeNull();
    expect(parseProfileUrl(new URL('ftp://www.linkedin.com/in/jane-doe/'))).toBeNull();
  });

  it('accepts slugs exactly at the length limits', () => {
    expect(parseProfileUrl('https://www.linkedin.com/in/joe/')?.slug).toBe('joe');
    const longest = 'a'.repeat(100);
    expect(parseProfileUrl(`https://www.linkedin.com/in/${longest}/`)?.slug).toBe(longest);
  });
});

describe('canonicalProfileUrl', () => {
  it.each([
    ['jane-doe', 'https://www.linkedin.com/in/jane-doe/'],
    ['thilde-markström-02a5192b7', 'https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/'],
    ['王小明', 'https://www.linkedin.com/in/%E7%8E%8B%E5%B0%8F%E6%98%8E/'],
  ])('%s → %s', (slug, url) => {
    expect(canonicalProfileUrl(slug)).toBe(url);
  });
});

describe('nameFromSlug', () => {
  it.each([
    ['ada-lovelace-0a1b2c3d', 'Ada Lovelace'],
    ['thilde-markström-02a5192b7', 'Thilde Markström'],
    ['jane-doe', 'Jane Doe'],
    // Short numeric suffixes are not the hex id but are not part of a name either
    ['john-smith-42', 'John Smith'],
    ['grace-hopper-3d4e5f', 'Grace Hopper'],
    ['jane-doe-02A5192B7', 'Jane Doe'],
    ['jane-doe-12345678', 'Jane Doe'],
    ['jane-doe-1-a1b2c3d4', 'Jane Doe'],
    // A surname spelled only with the letters a–f is a name, not an id: the id always has a digit
    ['mary-beebe', 'Mary Beebe'],
    ['jean-luc-picard', 'Jean Luc Picard'],
    ['jane_doe', 'Jane Doe'],
    ['jane--doe', 'Jane Doe'],
    ['émile-zola', 'Émile Zola'],
    ['wang-王小明', 'Wang 王小明'],
    ['janedoe', 'Janedoe'],
    ['ada-12345678', 'Ada'],
  ])('%s → %s', (slug, name) => {
    expect(nameFromSlug(slug)).toBe(name);
  });

  it.each(['12345678', '0a1b2c3d', '42', '---'])('never gives an empty name: %s', (slug) => {
    // The page context rejects empty names; the slug itself is better than nothing.
    expect(nameFromSlug(slug)).toBe(slug);
  });
});

describe('isLinkedInHost', () => {
  it.each(['linkedin.com', 'www.linkedin.com', 'm.linkedin.com', 'se.linkedin.com', 'uk.linkedin.com', 'WWW.LinkedIn.COM'])(
    '%s is LinkedIn',
    (host) => {
      expect(isLinkedInHost(host)).toBe(true);
    },
  );

  it.each([
    '',
    'linkedin.com.evil.example',
    'www.linkedin.com.evil.example',
    'evil-linkedin.com',
    'notlinkedin.com',
    'xlinkedin.com',
    'linkedin.co',
    'linkedin.com.',
    'business.linkedin.com',
    'www.se.linkedin.com',
    'a1.linkedin.com',
    'lnkd.in',
  ])('%s is not LinkedIn', (host) => {
    expect(isLinkedInHost(host)).toBe(false);
  });
});
