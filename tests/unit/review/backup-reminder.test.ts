// The weekly backup reminder: the pure decision (when, what it says) and the worker side over
// WXT's fake browser (alarms, notifications, storage.local) with a real settings store —
// on/off, a worker restart re-creating the alarm, a recent backup postponing it, quiet hours,
// the click opening Import & export, and the export of a JSON backup recording the time.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { browser } from 'wxt/browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../../entrypoints/background';
import {
  BACKUP_ALARM,
  BACKUP_NOTIFICATION,
  BACKUP_STATE_KEY,
  createBackupReminder,
  type BackupReminderApis,
} from '../../../utils/background/backup-reminder';
import { createSettingsService, type SettingsService } from '../../../utils/background/settings';
import { toDateTimeInput } from '../../../utils/dates';
import { Settings } from '../../../utils/model/settings';
import { backupReminderText, lastBackupText, nextBackupReminderAt } from '../../../utils/review/backup';
import { RapportDatabase } from '../../../utils/store/database';
import type { MessageType, RequestOf, ResponseOf } from '../../../utils/messages/contract';
import { createHarness, sidePanel, type Harness } from '../messages/harness';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const wall = (at: number) => toDateTimeInput(at);
/** Wednesday 14 January 2026, 12:00 in Stockholm. */
const T0 = local(2026, 1, 14, 12);

const on = Settings.parse({ backupReminder: true });
const quiet = (startHour: number, endHour: number) => ({ enabled: true, startHour, endHour });

describe('nextBackupReminderAt', () => {
  it('is null while the reminder is off', () => {
    expect(nextBackupReminderAt({ lastBackupAt: T0 - 30 * DAY }, Settings.parse({}), T0)).toBeNull();
  });

  it('comes a week after turning it on, never at once', () => {
    expect(nextBackupReminderAt({ since: T0 }, on, T0)).toBe(T0 + 7 * DAY);
    // Even when the last backup is old: turning it on is not a reason to interrupt.
    expect(nextBackupReminderAt({ since: T0, lastBackupAt: T0 - 40 * DAY }, on, T0)).toBe(T0 + 7 * DAY);
  });

  it('is postponed by a backup made since: a week after it', () => {
    expect(nextBackupReminderAt({ since: T0 - 10 * DAY, lastBackupAt: T0 - 2 * DAY }, on, T0)).toBe(T0 + 5 * DAY);
  });

  it('comes a week after the last reminder', () => {
    expect(nextBackupReminderAt({ since: T0 - 20 * DAY, lastRemindedAt: T0 - DAY }, on, T0)).toBe(T0 + 6 * DAY);
  });

  it('is now when it came due while the browser was closed', () => {
    expect(nextBackupReminderAt({ since: T0 - 9 * DAY }, on, T0)).toBe(T0);
  });

  it('waits for the end of the quiet hours, also when overdue', () => {
    const settings = { ...on, quietHours: quiet(21, 8) };
    // Due at 23:00 → 08:00 the next morning.
    const since = local(2026, 1, 7, 23);
    expect(wall(nextBackupReminderAt({ since }, settings, since)!)).toBe('2026-01-15T08:00');
    // Overdue, and the browser starts at 22:30: not now, at 08:00.
    expect(wall(nextBackupReminderAt({ since: T0 - 20 * DAY }, settings, local(2026, 1, 14, 22, 30))!)).toBe('2026-01-15T08:00');
  });

  it('keeps the clock time across the spring change (a calendar week, not 168 hours)', () => {
    const since = local(2026, 3, 26, 10);
    expect(wall(nextBackupReminderAt({ since }, on, since)!)).toBe('2026-04-02T10:00');
  });
});

describe('texts', () => {
  it('say how long ago the last backup was, or that there was none', () => {
    expect(backupReminderText(T0 - 9 * DAY, T0)).toEqual({
      title: 'Back up your Rapport notebook',
      message: 'Last backup 9 days ago. Click to export a new one.',
    });
    expect(backupReminderText(undefined, T0).message).toBe('You have never made a backup. Click to export one.');
    expect(lastBackupText(T0 - 3 * DAY, T0)).toBe('Last backup: 3 days ago');
    expect(lastBackupText(T0 - HOUR, T0)).toBe('Last backup: today');
    expect(lastBackupText(null, T0)).toBe('No backup yet');
  });
});

