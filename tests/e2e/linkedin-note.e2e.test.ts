// The first vertical slice, in real Chromium with the built extension: a note on a LinkedIn
// profile that survives reloads, a stopped worker and in-app navigation, and that the host
// page cannot read.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchHarness, pingWorker, type Harness } from './support/browser.ts';
import { installPageSpy, whatThePageCanSee } from './support/page-spy.ts';

const ADA = '/in/ada-lovelace-0a1b2c3d/';
const GRACE = '/in/grace-hopper-3d4e5f/';
const THILDE = '/in/thilde-markstr%C3%B6m-02a5192b7/';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => h?.close());

async function open(path: string, host = 'www.linkedin.com'): Promise<{ page: Page; sidebar: Frame }> {
  const page = await h.context.newPage();
  await page.goto(h.url(host, path));
  return { page, sidebar: await h.sidebar(page) };
}

const heading = (frame: Frame, name: string) => frame.getByRole('heading', { level: 1, name });
const notesBox = (frame: Frame) => frame.getByRole('textbox', { name: 'Notes' });

async function addContact(frame: Frame, name: string) {
  await expect.poll(() => heading(frame, name).count()).toBe(1);
  await frame.getByRole('button', { name: 'Add to Rapport' }).click();
  await notesBox(frame).waitFor();
}

async function waitSaved(frame: Frame) {
  await expect.poll(() => frame.getByRole('status').textContent()).toBe('Saved');
}

describe('a note on a LinkedIn profile', () => {
  it('shows who the profile is about in a frame titled Rapport, with an action to add them', async () => {
    const { page, sidebar } = await open(ADA);
    await expect.poll(() => heading(sidebar, 'Ada Lovelace').count()).toBe(1);
    expect(await (await sidebar.frameElement()).getAttribute('title')).toBe('Rapport');
    await expect.poll(() => sidebar.getByRole('button', { name: 'Add to Rapport' }).count()).toBe(1);
    expect(await notesBox(sidebar).count()).toBe(0);
    await page.close();
  });

  it('keeps a note typed right before a reload', async () => {
    const { page, sidebar } = await open(ADA);
    await addContact(sidebar, 'Ada Lovelace');
    await notesBox(sidebar).fill('Met at the Difference Engine meetup. Ask about Bernoulli numbers.');
    await page.reload();
    const again = await h.sidebar(page);
    await expect
      .poll(() => notesBox(again).inputValue().catch(() => ''))
      .toBe('Met at the Difference Engine meetup. Ask about Bernoulli numbers.');
    expect(await again.getByRole('button', { name: 'Add to Rapport' }).count()).toBe(0);
    await page.close();
  });

  it('keeps the note across a service-worker stop, and saves new words on the restarted worker', async () => {
    const ext = await h.extensionPage();
    const before = await pingWorker(ext);
    const { page, sidebar } = await open(GRACE);
    await addContact(sidebar, 'Grace Hopper');
    await notesBox(sidebar).fill('Coffee on Tuesday: she offered an intro to the compiler team.');
    await waitSaved(sidebar);

    await h.stopWorker();
    // The sidebar stays usable: typing wakes the worker and the words are stored.
    await notesBox(sidebar).fill('Coffee on Tuesday: she offered an intro to the compiler team. Send CV by Friday.');
    await waitSaved(sidebar);
    // A later start time proves the worker that saved them is a new one.
    const after = await pingWorker(ext);
    expect(after.workerStartedAt).toBeGreaterThan(before.workerStartedAt);

    await h.stopWorker();
    await page.reload();
    const again = await h.sidebar(page);
    await expect
      .poll(() => notesBox(again).inputValue().catch(() => ''))
      .toBe('Coffee on Tuesday: she offered an intro to the compiler team. Send CV by Friday.');
    await page.close();
  });

  it('switches person on in-app navigation, both ways, and never settles on the wrong one', async () => {
    const { page, sidebar } = await open(ADA);
    await expect.poll(() => notesBox(sidebar).inputValue().catch(() => '')).toContain('Bernoulli');

    await page.getByRole('link', { name: /^Thilde Markström/ }).click();
    await expect.poll(() => heading(sidebar, 'Thilde Markström').count()).toBe(1);
    await expect.poll(() => sidebar.getByRole('button', { name: 'Add to Rapport' }).count()).toBe(1);
    expect(await notesBox(sidebar).count()).toBe(0);

    await page.goBack();
    await expect.poll(() => heading(sidebar, 'Ada Lovelace').count()).toBe(1);
    await expect.poll(() => notesBox(sidebar).inputValue().catch(() => '')).toContain('Bernoulli');

    // Fast: Grace, then Thilde before Grace's page has even arrived.
    const seen: string[] = [];
    const sampler = setInterval(() => {
      void sidebar
        .locator('h1')
        .allTextContents()
        .then((t) => seen.push(t.join('|') || '(none)'))
        .catch(() => {});
    }, 15);
    await page.getByRole('banner').getByRole('link', { name: 'Grace' }).click();
    await page.waitForTimeout(40);
    await page.getByRole('banner').getByRole('link', { name: 'Thilde' }).click();
    await expect.poll(() => heading(sidebar, 'Thilde Markström').count()).toBe(1);
    await page.waitForTimeout(600);
    clearInterval(sampler);
    const firstThilde = seen.indexOf('Thilde Markström');
    expect(firstThilde).toBeGreaterThanOrEqual(0);
    expect(seen.slice(firstThilde)).not.toContain('Grace Hopper');
    expect(seen.slice(firstThilde)).not.toContain('Ada Lovelace');
    expect(seen[seen.length - 1]).toBe('Thilde Markström');
    expect(new URL(page.url()).pathname).toBe(THILDE);
    await page.close();
  });

  it('mounts on feed → profile and unmounts on profile → feed', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('www.linkedin.com', '/feed/'));
    await page.waitForTimeout(500);
    expect(page.frames()).toHaveLength(1);

    await page.getByRole('main').getByRole('link', { name: 'Ada Lovelace' }).click();
    const sidebar = await h.sidebar(page);
    await expect.poll(() => heading(sidebar, 'Ada Lovelace').count()).toBe(1);

    await page.getByRole('link', { name: 'Back to the feed' }).click();
    await expect.poll(() => page.frames().length).toBe(1);
    await page.close();
  });

  it('opens on country hosts and mobile paths, and not on a profile that does not exist', async () => {
    const { page, sidebar } = await open('/in/GRACE-hopper-3d4e5f/details/experience/?trk=x', 'se.linkedin.com');
    await expect.poll(() => heading(sidebar, 'Grace Hopper').count()).toBe(1);
    // Same person as on www: the note added earlier is there.
    await expect.poll(() => notesBox(sidebar).inputValue().catch(() => '')).toContain('Send CV by Friday');
    await page.close();

    const mobile = await open('/mwlite/in/ada-lovelace-0a1b2c3d', 'linkedin.com');
    await expect.poll(() => heading(mobile.sidebar, 'Ada Lovelace').count()).toBe(1);
    await expect.poll(() => notesBox(mobile.sidebar).inputValue().catch(() => '')).toContain('Bernoulli');
    await mobile.page.close();

    const missing = await h.context.newPage();
    await missing.goto(h.url('www.linkedin.com', '/in/nobody-here-123abc/'));
    await missing.waitForTimeout(800);
    expect(missing.frames()).toHaveLength(1);
    await missing.close();
  });
});

