// @vitest-environment happy-dom
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { PanelSidebar, type PanelFollower } from '../../../components/sidebar/SidebarHosts';
import { SITES_KEY } from '../../../utils/site-switch';
import { fakeRequest } from './helpers';

beforeEach(() => fakeBrowser.reset());

/** A follower that stays on one tab and asks for no view (the panel's text is what is tested). */
const follower = (site: 'linkedin' | 'gmail' | 'outlook' | null): PanelFollower => ({
  current: () => ({ tab: { tabId: 7, onSite: site !== null, site }, firstView: null }),
  subscribe: () => () => {},
  stop: () => {},
});

describe('the side panel on a site Rapport is switched off for', () => {
  it('says so and turns it back on, keeping the other switches', async () => {
    await fakeBrowser.storage.local.set({ [SITES_KEY]: { linkedin: true, gmail: false, outlook: false } });
    const fake = fakeRequest();
    render(<PanelSidebar request={fake.request} follower={follower('gmail')} panel={null} />);
    await screen.findByText(/Rapport is switched off for Gmail/);
    fireEvent.click(screen.getByRole('button', { name: 'Turn Rapport on for Gmail' }));
    await waitFor(() => expect(fake.sent('settings.update')).toEqual([{ patch: { sites: { linkedin: true, gmail: true, outlook: false } } }]));
    // The worker mirrors the setting back: the panel follows it.
    await fakeBrowser.storage.local.set({ [SITES_KEY]: { linkedin: true, gmail: true, outlook: false } });
    await waitFor(() => expect(screen.queryByText(/switched off/)).toBeNull());
  });

  it('says nothing of switches on a site that is on, or on no site', async () => {
    await fakeBrowser.storage.local.set({ [SITES_KEY]: { linkedin: true, gmail: false, outlook: true } });
    render(<PanelSidebar request={fakeRequest().request} follower={follower('linkedin')} panel={null} />);
    await screen.findByText(/Open a LinkedIn profile/);
    expect(screen.queryByText(/switched off/)).toBeNull();
  });
});
