// The networking card in real Chromium: the whole flow on a LinkedIn fixture survives a
// reload, two tabs stay in step, a worker stop mid-typing loses nothing, and hostile text is
// only ever text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchHarness, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => h?.close());

const PROFILE = 'https://www.linkedin.com/in/dorothy-vaughan-1a2b3c/';

async function open(url: string): Promise<{ page: Page; sidebar: Frame }> {
  const page = await h.context.newPage();
  await page.setViewportSize({ width: 1280, height: 1000 });
  await page.goto(url);
  return { page, sidebar: await h.sidebar(page) };
}

const box = (frame: Frame, name: string) => frame.getByRole('textbox', { name, exact: true });
const saved = (frame: Frame) => expect.poll(() => frame.getByText('Saved', { exact: true }).count()).toBe(1);

describe('the card', () => {
  it('keeps the whole flow across a reload', async () => {
    // An introducer to pick: Katherine, added from her own profile.
    const katherine = await open('https://www.linkedin.com/in/katherine-johnson-5c6d7e/');
    await katherine.sidebar.getByRole('button', { name: 'Add to Rapport' }).click();
    await box(katherine.sidebar, 'Notes').waitFor();
    await katherine.page.close();

    const { page, sidebar } = await open(PROFILE);
    await sidebar.getByRole('button', { name: 'Add to Rapport' }).click();
    await box(sidebar, 'Notes').waitFor();

    // Tag, how met, introducer, type.
    await sidebar.getByRole('combobox', { name: 'Add a tag' }).fill('mentor');
    await sidebar.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await expect.poll(() => sidebar.getByRole('button', { name: 'Remove the tag mentor' }).count()).toBe(1);
    await sidebar.getByRole('combobox', { name: 'Contact type' }).selectOption('mentor');
    await box(sidebar, 'Event').fill('NACA alumni evening');
    await box(sidebar, 'Event').press('Enter');
    await box(sidebar, 'Place').fill('Hampton');
    await box(sidebar, 'Place').press('Enter');
    await sidebar.getByRole('searchbox', { name: 'Introduced by' }).fill('kath');
    await sidebar.getByRole('button', { name: /Katherine Johnson/ }).click();
    await expect.poll(() => sidebar.getByRole('button', { name: 'Remove Katherine Johnson as introducer' }).count()).toBe(1);

    // An informational interview with its debrief and a referred name.
    await sidebar.getByRole('combobox', { name: 'Kind' }).selectOption('informational-interview');
    await box(sidebar, 'What was it about?').fill('How the West Area Computing unit hires');
    await sidebar.getByRole('button', { name: 'Log interaction' }).click();
    const debrief = sidebar.getByRole('region', { name: 'Debrief: informational interview' });
    await debrief.waitFor();
    await debrief.getByRole('group', { name: 'Did it meet your goals?' }).getByRole('radio', { name: 'Yes' }).check();
    await debrief.getByRole('group', { name: 'Were you memorable?' }).getByRole('radio', { name: 'Partly' }).check();
    await box(sidebar, 'Name they referred you to').fill('Mary Jackson');
    await sidebar.getByRole('button', { name: 'Add contact' }).click();
    await expect.poll(() => sidebar.getByText('Added, introduced by Dorothy Vaughan: Mary Jackson').count()).toBe(1);
    await sidebar.getByRole('button', { name: 'Save debrief' }).click();
    await expect.poll(() => debrief.count()).toBe(0);

    // A follow-up and a commitment.
    await sidebar.getByRole('button', { name: 'In 1 month' }).click();
    await box(sidebar, 'You promised to…').fill('Send her the FORTRAN primer');
    await sidebar.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => sidebar.getByRole('checkbox', { name: 'Send her the FORTRAN primer' }).count()).toBe(1);

    await page.reload();
    const again = await h.sidebar(page);
    await expect.poll(() => again.getByRole('heading', { level: 1, name: 'Dorothy Vaughan' }).count()).toBe(1);
    const prep = again.getByRole('region', { name: 'Before you talk' });
    await expect.poll(() => prep.getByText('How the West Area Computing unit hires').count()).toBe(1);
    await expect.poll(() => prep.getByText('Send her the FORTRAN primer').count()).toBe(1);
    expect(await again.getByText('Last contacted today').count()).toBe(1);
    expect(await again.getByText(/Next follow-up .* \(in 4 weeks\)|Next follow-up .* \(in 5 weeks\)/).count()).toBe(1);
    expect(await again.getByRole('button', { name: 'Remove the tag mentor' }).count()).toBe(1);
    expect(await again.getByRole('combobox', { name: 'Contact type' }).inputValue()).toBe('mentor');
    expect(await box(again, 'Event').inputValue()).toBe('NACA alumni evening');
    expect(await box(again, 'Place').inputValue()).toBe('Hampton');
    expect(await again.getByRole('button', { name: 'Remove Katherine Johnson as introducer' }).count()).toBe(1);
    expect(await again.getByRole('list', { name: 'People Dorothy Vaughan introduced you to' }).getByText('Mary Jackson').count()).toBe(1);
    const timeline = again.getByRole('list', { name: 'Interactions, newest first' });
    expect(await timeline.getByText('Informational interview').count()).toBe(1);
    await timeline.getByRole('button', { name: 'Debrief' }).click();
    const reopened = again.getByRole('region', { name: 'Debrief: informational interview' });
    expect(await reopened.getByRole('group', { name: 'Did it meet your goals?' }).getByRole('radio', { name: 'Yes' }).isChecked()).toBe(true);
    expect(await reopened.getByRole('group', { name: 'Were you memorable?' }).getByRole('radio', { name: 'Partly' }).isChecked()).toBe(true);
    await page.close();

    // The introducer's card lists whom she introduced.
    const back = await open('https://www.linkedin.com/in/katherine-johnson-5c6d7e/');
    await expect
      .poll(() => back.sidebar.getByRole('list', { name: 'People Katherine Johnson introduced you to' }).getByText('Dorothy Vaughan').count())
      .toBe(1);
    await back.page.close();
  });

  it('deletes an interaction with undo', async () => {
    const { page, sidebar } = await open(PROFILE);
    const timeline = sidebar.getByRole('list', { name: 'Interactions, newest first' });
    await timeline.waitFor();
    await timeline.getByRole('button', { name: /^Delete the Informational interview/ }).click();
    await expect.poll(() => sidebar.getByText('Nothing logged yet.').count()).toBe(1);
    await expect.poll(() => sidebar.getByText('No interaction logged yet').count()).toBe(1);
    await sidebar.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => timeline.getByText('How the West Area Computing unit hires').count()).toBe(1);
    await expect.poll(() => sidebar.getByText('Last contacted today').count()).toBe(1);
    await page.close();
  });

  it('shows an edit in one tab in every other open sidebar within a second', async () => {
    const a = await open(PROFILE);
    const b = await open(PROFILE);
    await box(b.sidebar, 'Notes').waitFor();
    await box(a.sidebar, 'Notes').fill('Edited in tab A');
    await saved(a.sidebar);
    const tagged = Date.now();
    await a.sidebar.getByRole('combobox', { name: 'Add a tag' }).fill('nasa');
    await a.sidebar.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await expect.poll(() => b.sidebar.getByRole('button', { name: 'Remove the tag nasa' }).count(), { timeout: 1_000 }).toBe(1);
    expect(Date.now() - tagged).toBeLessThan(1_000);
    await expect.poll(() => box(b.sidebar, 'Notes').inputValue(), { timeout: 1_000 }).toBe('Edited in tab A');
    await a.page.close();
    await b.page.close();
  });

  it('clears fields through the real messaging (JSON drops undefined, so clearing sends null)', async () => {
    const { page, sidebar } = await open(PROFILE);
    await expect.poll(() => sidebar.getByText(/^Next follow-up /).count()).toBe(1);
    await sidebar.getByRole('button', { name: 'Clear' }).click();
    await expect.poll(() => sidebar.getByText('No follow-up planned.').count()).toBe(1);
    await sidebar.getByRole('button', { name: 'Remove Katherine Johnson as introducer' }).click();
    await expect.poll(() => sidebar.getByRole('button', { name: 'Remove Katherine Johnson as introducer' }).count()).toBe(0);
    await sidebar.getByRole('combobox', { name: 'Contact type' }).selectOption('');
    await page.reload();
    const again = await h.sidebar(page);
    await expect.poll(() => again.getByText('No follow-up planned.').count()).toBe(1);
    expect(await again.getByRole('button', { name: 'Remove Katherine Johnson as introducer' }).count()).toBe(0);
    expect(await again.getByRole('combobox', { name: 'Contact type' }).inputValue()).toBe('');
    await page.close();
  });

  it('opens the same card standalone in a tab, live', async () => {
    const ext = await h.extensionPage();
    const [dorothy] = await ext.evaluate(async () => {
      const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<any> } } }).chrome.runtime;
      return (await runtime.sendMessage({ rapport: 1, type: 'contacts.search', payload: { query: 'dorothy', limit: 1 } })).data;
    });
    const tab = await h.context.newPage();
    await tab.goto(`chrome-extension://${h.extensionId}/sidebar.html?contact=${dorothy.id}`);
    await expect.poll(() => tab.getByRole('heading', { level: 1, name: 'Dorothy Vaughan' }).count()).toBe(1);
    expect(await tab.title()).toBe('Dorothy Vaughan — Rapport');
    await expect.poll(() => tab.getByRole('list', { name: 'Interactions, newest first' }).getByText('How the West Area Computing unit hires').count()).toBe(1);
    // An edit in the LinkedIn sidebar shows up in the standalone card.
    const { page, sidebar } = await open(PROFILE);
    await sidebar.getByRole('combobox', { name: 'Add a tag' }).fill('standalone-check');
    await sidebar.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await expect.poll(() => tab.getByRole('button', { name: 'Remove the tag standalone-check' }).count(), { timeout: 1_000 }).toBe(1);
    await page.close();
    await tab.close();
  });

  it('loses nothing when the worker stops in the middle of typing', async () => {
    const { page, sidebar } = await open(PROFILE);
    const notes = box(sidebar, 'Notes');
    await notes.click();
    await notes.press('Control+a');
    await notes.pressSequentially('First half, ', { delay: 5 });
    await h.stopWorker();
    await notes.pressSequentially('second half.', { delay: 5 });
    await h.stopWorker();
    await page.reload();
    const again = await h.sidebar(page);
    await expect.poll(() => box(again, 'Notes').inputValue().catch(() => '')).toBe('First half, second half.');
    await page.close();
  });

  it('shows hostile text as text in every field', async () => {
    const hostile = {
      markup: '<img src=x onerror="document.title=1">',
      script: '<script>document.title="pwned"</script>',
      rtl: 'مرحبا بالعالم ‮txt.exe',
      emoji: '👩🏽‍💻🚀 Ünïcödé',
    };
    const long = 'x'.repeat(10_000);
    const { page, sidebar } = await open(PROFILE);
    await sidebar.getByText('Details', { exact: true }).click();
    await box(sidebar, 'Headline').fill(`${hostile.markup} ${hostile.emoji}`);
    await box(sidebar, 'Headline').press('Enter');
    await box(sidebar, 'Company').fill(hostile.script);
    await box(sidebar, 'Company').press('Enter');
    await box(sidebar, 'Location').fill(hostile.rtl);
    await box(sidebar, 'Location').press('Enter');
    await box(sidebar, 'Notes').fill(`${long}${hostile.markup}`);
    await saved(sidebar);
    await sidebar.getByRole('combobox', { name: 'Add a tag' }).fill(hostile.emoji);
    await sidebar.getByRole('combobox', { name: 'Add a tag' }).press('Enter');
    await box(sidebar, 'What was it about?').fill(hostile.script);
    await sidebar.getByRole('button', { name: 'Log interaction' }).click();
    await expect.poll(() => sidebar.getByRole('list', { name: 'Interactions, newest first' }).getByText(hostile.script).count()).toBe(1);

    await page.reload();
    const again = await h.sidebar(page);
    await again.getByRole('heading', { level: 1, name: 'Dorothy Vaughan' }).waitFor();
    await expect.poll(() => again.locator('header').getByText(`${hostile.markup} ${hostile.emoji}`).count()).toBe(1);
    expect(await again.getByText(hostile.rtl).count()).toBeGreaterThan(0);
    expect(await again.getByRole('button', { name: `Remove the tag ${hostile.emoji}` }).count()).toBe(1);
    expect(await box(again, 'Notes').inputValue()).toBe(`${long}${hostile.markup}`);
    // Nothing became markup: no image, no extra script, the title untouched.
    expect(await again.locator('img').count()).toBe(0);
    expect(await again.evaluate(() => document.scripts.length)).toBe(1);
    expect(await again.evaluate(() => document.title)).toBe('Rapport');
    expect(await page.title()).not.toMatch(/pwned|^1$/);
    // The 10,000-character headline is refused at the limit with the input's bound, not stored half-broken.
    await again.getByText('Details', { exact: true }).click();
    await box(again, 'Headline').fill(long);
    expect((await box(again, 'Headline').inputValue()).length).toBe(500);
    await page.close();
  });
});
