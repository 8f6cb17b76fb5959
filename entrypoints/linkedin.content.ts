import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { parseProfileUrl } from '../utils/linkedin/profile-url';
import { waitForProfile } from '../utils/linkedin/wait-for-profile';
import { LINKEDIN_PATTERNS, SIDEBAR_PAGE } from '../utils/hosts';
import { createLightClient } from '../utils/messages/send';
import type { LinkedInProfileContext } from '../utils/model/page-context';
import { createFrameSecret } from '../utils/page/frame-secret';
import { watchLocation } from '../utils/page/location-watcher';
import { mountSidebarFrame, type MountedFrame } from '../utils/page/sidebar-frame';

/** How long to wait for the next person's markup after in-app navigation. */
const IDENTITY_TIMEOUT_MS = 4_000;

// The whole site, not just /in/*: the app navigates from the feed to profiles by pushState,
// and a script matching only /in/* would never be injected then.
export default defineContentScript({
  matches: [...LINKEDIN_PATTERNS],
  runAt: 'document_end',
  // WXT would otherwise post a window message naming the extension, visible to the page.
  noScriptStartedPostMessage: true,
  main(ctx) {
    const request = createLightClient();
    const secret = createFrameSecret();
    let frame: MountedFrame | null = null;
    let registered = false;
    let current: AbortController | null = null;

    const register = async (context: LinkedInProfileContext) => {
      await request('page.register', { secret, context });
      registered = true;
    };

    const hide = async () => {
      frame?.unmount();
      frame = null;
      if (registered) await request('page.clear', { secret });
      registered = false;
    };

    async function show(url: URL, staleTitle: string | undefined) {
      current?.abort();
      const step = new AbortController();
      current = step;
      const profile = parseProfileUrl(url);
      if (!profile) return hide();
      const base = { kind: 'linkedin-profile' as const, url: profile.url, slug: profile.slug, sources: {}, missing: [] };
      if (staleTitle !== undefined && frame) {
        // Until the new person's markup arrives the sidebar must not show the previous one.
        await register({ ...base, ready: false });
      }
      const identity = await waitForProfile(document, profile.slug, {
        staleTitle,
        timeoutMs: IDENTITY_TIMEOUT_MS,
        signal: step.signal,
      });
      if (!identity || step.signal.aborted) return;
      // "Profile not found" and sign-in walls are about nobody: nothing to capture.
      if (identity.special) return hide();
      if (identity.missing.length) {
        console.debug('[Rapport] LinkedIn profile: no', identity.missing.join(', '), 'on this page; sources', identity.sources);
      }
      await register({
        ...base,
        ready: true,
        name: identity.name,
        ...(identity.headline ? { headline: identity.headline } : {}),
        sources: identity.sources,
        missing: identity.missing,
      });
      if (step.signal.aborted) return;
      if (!frame) frame = mountSidebarFrame(document, `${browser.runtime.getURL(`/${SIDEBAR_PAGE}`)}#${secret}`);
      else frame.ensureAttached();
    }

    const run = (url: URL, staleTitle?: string) =>
      show(url, staleTitle).catch((error) => console.debug('[Rapport] could not update the sidebar', error));

    void run(new URL(location.href));
    watchLocation(window, (url) => void run(url, document.title), ctx.signal);
    ctx.onInvalidated(() => {
      current?.abort();
      frame?.unmount();
    });
  },
});
