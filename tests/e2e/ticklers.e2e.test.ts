// Follow-up reminders in real Chromium: a follow-up due in a few seconds raises a real
// notification and sets the badge; so it does when the worker was stopped before the due
// time (the alarm starts it again), and when every alarm was lost (as after a browser
// restart) — the next worker start re-creates them. Clearing the follow-up (what the
// sidebar does) clears the badge and the notification. The delays between the due time and
// the notification are printed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { launchHarness, pingWorker, type Harness } from './support/browser.ts';

let h: Harness;
beforeAll(async () => {
  h = await launchHarness();
});
afterAll(async () => h?.close());

/** Sends a request to the worker from an extension page, as the sidebar does; returns its data. */
async function send<T = any>(type: string, payload: unknown): Promise<T> {
  const page = await h.extensionPage();
  const answer = await page.evaluate(
    ({ type, payload }) => (globalThis as any).chrome.runtime.sendMessage({ rapport: 1, type, payload }),
    { type, payload },
  );
  if (!answer?.ok) throw new Error(`${type} failed: ${JSON.stringify(answer)}`);
  return answer.data as T;
}

/**
 * Evaluates in the live worker. A handle to a worker that was stopped hangs: give up on it
 * after a while and take the newest one.
 */
async function inWorker<T, A = undefined>(fn: (arg: A) => Promise<T>, arg?: A, timeoutMs = 2_000): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const worker: Worker = await h.worker();
    const result = await Promise.race([
      (worker.evaluate(fn as any, arg) as Promise<T>).then((value) => ({ value })),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), timeoutMs)),
    ]).catch(() => null);
    if (result) return result.value;
    if (attempt >= 4) throw new Error('the worker does not answer');
  }
}

const notificationIds = () => inWorker(async () => Object.keys(await (globalThis as any).chrome.notifications.getAll()));
const badge = () => inWorker(() => (globalThis as any).chrome.action.getBadgeText({}) as Promise<string>);
const alarms = () =>
  inWorker(async () =>
    ((await (globalThis as any).chrome.alarms.getAll()) as { name: string; scheduledTime: number; periodInMinutes?: number }[]).map(
      ({ name, scheduledTime, periodInMinutes }) => ({ name, scheduledTime, periodInMinutes }),
    ),
  );

