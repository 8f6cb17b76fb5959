// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readProfileIdentity as readWithNotes, type ReadOptions } from '../../../utils/linkedin/profile-identity';

const ADA = 'ada-lovelace-0a1b2c3d';
const GRACE = 'grace-hopper-3d4e5f';
const THILDE = 'thilde-markström-02a5192b7';

/** The identity without the debug-log notes (asserted on their own below). */
function readProfileIdentity(doc: Document, slug: string, options?: ReadOptions) {
  const { layerNotes, ...identity } = readWithNotes(doc, slug, options);
  expect(Array.isArray(layerNotes)).toBe(true);
  return identity;
}

function page(title: string, body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

const NAV = `
  <header class="global-nav" data-view-name="navigation-global">
    <a href="/feed/">Home</a>
    <a href="/in/${ADA}/">Ada</a>
    <a href="/in/${GRACE}/">Grace</a>
    <a href="/in/viewer-self-9z9z9z/" aria-label="Me">Me</a>
  </header>`;

/** 2024: stable utility classes, the name heading is not a link. */
const MAIN_2024_GRACE = `
  <main class="scaffold-layout__main" aria-label="Main Feed">
    <section class="artdeco-card" data-member-id="20451">
      <div class="ph5 pb5">
        <h1 class="text-heading-xlarge inline t-24 v-align-middle break-words">
          Grace   Hopper
        </h1>
        <div class="text-body-medium break-words">
          Rear Admiral · Compiler pioneer at US Navy
        </div>
        <span class="text-body-small inline t-black--light break-words">Arlington, Virginia, United States</span>
      </div>
    </section>
    <section class="people" aria-label="People also viewed">
      <h2>People also viewed</h2>
      <a href="/in/${ADA}/">Ada Lovelace — Analytical Engine programmer</a>
    </section>
  </main>`;

/** 2025: hashed classes, the name heading sits in a link to this profile's about overlay. */
const MAIN_2025_ADA = `
  <main class="Xk3qZ" aria-label="Main Feed">
    <section class="a8Tq1" data-view-name="profile-card">
      <a class="pV2x" href="/in/${ADA}/overlay/about-this-profile/" aria-label="Ada Lovelace">
        <h1 class="hN4kd">Ada Lovelace</h1>
      </a>
      <div class="p9q1">Analytical Engine programmer · Poetical scientist</div>
      <span class="t8Lm">London, England, United Kingdom</span>
    </section>
    <section aria-label="People also viewed">
      <a href="/in/${GRACE}/">Grace Hopper — Rear Admiral</a>
    </section>
  </main>`;

/** 2026: no classes at all, only data-view-name attributes, aria-labels and hrefs. */
const MAIN_2026_THILDE = `
  <main aria-label="Main Feed">
    <section data-view-name="profile-top-card" componentkey="profile-top">
      <a href="/in/thilde-markstr%C3%B6m-02a5192b7/overlay/about-this-profile/" aria-label="Thilde Markström">
        <h1>
          Thilde
          Markström
        </h1>
      </a>
      <div data-view-name="profile-headline">Data engineer · Streaming pipelines</div>
    </section>
    <section aria-label="People also viewed">
      <a href="/in/${ADA}/" data-view-name="profile-card">Ada Lovelace</a>
    </section>
  </main>`;

describe('readProfileIdentity on a fresh page load', () => {
  it('2024 markup: name from the title, headline and location from the classes', () => {
    const doc = page('(99+) Grace Hopper | LinkedIn', NAV + MAIN_2024_GRACE);
    expect(readProfileIdentity(doc, GRACE)).toEqual({
      name: 'Grace Hopper',
      headline: 'Rear Admiral · Compiler pioneer at US Navy',
      location: 'Arlington, Virginia, United States',
      sources: { name: 'title', headline: 'dom-class', location: 'dom-class' },
      missing: ['company', 'title'],
      confirmed: true,
    });
  });

  it('2024 markup without a usable title: name from the unanchored heading, unconfirmed', () => {
    const doc = page('LinkedIn', NAV + MAIN_2024_GRACE);
    expect(readProfileIdentity(doc, GRACE)).toEqual({
      name: 'Grace Hopper',
      headline: 'Rear Admiral · Compiler pioneer at US Navy',
      location: 'Arlington, Virginia, United States',
      sources: { name: 'dom-class', headline: 'dom-class', location: 'dom-class' },
      missing: ['company', 'title'],
      confirmed: false,
    });
  });

  it('2025 markup: name from the title, headline from the block after the anchored heading', () => {
    const doc = page('(3) Ada Lovelace | LinkedIn', NAV + MAIN_2025_ADA);
    expect(readProfileIdentity(doc, ADA)).toEqual({
      name: 'Ada Lovelace',
      headline: 'Analytical Engine programmer · Poetical scientist',
      sources: { name: 'title', headline: 'dom-hook' },
      missing: ['company', 'title', 'location'],
      confirmed: true,
    });
  });

  it('2025 markup with an unhelpful title: name from the heading anchored to this profile', () => {
    const doc = page('LinkedIn', NAV + MAIN_2025_ADA);
    expect(readProfileIdentity(doc, ADA)).toEqual({
      name: 'Ada Lovelace',
      headline: 'Analytical Engine programmer · Poetical scientist',
      sources: { name: 'dom-hook', headline: 'dom-hook' },
      missing: ['company', 'title', 'location'],
      confirmed: true,
    });
  });

  it('on a fresh load the title, a more stable layer, wins over the anchored heading', () => {
    const doc = page('(3) Augusta Ada King | LinkedIn', NAV + MAIN_2025_ADA);
    const identity = readProfileIdentity(doc, ADA);
    expect(identity.name).toBe('Augusta Ada King');
    expect(identity.sources.name).toBe('title');
    // The anchored card still contributes what the title does not carry.
    expect(identity.headline).toBe('Analytical Engine programmer · Poetical scientist');
    expect(identity.sources.headline).toBe('dom-hook');
    expect(identity.confirmed).toBe(true);
  });

  it('the anchored heading also wins over an unanchored heading earlier in the page', () => {
    const doc = page('LinkedIn', `<main><h1>Someone Else</h1>${MAIN_2025_ADA}</main>`);
    expect(readProfileIdentity(doc, ADA)).toMatchObject({ name: 'Ada Lovelace', sources: { name: 'dom-hook' }, confirmed: true });
  });

  it('2025 markup logged out: name, headline and company from the title', () => {
    const doc = page('Ada Lovelace - Analytical Engine programmer - Babbage &amp; Co | LinkedIn', MAIN_2025_ADA);
    expect(readProfileIdentity(doc, ADA)).toEqual({
      name: 'Ada Lovelace',
      headline: 'Analytical Engine programmer',
      company: 'Babbage & Co',
      sources: { name: 'title', headline: 'title', company: 'title' },
      missing: ['title', 'location'],
      confirmed: true,
    });
  });

  it('2026 markup: a class-less heading anchored by a percent-encoded href to a non-ASCII slug', () => {
    const doc = page('LinkedIn', NAV + MAIN_2026_THILDE);
    expect(readProfileIdentity(doc, THILDE)).toEqual({
      name: 'Thilde Markström',
      headline: 'Data engineer · Streaming pipelines',
      sources: { name: 'dom-hook', headline: 'dom-hook' },
      missing: ['company', 'title', 'location'],
      confirmed: true,
    });
  });

  it('2026 markup with its title: name from the title, headline still from the anchored card', () => {
    const doc = page('Thilde Markström | LinkedIn', NAV + MAIN_2026_THILDE);
    expect(readProfileIdentity(doc, THILDE)).toEqual({
      name: 'Thilde Markström',
      headline: 'Data engineer · Streaming pipelines',
      sources: { name: 'title', headline: 'dom-hook' },
      missing: ['company', 'title', 'location'],
      confirmed: true,
    });
  });

  it('matches anchors by profile, not by spelling: absolute, mixed-case, mobile hrefs', () => {
    for (const href of [
      `https://www.linkedin.com/in/${ADA}/`,
      '/in/Ada-Lovelace-0A1B2C3D/overlay/about-this-profile/',
      `https://se.linkedin.com/in/${ADA}?originalSubdomain=se`,
      `/m/in/${ADA}/`,
    ]) {
      const doc = page('LinkedIn', `<main><a href="${href}"><h1>Ada Lovelace</h1></a></main>`);
      expect(readProfileIdentity(doc, ADA), href).toMatchObject({ name: 'Ada Lovelace', sources: { name: 'dom-hook' }, confirmed: true });
    }
  });

  it('ignores anchored headings on other hosts', () => {
    const doc = page('LinkedIn', `<main><a href="https://evil.example/in/${ADA}/"><h1>Mallory</h1></a></main>`);
    const identity = readProfileIdentity(doc, ADA);
    // Only the structural fallback can pick it up, and it is then not confirmed
    expect(identity.sources.name).toBe('dom-class');
    expect(identity.confirmed).toBe(false);
  });

  it('ignores a heading anchored to a different profile', () => {
    const stale = `<main><a href="/in/${ADA}/overlay/about-this-profile/"><h1>Ada Lovelace</h1></a></main>`;
    expect(readProfileIdentity(page('(99+) Grace Hopper | LinkedIn', stale), GRACE)).toEqual({
      name: 'Grace Hopper',
      sources: { name: 'title' },
      missing: ['headline', 'company', 'title', 'location'],
      confirmed: true,
    });
  });

  it('skips links without a heading and an anchored heading without text', () => {
    const doc = page('(3) Ada Lovelace | LinkedIn', `<main><a href="/in/${ADA}/"><h1>  </h1></a></main>`);
    expect(readProfileIdentity(doc, ADA)).toMatchObject({ name: 'Ada Lovelace', sources: { name: 'title' }, confirmed: true });
  });

  it('tolerates links whose href is not a URL', () => {
    const doc = page(
      'LinkedIn',
      `<main><a href="http://[/in/x"><h1>Broken</h1></a><a href="/in/%E0%A4%A/"><h1>Bad</h1></a>${MAIN_2025_ADA}</main>`,
    );
    expect(readProfileIdentity(doc, ADA)).toMatchObject({ name: 'Ada Lovelace', sources: { name: 'dom-hook' }, confirmed: true });
  });

  it('a page with nothing but a logged-out title', () => {
    const doc = page('Jane Doe - Staff Engineer - Acme | LinkedIn', '');
    expect(readProfileIdentity(doc, 'jane-doe-1a2b3c4d')).toEqual({
      name: 'Jane Doe',
      headline: 'Staff Engineer',
      company: 'Acme',
      sources: { name: 'title', headline: 'title', company: 'title' },
      missing: ['title', 'location'],
      confirmed: true,
    });
  });

  it('a page with nothing but a logged-in title', () => {
    const doc = page('(3) Jane Doe | LinkedIn', '');
    expect(readProfileIdentity(doc, 'jane-doe-1a2b3c4d')).toEqual({
      name: 'Jane Doe',
      sources: { name: 'title' },
      missing: ['headline', 'company', 'title', 'location'],
      confirmed: true,
    });
  });

  it('a page that names nobody falls back to the slug', () => {
    const doc = page('LinkedIn', `${NAV}<main><h2>Loading…</h2></main>`);
    expect(readProfileIdentity(doc, 'jane-doe-1a2b3c4d')).toEqual({
      name: 'Jane Doe',
      sources: { name: 'url' },
      missing: ['name', 'headline', 'company', 'title', 'location'],
      confirmed: false,
    });
  });

  it('does not read a heading outside main', () => {
    const doc = page('LinkedIn', '<header><h1>LinkedIn</h1></header><main></main>');
    expect(readProfileIdentity(doc, 'jane-doe')).toMatchObject({ name: 'Jane Doe', sources: { name: 'url' } });
  });

  it.each([
    ['Profile Not Found | LinkedIn', 'not-found'],
    ['(3) Page Not Found | LinkedIn', 'not-found'],
    ['LinkedIn: Log In or Sign Up', 'sign-in'],
    ['Sign Up | LinkedIn', 'sign-in'],
  ] as const)('special page %j → %s, even with a profile heading in the page', (title, special) => {
    const doc = page(title, `<main><h1>This page doesn’t exist</h1>${MAIN_2025_ADA}</main>`);
    expect(readProfileIdentity(doc, ADA)).toEqual({
      name: 'Ada Lovelace',
      sources: { name: 'url' },
      // Nothing is read from a special page: the name comes from the URL only.
      missing: ['name', 'headline', 'company', 'title', 'location'],
      confirmed: true,
      special,
    });
  });
});

describe('readProfileIdentity after in-app navigation (staleTitle)', () => {
  const ADA_TITLE = '(3) Ada Lovelace | LinkedIn';

  it('ignores a title equal to the stale one and an unanchored heading: the slug names the person', () => {
    // Still Ada's title over Grace's 2024 markup (or Ada's leftover markup): nothing provably about Grace
    const doc = page(ADA_TITLE, NAV + MAIN_2024_GRACE);
    expect(readProfileIdentity(doc, GRACE, { staleTitle: ADA_TITLE })).toEqual({
      name: 'Grace Hopper',
      sources: { name: 'url' },
      missing: ['name', 'headline', 'company', 'title', 'location'],
      confirmed: false,
    });
  });

  it('ignores the previous person’s unanchored heading', () => {
    const doc = page(ADA_TITLE, `<main><h1 class="text-heading-xlarge">Ada Lovelace</h1><div class="text-body-medium">Poetical scientist</div></main>`);
    const identity = readProfileIdentity(doc, GRACE, { staleTitle: ADA_TITLE });
    expect(identity.name).toBe('Grace Hopper');
    expect(identity.headline).toBeUndefined();
    expect(identity.confirmed).toBe(false);
  });

  it('ignores the previous person’s anchored heading', () => {
    const doc = page(ADA_TITLE, NAV + MAIN_2025_ADA);
    expect(readProfileIdentity(doc, GRACE, { staleTitle: ADA_TITLE })).toEqual({
      name: 'Grace Hopper',
      sources: { name: 'url' },
      missing: ['name', 'headline', 'company', 'title', 'location'],
      confirmed: false,
    });
  });

  it('treats a title that differs only in the notification count or whitespace as stale', () => {
    for (const current of ['(4) Ada Lovelace | LinkedIn', 'Ada Lovelace | LinkedIn', '(99+)  Ada Lovelace\n| LinkedIn']) {
      const doc = page(current, NAV + MAIN_2024_GRACE);
      expect(readProfileIdentity(doc, GRACE, { staleTitle: ADA_TITLE }), current).toMatchObject({
        name: 'Grace Hopper',
        sources: { name: 'url' },
        confirmed: false,
      });
    }
  });

  it('trusts the anchored heading for the new slug even while the title is stale', () => {
    const doc = page(ADA_TITLE, NAV + MAIN_2026_THILDE);
    expect(readProfileIdentity(doc, THILDE, { staleTitle: ADA_TITLE })).toEqual({
      name: 'Thilde Markström',
      headline: 'Data engineer · Streaming pipelines',
      sources: { name: 'dom-hook', headline: 'dom-hook' },
      missing: ['company', 'title', 'location'],
      confirmed: true,
    });
  });

  it('a confirmed name also trusts the class headline', () => {
    const doc = page('(3) Grace Hopper | LinkedIn', NAV + MAIN_2024_GRACE);
    expect(readProfileIdentity(doc, GRACE, { staleTitle: ADA_TITLE })).toEqual({
      name: 'Grace Hopper',
      headline: 'Rear Admiral · Compiler pioneer at US Navy',
      location: 'Arlington, Virginia, United States',
      sources: { name: 'title', headline: 'dom-class', location: 'dom-class' },
      missing: ['company', 'title'],
      confirmed: true,
    });
  });

  it('trusts a new title once the app has swapped it in', () => {
    const doc = page('(3) Grace Hopper | LinkedIn', '');
    expect(readProfileIdentity(doc, GRACE, { staleTitle: ADA_TITLE })).toMatchObject({
      name: 'Grace Hopper',
      sources: { name: 'title' },
      confirmed: true,
    });
  });

  it('coming from the feed, the feed title names nobody', () => {
    const doc = page('(3) Feed | LinkedIn', NAV + MAIN_2024_GRACE);
    expect(readProfileIdentity(doc, GRACE, { staleTitle: '(3) Feed | LinkedIn' })).toMatchObject({
      sources: { name: 'url' },
      confirmed: false,
    });
  });

  it('a stale special title does not mark the new page special', () => {
    const doc = page('Profile Not Found | LinkedIn', '<main><h1>This page doesn’t exist</h1></main>');
    const identity = readProfileIdentity(doc, ADA, { staleTitle: 'Profile Not Found | LinkedIn' });
    expect(identity.special).toBeUndefined();
    expect(identity).toMatchObject({ name: 'Ada Lovelace', sources: { name: 'url' }, confirmed: false });
  });

  it('a new special title is reported', () => {
    const doc = page('Profile Not Found | LinkedIn', '');
    expect(readProfileIdentity(doc, ADA, { staleTitle: ADA_TITLE })).toMatchObject({ special: 'not-found', confirmed: true });
  });

  it('an empty staleTitle still means “after navigation”', () => {
    const doc = page('', MAIN_2024_GRACE);
    expect(readProfileIdentity(doc, GRACE, { staleTitle: '' })).toMatchObject({ sources: { name: 'url' }, confirmed: false });
    expect(readProfileIdentity(doc, GRACE)).toMatchObject({ sources: { name: 'dom-class' }, confirmed: false });
  });
});

/** Embedded API data as LinkedIn serves it: HTML-escaped JSON in `<code id="bpr-guid-N">`. */
function embedded(included: unknown[], id = 1): string {
  const json = JSON.stringify({ data: {}, included }).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return `<code style="display: none" id="bpr-guid-${id}">${json}</code>`;
}

const ADA_TITLE_FOR_LAYERS = '(3) Ada Lovelace | LinkedIn';
const VIEWER = 'viewer-self-9z9z9z';
/** The viewer's own `Me` entity and mini profile: present on every logged-in page. */
const ME = [
  { $type: 'com.linkedin.voyager.common.Me', '*miniProfile': 'urn:li:fs_miniProfile:ACoAAViewer00000000000' },
  {
    $type: 'com.linkedin.voyager.identity.shared.MiniProfile',
    entityUrn: 'urn:li:fs_miniProfile:ACoAAViewer00000000000',
    publicIdentifier: VIEWER,
    firstName: 'Robin',
    lastName: 'Viewer',
    occupation: 'Job seeker',
  },
];
const GRACE_ENTITIES = [
  {
    $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
    entityUrn: 'urn:li:fsd_profile:ACoAAGrace000000000000',
    publicIdentifier: GRACE,
    firstName: 'Grace',
    lastName: 'Hopper',
    headline: 'Rear Admiral',
    locationName: 'Arlington, Virginia',
  },
  {
    $type: 'com.linkedin.voyager.dash.identity.profile.Position',
    entityUrn: 'urn:li:fsd_profilePosition:(ACoAAGrace000000000000,1)',
    companyName: 'US Navy',
    title: 'Rear Admiral',
    dateRange: { start: { year: 1943 } },
  },
];

const jsonLd = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('readProfileIdentity: the layers', () => {
  it('JSON-LD about this profile gives what the title does not; the title keeps the name', () => {
    const doc = page(
      'Sven Lindqvist | LinkedIn',
      jsonLd({
        '@context': 'http://schema.org',
        '@graph': [
          { '@type': 'Person', name: 'Someone Else', url: 'https://www.linkedin.com/in/someone-else', jobTitle: 'Spy' },
          {
            '@type': 'Person',
            name: 'Sven L.',
            url: 'https://se.linkedin.com/in/sven-lindqvist-7f3e21',
            description: 'I build the services behind playlists.',
            jobTitle: ['Backend Engineer', 'Mentor'],
            worksFor: [{ '@type': 'Organization', name: 'Kolibri Music AB' }],
            address: { '@type': 'PostalAddress', addressLocality: 'Stockholm', addressCountry: 'SE' },
          },
        ],
      }),
    );
    expect(readProfileIdentity(doc, 'sven-lindqvist-7f3e21')).toEqual({
      name: 'Sven Lindqvist',
      headline: 'I build the services behind playlists.',
      company: 'Kolibri Music AB',
      title: 'Backend Engineer',
      location: 'Stockholm, SE',
      sources: { name: 'title', headline: 'json-ld', company: 'json-ld', title: 'json-ld', location: 'json-ld' },
      missing: [],
      confirmed: true,
    });
  });

  it('JSON-LD about another profile is ignored', () => {
    const doc = page('LinkedIn', jsonLd({ '@type': 'Person', name: 'Someone Else', url: 'https://www.linkedin.com/in/someone-else', jobTitle: 'Spy' }));
    const identity = readWithNotes(doc, 'sven-lindqvist-7f3e21');
    expect(identity).toMatchObject({ name: 'Sven Lindqvist', sources: { name: 'url' }, confirmed: false });
    expect(identity.title).toBeUndefined();
    expect(identity.layerNotes).toContain('json-ld: no Person for this profile');
  });

  it('embedded data for this slug names the person on a fresh load, with the current position', () => {
    const doc = page('LinkedIn', embedded([...ME, ...GRACE_ENTITIES]));
    expect(readProfileIdentity(doc, GRACE)).toEqual({
      name: 'Grace Hopper',
      headline: 'Rear Admiral',
      company: 'US Navy',
      title: 'Rear Admiral',
      location: 'Arlington, Virginia',
      sources: { name: 'embedded-data', headline: 'embedded-data', company: 'embedded-data', title: 'embedded-data', location: 'embedded-data' },
      missing: [],
      confirmed: true,
    });
  });

  it('after in-app navigation embedded data (which predates it) fills fields but does not confirm', () => {
    const doc = page(ADA_TITLE_FOR_LAYERS, embedded([...ME, ...GRACE_ENTITIES]));
    expect(readProfileIdentity(doc, GRACE, { staleTitle: ADA_TITLE_FOR_LAYERS })).toMatchObject({
      name: 'Grace Hopper',
      sources: { name: 'embedded-data' },
      confirmed: false,
    });
  });

  it("the viewer's own mini profile never stands in for the profile on display", () => {
    const doc = page('LinkedIn', embedded(ME));
    const identity = readWithNotes(doc, GRACE);
    expect(identity).toMatchObject({ name: 'Grace Hopper', sources: { name: 'url' }, confirmed: false });
    expect(identity.headline).toBeUndefined();
    expect(identity.special).toBeUndefined();
    expect(identity.layerNotes).toContain('embedded-data: no entry for this profile');
  });

  it("the viewer's own profile is special: own-profile (from embedded data)", () => {
    const doc = page('(3) Robin Viewer | LinkedIn', embedded(ME));
    expect(readProfileIdentity(doc, VIEWER)).toMatchObject({ name: 'Robin Viewer', special: 'own-profile', confirmed: true });
  });

  it("the viewer's own profile is special: own-profile (from the edit-intro hook in the top card)", () => {
    const card = `<main><section data-view-name="profile-top-card">
      <a href="/in/${ADA}/overlay/about-this-profile/"><h1>Ada Lovelace</h1></a>
      <div>Analyst</div>
      <a href="/in/${ADA}/edit/intro/" aria-label="Edit intro">Edit</a>
    </section></main>`;
    expect(readProfileIdentity(page('LinkedIn', card), ADA)).toMatchObject({ name: 'Ada Lovelace', special: 'own-profile' });
    // Without the hook it is anyone's profile.
    expect(readProfileIdentity(page('LinkedIn', card.replace(/<a href="[^"]*edit[^>]*>Edit<\/a>/, '')), ADA).special).toBeUndefined();
  });

  it('hooks in the anchored top card: headline, aria-labelled company, location next to “Contact info”', () => {
    const card = `<main><section data-view-name="profile-top-card">
      <a href="/in/${ADA}/overlay/about-this-profile/"><h1>Ada Lovelace</h1></a>
      <div>   </div>
      <div>Analyst of engines</div>
      <button aria-label="Current company: Babbage &amp; Co. Click to skip to experience card">Babbage &amp; Co</button>
      <div><span>London, England</span> <span>·</span> <a href="/in/${ADA}/overlay/contact-info/">Contact info</a></div>
    </section></main>`;
    expect(readProfileIdentity(page('LinkedIn', card), ADA)).toEqual({
      name: 'Ada Lovelace',
      headline: 'Analyst of engines',
      company: 'Babbage & Co',
      location: 'London, England',
      sources: { name: 'dom-hook', headline: 'dom-hook', company: 'dom-hook', location: 'dom-hook' },
      missing: ['title'],
      confirmed: true,
    });
  });

  it('a fresh page without an anchored card still reads the aria-labelled company as a hook', () => {
    const doc = page('(3) Grace Hopper | LinkedIn', `<main><button aria-label="Current company: US Navy">US Navy</button></main>`);
    expect(readProfileIdentity(doc, GRACE)).toMatchObject({ company: 'US Navy', sources: { name: 'title', company: 'dom-hook' } });
    // After navigation unanchored markup may be the previous person's.
    const stale = page(ADA_TITLE_FOR_LAYERS, `<main><button aria-label="Current company: Babbage">Babbage</button></main>`);
    expect(readProfileIdentity(stale, GRACE, { staleTitle: ADA_TITLE_FOR_LAYERS }).company).toBeUndefined();
  });

  it('layerNotes say what each layer could not find', () => {
    const doc = page('LinkedIn', '<main></main>');
    expect(readWithNotes(doc, GRACE).layerNotes).toEqual([
      'json-ld: no Person for this profile',
      'embedded-data: none',
      'dom-hook: no heading linking to this profile',
      'dom-class: 2024 selectors found nothing',
    ]);
    expect(readWithNotes(page(ADA_TITLE_FOR_LAYERS, '<main></main>'), GRACE, { staleTitle: ADA_TITLE_FOR_LAYERS }).layerNotes).toEqual([
      'title: still the previous page’s',
      'json-ld: no Person for this profile',
      'embedded-data: none',
      'dom-hook: no heading linking to this profile',
      'dom-class: may show the previous person',
    ]);
    expect(readWithNotes(page('Profile Not Found | LinkedIn', ''), GRACE).layerNotes).toEqual(['title: not-found page']);
  });
});
