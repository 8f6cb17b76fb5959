// Notices the user sending a message from the mail page (for the opt-in auto-log). The form
// is read at the moment of the click or Ctrl/⌘+Enter — the app clears it right after — and
// reported only once the compose form is gone, i.e. the app really sent it (a refused send,
// say with no recipient, leaves the form open and logs nothing).
import type { ComposeSnapshot, MailAdapter } from './types';

/** How long a sent form may take to close before we conclude it wasn't sent. */
const CLOSE_TIMEOUT_MS = 6_000;
const POLL_MS = 150;

export function watchSends(
  doc: Document,
  adapter: MailAdapter,
  onSent: (snapshot: ComposeSnapshot) => void,
  signal: AbortSignal,
): void {
  const watching = new WeakSet<Element>();

  const consider = (target: EventTarget | null, viaKeyboard: boolean) => {
    if (!(target instanceof Element)) return;
    let compose: Element | null = null;
    let snapshot: ComposeSnapshot | null = null;
    try {
      compose = adapter.composeForSend(target, viaKeyboard);
      snapshot = compose ? adapter.readCompose(compose) : null;
    } catch {
      return; // Odd markup: no auto-log rather than a broken page.
    }
    if (!compose || !snapshot || watching.has(compose)) return;
    watching.add(compose);
    const form = compose;
    const started = Date.now();
    const timer = setInterval(() => {
      // isConnected reads no layout. Gmail and Outlook remove a sent form from the document.
      if (!form.isConnected) {
        clearInterval(timer);
        onSent(snapshot);
      } else if (Date.now() - started > CLOSE_TIMEOUT_MS || signal.aborted) {
        clearInterval(timer);
        watching.delete(form);
      }
    }, POLL_MS);
  };

  // Capture phase: the app may stop the event from bubbling.
  doc.addEventListener('click', (event) => consider(event.target, false), { capture: true, signal });
  doc.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) consider(event.target, true);
    },
    { capture: true, signal },
  );
}
