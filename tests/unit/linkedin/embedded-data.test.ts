// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { embeddedEntities, embeddedProfile, viewerSlug } from '../../../utils/linkedin/embedded-data';

/** Escaped as LinkedIn serves it: the DOM decodes the entities back into JSON text. */
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const block = (id: string, text: string) => `<code style="display: none" id="${id}">${escape(text)}</code>`;
const data = (included: unknown[], id = 'bpr-guid-1') => block(id, JSON.stringify({ data: {}, included }));

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>LinkedIn</title></head><body>${body}</body></html>`, 'text/html');
}

const VIEWER_URN = 'urn:li:fs_miniProfile:ACoAAViewer00000000000';
const ME = { $type: 'com.linkedin.voyager.common.Me', '*miniProfile': VIEWER_URN };
const VIEWER_MINI = {
  $type: 'com.linkedin.voyager.identity.shared.MiniProfile',
  entityUrn: VIEWER_URN,
  publicIdentifier: 'Viewer-Self-9z9z9z',
  firstName: 'Robin',
  lastName: 'Viewer',
  occupation: 'Job seeker · Data analyst',
};

const DOROTHY = {
  $type: 'com.linkedin.voyager.dash.identity.profile.Profile',
  entityUrn: 'urn:li:fsd_profile:ACoAADorothy0000000000',
  publicIdentifier: 'dorothy-vaughan-1a2b3c',
  firstName: 'Dorothy',
  lastName: 'Vaughan',
  headline: 'Supervisor, West Area Computing',
  locationName: 'Hampton, Virginia',
};
const position = (member: string, n: number, fields: Record<string, unknown>) => ({
  $type: 'com.linkedin.voyager.dash.identity.profile.Position',
  entityUrn: `urn:li:fsd_profilePosition:(${member},${n})`,
  ...fields,
});
const DOROTHY_PAST = position('ACoAADorothy0000000000', 2, {
  companyName: 'NASA',
  title: 'Programmer',
  dateRange: { start: { year: 1958 }, end: { year: 1971 } },
});
const DOROTHY_CURRENT = position('ACoAADorothy0000000000', 1, { companyName: 'NACA', title: 'Supervisor', dateRange: { start: { year: 1949 } } });

describe('embeddedEntities', () => {
  it('collects `included` from every bpr-guid block, in page order', () => {
    const doc = page(data([ME, VIEWER_MINI], 'bpr-guid-4') + data([DOROTHY], 'bpr-guid-5'));
    expect(embeddedEntities(doc)).toEqual([ME, VIEWER_MINI, DOROTHY]);
  });

  it('skips malformed JSON, blocks without an `included` list, and entries that are not objects', () => {
    const doc = page(
      block('bpr-guid-1', '{"included": [') +
        block('bpr-guid-2', 'not json at all') +
        block('bpr-guid-3', '{"data": {"included": "nope"}}') +
        block('bpr-guid-4', '{"included": {"firstName": "Not a list"}}') +
        block('bpr-guid-5', 'null') +
        block('bpr-guid-6', '[1, 2, 3]') +
        block('bpr-guid-7', JSON.stringify({ included: [null, 42, 'text', DOROTHY, true] })) +
        block('bpr-guid-8', ''),
    );
    expect(embeddedEntities(doc)).toEqual([DOROTHY]);
  });

  it('reads only the bpr-guid code blocks (not their datalet descriptions or other code)', () => {
    const doc = page(
      block('datalet-bpr-guid-1', JSON.stringify({ request: '/voyager/api/graphql', included: [VIEWER_MINI] })) +
        `<code>${escape(JSON.stringify({ included: [ME] }))}</code>` +
        `<pre id="bpr-guid-9">${escape(JSON.stringify({ included: [ME] }))}</pre>` +
        data([DOROTHY], 'bpr-guid-2'),
    );
    expect(embeddedEntities(doc)).toEqual([DOROTHY]);
  });

  it('a page without embedded data has no entities', () => {
    expect(embeddedEntities(page('<main></main>'))).toEqual([]);
  });
});

describe('embeddedProfile', () => {
  const entities = [ME, VIEWER_MINI, DOROTHY, DOROTHY_PAST, DOROTHY_CURRENT];

  it('the profile for the slug, with the current position (the one without an end date)', () => {
    expect(embeddedProfile(entities, 'dorothy-vaughan-1a2b3c')).toEqual({
      slug: 'dorothy-vaughan-1a2b3c',
      name: 'Dorothy Vaughan',
      headline: 'Supervisor, West Area Computing',
      location: 'Hampton, Virginia',
      company: 'NACA',
      title: 'Supervisor',
    });
  });

  it('matches the public identifier case-insensitively and percent-decoded', () => {
    const thilde = { ...DOROTHY, publicIdentifier: 'Thilde-Markstr%C3%B6m-02A5192B7', firstName: 'Thilde', lastName: 'Markström' };
    expect(embeddedProfile([thilde], 'thilde-markström-02a5192b7')).toMatchObject({ name: 'Thilde Markström' });
    const upper = { ...DOROTHY, publicIdentifier: 'Dorothy-Vaughan-1A2B3C' };
    expect(embeddedProfile([upper], 'dorothy-vaughan-1a2b3c')).toMatchObject({ name: 'Dorothy Vaughan' });
    // A malformed escape is compared as it is.
    const broken = { ...DOROTHY, publicIdentifier: 'dorothy-%E0%A4%A' };
    expect(embeddedProfile([broken], 'dorothy-%e0%a4%a')).toMatchObject({ name: 'Dorothy Vaughan' });
  });

  it('another profile, or an entity without a name, is not this profile', () => {
    expect(embeddedProfile(entities, 'grace-hopper-3d4e5f')).toBeUndefined();
    const company = { $type: 'com.linkedin.voyager.dash.organization.Company', publicIdentifier: 'dorothy-vaughan-1a2b3c', name: 'Vaughan Inc' };
    expect(embeddedProfile([company], 'dorothy-vaughan-1a2b3c')).toBeUndefined();
    expect(embeddedProfile([{ ...DOROTHY, publicIdentifier: 42 }], 'dorothy-vaughan-1a2b3c')).toBeUndefined();
    expect(embeddedProfile([], 'dorothy-vaughan-1a2b3c')).toBeUndefined();
  });

  it("the viewer's own mini profile is never returned for another slug", () => {
    expect(embeddedProfile([ME, VIEWER_MINI], 'dorothy-vaughan-1a2b3c')).toBeUndefined();
    // Only for the viewer's own slug.
    expect(embeddedProfile([ME, VIEWER_MINI], 'viewer-self-9z9z9z')).toEqual({
      slug: 'viewer-self-9z9z9z',
      name: 'Robin Viewer',
      headline: 'Job seeker · Data analyst',
    });
  });

  it('the most recently started of several current positions', () => {
    const board = position('ACoAADorothy0000000000', 3, { companyName: 'Hampton Library Board', title: 'Member', dateRange: { start: { year: 1940, month: 3 } } });
    const recent = position('ACoAADorothy0000000000', 4, { companyName: 'NASA Langley', title: 'Lead', dateRange: { start: { year: 1949, month: 6 } } });
    expect(embeddedProfile([DOROTHY, board, DOROTHY_CURRENT, recent], 'dorothy-vaughan-1a2b3c')).toMatchObject({
      company: 'NASA Langley',
      title: 'Lead',
    });
    // A position without a start date comes after dated ones.
    const undated = position('ACoAADorothy0000000000', 5, { companyName: 'Somewhere', title: 'Undated' });
    expect(embeddedProfile([DOROTHY, undated, board], 'dorothy-vaughan-1a2b3c')).toMatchObject({ company: 'Hampton Library Board' });
    expect(embeddedProfile([DOROTHY, undated], 'dorothy-vaughan-1a2b3c')).toMatchObject({ company: 'Somewhere', title: 'Undated' });
  });

  it('no current position: no company or title; positions of other members never count', () => {
    const other = position('ACoAAGrace000000000000', 1, { companyName: 'US Navy', title: 'Rear Admiral', dateRange: { start: { year: 1943 } } });
    const identity = embeddedProfile([DOROTHY, DOROTHY_PAST, other], 'dorothy-vaughan-1a2b3c');
    expect(identity).toMatchObject({ name: 'Dorothy Vaughan' });
    expect(identity?.company).toBeUndefined();
    expect(identity?.title).toBeUndefined();
    // Without its own member urn, a profile cannot claim anyone's positions.
    const { entityUrn: _urn, ...noUrn } = DOROTHY;
    expect(embeddedProfile([noUrn, DOROTHY_CURRENT], 'dorothy-vaughan-1a2b3c')?.company).toBeUndefined();
  });

  it('falls back: occupation for the headline, other location fields, a first name alone', () => {
    const sparse = {
      publicIdentifier: 'dorothy-vaughan-1a2b3c',
      firstName: '  Dorothy ',
      lastName: '',
      occupation: 'Mathematician\n at  NACA',
      geoLocation: { defaultLocalizedName: 'Hampton, VA' },
    };
    expect(embeddedProfile([sparse], 'dorothy-vaughan-1a2b3c')).toEqual({
      slug: 'dorothy-vaughan-1a2b3c',
      name: 'Dorothy',
      headline: 'Mathematician at NACA',
      location: 'Hampton, VA',
    });
    expect(embeddedProfile([{ ...sparse, geoLocationName: 'Virginia' }], 'dorothy-vaughan-1a2b3c')?.location).toBe('Virginia');
    expect(embeddedProfile([{ ...sparse, firstName: ' ' }], 'dorothy-vaughan-1a2b3c')?.name).toBeUndefined();
  });
});

describe('viewerSlug', () => {
  it("finds the viewer's own slug through Me → mini profile, lowercased", () => {
    expect(viewerSlug([DOROTHY, ME, VIEWER_MINI])).toBe('viewer-self-9z9z9z');
  });

  it('also through a `miniProfile` key, and percent-decoded', () => {
    const me = { $type: 'com.linkedin.voyager.common.Me', miniProfile: VIEWER_URN };
    expect(viewerSlug([me, { ...VIEWER_MINI, publicIdentifier: 'Thilde-Markstr%C3%B6m' }])).toBe('thilde-markström');
  });

  it('is undefined without Me, or when Me points at nothing', () => {
    expect(viewerSlug([VIEWER_MINI, DOROTHY])).toBeUndefined();
    expect(viewerSlug([ME, DOROTHY])).toBeUndefined();
    expect(viewerSlug([{ ...ME, '*miniProfile': 42 }, VIEWER_MINI])).toBeUndefined();
    expect(viewerSlug([ME, { ...VIEWER_MINI, publicIdentifier: undefined }])).toBeUndefined();
    expect(viewerSlug([])).toBeUndefined();
  });

  it('is not confused by other profiles: the viewer is who Me points at', () => {
    const doc = page(data([DOROTHY, DOROTHY_CURRENT]) + data([ME, VIEWER_MINI], 'bpr-guid-2'));
    const entities = embeddedEntities(doc);
    expect(viewerSlug(entities)).toBe('viewer-self-9z9z9z');
    expect(embeddedProfile(entities, 'dorothy-vaughan-1a2b3c')?.name).toBe('Dorothy Vaughan');
  });
});
