import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { LINKEDIN_PATTERNS } from '../utils/hosts';
import { classifyLinkedInUrl } from '../utils/linkedin/page-url';
import { pendingContext, readLinkedInPage } from '../utils/linkedin/read-page';
import { waitForReading } from '../utils/linkedin/wait-for-profile';
import { createLightClient } from '../utils/messages/send';
import type { PageContext } from '../utils/model/page-context';
import { createFrameSecret } from '../utils/page/frame-secret';
import { watchLocation } from '../utils/page/location-watcher';
import { createSidebarSlot } from '../utils/page/sidebar-slot';
import { runWhileSiteOn } from '../utils/site-switch';
import { readUiState, watchUiState, type UiState } from '../utils/ui-state';

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
    // Nothing at all while the user has switched Rapport off on LinkedIn (see site-switch).
    const dispose = runWhileSiteOn({
      site: 'linkedin',
      local: browser.storage.local,
      storageChanged: browser.storage.onChanged,
      start: () => startOnLinkedIn(ctx.signal),
      log: (message, error) => console.debug(`[Rapport] ${message}`, error),
    });
    ctx.onInvalidated(dispose);
  },
});

/** The sidebar on profile and company pages, until the returned stop removes it. */
function startOnLinkedIn(invalidated: AbortSignal): () => void {
  // Aborted when the site is switched off or the extension goes away.
  const session = new AbortController();
  const signal = AbortSignal.any([invalidated, session.signal]);
  const request = createLightClient();
  const secret = createFrameSecret();
  const sidebar = createSidebarSlot(document, secret);
  let registered = false;
  // A full navigation from another annotated page leaves that page's registration behind in
  // this tab: the first hide clears it even though this script registered nothing yet.
  let inherited = true;
  let current: AbortController | null = null;
  // Where the sidebar shows and whether it is folded (shared by every tab, see ui-state).
  let uiNow: UiState | null = null;
  const ui: Promise<UiState> = readUiState(browser.storage.local).then((state) => (uiNow ??= state));

  const register = async (context: PageContext) => {
    if (signal.aborted) return;
    await request('page.register', { secret, context });
    // Switched off meanwhile: take back what just landed.
    if (signal.aborted) return void request('page.clear', { secret }).catch(() => {});
    registered = true;
    inherited = false;
  };

  const mount = (state: UiState) => {
    if (!signal.aborted) sidebar.mount(state);
  };

  const hide = async () => {
    sidebar.unmount();
    if (registered || inherited) await request('page.clear', { secret });
    registered = false;
    inherited = false;
  };

  async function show(url: URL, staleTitle: string | undefined) {
    current?.abort();
    if (signal.aborted) return;
    const step = new AbortController();
    current = step;
    const page = classifyLinkedInUrl(url);
    if (!page) return hide();
    const pending = pendingContext(page);
    if (staleTitle !== undefined && registered && pending) {
      // Until the new subject's markup arrives the sidebar (in the page or the side panel)
      // must not show the previous one.
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
    const initial = await ui;
    if (step.signal.aborted) return;
    mount(uiNow ?? initial);
  }

  const run = (url: URL, staleTitle?: string) =>
    show(url, staleTitle).catch((error) => console.debug('[Rapport] could not update the sidebar', error));

  void run(new URL(location.href));
  watchLocation(window, (url) => void run(url, document.title), signal);

  // Folding, unfolding and moving to the side panel happen in any tab, the side panel or
  // the keyboard shortcut: follow them here without reloading the frame.
  const stopWatchingUi = watchUiState(browser.storage.onChanged, (changed) => {
    void ui.then((initial) => {
      const state: UiState = { ...(uiNow ?? initial), ...changed };
      uiNow = state;
      if (changed.collapsed !== undefined) sidebar.setCollapsed(state.collapsed);
      if (changed.host !== undefined && registered) mount(state);
    });
  });

  // Back from the back/forward cache: the tab may have registered another page meanwhile;
  // say again who this one is about (the side panel and the frame follow).
  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) void run(new URL(location.href));
    },
    { signal },
  );

  return () => {
    session.abort();
    current?.abort();
    stopWatchingUi();
    // Out of the page, and out of the side panel: the tab is about no one any more.
    void hide().catch(() => {});
  };
}
