// The worker side of the popup and the contact page: listing what is due with the week's goals,
// acting on an item (the same path as the notification buttons), the daily digest alarm, and
// the `ticklers.list` / `tickler.act` handlers through the real dispatcher.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../../entrypoints/background';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import { createSettingsService } from '../../../utils/background/settings';
import {
  createTicklers,
  DIGEST_ALARM,
  DIGEST_NOTIFICATION,
  NEXT_ALARM,
  startOfWeek,
  type TicklerApis,
} from '../../../utils/background/ticklers';
import { TicklerList } from '../../../utils/messages/contract';
import type { Reminder } from '../../../utils/model/reminder';
import { RapportDatabase } from '../../../utils/store/database';
import { createHarness, sidePanel } from '../messages/harness';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Wednesday 14 January 2026, noon in Stockholm; the week started Monday 12 January 00:00. */
const T0 = new Date(2026, 0, 14, 12, 0).getTime();
const MONDAY = new Date(2026, 0, 12, 0, 0).getTime();

let db: RapportDatabase;
let clock: number;
let contacts: ContactService;

beforeEach(() => {
  fakeBrowser.reset();
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-ticklers-popup-test');
  clock = T0;
  contacts = createContactService(db, () => clock);
});

afterEach(() => {
  db.close();
});

function ticklers(onChanged?: () => void) {
  const apis: TicklerApis = {
    alarms: fakeBrowser.alarms,
    notifications: fakeBrowser.notifications,
    action: fakeBrowser.action,
    tabs: { create: async () => undefined },
    local: fakeBrowser.storage.local as unknown as TicklerApis['local'],
    getURL: (path) => `chrome-extension://rapport-id${path}`,
  };
  return createTicklers({ db, contacts, apis, now: () => clock, notificationButtons: true, ...(onChanged ? { onChanged } : {}) });
}

async function contact(name: string, createdAt: number, extra: Record<string, unknown> = {}) {
  const at = clock;
  clock = createdAt;
  const { contact } = await contacts.create({ name, ...extra });
  clock = at;
  return contact;
}

async function addReminder(fields: Partial<Reminder> & Pick<Reminder, 'reason' | 'due'>): Promise<Reminder> {
  const row = { text: '', status: 'open' as const, createdAt: clock, updatedAt: clock, ...fields };
  const id = await db.reminders.add(row as Reminder);
  return { ...row, id };
}

const shown = () => fakeBrowser.notifications.getAllCreateOptions() as Record<string, any>;
const setSettings = (patch: Record<string, unknown>) => createSettingsService(db).update(patch);

describe('startOfWeek', () => {
  it('is Monday 00:00 local time, Monday and Sunday included', () => {
    expect(startOfWeek(T0)).toBe(MONDAY);
    expect(startOfWeek(MONDAY)).toBe(MONDAY);
    expect(startOfWeek(new Date(2026, 0, 18, 23, 59).getTime())).toBe(MONDAY);
    expect(startOfWeek(MONDAY - 1)).toBe(new Date(2026, 0, 5, 0, 0).getTime());
    // The week of the spring DST change (Sunday 29 March 2026 in Stockholm).
    expect(startOfWeek(new Date(2026, 2, 29, 12, 0).getTime())).toBe(new Date(2026, 2, 23, 0, 0).getTime());
  });
});

