// The worker side of the ticklers over a real RapportDatabase (fresh fake IndexedDB per test)
// and WXT's fake browser (alarms, notifications, action badge, storage.local): what a wake
// raises and remembers, the buttons and clicks (decoded from the notification id alone, as
// after a worker restart), the rules on logging, and the wiring in the background entry.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../../entrypoints/background';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import { createInteractionService } from '../../../utils/background/interactions';
import { createSettingsService } from '../../../utils/background/settings';
import { createDispatcher, TICKLER_WRITES } from '../../../utils/background/dispatch';
import {
  AFTER_WRITE_DELAY_MS,
  createTicklers,
  keysFromNotificationId,
  NEXT_ALARM,
  notificationIdFor,
  NOTIFIED_KEY,
  SAFETY_ALARM,
  type TicklerApis,
} from '../../../utils/background/ticklers';
import type { SenderInfo } from '../../../utils/background/sender';
import type { Reminder } from '../../../utils/model/reminder';
import { RapportDatabase } from '../../../utils/store/database';
import { groupNotification, singleNotification, type TicklerItem } from '../../../utils/ticklers';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A weekday at noon in Stockholm (the unit run's zone), far from DST changes. */
const T0 = new Date(2026, 0, 14, 12, 0).getTime();

let db: RapportDatabase;
let clock: number;
let contacts: ContactService;
let tabsCreated: string[];

beforeEach(() => {
  fakeBrowser.reset();
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-ticklers-test');
  clock = T0;
  contacts = createContactService(db, () => clock);
  tabsCreated = [];
});

afterEach(() => {
  db.close();
  vi.useRealTimers();
});

function apis(): TicklerApis {
  return {
    alarms: fakeBrowser.alarms,
    notifications: fakeBrowser.notifications,
    action: fakeBrowser.action,
    tabs: { create: async ({ url }) => void tabsCreated.push(url) },
    local: fakeBrowser.storage.local as unknown as TicklerApis['local'],
    getURL: (path) => `chrome-extension://rapport-id${path}`,
  };
}

function ticklers(options: { buttons?: boolean; onContactsChanged?: (ids: number[]) => void } = {}) {
  return createTicklers({
    db,
    contacts,
    apis: apis(),
    now: () => clock,
    notificationButtons: options.buttons ?? true,
    ...(options.onContactsChanged ? { onContactsChanged: options.onContactsChanged } : {}),
  });
}

const shown = () => fakeBrowser.notifications.getAllCreateOptions() as Record<string, any>;
const badge = () => fakeBrowser.action.getBadgeText({});
const alarm = (name: string) => fakeBrowser.alarms.get(name);

async function contactWithFollowUp(name: string, nextFollowUp: number | undefined, extra: Record<string, unknown> = {}) {
  const { contact } = await contacts.create({ name, ...extra });
  return nextFollowUp === undefined ? contact : contacts.update(contact.id, { nextFollowUp });
}

async function addReminder(fields: Partial<Reminder> & Pick<Reminder, 'reason' | 'due'>): Promise<Reminder> {
  const row = { text: '', status: 'open' as const, createdAt: clock, updatedAt: clock, ...fields };
  const id = await db.reminders.add(row as Reminder);
  return { ...row, id };
}

describe('notification ids', () => {
  const item = (key: string): TicklerItem => ({
    key,
    notifyKey: `${key}@1`,
    source: 'reminder',
    reason: 'other',
    text: key,
    due: 1,
    scheduledFor: 1,
  });

  it('carry the keys of a single and of a group notification', () => {
    expect(keysFromNotificationId(notificationIdFor(singleNotification(item('follow-up:3'))))).toEqual(['follow-up:3']);
    const group = groupNotification([item('follow-up:3'), item('reminder:12'), item('cadence:7')], T0);
    const id = notificationIdFor(group);
    expect(id.startsWith(group.id)).toBe(true);
    expect(keysFromNotificationId(id)).toEqual(['follow-up:3', 'reminder:12', 'cadence:7']);
  });

  it('decode to nothing when not a tickler notification', () => {
    expect(keysFromNotificationId('digest')).toEqual([]);
    expect(keysFromNotificationId('tickler-group:123')).toEqual([]);
    expect(keysFromNotificationId('tickler:')).toEqual([]);
  });
});

describe('wake', () => {
  it('raises a due follow-up with Done/Snooze, saves it as notified, sets the badge and the alarms', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - MINUTE);
    await contactWithFollowUp('Grace Hopper', T0 + HOUR);
    const plan = await ticklers().wake();

    expect(plan.badge).toBe(1);
    const id = `tickler:follow-up:${ada.id}`;
    expect(Object.keys(shown())).toEqual([id]);
    expect(shown()[id]).toMatchObject({
      type: 'basic',
      title: 'Follow up',
      message: 'Follow up with Ada Lovelace',
      iconUrl: 'chrome-extension://rapport-id/icon/128.png',
      buttons: [{ title: 'Done' }, { title: 'Snooze' }],
    });
    expect(await badge()).toBe('1');
    expect((await fakeBrowser.storage.local.get(NOTIFIED_KEY))[NOTIFIED_KEY]).toEqual([`follow-up:${ada.id}@${T0 - MINUTE}`]);
    expect((await alarm(NEXT_ALARM))?.scheduledTime).toBe(T0 + HOUR);
    expect(await alarm(SAFETY_ALARM)).toMatchObject({ periodInMinutes: 15 });
  });

  it('has no buttons where the browser has none (Firefox)', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - MINUTE);
    await ticklers({ buttons: false }).wake();
    const options = shown()[`tickler:follow-up:${ada.id}`];
    expect(options).toBeDefined();
    expect(options).not.toHaveProperty('buttons');
  });

  it('never raises the same occurrence twice, even from a new worker', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - MINUTE);
    await ticklers().wake();
    await fakeBrowser.notifications.clear(`tickler:follow-up:${ada.id}`); // the user closed it
    clock += MINUTE;
    await ticklers().wake(); // a fresh instance: only storage remembers
    expect(shown()).toEqual({});
    expect(await badge()).toBe('1');
  });

  it('groups items that come due together and says "" on the badge when nothing is due', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - 2 * HOUR);
    const note = await addReminder({ contactId: ada.id, reason: 'thank-you', due: T0 - HOUR });
    const plan = await ticklers().wake();
    expect(Object.keys(shown())).toHaveLength(1);
    const [id] = Object.keys(shown());
    expect(keysFromNotificationId(id!).sort()).toEqual([`follow-up:${ada.id}`, `reminder:${note.id}`].sort());
    expect(shown()[id!]).toMatchObject({ title: '2 follow-ups due' });
    expect(plan.badge).toBe(2);
    expect(await badge()).toBe('2');

    await contacts.update(ada.id, { nextFollowUp: null });
    await db.reminders.update(note.id, { status: 'done', completedAt: clock });
    await ticklers().wake();
    expect(await badge()).toBe('');
  });

  it('clears a notification whose items are no longer due (done from the sidebar)', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - MINUTE);
    await fakeBrowser.notifications.create('someone-else', { type: 'basic', title: 'x', message: 'y', iconUrl: '' });
    await ticklers().wake();
    expect(Object.keys(shown()).sort()).toEqual(['someone-else', `tickler:follow-up:${ada.id}`]);
    await contacts.update(ada.id, { nextFollowUp: null });
    await ticklers().wake();
    expect(Object.keys(shown())).toEqual(['someone-else']);
  });

  it('moves the next alarm, clears it when nothing is pending, and keeps the safety alarm running', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 + HOUR);
    const t = ticklers();
    await t.wake();
    const safety = await alarm(SAFETY_ALARM);
    expect((await alarm(NEXT_ALARM))?.scheduledTime).toBe(T0 + HOUR);

    await contacts.update(ada.id, { nextFollowUp: T0 + 2 * HOUR });
    clock += 5 * MINUTE;
    await t.wake();
    expect((await alarm(NEXT_ALARM))?.scheduledTime).toBe(T0 + 2 * HOUR);
    // Not re-created: re-creating would restart its period at every wake.
    expect(await alarm(SAFETY_ALARM)).toEqual(safety);

    await db.contacts.clear();
    await t.wake();
    expect(await alarm(NEXT_ALARM)).toBeUndefined();
    expect(await alarm(SAFETY_ALARM)).toEqual(safety);
  });

  it('after a write, wakes once, shortly after the last of a burst of writes', async () => {
    await contactWithFollowUp('Ada Lovelace', T0 - MINUTE);
    const api = apis();
    const setBadge = vi.spyOn(api.action!, 'setBadgeText');
    const t = createTicklers({ db, contacts, apis: api, now: () => clock, notificationButtons: true });
    t.afterWrite();
    await new Promise((resolve) => setTimeout(resolve, AFTER_WRITE_DELAY_MS / 2));
    t.afterWrite();
    await new Promise((resolve) => setTimeout(resolve, AFTER_WRITE_DELAY_MS / 2));
    t.afterWrite();
    expect(setBadge).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect(await badge()).toBe('1'));
    await new Promise((resolve) => setTimeout(resolve, AFTER_WRITE_DELAY_MS));
    expect(setBadge).toHaveBeenCalledTimes(1);
    expect(Object.keys(shown())).toHaveLength(1);
  });
});