/** Polls inside the worker until the notification is shown; resolves with the moment it was seen. */
async function waitForNotification(id: string): Promise<number> {
  const at = await inWorker(
    async (wanted: string) => {
      const chrome = (globalThis as any).chrome;
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        if (Object.hasOwn(await chrome.notifications.getAll(), wanted)) return Date.now();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return null;
    },
    id,
    20_000,
  );
  if (at === null) throw new Error(`no notification ${id}`);
  return at;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function newContact(name: string): Promise<number> {
  const { contact } = await send<{ contact: { id: number } }>('contact.create', { draft: { name } });
  return contact.id;
}

const delays: Record<string, number> = {};

describe('ticklers in the browser', () => {
  let ada: number;

  it('raises a real notification and sets the badge when a follow-up comes due', async () => {
    ada = await newContact('Ada Lovelace');
    expect(await badge()).toBe('');
    const due = Date.now() + 3_000;
    await send('contact.update', { id: ada, patch: { nextFollowUp: due } });
    const id = `tickler:follow-up:${ada}`;

    // The single alarm is set for the due moment, next to the periodic safety alarm.
    await expect.poll(alarms, { timeout: 3_000 }).toEqual(
      expect.arrayContaining([
        { name: 'tickler-next', scheduledTime: due, periodInMinutes: undefined },
        expect.objectContaining({ name: 'tickler-safety', periodInMinutes: 15 }),
      ]),
    );
    expect(await notificationIds()).not.toContain(id);

    const shown = await waitForNotification(id);
    expect(shown).toBeGreaterThanOrEqual(due);
    delays.live = shown - due;
    expect(await badge()).toBe('1');
    expect(await notificationIds()).toEqual([id]);
  });

  it('clearing the follow-up, as the sidebar does, clears the badge and the notification', async () => {
    await send('contact.update', { id: ada, patch: { nextFollowUp: null } });
    await expect.poll(badge, { timeout: 3_000 }).toBe('');
    await expect.poll(notificationIds, { timeout: 3_000 }).toEqual([]);
    // Next comes the keep-in-touch round a year after the contact was added.
    const next = (await alarms()).find((a) => a.name === 'tickler-next');
    expect(next?.scheduledTime).toBeGreaterThan(Date.now() + 300 * 24 * 60 * 60 * 1000);
  });

  it('a worker stopped before the due time is started again by the alarm, which raises it', async () => {
    const grace = await newContact('Grace Hopper');
    const due = Date.now() + 4_000;
    await send('contact.update', { id: grace, patch: { nextFollowUp: due } });
    await expect.poll(async () => (await alarms()).find((a) => a.name === 'tickler-next')?.scheduledTime, { timeout: 3_000 }).toBe(due);
    const before = await pingWorker(await h.extensionPage());

    await h.stopWorker();
    // Touch nothing until well after the due time: only the alarm can start the worker.
    await sleep(Math.max(0, due - Date.now()) + 2_500);
    const askedAt = Date.now();
    const after = await pingWorker(await h.extensionPage());
    expect(after.workerStartedAt).toBeGreaterThan(before.workerStartedAt);
    // Started by the alarm, around the due time, not by this ping.
    expect(after.workerStartedAt).toBeGreaterThanOrEqual(due - 50);
    expect(after.workerStartedAt).toBeLessThan(askedAt - 1_000);
    delays.stoppedWorkerStart = after.workerStartedAt - due;

    expect(await notificationIds()).toEqual([`tickler:follow-up:${grace}`]);
    expect(await badge()).toBe('1');
    await send('contact.update', { id: grace, patch: { nextFollowUp: null } });
    await expect.poll(badge, { timeout: 3_000 }).toBe('');
  });

  it('alarms lost (as after a browser restart) are re-created at the next worker start', async () => {
    const katherine = await newContact('Katherine Johnson');
    const due = Date.now() + 5_000;
    await send('contact.update', { id: katherine, patch: { nextFollowUp: due } });
    await expect.poll(async () => (await alarms()).find((a) => a.name === 'tickler-next')?.scheduledTime, { timeout: 3_000 }).toBe(due);

    await inWorker(() => (globalThis as any).chrome.alarms.clearAll());
    expect(await alarms()).toEqual([]);
    await h.stopWorker();
    await sleep(300);

    // The next start of the worker (here: a message; after a restart: runtime.onStartup).
    const start = await pingWorker(await h.extensionPage());
    expect(start.workerStartedAt).toBeLessThan(due);
    await expect.poll(alarms, { timeout: 3_000 }).toEqual(
      expect.arrayContaining([
        { name: 'tickler-next', scheduledTime: due, periodInMinutes: undefined },
        expect.objectContaining({ name: 'tickler-safety', periodInMinutes: 15 }),
      ]),
    );
    expect(await notificationIds()).toEqual([]);

    const id = `tickler:follow-up:${katherine}`;
    const shown = await waitForNotification(id);
    expect(shown).toBeGreaterThanOrEqual(due);
    delays.afterLostAlarms = shown - due;
    expect(await badge()).toBe('1');
    await send('contact.update', { id: katherine, patch: { nextFollowUp: null } });
    await expect.poll(badge, { timeout: 3_000 }).toBe('');
  });

  it('an informational interview logged raises the thank-you reminder when it is due', async () => {
    const mary = await newContact('Mary Jackson');
    // The rule: a thank-you note due 3 hours after the interview. Log one that ended 3 hours
    // ago, less 3 seconds.
    const when = Date.now() - 3 * 60 * 60 * 1000 + 3_000;
    await send('interaction.log', { contactId: mary, kind: 'informational-interview', when, summary: 'Careers at Langley' });
    await expect.poll(async () => (await alarms()).find((a) => a.name === 'tickler-next')?.scheduledTime, { timeout: 3_000 }).toBe(
      when + 3 * 60 * 60 * 1000,
    );
    const shown = await waitForNotification(`tickler:${await thankYouKey()}`);
    delays.thankYou = shown - (when + 3 * 60 * 60 * 1000);
    expect(await badge()).toBe('1');
    expect(await notificationIds()).toEqual([`tickler:${await thankYouKey()}`]);
  });

  afterAll(() => {
    console.log(`[ticklers] delay from due time to notification (ms): ${JSON.stringify(delays)}`);
  });
});

describe('the toolbar popup', () => {
  const MINUTE = 60 * 1000;
  let popup: import('playwright-core').Page;

  it('is the action’s popup and says when nothing is due', async () => {
    // Start from nothing due: whatever earlier tests left is marked done through the messages.
    const { items } = await send<{ items: { key: string }[] }>('ticklers.list', {});
    for (const { key } of items) await send('tickler.act', { key, action: 'done' });
    await expect.poll(badge, { timeout: 3_000 }).toBe('');
    // The shortest snooze the settings allow.
    await send('settings.update', { patch: { snoozeMinutes: 5 } });
    popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html`);
    await popup.getByText('Nothing due. Nice.').waitFor();
    expect(await popup.getByText(/^New contacts this week: \d+ of 5$/).count()).toBe(1);
  });

  it('lists a follow-up when it comes due; Done there clears the badge and the item', async () => {
    const dorothy = await newContact('Dorothy Vaughan');
    const due = Date.now() + 3_000;
    await send('contact.update', { id: dorothy, patch: { nextFollowUp: due } });
    const done = popup.getByRole('button', { name: 'Done: Follow up with Dorothy Vaughan' });
    // Live: the popup reloads on the worker's broadcast when the alarm raises it.
    await done.waitFor({ timeout: 15_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(due);
    expect(await badge()).toBe('1');
    const followUpsBefore = (await send<{ goals: { followUps: { done: number } } }>('ticklers.list', {})).goals.followUps.done;

    await done.click();
    await expect.poll(badge, { timeout: 3_000 }).toBe('');
    await popup.getByText('Nothing due. Nice.').waitFor({ timeout: 3_000 });
    expect(await popup.getByText('Follow up with Dorothy Vaughan').count()).toBe(0);
    await expect.poll(notificationIds, { timeout: 3_000 }).toEqual([]);
    const after = await send<{ goals: { followUps: { done: number } } }>('ticklers.list', {});
    expect(after.goals.followUps.done).toBe(followUpsBefore + 1);
    expect((await send<{ nextFollowUp?: number }>('contact.get', { id: dorothy })).nextFollowUp).toBeUndefined();
  });

  it('Snooze takes it off the list until the snooze ends: the store and the next alarm say when', async () => {
    const annie = await newContact('Annie Easley');
    await send('contact.update', { id: annie, patch: { nextFollowUp: Date.now() + 1_000 } });
    const snooze = popup.getByRole('button', { name: 'Snooze: Follow up with Annie Easley' });
    await snooze.waitFor({ timeout: 15_000 });
    const clickedAt = Date.now();
    await snooze.click();
    await popup.getByText('Nothing due. Nice.').waitFor({ timeout: 3_000 });
    await expect.poll(badge, { timeout: 3_000 }).toBe('');

    // Snoozing a one-off follow-up moves its date to the end of the snooze...
    const until = (await send<{ nextFollowUp?: number }>('contact.get', { id: annie })).nextFollowUp!;
    expect(until).toBeGreaterThanOrEqual(clickedAt + 5 * MINUTE);
    expect(until).toBeLessThan(Date.now() + 5 * MINUTE + 1);
    // ...where the single alarm now points: it comes back (and is notified again) then.
    await expect.poll(async () => (await alarms()).find((a) => a.name === 'tickler-next')?.scheduledTime, { timeout: 3_000 }).toBe(until);
    const listed = await send<{ items: { key: string }[] }>('ticklers.list', {});
    expect(listed.items).toEqual([]);
  });

  it('the contact page (where a notification click leads, as in Firefox) has Done and Snooze for what is due', async () => {
    const christine = await newContact('Christine Darden');
    await send('contact.update', { id: christine, patch: { nextFollowUp: Date.now() - 1_000 } });
    await expect.poll(badge, { timeout: 3_000 }).toBe('1');
    const page = await h.context.newPage();
    await page.goto(`chrome-extension://${h.extensionId}/sidebar.html?contact=${christine}`);
    await page.getByRole('heading', { name: 'Due now' }).waitFor();
    await page.getByRole('button', { name: 'Done: Follow up with Christine Darden' }).click();
    await page.getByRole('heading', { name: 'Due now' }).waitFor({ state: 'detached', timeout: 3_000 });
    await expect.poll(badge, { timeout: 3_000 }).toBe('');
    await page.close();
  });

  afterAll(async () => popup?.close());
});

/** The key of the only stored thank-you reminder, read from the store through the worker. */
async function thankYouKey(): Promise<string> {
  const key = await inWorker(
    () =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('rapport');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const all = db.transaction('reminders').objectStore('reminders').getAll();
          all.onsuccess = () => {
            const rows = (all.result as { id: number; reason: string }[]).filter((r) => r.reason === 'thank-you');
            db.close();
            resolve(rows.length === 1 ? `reminder:${rows[0]!.id}` : null);
          };
        };
      }),
  );
  if (!key) throw new Error('no single thank-you reminder in the store');
  return key;
}