describe('the worker side', () => {
  let db: RapportDatabase;
  let settings: SettingsService;
  let clock: number;
  let tabsCreated: string[];

  beforeEach(() => {
    fakeBrowser.reset();
    Dexie.dependencies.indexedDB = new IDBFactory();
    db = new RapportDatabase('rapport-backup-reminder-test');
    settings = createSettingsService(db);
    clock = T0;
    tabsCreated = [];
  });

  afterEach(() => db.close());

  const apis = (): BackupReminderApis => ({
    alarms: fakeBrowser.alarms,
    notifications: fakeBrowser.notifications,
    openPage: async (path) => void tabsCreated.push(`chrome-extension://rapport-id${path}`),
    local: fakeBrowser.storage.local as unknown as BackupReminderApis['local'],
    getURL: (path) => `chrome-extension://rapport-id${path}`,
  });
  /** A fresh instance: what a restarted worker creates (nothing carried over in memory). */
  const start = () => createBackupReminder({ apis: apis(), settings, now: () => clock });
  const alarm = () => fakeBrowser.alarms.get(BACKUP_ALARM);
  const shown = () => fakeBrowser.notifications.getAllCreateOptions() as Record<string, any>;
  const stored = async () => (await fakeBrowser.storage.local.get(BACKUP_STATE_KEY))[BACKUP_STATE_KEY];

  it('has no alarm while off (the default)', async () => {
    expect(await start().sync()).toBeNull();
    expect(await alarm()).toBeUndefined();
  });

  it('schedules a week ahead when turned on, and clears the alarm when turned off', async () => {
    await settings.update({ backupReminder: true });
    const reminder = start();
    expect(await reminder.sync()).toBe(T0 + 7 * DAY);
    expect((await alarm())?.scheduledTime).toBe(T0 + 7 * DAY);

    await settings.update({ backupReminder: false });
    expect(await reminder.sync()).toBeNull();
    expect(await alarm()).toBeUndefined();
    expect(await stored()).toEqual({});
  });

  it('re-creates the alarm at a worker restart, from storage', async () => {
    await settings.update({ backupReminder: true });
    await start().sync();
    // The browser lost the alarm (restart); a new worker instance puts it back at the same time.
    await fakeBrowser.alarms.clearAll();
    clock = T0 + 2 * DAY;
    expect(await start().sync()).toBe(T0 + 7 * DAY);
    expect((await alarm())?.scheduledTime).toBe(T0 + 7 * DAY);
  });

  it('notifies on the alarm, once, and plans the next a week later', async () => {
    await settings.update({ backupReminder: true });
    await start().sync();
    clock = T0 + 7 * DAY;
    await start().onAlarm({ name: BACKUP_ALARM });
    expect(shown()[BACKUP_NOTIFICATION]).toMatchObject({
      type: 'basic',
      title: 'Back up your Rapport notebook',
      message: 'You have never made a backup. Click to export one.',
      iconUrl: 'chrome-extension://rapport-id/icon/128.png',
    });
    expect((await alarm())?.scheduledTime).toBe(T0 + 14 * DAY);

    // Another start the same day shows nothing new.
    await fakeBrowser.notifications.clear(BACKUP_NOTIFICATION);
    clock += HOUR;
    await start().sync();
    expect(shown()[BACKUP_NOTIFICATION]).toBeUndefined();
  });

  it('ignores other alarms and notifications', async () => {
    await settings.update({ backupReminder: true });
    clock = T0;
    await start().sync();
    clock = T0 + 8 * DAY;
    await start().onAlarm({ name: 'tickler-next' });
    expect(shown()[BACKUP_NOTIFICATION]).toBeUndefined();
    expect(await start().onClicked('tickler:follow-up:1')).toBeUndefined();
    expect(tabsCreated).toEqual([]);
  });

  it('says how long ago the last backup was', async () => {
    await settings.update({ backupReminder: true });
    const reminder = start();
    await reminder.recordBackup(T0 - 9 * DAY);
    await reminder.sync(); // turned on now: a week from now
    clock = T0 + 7 * DAY;
    await start().onAlarm({ name: BACKUP_ALARM });
    expect(shown()[BACKUP_NOTIFICATION]?.message).toBe('Last backup 2 weeks ago. Click to export a new one.');
  });

  it('is postponed by a recent backup, and a backup takes back a reminder still shown', async () => {
    await settings.update({ backupReminder: true });
    await start().sync();
    clock = T0 + 7 * DAY;
    await start().onAlarm({ name: BACKUP_ALARM });
    expect(shown()[BACKUP_NOTIFICATION]).toBeDefined();

    clock = T0 + 10 * DAY;
    expect(await start().recordBackup()).toBe(T0 + 17 * DAY);
    expect(shown()[BACKUP_NOTIFICATION]).toBeUndefined();
    expect((await alarm())?.scheduledTime).toBe(T0 + 17 * DAY);
    expect(await start().status()).toEqual({ lastBackupAt: T0 + 10 * DAY, reminderEnabled: true, nextReminderAt: T0 + 17 * DAY });

    // An alarm that fires early (it was set before the backup) shows nothing.
    clock = T0 + 14 * DAY;
    await start().onAlarm({ name: BACKUP_ALARM });
    expect(shown()[BACKUP_NOTIFICATION]).toBeUndefined();
  });

  it('waits for the end of the quiet hours', async () => {
    await settings.update({ backupReminder: true, quietHours: quiet(21, 8) });
    clock = local(2026, 1, 14, 22);
    expect(wall((await start().sync())!)).toBe('2026-01-22T08:00');
    // The browser was closed through the due time and starts at 23:00: nothing until 08:00.
    clock = local(2026, 1, 23, 23);
    expect(wall((await start().sync())!)).toBe('2026-01-24T08:00');
    expect(shown()[BACKUP_NOTIFICATION]).toBeUndefined();
    clock = local(2026, 1, 24, 8);
    await start().onAlarm({ name: BACKUP_ALARM });
    expect(shown()[BACKUP_NOTIFICATION]).toBeDefined();
  });

  it('opens Import & export when the notification is clicked', async () => {
    await settings.update({ backupReminder: true });
    await start().sync();
    clock = T0 + 7 * DAY;
    await start().sync();
    const url = await start().onClicked(BACKUP_NOTIFICATION);
    expect(url).toBe('chrome-extension://rapport-id/manager.html#view=transfer');
    expect(tabsCreated).toEqual([url]);
    expect(shown()[BACKUP_NOTIFICATION]).toBeUndefined();
  });

  it('reads a damaged record as "never"', async () => {
    await fakeBrowser.storage.local.set({ [BACKUP_STATE_KEY]: { lastBackupAt: 'yesterday' } });
    expect(await start().status()).toEqual({ lastBackupAt: null, reminderEnabled: false, nextReminderAt: null });
  });
});

