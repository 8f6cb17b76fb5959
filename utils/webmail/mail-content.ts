// The content script of a webmail site (Gmail, Outlook): badges in the lists, chips in an open
// thread, the sidebar card of whoever the user picks (or of the sender of the thread they
// open, when that is a contact), and the opt-in auto-log of sent mail.
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createLightClient } from '../messages/send';
import type { MailPersonContext } from '../model/page-context';
import { createFrameSecret } from '../page/frame-secret';
import { watchLocation } from '../page/location-watcher';
import { createSidebarSlot } from '../page/sidebar-slot';
import { runWhileSiteOn } from '../site-switch';
import { readUiState, watchUiState, writeUiState, type UiState } from '../ui-state';
import { createBadgeEngine } from './badge-engine';
import { sentToastText } from './sent-toast-text';
import { watchSends } from './send-watch';
import { watchStoreChanged } from './store-signal';
import { showToast, type Toast } from './toast';
import type { MailAdapter, MailPerson, OpenThread, ThreadMessage } from './types';

/** A fresh id per sent message: makes the worker's auto-log idempotent and its undo exact. */
function newSendId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export function runMailContent(ctx: ContentScriptContext, adapter: MailAdapter): void {
  // Nothing at all while the user has switched Rapport off on this site (see site-switch).
  const dispose = runWhileSiteOn({
    site: adapter.site,
    local: browser.storage.local,
    storageChanged: browser.storage.onChanged,
    start: () => startMailContent(ctx.signal, adapter),
    log: (message, error) => console.debug(`[Rapport] ${message}`, error),
  });
  ctx.onInvalidated(dispose);
}

