// Where the sidebar lives, in real Chromium with the built extension: folded to a handle in the
// page (remembered across tabs and reloads, never in the way of the page's own controls), in
// Chrome's real side panel (following the active tab), toggled by the real keyboard shortcut,
// and standalone in a tab for one contact.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { launchHarness, pingWorker, type Harness } from './support/browser.ts';
import { TMP } from './support/paths.ts';

const ADA = '/in/ada-lovelace-0a1b2c3d/';
const GRACE = '/in/grace-hopper-3d4e5f/';
const KATHERINE = '/in/katherine-johnson-5c6d7e/';
const SHOTS = join(TMP, 'screenshots');

let h: Harness;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  h = await launchHarness();
});
afterAll(async () => h?.close());

// Every test starts from the defaults: in the page, unfolded, no side panel open.
beforeEach(async () => {
  await setUiState({ 'ui.sidebarHost': 'page', 'ui.sidebarCollapsed': false });
  await expect.poll(() => panelTargets().then((t) => t.length)).toBe(0);
  for (const page of h.context.pages()) if (!page.url().startsWith('chrome-extension://')) await page.close();
});

async function setUiState(items: Record<string, unknown>) {
  const ext = await h.extensionPage();
  await ext.evaluate((i) => (globalThis as any).chrome.storage.local.set(i), items);
}

async function uiState(): Promise<Record<string, unknown>> {
  const ext = await h.extensionPage();
  return ext.evaluate(() => (globalThis as any).chrome.storage.local.get(['ui.sidebarHost', 'ui.sidebarCollapsed']));
}

async function send(type: string, payload: unknown): Promise<any> {
  const ext = await h.extensionPage();
  const answer = await ext.evaluate(
    ({ type, payload }) => (globalThis as any).chrome.runtime.sendMessage({ rapport: 1, type, payload }),
    { type, payload },
  );
  if (!answer?.ok) throw new Error(`${type} failed: ${JSON.stringify(answer)}`);
  return answer.data;
}

async function open(path: string): Promise<{ page: Page; sidebar: Frame }> {
  const page = await h.context.newPage();
  await page.goto(h.url('www.linkedin.com', path));
  return { page, sidebar: await h.sidebar(page) };
}

const heading = (frame: Frame, name: string) => frame.getByRole('heading', { level: 1, name });
const collapseButton = (frame: Frame) => frame.getByRole('button', { name: 'Collapse the Rapport sidebar' });
const handleButton = (frame: Frame) => frame.getByRole('button', { name: 'Open the Rapport sidebar' });
const box = async (frame: Frame) => (await (await frame.frameElement()).boundingBox())!;

/** The in-page sidebar frames of a page (0 when the sidebar is not in the page). */
const inPageFrames = (page: Page) =>
  page.frames().filter((f) => f.url().startsWith(`chrome-extension://${h.extensionId}/sidebar.html`)).length;

/** What the worker holds about each tab's page (storage.session), by person. */
async function registeredNames(): Promise<string[]> {
  const sw = await h.worker();
  return sw.evaluate(async () => {
    const all = await (globalThis as any).chrome.storage.session.get(null);
    return Object.values(all as Record<string, { context?: { name?: string } | null }>)
      .map((record) => record?.context?.name)
      .filter((name): name is string => typeof name === 'string')
      .sort();
  });
}

/** Controls of the host page's own, where LinkedIn has them: the top bar, the right rail, messaging. */
async function addPageControls(page: Page) {
  await page.evaluate(() => {
    const clicks: string[] = [];
    (window as any).__clicks = clicks;
    const add = (id: string, label: string, parent: Element, style: Partial<CSSStyleDeclaration>) => {
      const button = document.createElement('button');
      button.id = id;
      button.textContent = label;
      // CSSOM, not a style attribute: the fixture's CSP forbids inline styles.
      Object.assign(button.style, style);
      button.addEventListener('click', () => clicks.push(id));
      parent.append(button);
    };
    add('nav-me', 'Me ▾', document.querySelector('header')!, { marginLeft: 'auto' });
    add('rail-follow', 'Follow', document.body, { position: 'fixed', top: '96px', right: '24px' });
    add('messaging', 'Messaging', document.body, {
      position: 'fixed',
      bottom: '0',
      right: '24px',
      width: '288px',
      height: '48px',
    });
  });
}

