import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { LINKEDIN_PATTERNS, SIDEBAR_PAGE } from '../utils/hosts';
import { classifyLinkedInUrl } from '../utils/linkedin/page-url';
import { pendingContext, readLinkedInPage } from '../utils/linkedin/read-page';
import { waitForReading } from '../utils/linkedin/wait-for-profile';
import { createLightClient } from '../utils/messages/send';
import type { PageContext } from '../utils/model/page-context';
import { createFrameSecret } from '../utils/page/frame-secret';
import { watchLocation } from '../utils/page/location-watcher';
import { mountSidebarFrame, type MountedFrame } from '../utils/page/sidebar-frame';

/** How long to wait for the next page's markup after in-app navigation. */
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

    const register = async (context: PageContext) => {
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
      const page = classifyLinkedInUrl(url);
      if (!page) return hide();
      const pending = pendingContext(page);
      if (staleTitle !== undefined && frame && pending) {
        // Until the new subject's markup arrives the sidebar must not show the previous one.
        await register(pending);
      }
      const reading = await waitForReading(document, () => readLinkedInPage(document, page, { staleTitle }), {
        timeoutMs: IDENTITY_TIMEOUT_MS,
        signal: step.signal,
      });
      if (!reading || step.signal.aborted) return;
      if (reading.notes.length) console.debug('[Rapport] LinkedIn page:', reading.notes.join('; '));
      // Not found, sign-in walls, your own profile, unrevealed member ids: nothing to capture.
      if (!reading.context) return hide();
      await register(reading.context);
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