describe('isolation from the host page', () => {
  it('the page cannot read the note, hear it typed, or see the frame', async () => {
    const page = await h.context.newPage();
    await installPageSpy(page);
    await page.goto(h.url('www.linkedin.com', ADA));
    const sidebar = await h.sidebar(page);
    const box = notesBox(sidebar);
    await box.waitFor();
    await box.click();
    await box.press('End');
    await box.pressSequentially(' Private: salary ask 98k', { delay: 5 });
    await waitSaved(sidebar);

    const seen = await whatThePageCanSee(page);
    expect(seen.texts).not.toContain('salary ask');
    expect(seen.texts).not.toContain('Bernoulli');
    expect(seen.texts).not.toContain(h.extensionId);
    expect(seen.texts).not.toContain('chrome-extension');
    expect(seen.iframes).toBe(0);
    expect(seen.windowLength).toBe(0);
    expect(seen.events).toEqual([]);
    expect(seen.messages.join('\n')).not.toMatch(/wxt|rapport|chrome-extension/i);
    expect(seen.resources.join('\n')).not.toMatch(/chrome-extension|sidebar/);
    // The host element names nothing: no id, class or data attribute — only its inline style.
    expect(seen.hostsWithClosedRoots).toEqual([{ tag: 'DIV', attributes: ['style'] }]);
    await page.close();
  });

  it('a sidebar page that the host page embeds itself gets no card', async () => {
    const page = await h.context.newPage();
    await page.goto(h.url('www.linkedin.com', `${ADA}?csp=frames`));
    await h.sidebar(page);
    // Suppose the page learnt the per-session URL of the sidebar page.
    const dynamicUrl = await h.evalInContentScript<string>(page, "chrome.runtime.getURL('/sidebar.html')");
    expect(dynamicUrl).toMatch(/^chrome-extension:\/\/[a-z0-9-]+\/sidebar\.html$/);
    const forgedSecret = 'A'.repeat(43);
    await page.evaluate(
      ({ url, secret }) => {
        for (const suffix of ['?attack=none', `?attack=forged#${secret}`]) {
          const frame = document.createElement('iframe');
          frame.src = url + suffix;
          document.body.append(frame);
        }
      },
      { url: dynamicUrl, secret: forgedSecret },
    );
    for (const attack of ['none', 'forged']) {
      let frame: Frame | undefined;
      await expect.poll(() => (frame = page.frames().find((f) => f.url().includes(`attack=${attack}`))) !== undefined).toBe(true);
      await expect.poll(() => frame!.getByText('This panel only works when Rapport opens it itself.').count()).toBe(1);
      expect(await frame!.locator('body').innerText()).not.toContain('Ada');
      expect(await frame!.locator('body').innerText()).not.toContain('Bernoulli');
    }
    await page.close();
  });

  it('nothing is requested from any host but the fixture pages, and the extension requests nothing', async () => {
    const fixtureHost = /^https:\/\/([a-z]{2,3}\.)?linkedin\.com\//;
    const foreign = h.requests.filter((url) => !fixtureHost.test(url) && !url.startsWith(`chrome-extension://`));
    expect(foreign).toEqual([]);
    expect(h.failedRequests.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
    // The extension's own frames and worker only ever load the extension's files.
    const ours = h.requests.filter((url) => url.startsWith('chrome-extension://'));
    expect(ours.length).toBeGreaterThan(0);
    // Every request the server saw was a page, a fixture asset, or the fixture app's own fetch.
    for (const { path } of h.server.requests) {
      expect(path).toMatch(/^\/((m|mwlite)\/)?(in\/|feed\/|fixture-assets\/|favicon\.ico)/);
    }
  });
});