describe('notification buttons and clicks', () => {
  it('Done on a group completes every item in it, clears it and the badge — in a restarted worker', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - 2 * HOUR);
    const note = await addReminder({ contactId: ada.id, reason: 'thank-you', due: T0 - HOUR });
    const changed = vi.fn();
    await ticklers().wake();
    const [id] = Object.keys(shown());

    clock += MINUTE;
    await ticklers({ onContactsChanged: changed }).onButtonClicked(id!, 0);
    expect((await db.contacts.get(ada.id))?.nextFollowUp).toBeUndefined();
    expect(await db.reminders.get(note.id)).toMatchObject({ status: 'done', completedAt: clock });
    // The follow-up done is recorded (weekly goals count those).
    expect((await db.reminders.toArray()).filter((r) => r.reason === 'follow-up' && r.status === 'done')).toHaveLength(1);
    expect(shown()).toEqual({});
    expect(await badge()).toBe('');
    expect(changed).toHaveBeenCalledWith([ada.id]);
  });

  it('Snooze uses the settings’ length and the item comes back then', async () => {
    await createSettingsService(db).update({ snoozeMinutes: 30 });
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - MINUTE);
    await ticklers().wake();
    const id = `tickler:follow-up:${ada.id}`;

    await ticklers().onButtonClicked(id, 1);
    expect((await db.contacts.get(ada.id))?.nextFollowUp).toBe(T0 + 30 * MINUTE);
    expect(shown()).toEqual({});
    expect(await badge()).toBe('');
    expect((await alarm(NEXT_ALARM))?.scheduledTime).toBe(T0 + 30 * MINUTE);

    clock = T0 + 30 * MINUTE;
    await ticklers().onAlarm({ name: NEXT_ALARM });
    expect(Object.keys(shown())).toEqual([id]);
    expect(await badge()).toBe('1');
  });

  it('a stored reminder snoozed from a notification is snoozed in the store', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', undefined);
    const note = await addReminder({ contactId: ada.id, reason: 'thank-you', due: T0 - HOUR });
    await ticklers().wake();
    await ticklers().onButtonClicked(`tickler:reminder:${note.id}`, 1);
    expect(await db.reminders.get(note.id)).toMatchObject({ status: 'snoozed', snoozedUntil: T0 + DAY });
  });

  it('ignores buttons of other notifications and items no longer pending', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - MINUTE);
    await ticklers().onButtonClicked('something-else', 0);
    expect((await db.contacts.get(ada.id))?.nextFollowUp).toBe(T0 - MINUTE);
    const note = await addReminder({ contactId: ada.id, reason: 'thank-you', due: T0 - HOUR, status: 'done', completedAt: T0 });
    expect(await ticklers().act([`reminder:${note.id}`, 'reminder:999'], { type: 'done' })).toEqual([]);
    expect(await db.reminders.get(note.id)).toMatchObject({ completedAt: T0 });
  });

  it('a click opens the LinkedIn profile if known, else the contact page, and clears the notification', async () => {
    const ada = await contactWithFollowUp('Ada Lovelace', T0 - MINUTE, {
      linkedinSlug: 'ada-lovelace',
      linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
    });
    const bob = await contactWithFollowUp('Bob Babbage', T0 - MINUTE);
    const note = await addReminder({ contactId: bob.id, reason: 'thank-you', due: T0 - HOUR });
    await fakeBrowser.notifications.create(`tickler:follow-up:${ada.id}`, { type: 'basic', title: '', message: '', iconUrl: '' });

    expect(await ticklers().onClicked(`tickler:follow-up:${ada.id}`)).toBe('https://www.linkedin.com/in/ada-lovelace/');
    expect(await ticklers().onClicked(`tickler:reminder:${note.id}`)).toBe(`chrome-extension://rapport-id/sidebar.html?contact=${bob.id}`);
    expect(await ticklers().onClicked(`tickler-group:1:follow-up:${bob.id},follow-up:${ada.id}`)).toBe(
      `chrome-extension://rapport-id/sidebar.html?contact=${bob.id}`,
    );
    expect(tabsCreated).toEqual([
      'https://www.linkedin.com/in/ada-lovelace/',
      `chrome-extension://rapport-id/sidebar.html?contact=${bob.id}`,
      `chrome-extension://rapport-id/sidebar.html?contact=${bob.id}`,
    ]);
    expect(shown()).toEqual({});
    expect(await ticklers().onClicked('unrelated')).toBeUndefined();
    expect(tabsCreated).toHaveLength(3);
  });
});