describe('list', () => {
  it('gives the due and overdue items with their contact, LinkedIn URL and text; not what comes later', async () => {
    const ada = await contact('Ada Lovelace', T0 - 30 * DAY, { linkedinSlug: 'ada-lovelace' });
    const grace = await contact('Grace Hopper', T0 - 30 * DAY);
    await contacts.update(ada.id, { nextFollowUp: T0 - 2 * DAY });
    await contacts.update(grace.id, { nextFollowUp: T0 + HOUR });
    const note = await addReminder({ contactId: grace.id, reason: 'thank-you', due: T0 - MINUTE, text: '' });
    const list = await ticklers().list();
    expect(TicklerList.parse(list)).toEqual(list);
    expect(list.items).toEqual([
      {
        key: `follow-up:${ada.id}`,
        contactId: ada.id,
        contactName: 'Ada Lovelace',
        linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
        reason: 'follow-up',
        text: 'Follow up with Ada Lovelace',
        due: T0 - 2 * DAY,
      },
      expect.objectContaining({ key: `reminder:${note.id}`, contactId: grace.id, contactName: 'Grace Hopper', reason: 'thank-you', due: T0 - MINUTE }),
    ]);
    expect(list.items[1]).not.toHaveProperty('linkedinUrl');
  });

  it('filters by contact', async () => {
    const ada = await contact('Ada Lovelace', T0 - 30 * DAY);
    const grace = await contact('Grace Hopper', T0 - 30 * DAY);
    await contacts.update(ada.id, { nextFollowUp: T0 - DAY });
    await contacts.update(grace.id, { nextFollowUp: T0 - DAY });
    expect((await ticklers().list({ contactId: grace.id })).items.map((i) => i.key)).toEqual([`follow-up:${grace.id}`]);
    expect((await ticklers().list({ contactId: 999 })).items).toEqual([]);
  });

  it('counts the week’s new contacts and follow-ups done (any reason) against the goals', async () => {
    await setSettings({ weeklyGoals: { newContacts: 5, followUps: 6 } });
    await contact('Last Sunday', MONDAY - 1);
    await contact('Monday midnight', MONDAY);
    await contact('Wednesday', T0 - HOUR);
    await addReminder({ reason: 'thank-you', due: T0, status: 'done', completedAt: MONDAY + HOUR });
    await addReminder({ reason: 'cadence', due: T0, status: 'done', completedAt: T0 - MINUTE });
    await addReminder({ reason: 'follow-up', due: T0, status: 'done', completedAt: MONDAY - MINUTE }); // last week
    await addReminder({ reason: 'commitment', due: T0, status: 'dismissed' });
    await addReminder({ reason: 'commitment', due: T0, status: 'open' });
    const { goals } = await ticklers().list();
    expect(goals).toEqual({
      weekStart: MONDAY,
      newContacts: { done: 2, goal: 5 },
      conversations: { done: 0, goal: 3 },
      followUps: { done: 2, goal: 6 },
    });
  });

  it('does not count contacts imported this week, except at the meeting date their file gave', async () => {
    await setSettings({ weeklyGoals: { newContacts: 5, followUps: 6 } });
    await contact('Met this week', T0 - HOUR);
    const imported = await contact('Imported, no date', T0 - HOUR);
    const connected = await contact('Imported, connected this week', T0 - HOUR, { howWeMet: { event: 'Connected on LinkedIn', date: MONDAY + HOUR } });
    const old = await contact('Imported, connected in 2019', T0 - HOUR, { howWeMet: { event: 'Connected on LinkedIn', date: MONDAY - 300 * DAY } });
    for (const c of [imported, connected, old]) await db.contacts.update(c.id, { importedAt: T0 - HOUR });
    expect((await ticklers().list()).goals.newContacts).toEqual({ done: 2, goal: 5 });
  });
});