describe('exporting a JSON backup through the worker', () => {
  beforeEach(() => fakeBrowser.reset());

  async function ask<T extends MessageType>(h: Harness, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
    const answer = await h.send(sidePanel, type, payload);
    if (!answer.ok) throw new Error(`${type}: ${answer.error.message}`);
    return answer.data as ResponseOf<T>;
  }

  it('records when, and backup.status says so; other formats do not', async () => {
    const h = createHarness();
    expect((await ask(h, 'backup.status', {}))).toEqual({
      lastBackupAt: null,
      reminderEnabled: false,
      nextReminderAt: null,
    });
    await ask(h, 'export.file', { format: 'contacts-csv' });
    expect((await ask(h, 'backup.status', {})).lastBackupAt).toBeNull();

    await ask(h, 'export.file', { format: 'backup-json' });
    h.advance(3 * DAY);
    await ask(h, 'settings.update', { patch: { backupReminder: true } });
    expect((await ask(h, 'backup.status', {}))).toMatchObject({
      lastBackupAt: h.now() - 3 * DAY,
      reminderEnabled: true,
    });
    // The backup file itself carries nothing of this (it would not restore, and two exports would differ).
    const file = await ask(h, 'export.file', { format: 'backup-json' });
    expect(file.text).not.toContain('lastBackupAt');
  });
});

describe('the background entry', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    Dexie.dependencies.indexedDB = new IDBFactory();
    vi.spyOn(console, 'error').mockImplementation(() => {});
  });

  /** Sends a message to the worker as an extension page does. */
  async function send(type: string, payload: unknown) {
    const sender = { id: browser.runtime.id, url: browser.runtime.getURL('/manager.html') };
    return new Promise((resolve) => {
      void fakeBrowser.runtime.onMessage.trigger({ rapport: 1, type, payload }, sender as never, resolve);
    });
  }

  it('reminds at start when overdue, opens Import & export on a click, and follows the setting', async () => {
    const store = new RapportDatabase();
    await createSettingsService(store).update({ backupReminder: true });
    store.close();
    await fakeBrowser.storage.local.set({ [BACKUP_STATE_KEY]: { since: Date.now() - 8 * DAY, lastBackupAt: Date.now() - 9 * DAY } });

    background.main();
    await vi.waitFor(() => expect(fakeBrowser.notifications.getAllCreateOptions()[BACKUP_NOTIFICATION]).toBeDefined());
    expect((fakeBrowser.notifications.getAllCreateOptions() as Record<string, any>)[BACKUP_NOTIFICATION].message).toBe(
      'Last backup 9 days ago. Click to export a new one.',
    );
    await vi.waitFor(async () => expect((await browser.alarms.get(BACKUP_ALARM))?.scheduledTime).toBeGreaterThan(Date.now() + 6 * DAY));

    const tabs = vi.spyOn(browser.tabs, 'create').mockResolvedValue({} as never);
    await fakeBrowser.notifications.onClicked.trigger(BACKUP_NOTIFICATION);
    await vi.waitFor(() => expect(tabs).toHaveBeenCalledWith({ url: browser.runtime.getURL('/manager.html#view=transfer') }));

    // Turning the setting off (through the worker's messages) clears the alarm.
    expect(await send('settings.update', { patch: { backupReminder: false } })).toMatchObject({ ok: true });
    await vi.waitFor(async () => expect(await browser.alarms.get(BACKUP_ALARM)).toBeUndefined());
  });
});