describe('the rules on logging', () => {
  it('an informational interview stores a thank-you due 3 hours later; an update adds no second; delete removes it', async () => {
    const interactions = createInteractionService(db, () => clock);
    const ada = await contactWithFollowUp('Ada Lovelace', undefined);
    const { interaction } = await interactions.log({ contactId: ada.id, kind: 'informational-interview', when: T0 - HOUR });
    const rows = await db.reminders.toArray();
    expect(rows).toEqual([
      expect.objectContaining({
        contactId: ada.id,
        reason: 'thank-you',
        due: T0 + 2 * HOUR,
        status: 'open',
        sourceInteractionId: interaction.id,
        text: 'Send a thank-you note to Ada Lovelace',
      }),
    ]);
    await interactions.update(interaction.id, { summary: 'Careers at Langley' });
    expect(await db.reminders.count()).toBe(1);

    const removed = await interactions.remove(interaction.id);
    expect(await db.reminders.count()).toBe(0);
    await interactions.restore(removed);
    expect(await db.reminders.count()).toBe(1);
  });

  it('a conversation with someone introduced stores thanks to the introducer; a done reminder survives a delete', async () => {
    const interactions = createInteractionService(db, () => clock);
    const katherine = await contactWithFollowUp('Katherine Johnson', undefined);
    const dorothy = (await contacts.create({ name: 'Dorothy Vaughan', introducedBy: katherine.id })).contact;
    const { interaction } = await interactions.log({ contactId: dorothy.id, kind: 'call', when: T0 });
    const [row] = await db.reminders.toArray();
    expect(row).toMatchObject({ contactId: katherine.id, reason: 'referral-thanks', due: T0 + 2 * DAY });
    await db.reminders.update(row!.id, { status: 'done', completedAt: T0 });
    await interactions.remove(interaction.id);
    expect(await db.reminders.count()).toBe(1);
  });

  it('an e-mail produces no reminder', async () => {
    const interactions = createInteractionService(db, () => clock);
    const ada = await contactWithFollowUp('Ada Lovelace', undefined);
    await interactions.log({ contactId: ada.id, kind: 'email', when: T0 });
    expect(await db.reminders.count()).toBe(0);
  });
});