describe('actAndWake (the popup’s and the contact page’s Done / Snooze)', () => {
  it('Done records the follow-up, clears the badge and counts towards the goal', async () => {
    const ada = await contact('Ada Lovelace', T0 - 30 * DAY);
    await contacts.update(ada.id, { nextFollowUp: T0 - MINUTE });
    const onChanged = vi.fn();
    const t = ticklers(onChanged);
    await t.wake();
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(Object.keys(shown())).toEqual([`tickler:follow-up:${ada.id}`]);

    expect(await t.actAndWake([`follow-up:${ada.id}`], 'done')).toEqual([`follow-up:${ada.id}`]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
    expect(shown()).toEqual({});
    expect((await db.contacts.get(ada.id))?.nextFollowUp).toBeUndefined();
    expect((await t.list()).goals.followUps.done).toBe(1);
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it('Snooze lasts settings.snoozeMinutes and moves the next alarm there', async () => {
    await setSettings({ snoozeMinutes: 5 });
    const ada = await contact('Ada Lovelace', T0 - 30 * DAY);
    const note = await addReminder({ contactId: ada.id, reason: 'thank-you', due: T0 - MINUTE });
    const t = ticklers();
    await t.wake();
    await t.actAndWake([`reminder:${note.id}`], 'snooze');
    expect(await db.reminders.get(note.id)).toMatchObject({ status: 'snoozed', snoozedUntil: T0 + 5 * MINUTE });
    expect((await fakeBrowser.alarms.get(NEXT_ALARM))?.scheduledTime).toBe(T0 + 5 * MINUTE);
    expect((await t.list()).items).toEqual([]);
    clock = T0 + 5 * MINUTE;
    expect((await t.list()).items.map((i) => i.key)).toEqual([`reminder:${note.id}`]);
  });

  it('skips a key that is no longer pending', async () => {
    expect(await ticklers().actAndWake(['follow-up:42'], 'dismiss')).toEqual([]);
  });
});

describe('the daily digest', () => {
  it('has no alarm unless enabled; enabled, the alarm is at the chosen hour, today or tomorrow', async () => {
    const t = ticklers();
    await t.wake();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
    await setSettings({ digest: { enabled: true, hour: 18 } });
    await t.wake();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(new Date(2026, 0, 14, 18, 0).getTime());
    await setSettings({ digest: { enabled: true, hour: 8 } });
    await t.wake();
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(new Date(2026, 0, 15, 8, 0).getTime());
    await setSettings({ digest: { enabled: false, hour: 8 } });
    await t.wake();
    expect(await fakeBrowser.alarms.get(DIGEST_ALARM)).toBeUndefined();
  });

  it('when the alarm fires: one notification of what is due today, and the next day’s alarm', async () => {
    await setSettings({ digest: { enabled: true, hour: 12 } });
    const ada = await contact('Ada Lovelace', T0 - 30 * DAY);
    const grace = await contact('Grace Hopper', T0 - 30 * DAY);
    const mary = await contact('Mary Jackson', T0 - 30 * DAY);
    await contacts.update(ada.id, { nextFollowUp: T0 - DAY });
    await contacts.update(grace.id, { nextFollowUp: T0 + 3 * HOUR });
    await contacts.update(mary.id, { nextFollowUp: T0 + 2 * DAY });
    const t = ticklers();
    await t.onAlarm({ name: DIGEST_ALARM });
    expect(shown()[DIGEST_NOTIFICATION]).toMatchObject({
      type: 'basic',
      title: '2 follow-ups due today (1 overdue)',
      message: 'Follow up with Ada Lovelace\nFollow up with Grace Hopper',
    });
    expect(shown()[DIGEST_NOTIFICATION]).not.toHaveProperty('buttons');
    expect((await fakeBrowser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBe(new Date(2026, 0, 15, 12, 0).getTime());
    // Clicking the digest just closes it.
    await t.onClicked(DIGEST_NOTIFICATION);
    expect(shown()[DIGEST_NOTIFICATION]).toBeUndefined();
  });

  it('no notification when nothing is due today, or when switched off since', async () => {
    await setSettings({ digest: { enabled: true, hour: 12 } });
    const ada = await contact('Ada Lovelace', T0 - 30 * DAY);
    await contacts.update(ada.id, { nextFollowUp: T0 + 2 * DAY });
    await ticklers().onAlarm({ name: DIGEST_ALARM });
    expect(shown()[DIGEST_NOTIFICATION]).toBeUndefined();
    await contacts.update(ada.id, { nextFollowUp: T0 - HOUR });
    await setSettings({ digest: { enabled: false, hour: 12 } });
    await ticklers().onAlarm({ name: DIGEST_ALARM });
    expect(shown()[DIGEST_NOTIFICATION]).toBeUndefined();
  });
});

describe('the handlers', () => {
  it('ticklers.list and tickler.act go through the dispatcher to the ticklers', async () => {
    const h = createHarness();
    const created = (await h.send(sidePanel, 'contact.create', { draft: { name: 'Ada Lovelace' } })) as any;
    const id = created.data.contact.id as number;
    await h.send(sidePanel, 'contact.update', { id, patch: { nextFollowUp: h.now() - MINUTE } });
    const listed = (await h.send(sidePanel, 'ticklers.list', {})) as any;
    expect(listed.ok).toBe(true);
    expect(listed.data.items.map((i: { key: string }) => i.key)).toEqual([`follow-up:${id}`]);
    expect(listed.data.goals.newContacts.done).toBe(1);

    expect(await h.send(sidePanel, 'tickler.act', { key: `follow-up:${id}`, action: 'done' })).toEqual({ ok: true, data: { acted: true } });
    expect(((await h.send(sidePanel, 'ticklers.list', { contactId: id })) as any).data.items).toEqual([]);
    expect(await h.send(sidePanel, 'tickler.act', { key: `follow-up:${id}`, action: 'snooze' })).toEqual({ ok: true, data: { acted: false } });
    expect(((await h.send(sidePanel, 'ticklers.list', {})) as any).data.goals.followUps.done).toBe(1);
    h.db.close();
  });
});

describe('the background entry', () => {
  it('re-creates the digest alarm at start, shows the digest on it, and broadcasts after every wake', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const store = new RapportDatabase();
    await createSettingsService(store).update({ digest: { enabled: true, hour: 9 } });
    const service = createContactService(store, Date.now);
    const { contact: ada } = await service.create({ name: 'Ada Lovelace' });
    await service.update(ada.id, { nextFollowUp: Date.now() - MINUTE });
    store.close();
    const events: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message) => void events.push(message));

    background.main();
    await vi.waitFor(async () => expect((await browser.alarms.get(DIGEST_ALARM))?.scheduledTime).toBeGreaterThan(Date.now()));
    expect(new Date((await browser.alarms.get(DIGEST_ALARM))!.scheduledTime).getHours()).toBe(9);
    await vi.waitFor(() => expect(events).toContainEqual({ rapport: 1, event: 'ticklers-changed' }));

    await fakeBrowser.alarms.onAlarm.trigger({ name: DIGEST_ALARM, scheduledTime: Date.now(), persistAcrossSessions: false } as never);
    await vi.waitFor(() => expect(shown()[DIGEST_NOTIFICATION]).toMatchObject({ title: '1 follow-up due today' }));
  });
});

describe('the conversations goal', () => {
  it("counts this week's conversations (calls, meetings…), not e-mails or last week's", async () => {
    await setSettings({ weeklyGoals: { newContacts: 5, followUps: 6, conversations: 4 } });
    const ada = await contact('Ada Lovelace', T0 - 30 * DAY);
    const log = (kind: string, when: number) =>
      db.interactions.add({ contactId: ada.id, kind, when, summary: '', source: 'manual', createdAt: when, updatedAt: when } as never);
    await log('meeting', MONDAY + HOUR);
    await log('call', T0 - HOUR);
    await log('email', T0 - HOUR);
    await log('meeting', MONDAY - HOUR); // last week
    expect((await ticklers().list()).goals.conversations).toEqual({ done: 2, goal: 4 });
  });
});

describe('one reading of the store while nothing changes', () => {
  it('serves the wake and the list from one reading, and reads again after any write', async () => {
    const ada = await contact('Ada Lovelace', T0 - 30 * DAY);
    await contacts.update(ada.id, { nextFollowUp: T0 - DAY });
    const service = ticklers();
    const read = vi.spyOn(db.contacts, 'toArray');
    const [, first] = await Promise.all([service.wake(), service.list()]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(first.items.map((i) => i.key)).toEqual([`follow-up:${ada.id}`]);
    // A write to any table the schedule reads: read again, and the answer follows it.
    await contacts.update(ada.id, { nextFollowUp: T0 + DAY });
    expect((await service.list()).items).toEqual([]);
    expect(read).toHaveBeenCalledTimes(2);
    await db.settings.put({ key: 'app', value: { weeklyGoals: { newContacts: 9, followUps: 1 } } } as never);
    expect((await service.list()).goals.newContacts.goal).toBe(9);
    expect(read).toHaveBeenCalledTimes(3);
    await service.list();
    expect(read).toHaveBeenCalledTimes(3);
  });
});
