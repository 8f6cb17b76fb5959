// The manager's "Import & export" section in real Chromium: a 1,000-row LinkedIn export
// imported through the page (preview, apply, progress), seen on the LinkedIn profile of one of
// its people; then a JSON backup downloaded, the store wiped, and the backup restored to the
// same data.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchHarness, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => h?.close());

/** A LinkedIn Connections.csv as LinkedIn writes it: BOM, the "Notes:" preamble, CRLF, quoted fields. */
function connectionsCsv(rows: number): string {
  const lines = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
    'First Name,Last Name,URL,Email Address,Company,Position,Connected On',
    'Ada,Lovelace,https://www.linkedin.com/in/ada-lovelace-0a1b2c3d,,Babbage & Co. Ltd,Analyst,10 Dec 2024',
  ];
  for (let i = 1; i < rows; i++) {
    const n = String(i).padStart(4, '0');
    const company = i % 7 === 0 ? `"Engines, Looms & Co ${i % 50}"` : `Firm ${i % 50}`;
    const position = i % 11 === 0 ? '"Engineer, ""Data"" Platform"' : 'Engineer';
    const email = i % 3 === 0 ? `person${n}@example.org` : '';
    lines.push(`Person${n},Tester${n},https://www.linkedin.com/in/person-${n}-e2e,${email},${company},${position},${(i % 28) + 1} Mar 2024`);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function openManager(): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${h.extensionId}/manager.html#view=transfer`);
  await page.getByRole('heading', { name: 'Import & export' }).waitFor();
  return page;
}

describe('manager: import & export', () => {
  it('imports a 1,000-row LinkedIn export through the page; the profile then shows the card', async () => {
    const page = await openManager();
    const started = performance.now();
    await page.getByLabel('File to import').setInputFiles({
      name: 'Connections.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(connectionsCsv(1000), 'utf8'),
    });
    await page.getByText('LinkedIn Connections export').waitFor();
    const previewed = performance.now();
    expect(await page.getByText('1,000 new contacts will be created').count()).toBe(1);
    expect(await page.getByText(/row skipped|rows skipped/).count()).toBe(0);

    await page.getByRole('button', { name: 'Import 1,000 contacts' }).click();
    await page.getByText(/Imported Connections\.csv: 1,000 contacts created, 0 contacts updated/).waitFor({ timeout: 30_000 });
    const done = performance.now();
    console.log(
      `[import] 1,000-row import through the UI: preview ${(previewed - started).toFixed(0)} ms, apply ${(done - previewed).toFixed(0)} ms, total ${(done - started).toFixed(0)} ms`,
    );
    await page.getByRole('button', { name: 'See the imported contacts' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: /contacts$/ }).first().textContent()).toBe('1,000 contacts');
    await page.close();

    const profile = await h.context.newPage();
    await profile.goto('https://www.linkedin.com/in/ada-lovelace-0a1b2c3d/');
    const sidebar = await h.sidebar(profile);
    await expect.poll(() => sidebar.getByRole('heading', { level: 1, name: 'Ada Lovelace', exact: true }).count()).toBe(1);
    await expect.poll(() => sidebar.getByRole('textbox', { name: 'Event', exact: true }).inputValue()).toBe('Connected on LinkedIn');
    expect(await sidebar.getByRole('button', { name: 'Add to Rapport' }).count()).toBe(0);
    await profile.close();
  }, 60_000);

  it('a backup downloaded, the store wiped, the backup restored: the same data', async () => {
    // Something beyond contacts, so the restore covers more than one table.
    const ids = (await h.send<{ rows: { id: number; name: string }[] }>('manager.list', { filters: {}, sort: { by: 'name', dir: 'asc' } })).rows;
    const ada = ids.find((r) => r.name === 'Ada Lovelace')!;
    await h.send('interaction.log', { contactId: ada.id, kind: 'meeting', when: Date.UTC(2025, 0, 10), summary: 'Talked about the Engine' });

    const page = await openManager();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Back up everything (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^rapport-backup-\d{4}-\d{2}-\d{2}\.json$/);
    // Under its own name (download.path() is a random one), as the user would pick it.
    const folder = mkdtempSync(join(tmpdir(), 'rapport-backup-'));
    const path = join(folder, download.suggestedFilename());
    await download.saveAs(path);
    const exported = readFileSync(path, 'utf8');
    const before = JSON.parse(exported);
    expect(before.tables.contacts).toHaveLength(1000);
    expect(before.tables.interactions).toHaveLength(1);

    await h.send('contacts.bulk', { ids: ids.map((r) => r.id), action: { kind: 'delete' } });
    const wiped = JSON.parse((await h.send<{ text: string }>('export.file', { format: 'backup-json' })).text);
    expect(wiped.tables.contacts).toHaveLength(0);
    expect(wiped.tables.interactions).toHaveLength(0);

    await page.getByLabel('Backup file to restore').setInputFiles(path);
    const contactsRow = page.getByRole('row', { name: /^Contacts/ });
    await contactsRow.waitFor();
    expect((await contactsRow.getByRole('cell').allTextContents())[0]).toBe('1,000');
    await page.getByRole('button', { name: /^Restore [\d,]+ records?$/ }).click();
    await page.getByText(/Restored rapport-backup-.*\.json\. Contacts: 1,000 added; Interactions: 1 added/).waitFor({ timeout: 30_000 });

    const after = JSON.parse((await h.send<{ text: string }>('export.file', { format: 'backup-json' })).text);
    delete before.exportedAt;
    delete after.exportedAt;
    expect(after).toEqual(before);
    await page.close();
    rmSync(folder, { recursive: true, force: true });
  }, 60_000);
});
