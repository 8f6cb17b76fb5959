// Same-document navigation (pushState, back/forward) in single-page apps.
// Written here rather than using WXT's `wxt:locationchange`: that event is dispatched on the
// page's window under a name containing the extension id, which a page could listen for.

interface NavigationLike {
  addEventListener(type: 'navigate', listener: (event: { destination: { url: string } }) => void, options?: AddEventListenerOptions): void;
}

/** Calls `onChange` with the new URL (before the page swaps its content). */
export function watchLocation(win: Window, onChange: (url: URL) => void, signal: AbortSignal): void {
  let last = win.location.href;
  const report = (href: string) => {
    if (href === last) return;
    last = href;
    onChange(new URL(href));
  };
  const navigation = (win as unknown as { navigation?: NavigationLike }).navigation;
  if (navigation && typeof navigation.addEventListener === 'function') {
    navigation.addEventListener('navigate', (event) => report(event.destination.url), { signal });
  } else {
    // Browsers without the Navigation API: back/forward fire popstate; pushState fires nothing.
    win.addEventListener('popstate', () => report(win.location.href), { signal });
    const timer = win.setInterval(() => report(win.location.href), 500);
    signal.addEventListener('abort', () => win.clearInterval(timer));
  }
}
