// Every LinkedIn fixture variant in real Chromium: the right subject in the sidebar (or no
// sidebar on special pages), capture on click with pre-filled fields, "Update from page",
// company pages with the people you know there, and navigation among them by pushState.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchHarness, type Harness } from './support/browser.ts';
import { FIXTURES } from './support/paths.ts';

interface Variant {
  id: string;
  url: string;
  expect: { kind: string | null; name?: [string, string]; headline?: [string, string]; missing?: string[] };
}
const { variants } = JSON.parse(readFileSync(resolve(FIXTURES, 'linkedin/variants.json'), 'utf8')) as {
  variants: Variant[];
};

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => h?.close());

const heading = (frame: Frame, name: string) => frame.getByRole('heading', { level: 1, name, exact: true });
const field = (frame: Frame, label: string) => frame.getByRole('textbox', { name: label, exact: true });

async function visit(url: string): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(url);
  return page;
}

describe.each(variants)('fixture $id', (variant) => {
  it(variant.expect.kind ? 'shows the right subject in the sidebar' : 'mounts no sidebar and captures nothing', async () => {
    const page = await visit(variant.url);
    if (!variant.expect.kind) {
      await page.waitForTimeout(700);
      expect(page.frames()).toHaveLength(1);
      await page.close();
      return;
    }
    const sidebar = await h.sidebar(page);
    await expect.poll(() => heading(sidebar, variant.expect.name![0]).count()).toBe(1);
    if (variant.expect.headline) await expect.poll(() => sidebar.getByText(variant.expect.headline![0]).count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('capture on click', () => {
  it('pre-fills the form from the page and adds nothing until asked', async () => {
    const page = await visit('https://www.linkedin.com/in/thilde-markstr%C3%B6m-02a5192b7/');
    const sidebar = await h.sidebar(page);
    await expect.poll(() => field(sidebar, 'Name').inputValue()).toBe('Thilde Markström');
    expect(await field(sidebar, 'Headline').inputValue()).toBe('Data engineer · Streaming pipelines');
    expect(await field(sidebar, 'Company').inputValue()).toBe('Öresund Data AB');
    expect(await field(sidebar, 'Location').inputValue()).toBe('Malmö, Skåne, Sweden');
    expect(await field(sidebar, 'Title').inputValue()).toBe('');
    await page.reload();
    const again = await h.sidebar(page);
    // Still not in Rapport: a visit alone stores nothing.
    await expect.poll(() => again.getByRole('button', { name: 'Add to Rapport' }).count()).toBe(1);
    await page.close();
  });

  it('offers what changed on the page, applies only what is accepted, and never touches notes', async () => {
    const page = await visit('https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/');
    const sidebar = await h.sidebar(page);
    await field(sidebar, 'Company').fill('Analytical Society');
    await field(sidebar, 'Headline').fill('Mathematician');
    await field(sidebar, 'Title').fill('Translator');
    await sidebar.getByRole('button', { name: 'Add to Rapport' }).click();
    const notes = sidebar.getByRole('textbox', { name: 'Notes' });
    await notes.fill('Prefers letters to e-mail.');
    await expect.poll(() => sidebar.getByRole('status').textContent()).toBe('Saved');

    const updates = sidebar.getByRole('region', { name: 'Update from page' });
    await expect.poll(() => updates.count()).toBe(1);
    await expect.poll(() => updates.getByText('New company — a job change worth a congratulation.').count()).toBe(1);
    // The page yields no title: the user's "Translator" is not offered for removal.
    expect(await updates.getByRole('checkbox').count()).toBe(2);
    await updates.getByRole('checkbox', { name: /Headline/ }).uncheck();
    await updates.getByRole('button', { name: 'Apply selected' }).click();

    await expect.poll(() => sidebar.getByText('Translator · Babbage & Co. Ltd').count()).toBe(1);
    await expect.poll(() => sidebar.locator('p.headline').textContent()).toBe('Mathematician');
    // The headline change the user declined is still on offer; the accepted one is gone.
    await expect.poll(() => updates.getByRole('checkbox').count()).toBe(1);
    expect(await notes.inputValue()).toBe('Prefers letters to e-mail.');
    await page.close();
  });
});

describe('company pages', () => {
  it('lists the people you know there and keeps a ranked target', async () => {
    const page = await visit('https://www.linkedin.com/company/babbage-and-co/about/');
    const sidebar = await h.sidebar(page);
    await expect.poll(() => heading(sidebar, 'Babbage & Co.').count()).toBe(1);
    const people = sidebar.getByRole('list', { name: 'People you know at Babbage & Co.' });
    await expect.poll(() => people.getByText('Ada Lovelace').count()).toBe(1);

    await sidebar.getByRole('checkbox', { name: 'Target employer' }).check();
    const rank = sidebar.getByRole('combobox', { name: 'Rank among your targets' });
    await rank.waitFor();
    expect(await rank.inputValue()).toBe('1');
    await page.reload();
    const again = await h.sidebar(page);
    await expect.poll(() => again.getByRole('checkbox', { name: 'Target employer' }).isChecked()).toBe(true);
    await page.close();
  });
});

describe('single-page navigation', () => {
  it('follows three profiles and a company page, each with the right subject', async () => {
    const console: string[] = [];
    const page = await visit('https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/');
    page.on('console', (message) => console.push(message.text()));
    const sidebar = await h.sidebar(page);
    await expect.poll(() => heading(sidebar, 'Ada Lovelace').count()).toBe(1);

    const banner = page.getByRole('banner');
    for (const [link, name] of [
      ['Katherine', 'Katherine Johnson'],
      ['Grace', 'Grace Hopper'],
      ['Babbage', 'Babbage & Co.'],
      ['Thilde', 'Thilde Markström'],
    ] as const) {
      await banner.getByRole('link', { name: link, exact: true }).click();
      await expect.poll(() => heading(sidebar, name).count()).toBe(1);
      expect(await sidebar.locator('h1').count()).toBe(1);
    }
    // Katherine's page reads no title or location: a quiet note, and the debug log says why.
    await page.goBack();
    await page.goBack();
    await page.goBack();
    await expect.poll(() => heading(sidebar, 'Katherine Johnson').count()).toBe(1);
    await expect
      .poll(() => sidebar.getByText('Couldn’t read the current title or the location on this page.').count())
      .toBe(1);
    expect(console.some((line) => line.includes('[Rapport] LinkedIn page:') && line.includes('json-ld'))).toBe(true);

    // Own profile: the sidebar goes away instead of offering to add yourself.
    await banner.getByRole('link', { name: 'Me', exact: true }).click();
    await expect.poll(() => page.frames().length).toBe(1);
    await page.close();
  });
});