describe('the dispatcher', () => {
  it('calls afterWrite after the writes that can change what is due, not after reads or failures', async () => {
    const afterWrite = vi.fn();
    const origin = 'chrome-extension://rapport-id/';
    const dispatch = createDispatcher({
      contacts,
      companies: {} as never,
      interactions: createInteractionService(db, () => clock),
      mail: {} as never,
      commitments: {} as never,
      pitches: {} as never,
      settings: createSettingsService(db),
      tabs: {} as never,
      ticklers: {} as never,
      extensionId: 'rapport-id',
      extensionOrigin: origin,
      workerStartedAt: T0,
      now: () => clock,
      broadcast: () => {},
      afterWrite,
    });
    const panel: SenderInfo = { id: 'rapport-id', url: `${origin}sidebar.html?host=panel` };
    const ask = (type: string, payload: unknown) => dispatch({ rapport: 1, type, payload }, panel);

    const created = (await ask('contact.create', { draft: { name: 'Ada Lovelace' } })) as { ok: true; data: { contact: { id: number } } };
    expect(afterWrite).toHaveBeenCalledTimes(1);
    const id = created.data.contact.id;
    await ask('contact.get', { id });
    await ask('settings.get', {});
    expect(afterWrite).toHaveBeenCalledTimes(1);
    expect(await ask('contact.update', { id, patch: { nextFollowUp: T0 } })).toMatchObject({ ok: true });
    await ask('interaction.log', { contactId: id, kind: 'call', when: T0 });
    await ask('settings.update', { patch: { snoozeMinutes: 30 } });
    expect(afterWrite).toHaveBeenCalledTimes(4);
    expect(await ask('contact.update', { id: 999, patch: { nextFollowUp: T0 } })).toMatchObject({ ok: false });
    expect(afterWrite).toHaveBeenCalledTimes(4);
    for (const type of ['interaction.delete', 'interaction.restore', 'interaction.update', 'commitment.add', 'commitment.setDone', 'commitment.delete']) {
      expect(TICKLER_WRITES.has(type as never)).toBe(true);
    }
  });
});

