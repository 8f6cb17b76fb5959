// The weekly review in real Chromium: data seeded through the worker's messages shows up as
// "n of goal" meters, in the lists (a name opens the contact) and in the chart's table; a
// JSON backup export shows as "Last backup: today"; the opt-in backup reminder's alarm is
// created when it is turned on, is there again after the worker was stopped, and goes when
// it is turned off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { launchHarness, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => h?.close());

const DAY = 24 * 60 * 60 * 1000;

/** Evaluates in the live worker, taking the newest one if a stopped one does not answer. */
async function inWorker<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const worker: Worker = await h.worker();
    const result = await Promise.race([
      (worker.evaluate(fn) as Promise<T>).then((value) => ({ value })),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 2_000)),
    ]).catch(() => null);
    if (result) return result.value;
    if (attempt >= 4) throw new Error('the worker does not answer');
  }
}

const backupAlarm = () =>
  inWorker(async () => ((await (globalThis as any).chrome.alarms.get('backup-reminder')) ?? null) as { scheduledTime: number } | null);

describe('the weekly review', () => {
  it('shows what was seeded through the worker', async () => {
    const ada = (await h.send('contact.create', { draft: { name: 'Ada Lovelace' } })).contact;
    const grace = (await h.send('contact.create', { draft: { name: 'Grace Hopper' } })).contact;
    const now = Date.now();
    await h.send('interaction.log', { contactId: ada.id, kind: 'meeting', when: now, summary: 'Coffee' });
    await h.send('interaction.log', { contactId: grace.id, kind: 'email', when: now }); // not a conversation
    await h.send('interaction.log', { contactId: grace.id, kind: 'call', when: now - 21 * DAY });
    const promise = await h.send('commitment.add', { contactId: grace.id, text: 'Send the paper', due: now });
    await h.send('commitment.setDone', { id: promise.id, done: true });
    await h.send('settings.update', { patch: { weeklyGoals: { newContacts: 4, conversations: 2, followUps: 3 } } });
    await h.send('export.file', { format: 'backup-json' });

    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/manager.html#view=review`);
    await page.getByRole('meter').first().waitFor();
    const meters = await page.getByRole('meter').evaluateAll((els) => els.map((e) => e.getAttribute('aria-valuetext')));
    expect(meters).toEqual(['2 of 4', '1 of 2', '1 of 3']);

    // The chart's table: this week's row and the one three weeks ago.
    const rows = await page.locator('.weekly-chart table tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => Number(td.textContent))),
    );
    expect(rows).toHaveLength(12);
    expect(rows[11]).toEqual([2, 1, 1]);
    expect(rows[8]![1]).toBe(1);
    expect(await page.locator('.review-backup').textContent()).toContain('Last backup: today');

    // A name opens the contact in the list view.
    await page.locator('.review-list').filter({ hasText: 'Follow-ups done' }).getByRole('button', { name: 'Grace Hopper' }).click();
    await page.waitForURL(/#contact=\d+/);
    expect(new URL(page.url()).hash).toBe(`#contact=${grace.id}`);
    await page.close();
  });

  it('creates the backup reminder alarm when turned on, re-creates it after a worker stop, clears it when off', async () => {
    expect(await backupAlarm()).toBeNull();
    const before = Date.now();
    await h.send('settings.update', { patch: { backupReminder: true } });
    // The setting's change reaches the reminder without waiting for a reply: poll briefly.
    let alarm = null as { scheduledTime: number } | null;
    for (let i = 0; i < 20 && !alarm; i++) {
      alarm = await backupAlarm();
      if (!alarm) await new Promise((r) => setTimeout(r, 100));
    }
    // A backup was made in the test before: a week after it.
    expect(alarm!.scheduledTime).toBeGreaterThan(before + 6 * DAY);
    expect(alarm!.scheduledTime).toBeLessThan(Date.now() + 7 * DAY + 60_000);

    await inWorker(() => (globalThis as any).chrome.alarms.clear('backup-reminder'));
    await h.stopWorker();
    const status = await h.send('backup.status', {}); // starts a new worker
    expect(status.reminderEnabled).toBe(true);
    let again = null as { scheduledTime: number } | null;
    for (let i = 0; i < 20 && !again; i++) {
      again = await backupAlarm();
      if (!again) await new Promise((r) => setTimeout(r, 100));
    }
    expect(again?.scheduledTime).toBe(alarm!.scheduledTime);

    await h.send('settings.update', { patch: { backupReminder: false } });
    let gone = false;
    for (let i = 0; i < 20 && !gone; i++) {
      gone = (await backupAlarm()) === null;
      if (!gone) await new Promise((r) => setTimeout(r, 100));
    }
    expect(gone).toBe(true);
  });
});