/** Clicks the middle of a page control with the real mouse; says what the page saw there. */
async function clickPageControl(page: Page, id: string): Promise<{ hit: string; clicked: boolean }> {
  const b = (await page.locator(`#${id}`).boundingBox())!;
  const x = b.x + b.width / 2;
  const y = b.y + b.height / 2;
  const hit = await page.evaluate(([px, py]) => {
    const element = document.elementFromPoint(px!, py!);
    return element?.id || element?.tagName || 'nothing';
  }, [x, y]);
  const before = await page.evaluate(() => (window as any).__clicks.length as number);
  await page.mouse.click(x, y);
  const clicked = await page.evaluate((n) => ((window as any).__clicks as string[]).slice(n).length > 0, before);
  return { hit, clicked };
}

/** Presses the sidebar's keyboard shortcut as the user would: a raw key event the browser itself handles. */
async function pressShortcut(page: Page) {
  await page.bringToFront();
  const cdp = await h.context.newCDPSession(page);
  const key = { modifiers: 1 | 8, key: 'S', code: 'KeyS', windowsVirtualKeyCode: 83, nativeVirtualKeyCode: 83 };
  await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...key });
  await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...key });
  await cdp.detach();
}

// ---- The real side panel: Playwright does not list it; reach it through CDP targets. ----

let browserCdp: CDPSession | undefined;
async function browserSession(): Promise<CDPSession> {
  browserCdp ??= await h.context.browser()!.newBrowserCDPSession();
  return browserCdp;
}

async function panelTargets(): Promise<{ targetId: string; url: string }[]> {
  const cdp = await browserSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  return targetInfos.filter(
    (t) => t.type === 'page' && t.url === `chrome-extension://${h.extensionId}/sidebar.html?host=panel`,
  );
}

/** Evaluates an expression in the open side panel (null if there is none). */
async function inPanel<T>(expression: string): Promise<T | null> {
  const [target] = await panelTargets();
  if (!target) return null;
  const cdp = await browserSession();
  const attached = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false }).catch(() => null);
  if (!attached) return null; // closed meanwhile
  const { sessionId } = attached;
  try {
    const answer = new Promise<any>((resolve, reject) => {
      // A panel that closes while evaluating never answers.
      setTimeout(() => reject(new Error(`the side panel did not answer: ${expression}`)), 5_000);
      const listener = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message);
        if (event.sessionId === sessionId && message.id === 1) {
          cdp.off('Target.receivedMessageFromTarget', listener);
          resolve(message);
        }
      };
      cdp.on('Target.receivedMessageFromTarget', listener);
    });
    const params = { expression, returnByValue: true, awaitPromise: true };
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id: 1, method: 'Runtime.evaluate', params }),
    });
    const message = await answer;
    if (message.error || message.result?.exceptionDetails) throw new Error(JSON.stringify(message));
    return message.result.result.value as T;
  } finally {
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
  }
}

const panelHeading = () => inPanel<string>("document.querySelector('h1')?.textContent ?? ''");
const panelText = () => inPanel<string>('document.body.innerText');