describe('the background entry', () => {
  beforeEach(() => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  /** The entry opens the default database; seed that one. */
  async function seedDefault(nextFollowUp: number) {
    const store = new RapportDatabase();
    const service = createContactService(store, Date.now);
    const { contact } = await service.create({ name: 'Ada Lovelace' });
    await service.update(contact.id, { nextFollowUp });
    store.close();
    return contact;
  }

  it('wakes at start: a follow-up already due is raised and counted', async () => {
    const ada = await seedDefault(Date.now() - MINUTE);
    background.main();
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({})).toBe('1'));
    expect(Object.keys(shown())).toEqual([`tickler:follow-up:${ada.id}`]);
    expect(await browser.alarms.get(SAFETY_ALARM)).toMatchObject({ periodInMinutes: 15 });
  });

  it('wakes on its alarm, on install and on startup', async () => {
    const ada = await seedDefault(Date.now() + 150);
    background.main();
    await vi.waitFor(async () => expect((await browser.alarms.get(NEXT_ALARM))?.scheduledTime).toBeGreaterThan(0));
    expect(await browser.action.getBadgeText({})).toBe('');
    await new Promise((resolve) => setTimeout(resolve, 200));
    await fakeBrowser.alarms.onAlarm.trigger({ name: NEXT_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false } as never);
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({})).toBe('1'));
    expect(Object.keys(shown())).toEqual([`tickler:follow-up:${ada.id}`]);

    // The user cleared it elsewhere; install and startup recompute too.
    await fakeBrowser.action.setBadgeText({ text: 'stale' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', temporary: false } as never);
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({})).toBe('1'));
    await fakeBrowser.action.setBadgeText({ text: 'stale' });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({})).toBe('1'));
  });

  it('the notification buttons and clicks are wired', async () => {
    const ada = await seedDefault(Date.now() - MINUTE);
    background.main();
    const id = `tickler:follow-up:${ada.id}`;
    await vi.waitFor(() => expect(Object.keys(shown())).toEqual([id]));
    await fakeBrowser.notifications.onButtonClicked.trigger(id, 0);
    await vi.waitFor(async () => expect(await browser.action.getBadgeText({})).toBe(''));
    expect(shown()).toEqual({});
    const tabs = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await fakeBrowser.notifications.onClicked.trigger(id);
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledWith({ url: browser.runtime.getURL(`/sidebar.html?contact=${ada.id}`) }));
  });
});