/** Badges, chips, the sidebar and the send watcher, until the returned stop removes them all. */
function startMailContent(invalidated: AbortSignal, adapter: MailAdapter): () => void {
  // Aborted when the site is switched off or the extension goes away.
  const session = new AbortController();
  const signal = AbortSignal.any([invalidated, session.signal]);
  const request = createLightClient();
  const secret = createFrameSecret();
  const sidebar = createSidebarSlot(document, secret);
  let registered = false;
  /** Why the sidebar shows someone: the user picked them, or they sent the open thread. */
  let shownFor: { reason: 'picked' | 'thread'; threadId?: string } | null = null;
  let autoShownThread: string | null = null;
  let uiNow: UiState | null = null;
  const ui: Promise<UiState> = readUiState(browser.storage.local).then((state) => (uiNow ??= state));

  const pageUrl = () => (location.href.length <= 2_000 ? location.href : `${location.origin}${location.pathname}`);

  function contextFor(person: MailPerson, message: ThreadMessage | undefined, subject: string | undefined): MailPersonContext {
    const name = (person.name || person.email || '').trim().slice(0, 200);
    return {
      kind: 'mail-person',
      site: adapter.site,
      url: pageUrl(),
      ready: true,
      name,
      ...(person.email ? { email: person.email } : {}),
      ...(message
        ? {
            message: {
              id: message.id.slice(0, 300),
              subject: (subject ?? '').trim().slice(0, 1_000),
              fromMe: message.fromMe,
              ...(message.when !== undefined ? { when: message.when } : {}),
            },
          }
        : {}),
    };
  }

  const mount = (state: UiState) => sidebar.mount(state);

  let showing = 0;
  async function show(person: MailPerson, message: ThreadMessage | undefined, why: NonNullable<typeof shownFor>) {
    // Set before the round trip: a thread's automatic card must not override a pick in flight.
    shownFor = why;
    const mine = ++showing;
    const subject = message ? adapter.readThread(document)?.subject : undefined;
    if (signal.aborted) return;
    await request('page.register', { secret, context: contextFor(person, message, subject) });
    // Switched off meanwhile: take back what just landed.
    if (signal.aborted) return void request('page.clear', { secret }).catch(() => {});
    registered = true;
    if (mine !== showing) return; // A newer pick won.
    const state = uiNow ?? (await ui);
    if (signal.aborted) return;
    // A click on a badge asks to see the card: unfold it if it was folded.
    if (why.reason === 'picked' && state.collapsed) {
      uiNow = { ...state, collapsed: false };
      sidebar.setCollapsed(false);
      void writeUiState(browser.storage.local, { collapsed: false }).catch(() => {});
    }
    mount(uiNow ?? state);
  }

  async function hide() {
    sidebar.unmount();
    shownFor = null;
    if (registered) await request('page.clear', { secret }).catch(() => {});
    registered = false;
  }

  const report = (error: unknown) => console.debug('[Rapport] mail page:', error);

  // The tab may come from a LinkedIn profile (a full navigation leaves its registration behind):
  // until the user picks someone here, this page is about no one.
  void request('page.clear', { secret }).catch(report);

  /** Opening a thread shows its sender's card when they are a contact (or when the sidebar is already open). */
  function onThread(thread: OpenThread) {
    const route = adapter.route(new URL(location.href));
    if (route.view !== 'thread' || autoShownThread === route.threadId) return;
    const latest = [...thread.messages].reverse().find((m) => m.from && !m.fromMe);
    if (!latest?.from) return;
    const known = engine.known(latest.from.person);
    if (known === undefined) return; // Not looked up yet: called again once it is.
    autoShownThread = route.threadId;
    // The user already picked someone in this thread: theirs is the card to keep.
    if (shownFor?.reason === 'picked' && shownFor.threadId === route.threadId) return;
    if (known || sidebar.mounted) void show(latest.from.person, latest, { reason: 'thread', threadId: route.threadId }).catch(report);
  }

  const engine = createBadgeEngine({
    doc: document,
    adapter,
    lookup: (emails, names) => request('senders.lookup', { emails, names }),
    now: Date.now,
    onOpen: (person, message) => {
      const route = adapter.route(new URL(location.href));
      void show(person, message, { reason: 'picked', ...(route.view === 'thread' ? { threadId: route.threadId } : {}) }).catch(report);
    },
    onThread,
    onError: report,
  });
  engine.start();

  watchLocation(
    window,
    (url) => {
      const route = adapter.route(url);
      if (route.view !== 'thread') autoShownThread = null;
      // Leaving the thread whose sender the sidebar showed: it goes with the thread.
      if (shownFor?.reason === 'thread' && (route.view !== 'thread' || route.threadId !== shownFor.threadId)) void hide();
      engine.routeChanged();
    },
    signal,
  );

  const stopWatchingStore = watchStoreChanged(browser.storage.onChanged, () => engine.invalidate());
  const stopWatchingUi = watchUiState(browser.storage.onChanged, (changed) => {
    void ui.then((initial) => {
      const state: UiState = { ...(uiNow ?? initial), ...changed };
      uiNow = state;
      if (changed.collapsed !== undefined) sidebar.setCollapsed(state.collapsed);
      if (changed.host !== undefined && registered) mount(state);
    });
  });

  /** The sent-mail notices shown (each removes itself after a while): they go when the site is switched off. */
  const toasts = new Set<Toast>();
  watchSends(
    document,
    adapter,
    (snapshot) => {
      // A send noticed just before the site was switched off reports nothing after it.
      if (signal.aborted) return;
      const sendId = newSendId();
      const recipients = snapshot.recipients
        .filter((r) => r.email)
        .slice(0, 200)
        .map((r) => ({ email: r.email!, ...(r.name ? { name: r.name.slice(0, 200) } : {}) }));
      if (!recipients.length) return;
      request('email.sent', { site: adapter.site, sendId, subject: snapshot.subject.slice(0, 1_000), recipients })
        .then(({ logged }) => {
          if (!logged.length) return; // Auto-log off, or nobody known: nothing to say.
          // Switched off meanwhile: the page gets nothing more (the timeline has the undo).
          if (signal.aborted) return;
          const toast = showToast(document, sentToastText(logged.map((l) => l.name)), {
            onUndo: () => {
              request('email.unlog', { site: adapter.site, sendId })
                .then(({ removed }) => toast.set(removed ? 'Removed from Rapport.' : 'Nothing to undo any more.', false))
                .catch(() => toast.set('Rapport couldn’t undo this. Remove it from the timeline instead.', false));
            },
          });
          toasts.add(toast);
        })
        .catch(report);
    },
    signal,
  );

  window.addEventListener(
    'pageshow',
    (event) => {
      if (event.persisted) engine.routeChanged();
    },
    { signal },
  );

  return () => {
    session.abort();
    // Every badge and chip goes with the engine; its observers are disconnected.
    engine.stop();
    stopWatchingStore();
    stopWatchingUi();
    toasts.forEach((t) => t.remove());
    toasts.clear();
    void hide();
  };
}