describe('the in-page sidebar folds to a handle', () => {
  it('folds and unfolds without reloading the frame; the page’s own controls are clickable when folded', async () => {
    const { page, sidebar } = await open(ADA);
    await heading(sidebar, 'Ada Lovelace').waitFor();
    await addPageControls(page);
    await sidebar.evaluate(() => ((window as any).__sameFrame = 'yes'));

    // Open: below the top bar, 380 px at the right.
    const header = (await page.locator('header').boundingBox())!;
    const unfolded = await box(sidebar);
    expect(unfolded).toMatchObject({ x: 1280 - 12 - 380, y: 64, width: 380 });
    expect(unfolded.y).toBeGreaterThanOrEqual(header.y + header.height);
    await collapseButton(sidebar).waitFor();
    await page.screenshot({ path: join(SHOTS, 'sidebar-toolbar.png'), clip: { x: 860, y: 52, width: 420, height: 150 } });
    // The open panel is over the right rail and messaging, never over the top bar.
    expect(await clickPageControl(page, 'nav-me')).toEqual({ hit: 'nav-me', clicked: true });
    expect(await clickPageControl(page, 'rail-follow')).toMatchObject({ clicked: false });
    expect(await clickPageControl(page, 'messaging')).toMatchObject({ clicked: false });

    // Fold from the keyboard: focus lands on the handle.
    await collapseButton(sidebar).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => box(sidebar)).toEqual({ x: 1280 - 44, y: (860 - 44) / 2, width: 44, height: 44 });
    await handleButton(sidebar).waitFor();
    expect(await collapseButton(sidebar).isVisible()).toBe(false);
    await expect
      .poll(() => sidebar.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Open the Rapport sidebar');
    expect(await (await sidebar.frameElement()).getAttribute('title')).toBe('Rapport');
    await page.screenshot({ path: join(SHOTS, 'sidebar-handle.png'), clip: { x: 1130, y: 360, width: 150, height: 140 } });
    await page.screenshot({ path: join(SHOTS, 'sidebar-handle-page.png') });
    expect(await uiState()).toMatchObject({ 'ui.sidebarCollapsed': true });

    // Every control of the page's own is reachable now.
    for (const id of ['nav-me', 'rail-follow', 'messaging']) {
      expect(await clickPageControl(page, id), id).toEqual({ hit: id, clicked: true });
    }

    // Unfold from the keyboard: focus lands on "Collapse", the app is the same, still loaded.
    await handleButton(sidebar).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => box(sidebar)).toMatchObject({ width: 380, y: 64 });
    await expect
      .poll(() => sidebar.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Collapse the Rapport sidebar');
    expect(await heading(sidebar, 'Ada Lovelace').isVisible()).toBe(true);
    expect(await sidebar.evaluate(() => (window as any).__sameFrame)).toBe('yes');
    expect(inPageFrames(page)).toBe(1);
  });

  it('stays folded on reload and in other tabs, and unfolding in one tab unfolds all', async () => {
    const ada = await open(ADA);
    await heading(ada.sidebar, 'Ada Lovelace').waitFor();
    await collapseButton(ada.sidebar).click();
    await expect.poll(() => box(ada.sidebar)).toMatchObject({ width: 44, height: 44 });

    const grace = await open(GRACE);
    await handleButton(grace.sidebar).waitFor();
    expect(await box(grace.sidebar)).toMatchObject({ x: 1280 - 44, width: 44, height: 44 });
    // Folded, the app is there (ready to unfold at once) but hidden, also from assistive tech.
    await expect.poll(() => grace.sidebar.locator('h1', { hasText: 'Grace Hopper' }).count()).toBe(1);
    expect(await grace.sidebar.locator('h1').isVisible()).toBe(false);
    expect(await heading(grace.sidebar, 'Grace Hopper').count()).toBe(0);

    await ada.page.reload();
    const again = await h.sidebar(ada.page);
    await handleButton(again).waitFor();
    expect(await box(again)).toMatchObject({ width: 44, height: 44 });

    // Unfold in Grace's tab, with the mouse: Ada's tab follows, without a reload.
    await handleButton(grace.sidebar).click();
    await expect.poll(() => box(grace.sidebar)).toMatchObject({ width: 380 });
    await expect.poll(() => box(again)).toMatchObject({ width: 380 });
    await heading(again, 'Ada Lovelace').waitFor();
    expect(await uiState()).toMatchObject({ 'ui.sidebarCollapsed': false });
  });

  it('the keyboard shortcut folds and unfolds the sidebar of the active LinkedIn tab', async () => {
    const sw = await h.worker();
    const commands = await sw.evaluate(() => (globalThis as any).chrome.commands.getAll());
    // `_execute_action` (opening the toolbar button, no shortcut) comes with the manifest's action.
    expect(commands).toEqual([
      { name: '_execute_action', description: '', shortcut: '' },
      { name: 'toggle-sidebar', description: 'Show or hide the Rapport sidebar', shortcut: 'Alt+Shift+S' },
    ]);

    const { page, sidebar } = await open(ADA);
    await heading(sidebar, 'Ada Lovelace').waitFor();
    await pressShortcut(page);
    await expect.poll(() => box(sidebar)).toMatchObject({ width: 44, height: 44 });
    await pressShortcut(page);
    await expect.poll(() => box(sidebar)).toMatchObject({ width: 380 });

    // On a tab without the sidebar, the shortcut changes nothing.
    const feed = await h.context.newPage();
    await feed.goto(h.url('www.linkedin.com', '/feed/'));
    await pressShortcut(feed);
    await feed.waitForTimeout(400);
    expect(await uiState()).toMatchObject({ 'ui.sidebarCollapsed': false });
    expect(await box(sidebar)).toMatchObject({ width: 380 });
  });

  it('a page that embeds the sidebar page itself gets no toolbar to click', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('www.linkedin.com', `${ADA}?csp=frames`));
    await h.sidebar(page);
    const dynamicUrl = await h.evalInContentScript<string>(page, "chrome.runtime.getURL('/sidebar.html')");
    await page.evaluate((url) => {
      const frame = document.createElement('iframe');
      frame.src = `${url}?attack=forged#${'A'.repeat(43)}`;
      document.body.append(frame);
    }, dynamicUrl);
    let forged: Frame | undefined;
    await expect.poll(() => (forged = page.frames().find((f) => f.url().includes('attack=forged'))) !== undefined).toBe(true);
    await expect.poll(() => forged!.getByText('This panel only works when Rapport opens it itself.').count()).toBe(1);
    await forged!.waitForTimeout(200);
    expect(await collapseButton(forged!).count()).toBe(0);
    expect(await forged!.getByRole('button', { name: 'Open in side panel' }).count()).toBe(0);
    // Rapport's own frame in the same page has them.
    expect(await collapseButton(await h.sidebar(page)).count()).toBe(1);
  });
});

