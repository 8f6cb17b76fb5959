import type { Page } from 'playwright-core';

/**
 * Installs, in the page's own JavaScript world and before any other script, a spy that
 * records what a hostile page could observe: window messages and keyboard/input events.
 */
export async function installPageSpy(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen = { messages: [] as string[], events: [] as string[] };
    (window as unknown as { __spy: typeof seen }).__spy = seen;
    window.addEventListener('message', (event) => {
      let data: string;
      try {
        data = JSON.stringify(event.data);
      } catch {
        data = String(event.data);
      }
      seen.messages.push(data);
    });
    for (const type of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) {
      window.addEventListener(type, (event) => seen.events.push(`${type}:${(event as KeyboardEvent).key ?? ''}`), true);
      document.addEventListener(type, (event) => seen.events.push(`${type}:${(event as KeyboardEvent).key ?? ''}`), true);
    }
  });
}

/** Everything a script in the page's world can reach, as text. */
export async function whatThePageCanSee(page: Page) {
  return page.evaluate(() => {
    const texts: string[] = [document.documentElement.outerHTML, document.body.innerText, document.title];
    const openShadowRoots: string[] = [];
    const hostsWithClosedRoots: { tag: string; attributes: string[] }[] = [];
    for (const element of document.querySelectorAll('*')) {
      if (element.shadowRoot) openShadowRoots.push(element.shadowRoot.innerHTML);
      // A fixed-position element without any visible children is our host: describe what is visible of it.
      if (element.parentElement === document.documentElement && element.tagName === 'DIV') {
        hostsWithClosedRoots.push({
          tag: element.tagName,
          attributes: [...element.attributes].map((a) => a.name),
        });
      }
    }
    const frames: string[] = [];
    for (let i = 0; i < window.length; i++) {
      try {
        frames.push(window[i]!.document.documentElement.outerHTML);
      } catch {
        frames.push('(cross-origin frame)');
      }
    }
    const storage = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    const resources = performance.getEntries().map((entry) => entry.name);
    const spy = (window as unknown as { __spy?: { messages: string[]; events: string[] } }).__spy;
    return {
      texts: [...texts, ...openShadowRoots, ...frames, ...storage].join('\n'),
      iframes: document.querySelectorAll('iframe').length,
      windowLength: window.length,
      hostsWithClosedRoots,
      resources,
      messages: spy?.messages ?? [],
      events: spy?.events ?? [],
    };
  });
}
