// Merging duplicates in real Chromium: two contacts seeded through the worker's messages (the
// same person twice, each with interactions) are suggested in manager.html#view=duplicates;
// merged through the UI with a value picked from the second one, the survivor has both
// contacts' interactions and the picked value and the other is gone; Undo brings both back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => h?.close());

const DAY = 24 * 60 * 60 * 1000;

describe('merging duplicates', () => {
  it('merges through the side-by-side view, then undoes it', async () => {
    const now = Date.now();
    const ada = (
      await h.send('contact.create', {
        draft: { name: 'Ada Lovelace', company: 'Analytical Engines', emails: ['ada@engines.example'], tags: ['engines'], notes: 'Met at the Society.' },
      })
    ).contact;
    const king = (
      await h.send('contact.create', {
        draft: { name: 'Lovelace, Ada', company: 'Analytical Engines Ltd', title: 'Countess', tags: ['poetry'], notes: 'Likes poetry.' },
      })
    ).contact;
    await h.send('contact.create', { draft: { name: 'Grace Hopper', company: 'Navy' } });
    await h.send('interaction.log', { contactId: ada.id, kind: 'meeting', when: now - 3 * DAY, summary: 'Coffee at the Society' });
    await h.send('interaction.log', { contactId: king.id, kind: 'call', when: now - DAY, summary: 'Call about the notes' });
    await h.send('interaction.log', { contactId: king.id, kind: 'email', when: now - 2 * DAY, summary: 'Sent the translation' });

    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/manager.html#view=duplicates`);
    const compare = page.getByRole('button', { name: 'Compare Ada Lovelace and Lovelace, Ada' });
    await compare.waitFor();
    expect(await page.getByRole('list', { name: 'Why' }).textContent()).toBe('Same name, written the other way round at Analytical Engines');
    if (process.env.RAPPORT_SHOTS) await page.screenshot({ path: `${process.env.RAPPORT_SHOTS}/duplicates-list.png`, fullPage: true });

    await compare.click();
    await page.getByRole('heading', { name: 'Merge Ada Lovelace and Lovelace, Ada' }).waitFor();
    // Ada (created first) survives by default; keep her name, take the title and company of the second.
    await page.getByRole('radio', { name: 'Name from Ada Lovelace: Ada Lovelace' }).check();
    await page.getByRole('radio', { name: 'Company from Lovelace, Ada: Analytical Engines Ltd' }).check();
    expect(await page.getByRole('radio', { name: 'Title from Lovelace, Ada: Countess' }).isChecked()).toBe(true);
    expect(await page.locator('.merge-summary').textContent()).toBe('2 interactions and 1 tag will be combined.');
    if (process.env.RAPPORT_SHOTS) await page.screenshot({ path: `${process.env.RAPPORT_SHOTS}/duplicates-compare.png`, fullPage: true });
    await page.getByRole('button', { name: 'Merge into Ada Lovelace' }).click();
    await page.getByText('Merged Lovelace, Ada into Ada Lovelace.').waitFor();
    if (process.env.RAPPORT_SHOTS) await page.screenshot({ path: `${process.env.RAPPORT_SHOTS}/duplicates-merged.png`, fullPage: true });

    const card = await h.send('contact.card', { id: ada.id });
    expect(card.contact).toMatchObject({ name: 'Ada Lovelace', company: 'Analytical Engines Ltd', title: 'Countess', tags: ['engines', 'poetry'] });
    expect(card.contact.notes).toMatch(/^Met at the Society\.\n\n— merged from Lovelace, Ada, .+ —\nLikes poetry\.$/);
    expect(card.interactions.map((i: { summary: string }) => i.summary)).toEqual([
      'Call about the notes',
      'Sent the translation',
      'Coffee at the Society',
    ]);
    expect(await h.send('contact.get', { id: king.id })).toBeNull();
    await page.getByRole('status').filter({ hasText: 'No duplicates found among 2 contacts.' }).waitFor();

    await page.getByRole('button', { name: 'Undo' }).click();
    await compare.waitFor();
    const back = await h.send('contact.card', { id: king.id });
    expect(back.contact).toMatchObject({ name: 'Lovelace, Ada', title: 'Countess', notes: 'Likes poetry.' });
    expect(back.interactions.map((i: { summary: string }) => i.summary)).toEqual(['Call about the notes', 'Sent the translation']);
    const restored = await h.send('contact.card', { id: ada.id });
    expect(restored.contact).toMatchObject({ name: 'Ada Lovelace', company: 'Analytical Engines', notes: 'Met at the Society.', tags: ['engines'] });
    expect(restored.contact.title).toBeUndefined();
    expect(restored.interactions.map((i: { summary: string }) => i.summary)).toEqual(['Coffee at the Society']);

    // "Not the same person" is remembered.
    await page.getByRole('button', { name: 'Ada Lovelace and Lovelace, Ada are not the same person' }).click();
    await page.getByRole('status').filter({ hasText: 'No duplicates found among 3 contacts.' }).waitFor();
    if (process.env.RAPPORT_SHOTS) await page.screenshot({ path: `${process.env.RAPPORT_SHOTS}/duplicates-empty.png`, fullPage: true });
    await page.reload();
    await page.getByText('One pair you marked as different people is not shown.').waitFor();
    expect((await h.send('duplicates.list', {})).suggestions).toEqual([]);
  });

  it('merges any two contacts picked in the list', async () => {
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/manager.html`);
    await page.getByRole('checkbox', { name: 'Select Ada Lovelace' }).check();
    await page.getByRole('checkbox', { name: 'Select Grace Hopper' }).check();
    await page.getByRole('button', { name: 'Merge…' }).click();
    await page.getByRole('heading', { name: /^Merge (Ada Lovelace and Grace Hopper|Grace Hopper and Ada Lovelace)$/ }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('No duplicates found among 3 contacts.').waitFor();
  });
});
