// The side panel follows the active tab of its window (WXT's fake browser: tabs.create with
// `active` fires onActivated; onFocusChanged and onUpdated have `trigger`).
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { followActiveTab, isAnnotatedUrl, type FollowedTab, type TabApis } from '../../utils/active-tab';

beforeEach(async () => {
  fakeBrowser.reset();
  // The fake has no focused window until one is created (so no "current window").
  await browser.windows.create({ focused: true });
});

const apis = () => browser as unknown as TabApis;

describe('isAnnotatedUrl', () => {
  it('is true exactly where a content script runs (LinkedIn, Gmail, Outlook on the web)', () => {
    for (const url of [
      'https://mail.google.com/mail/u/0/#inbox',
      'https://outlook.live.com/mail/0/inbox',
      'https://outlook.office.com/mail/',
      'https://outlook.office365.com/mail/inbox/id/AAQk',
      'https://www.linkedin.com/in/ada/',
      'https://linkedin.com/feed/',
      'https://se.linkedin.com/in/x',
      'https://www.linkedin.com/company/babbage-and-co/',
    ]) {
      expect(isAnnotatedUrl(url), url).toBe(true);
    }
    for (const url of [
      undefined,
      '',
      'not a url',
      'http://www.linkedin.com/in/ada/',
      'https://linkedin.com.evil.example/in/ada/',
      'https://evillinkedin.com/',
      'http://mail.google.com/mail/u/0/',
      'https://mail.google.com.evil.example/',
      'https://outlook.com/',
      'https://calendar.google.com/',
      'chrome://newtab/',
    ]) {
      expect(isAnnotatedUrl(url), String(url)).toBe(false);
    }
  });
});

describe('followActiveTab', () => {
  it('reports the active tab of the window, then every switch', async () => {
    const first = await browser.tabs.create({ url: 'https://www.linkedin.com/in/ada/', active: true });
    const seen: FollowedTab[] = [];
    const stop = followActiveTab(apis(), (tab) => seen.push(tab));
    await vi.waitFor(() => expect(seen).toEqual([{ tabId: first.id, onSite: true, site: 'linkedin' }]));

    const second = await browser.tabs.create({ url: 'https://example.com/', active: true });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    expect(seen[1]).toEqual({ tabId: second.id, onSite: false, site: null });
    stop();
  });

  it('re-checks when the window regains focus, without repeating an unchanged tab', async () => {
    const tab = await browser.tabs.create({ url: 'https://www.linkedin.com/in/ada/', active: true });
    const seen = vi.fn();
    followActiveTab(apis(), seen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    await fakeBrowser.windows.onFocusChanged.trigger(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveBeenCalledTimes(1);
    expect(seen).toHaveBeenLastCalledWith({ tabId: tab.id, onSite: true, site: 'linkedin' });
  });

  it('notices the followed tab leaving LinkedIn, and coming back', async () => {
    const tab = await browser.tabs.create({ url: 'https://www.linkedin.com/in/ada/', active: true });
    const seen: FollowedTab[] = [];
    followActiveTab(apis(), (t) => seen.push(t));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    // Without host access the browser gives no URL: another site.
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'loading' }, { ...tab, url: undefined });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, { ...tab, url: undefined });
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: 'https://www.linkedin.com/in/grace/' }, tab);
    // Another tab's update is not ours.
    await fakeBrowser.tabs.onUpdated.trigger(99, { status: 'complete' }, { ...tab, id: 99, url: undefined });
    expect(seen).toEqual([
      { tabId: tab.id, onSite: true, site: 'linkedin' },
      { tabId: tab.id, onSite: false, site: null },
      { tabId: tab.id, onSite: true, site: 'linkedin' },
    ]);
  });

  it('reports the followed tab moving from one of Rapport\'s sites to another', async () => {
    const tab = await browser.tabs.create({ url: 'https://www.linkedin.com/in/ada/', active: true });
    const seen: FollowedTab[] = [];
    followActiveTab(apis(), (t) => seen.push(t));
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { url: 'https://mail.google.com/mail/u/0/' }, { ...tab, url: 'https://mail.google.com/mail/u/0/' });
    expect(seen.map((t) => t.site)).toEqual(['linkedin', 'gmail']);
  });

  it('ignores switches in other windows', async () => {
    const tab = await browser.tabs.create({ url: 'https://www.linkedin.com/in/ada/', active: true });
    const seen = vi.fn();
    followActiveTab(apis(), seen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    await fakeBrowser.tabs.onActivated.trigger({ tabId: 42, windowId: (tab.windowId ?? 0) + 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('stops following when asked', async () => {
    await browser.tabs.create({ url: 'https://www.linkedin.com/in/ada/', active: true });
    const seen = vi.fn();
    const stop = followActiveTab(apis(), seen);
    await vi.waitFor(() => expect(seen).toHaveBeenCalledTimes(1));
    stop();
    await browser.tabs.create({ url: 'https://example.com/', active: true });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen).toHaveBeenCalledTimes(1);
  });
});