describe('the sidebar in the browser’s side panel', () => {
  it('the setting moves it out of the page: the frame unmounts, the page still registers, and it comes back', async () => {
    const { page, sidebar } = await open(ADA);
    await heading(sidebar, 'Ada Lovelace').waitFor();

    // As the settings page does it: through settings.update; the worker mirrors it for content scripts.
    expect((await send('settings.update', { patch: { sidebarHost: 'side-panel' } })).sidebarHost).toBe('side-panel');
    await expect.poll(() => uiState()).toMatchObject({ 'ui.sidebarHost': 'side-panel' });
    await expect.poll(() => inPageFrames(page)).toBe(0);

    // A page opened now registers who it is about, but mounts nothing.
    const grace = await h.context.newPage();
    await grace.goto(h.url('www.linkedin.com', GRACE));
    await expect.poll(() => registeredNames()).toContain('Grace Hopper');
    await grace.waitForTimeout(300);
    expect(inPageFrames(grace)).toBe(0);
    expect(await registeredNames()).toContain('Ada Lovelace');

    // Back in the page, written straight to the UI state (as the panel's "Show in the page" does).
    await setUiState({ 'ui.sidebarHost': 'page' });
    const back = await h.sidebar(grace);
    await heading(back, 'Grace Hopper').waitFor();
    await heading(await h.sidebar(page), 'Ada Lovelace').waitFor();
    // ... and the setting follows.
    await expect.poll(async () => (await send('settings.get', {})).sidebarHost).toBe('page');
  });

  it('"Open in side panel" opens the real panel on the tab’s person; it follows the active tab; the shortcut hides and shows it', async () => {
    const ada = await open(ADA);
    await heading(ada.sidebar, 'Ada Lovelace').waitFor();
    const grace = await open(GRACE);
    await heading(grace.sidebar, 'Grace Hopper').waitFor();

    await ada.page.bringToFront();
    await ada.sidebar.getByRole('button', { name: 'Open in side panel' }).click();
    await expect.poll(() => panelHeading(), { timeout: 10_000 }).toBe('Ada Lovelace');
    // The panel took over: no frame in either page, the setting says so, the pages stay registered.
    await expect.poll(() => inPageFrames(ada.page)).toBe(0);
    await expect.poll(() => inPageFrames(grace.page)).toBe(0);
    expect(await uiState()).toMatchObject({ 'ui.sidebarHost': 'side-panel' });
    await expect.poll(async () => (await send('settings.get', {})).sidebarHost).toBe('side-panel');
    expect(await registeredNames()).toEqual(expect.arrayContaining(['Ada Lovelace', 'Grace Hopper']));

    // It follows the active tab, both ways.
    await grace.page.bringToFront();
    await expect.poll(() => panelHeading()).toBe('Grace Hopper');
    await ada.page.bringToFront();
    await expect.poll(() => panelHeading()).toBe('Ada Lovelace');

    // ... and in-app navigation in that tab.
    await ada.page.getByRole('banner').getByRole('link', { name: 'Katherine' }).click();
    await expect.poll(() => panelHeading()).toBe('Katherine Johnson');

    // A tab that leaves LinkedIn is about no one any more; coming back, it is again.
    await ada.page.goto('https://mail.google.com/mail/u/0/');
    await expect.poll(() => panelText()).toContain('Open a LinkedIn profile');
    expect(await panelHeading()).toBe('');
    await ada.page.goto(h.url('www.linkedin.com', KATHERINE));
    await expect.poll(() => panelHeading()).toBe('Katherine Johnson');

    // The real shortcut: hides the open panel, then shows it again (opening needs its gesture).
    await pressShortcut(ada.page);
    await expect.poll(() => panelTargets().then((t) => t.length)).toBe(0);
    // From a stopped worker too (as after a minute idle): the command wakes it, and it still
    // opens the panel inside the key press's gesture.
    const before = await pingWorker(await h.extensionPage());
    await h.stopWorker();
    await pressShortcut(grace.page);
    await expect.poll(() => panelHeading(), { timeout: 10_000 }).toBe('Grace Hopper');
    expect((await pingWorker(await h.extensionPage())).workerStartedAt).toBeGreaterThan(before.workerStartedAt);
    // The in-page state was not touched by any of this.
    expect(await uiState()).toMatchObject({ 'ui.sidebarCollapsed': false });

    // "Show in the page": the panel closes and the frames come back, without reloads.
    // (Clicked after the evaluation returns: the panel closes at once, and would never answer.)
    expect(
      await inPanel("setTimeout(() => document.querySelector('[aria-label=\"Show in the page\"]').click(), 50), true"),
    ).toBe(true);
    await expect.poll(() => panelTargets().then((t) => t.length)).toBe(0);
    await heading(await h.sidebar(grace.page), 'Grace Hopper').waitFor();
    await heading(await h.sidebar(ada.page), 'Katherine Johnson').waitFor();
    expect(await uiState()).toMatchObject({ 'ui.sidebarHost': 'page' });
    await expect.poll(async () => (await send('settings.get', {})).sidebarHost).toBe('page');
  });

  it('is not offered while the sidebar is in the page (the shortcut then folds, it does not open a panel)', async () => {
    const { page, sidebar } = await open(ADA);
    await heading(sidebar, 'Ada Lovelace').waitFor();
    await pressShortcut(page);
    await expect.poll(() => box(sidebar)).toMatchObject({ width: 44 });
    await page.waitForTimeout(500);
    expect(await panelTargets()).toEqual([]);
  });
});

