// "Where Rapport works", in real Chromium with the built extension: switching a site off on
// the settings page (through its UI) clears the open tabs of that site at once — Gmail's
// badges, LinkedIn's sidebar — and a reload brings nothing back; switching it on brings them
// back without a reload. Also: the browser's options page is the same settings page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from './support/browser.ts';
import { readMarks, waitForMarks, type Mark } from './support/closed-shadow.ts';

const DAY = 86_400_000;
const ADA_PROFILE = '/in/ada-lovelace-0a1b2c3d/';
let h: Harness;
const pageErrors: string[] = [];

beforeAll(async () => {
  h = await launchHarness();
  const { contact } = await h.send<{ contact: { id: number } }>('contact.create', {
    draft: { name: 'Ada Lovelace', emails: ['ada@analytical.example'] },
  });
  await h.send('interaction.log', { contactId: contact.id, kind: 'call', when: Date.now() - 3 * DAY, summary: 'Call about notes' });
});
afterAll(async () => {
  expect(pageErrors).toEqual([]);
  await h?.close();
});

async function open(host: string, path: string): Promise<Page> {
  const page = await h.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`${host}: ${error.message}`));
  await page.goto(h.url(host, path));
  return page;
}

/** The manager's settings section, as the user reaches it. */
async function openSettings(): Promise<Page> {
  const page = await h.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(`settings: ${error.message}`));
  await page.goto(`chrome-extension://${h.extensionId}/manager.html#view=settings`);
  await page.getByRole('heading', { name: 'Where Rapport works' }).waitFor();
  return page;
}

/** Clicks a site's switch and waits until the page says it is saved. */
async function setSite(settings: Page, name: RegExp, on: boolean) {
  const box = settings.getByRole('checkbox', { name });
  expect(await box.isChecked()).toBe(!on);
  await box.click();
  await settings.locator('#settings-sites').getByText('✓ Saved').waitFor();
  expect(await box.isChecked()).toBe(on);
}

const adaMarks = (marks: Mark[]) => marks.filter((m) => m.anchor['email'] === 'ada@analytical.example');
const lookups = async () => (await h.worker()).evaluate(() => performance.getEntriesByName('rapport:senders.lookup').length);
const sidebarFrames = (page: Page) =>
  page.frames().filter((f) => f.url().startsWith(`chrome-extension://${h.extensionId}/sidebar.html`)).length;

describe('per-site switches', () => {
  it('Gmail off: the open tab’s badges disappear, a reload shows none and asks nothing; on: they come back without a reload', async () => {
    const gmail = await open('mail.google.com', '/mail/u/0/#inbox');
    const before = await waitForMarks(gmail, (m) => adaMarks(m).length > 0);
    expect(adaMarks(before)[0]!.text).toBe('3d');

    const settings = await openSettings();
    await setSite(settings, /^Gmail/, false);
    expect((await h.send<{ sites: Record<string, boolean> }>('settings.get', {})).sites).toEqual({
      linkedin: true,
      gmail: false,
      outlook: true,
    });
    await waitForMarks(gmail, (m) => m.length === 0);

    // A reload of the switched-off site: nothing drawn, no lookup sent.
    const asked = await lookups();
    await gmail.reload();
    await gmail.waitForTimeout(1_200);
    expect(await readMarks(gmail)).toEqual([]);
    expect(await lookups()).toBe(asked);
    // New rows arriving meanwhile get nothing either (no observer left).
    await gmail.evaluate(() => (window as any).fixtureGmail.addRows(5, { position: 'top' }));
    await gmail.waitForTimeout(400);
    expect(await readMarks(gmail)).toEqual([]);

    await setSite(settings, /^Gmail/, true);
    const back = await waitForMarks(gmail, (m) => adaMarks(m).length > 0);
    expect(adaMarks(back)[0]!.text).toBe('3d');
    await gmail.close();
    await settings.close();
  });

  it('LinkedIn off: the profile’s sidebar leaves the page and a reload shows none; on: it comes back', async () => {
    const profile = await open('www.linkedin.com', ADA_PROFILE);
    await h.sidebar(profile);
    expect(sidebarFrames(profile)).toBe(1);

    const settings = await openSettings();
    await setSite(settings, /^LinkedIn/, false);
    await expect.poll(() => sidebarFrames(profile)).toBe(0);
    await profile.reload();
    await profile.waitForTimeout(1_500);
    expect(sidebarFrames(profile)).toBe(0);
    await setSite(settings, /^LinkedIn/, true);
    await h.sidebar(profile);
    expect(sidebarFrames(profile)).toBe(1);
    await profile.close();
    await settings.close();
  });

  it('Outlook off leaves Gmail alone, and the other way round', async () => {
    const outlook = await open('outlook.live.com', '/mail/0/inbox');
    const gmail = await open('mail.google.com', '/mail/u/0/#inbox');
    const adaOutlook = (m: Mark[]) => m.filter((x) => x.anchor['title'] === 'ada@analytical.example');
    await waitForMarks(outlook, (m) => adaOutlook(m).length > 0);
    await waitForMarks(gmail, (m) => adaMarks(m).length > 0);
    const settings = await openSettings();
    await setSite(settings, /^Outlook on the web/, false);
    await waitForMarks(outlook, (m) => m.length === 0);
    await gmail.waitForTimeout(300);
    expect(adaMarks(await readMarks(gmail)).length).toBeGreaterThan(0);
    await setSite(settings, /^Outlook on the web/, true);
    await waitForMarks(outlook, (m) => adaOutlook(m).length > 0);
    for (const page of [outlook, gmail, settings]) await page.close();
  });

  it('the worker mirrors the switches for content scripts, again at every start', async () => {
    const settings = await openSettings();
    await setSite(settings, /^Outlook on the web/, false);
    const ext = await h.extensionPage();
    const mirror = () => ext.evaluate(async () => (await (globalThis as any).chrome.storage.local.get('ui.sites'))['ui.sites']);
    await expect.poll(mirror).toEqual({ linkedin: true, gmail: true, outlook: false });
    // Storage lost the mirror (cleared, or the database restored elsewhere): the next worker start writes it again.
    await ext.evaluate(() => (globalThis as any).chrome.storage.local.remove('ui.sites'));
    await h.stopWorker();
    await h.send('ping', {});
    await expect.poll(mirror).toEqual({ linkedin: true, gmail: true, outlook: false });
    await setSite(settings, /^Outlook on the web/, true);
    await expect.poll(mirror).toEqual({ linkedin: true, gmail: true, outlook: true });
    await settings.close();
  });

  it('the browser’s options page is the same settings page, opened in a tab', async () => {
    const options = await h.context.newPage();
    options.on('pageerror', (error) => pageErrors.push(`options: ${error.message}`));
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'Settings', level: 2 }).waitFor();
    for (const group of ['Keep-in-touch cadences', 'Reminders', 'Where Rapport works', 'Weekly goals', 'Elevator pitches', 'Target companies']) {
      await options.getByRole('heading', { name: group }).waitFor();
    }
    const manifest = await options.evaluate(() => (globalThis as any).chrome.runtime.getManifest());
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    await options.close();
  });
});
