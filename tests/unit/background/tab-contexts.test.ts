import { describe, expect, it } from 'vitest';
import { annotatedSiteOf } from '../../../utils/active-tab';
import { createTabContexts, forgetOnSiteChange, type SessionArea } from '../../../utils/background/tab-contexts';
import type { PageContext } from '../../../utils/model/page-context';

function memoryArea(): SessionArea {
  const items = new Map<string, unknown>();
  return {
    async get(key) {
      return items.has(key) ? { [key]: items.get(key) } : {};
    },
    async set(values) {
      for (const [key, value] of Object.entries(values)) items.set(key, value);
    },
    async remove(key) {
      items.delete(key);
    },
  };
}

const SECRET = 'Tab_context_test_secret_0123456789abcdef';
const profile: PageContext = {
  kind: 'linkedin-profile',
  url: 'https://www.linkedin.com/in/ada-lovelace/',
  slug: 'ada-lovelace',
  ready: true,
  name: 'Ada Lovelace',
  sources: {},
  missing: [],
};

describe('annotatedSiteOf', () => {
  it.each([
    ['https://www.linkedin.com/in/ada/', 'linkedin'],
    ['https://se.linkedin.com/in/ada/', 'linkedin'],
    ['https://mail.google.com/mail/u/0/#inbox', 'gmail'],
    ['https://outlook.live.com/mail/0/', 'outlook'],
    ['https://outlook.office365.com/mail/', 'outlook'],
    ['https://example.com/', null],
    ['http://www.linkedin.com/in/ada/', null],
    ['not a url', null],
    [undefined, null],
  ])('%s → %s', (url, site) => {
    expect(annotatedSiteOf(url)).toBe(site);
  });
});

describe('forgetOnSiteChange', () => {
  it("forgets a LinkedIn person when the tab goes to Gmail, keeping the frame's secret", async () => {
    const tabs = createTabContexts(memoryArea());
    await tabs.set(7, { secret: SECRET, context: profile, updatedAt: 1 });
    expect(await forgetOnSiteChange(tabs, 7, 'https://mail.google.com/mail/u/0/#inbox')).toBe(true);
    expect(await tabs.get(7)).toEqual({ secret: SECRET, context: null, updatedAt: 1 });
  });

  it('keeps the context within the same site, without a URL, and when there is none', async () => {
    const tabs = createTabContexts(memoryArea());
    await tabs.set(7, { secret: SECRET, context: profile, updatedAt: 1 });
    expect(await forgetOnSiteChange(tabs, 7, 'https://www.linkedin.com/in/grace-hopper/')).toBe(false);
    expect(await forgetOnSiteChange(tabs, 7, undefined)).toBe(false);
    expect((await tabs.get(7))?.context).toEqual(profile);
    expect(await forgetOnSiteChange(tabs, 8, 'https://mail.google.com/mail/u/0/')).toBe(false);
    expect(await tabs.get(8)).toBeNull();
  });
});