describe('a contact on its own in a tab', () => {
  it('shows the contact full width, and says clearly when the link names no contact', async () => {
    const { contact } = await send('contact.create', { draft: { name: 'Mary Jackson', headline: 'Aerospace engineer' } });
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/sidebar.html?contact=${contact.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mary Jackson');
    await expect.poll(() => page.title()).toBe('Mary Jackson — Rapport');
    expect(await page.getByText('Aerospace engineer').count()).toBe(1);
    // Full width: not the in-page sidebar's narrow column, and no sidebar toolbar.
    expect((await page.getByRole('main').boundingBox())!.width).toBeGreaterThan(900);
    expect(await page.getByRole('button', { name: 'Collapse the Rapport sidebar' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /side panel/i }).count()).toBe(0);
    // The whole card, as in the sidebar.
    expect(await page.getByRole('button', { name: 'Log interaction' }).count()).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Notes' }).count()).toBe(1);

    await page.goto(`chrome-extension://${h.extensionId}/sidebar.html?contact=987654`);
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('There is no contact number 987654 in Rapport');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Contact not found');

    for (const bad of ['abc', '-1', '0', '1.5', '']) {
      await page.goto(`chrome-extension://${h.extensionId}/sidebar.html?contact=${encodeURIComponent(bad)}`);
      await expect.poll(() => page.getByRole('alert').textContent(), { message: bad }).toContain('is not a contact number');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Not a contact link');
    }
  });
});
