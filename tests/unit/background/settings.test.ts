// The settings service over a real RapportDatabase: one record under the key 'app'.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createSettingsService, type SettingsService } from '../../../utils/background/settings';
import { DEFAULT_CADENCE_DAYS, Settings, SettingsPatch } from '../../../utils/model/settings';
import { RapportDatabase } from '../../../utils/store/database';

let db: RapportDatabase;
let settings: SettingsService;

const DEFAULTS = {
  cadenceDaysByType: DEFAULT_CADENCE_DAYS,
  customContactTypes: [],
  snoozeMinutes: 24 * 60,
  quietHours: { enabled: false, startHour: 21, endHour: 8 },
  sidebarHost: 'page',
  autoLogSentMail: false,
  digest: { enabled: false, hour: 8 },
  weeklyGoals: { newContacts: 5, followUps: 5, conversations: 3 },
  backupReminder: false,
  sites: { linkedin: true, gmail: true, outlook: true },
};

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-settings-test');
  settings = createSettingsService(db);
});

afterEach(() => {
  db.close();
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

/** Stores a record as an older version of Rapport (or a corrupted store) might have. */
const storeRaw = (value: unknown) => db.settings.put({ key: 'app', value } as never);

describe('get', () => {
  it('without a stored record answers every default, and writes nothing', async () => {
    expect(await settings.get()).toEqual(DEFAULTS);
    expect(await db.settings.count()).toBe(0);
  });

  it('an old or partial stored record parses with the defaults filled in (unknown keys dropped)', async () => {
    await storeRaw({ sidebarHost: 'side-panel', snoozeMinutes: 30, retiredSetting: true });
    expect(await settings.get()).toEqual({ ...DEFAULTS, sidebarHost: 'side-panel', snoozeMinutes: 30 });
  });

  it('a stored record with an invalid value still answers valid settings', async () => {
    await storeRaw({ snoozeMinutes: 1, sidebarHost: 'side-panel' });
    const answer = await settings.get();
    expect(Settings.safeParse(answer).success).toBe(true);
    expect(answer.snoozeMinutes).toBe(DEFAULTS.snoozeMinutes);
  });

  it('hands out copies: changing an answer changes neither the store nor the defaults', async () => {
    const first = await settings.get();
    first.cadenceDaysByType.peer = 1;
    first.customContactTypes.push('mutated');
    first.quietHours.enabled = true;
    expect(await settings.get()).toEqual(DEFAULTS);
    expect(DEFAULT_CADENCE_DAYS.peer).toBe(90);
  });
});

describe('update', () => {
  it('a patch of one field never resets the others', async () => {
    await settings.update({ sidebarHost: 'side-panel', customContactTypes: ['board member'] });
    await settings.update({ cadenceDaysByType: { ...DEFAULT_CADENCE_DAYS, peer: 45 } });
    const after = await settings.update({ snoozeMinutes: 30 });
    const expected = {
      ...DEFAULTS,
      sidebarHost: 'side-panel',
      customContactTypes: ['board member'],
      cadenceDaysByType: { ...DEFAULT_CADENCE_DAYS, peer: 45 },
      snoozeMinutes: 30,
    };
    expect(after).toEqual(expected);
    expect(await settings.get()).toEqual(expected);
    expect(await db.settings.toArray()).toEqual([{ key: 'app', value: expected }]);
  });

  it('the patch schema has no defaults: a one-field patch parses to one field', () => {
    expect(SettingsPatch.parse({ snoozeMinutes: 30 })).toEqual({ snoozeMinutes: 30 });
    expect(SettingsPatch.parse({})).toEqual({});
  });

  it('the patch schema accepts null for every setting (null means "reset")', () => {
    const allNull = Object.fromEntries(Object.keys(Settings.shape).map((key) => [key, null]));
    expect(SettingsPatch.parse(allNull)).toStrictEqual(allNull);
  });

  it('null resets a setting to its default and keeps the others', async () => {
    await settings.update({ sidebarHost: 'side-panel', snoozeMinutes: 30 });
    const expected = { ...DEFAULTS, sidebarHost: 'side-panel' };
    expect(await settings.update({ snoozeMinutes: null })).toStrictEqual(expected);
    expect(await settings.get()).toStrictEqual(expected);
    expect(await db.settings.toArray()).toStrictEqual([{ key: 'app', value: expected }]);
  });

  it('null resets an object setting as a whole, next to a field that is set', async () => {
    await settings.update({ quietHours: { enabled: true, startHour: 22, endHour: 7 }, cadenceDaysByType: { peer: 45 } });
    expect(await settings.update({ quietHours: null, cadenceDaysByType: null, autoLogSentMail: true })).toStrictEqual({
      ...DEFAULTS,
      autoLogSentMail: true,
    });
  });

  it('a patch that went through JSON (as Chrome messaging sends it) still resets with null', async () => {
    await settings.update({ sidebarHost: 'side-panel', snoozeMinutes: 30 });
    const sent = JSON.parse(JSON.stringify({ snoozeMinutes: null })) as SettingsPatch;
    expect(sent).toStrictEqual({ snoozeMinutes: null });
    expect(await settings.update(sent)).toStrictEqual({ ...DEFAULTS, sidebarHost: 'side-panel' });
  });

  it('a field given as undefined is lost on the way through JSON, so it changes nothing', async () => {
    await settings.update({ sidebarHost: 'side-panel', snoozeMinutes: 30 });
    const sent = JSON.parse(JSON.stringify({ sidebarHost: undefined, snoozeMinutes: 45 })) as SettingsPatch;
    expect(sent).toStrictEqual({ snoozeMinutes: 45 });
    expect(await settings.update(sent)).toStrictEqual({ ...DEFAULTS, sidebarHost: 'side-panel', snoozeMinutes: 45 });
  });

  it('a field given as undefined directly (never over Chrome messaging) resets like null', async () => {
    await settings.update({ sidebarHost: 'side-panel', snoozeMinutes: 30 });
    expect(await settings.update({ sidebarHost: undefined, snoozeMinutes: 45 })).toStrictEqual({ ...DEFAULTS, snoozeMinutes: 45 });
  });

  it('an empty patch stores the complete current settings', async () => {
    expect(await settings.update({})).toEqual(DEFAULTS);
    expect(await db.settings.get('app')).toEqual({ key: 'app', value: DEFAULTS });
  });

  it('an object field is replaced as a whole', async () => {
    await settings.update({ quietHours: { enabled: true, startHour: 22, endHour: 7 } });
    expect((await settings.get()).quietHours).toEqual({ enabled: true, startHour: 22, endHour: 7 });
  });

  it('on top of an old partial record keeps what it held', async () => {
    await storeRaw({ sidebarHost: 'side-panel' });
    expect(await settings.update({ autoLogSentMail: true })).toEqual({ ...DEFAULTS, sidebarHost: 'side-panel', autoLogSentMail: true });
  });

  it('invalid values are refused and nothing is written', async () => {
    await settings.update({ sidebarHost: 'side-panel' });
    const before = await db.settings.toArray();
    for (const patch of [
      { snoozeMinutes: 4 },
      { snoozeMinutes: 2.5 },
      { sidebarHost: 'popup' },
      { cadenceDaysByType: { peer: 0 } },
      { customContactTypes: [''] },
      { quietHours: { enabled: true, startHour: 25, endHour: 8 } },
      { weeklyGoals: { newContacts: -1, followUps: 1 } },
      { autoLogSentMail: 'yes' },
    ]) {
      expect(await rejection(settings.update(patch as never)), JSON.stringify(patch)).toBeInstanceOf(z.ZodError);
    }
    expect(await db.settings.toArray()).toEqual(before);
  });
});

describe('settings added after the first release', () => {
  it('reads a stored record from before the conversations goal and the site switches', async () => {
    await db.settings.put({ key: 'app', value: { weeklyGoals: { newContacts: 7, followUps: 2 } } as never });
    const read = await settings.get();
    expect(read.weeklyGoals).toEqual({ newContacts: 7, followUps: 2, conversations: 3 });
    expect(read.sites).toEqual({ linkedin: true, gmail: true, outlook: true });
  });

  it('turns one site off without touching the others', async () => {
    await settings.update({ sites: { linkedin: true, gmail: false, outlook: true } });
    expect((await settings.get()).sites).toEqual({ linkedin: true, gmail: false, outlook: true });
  });
});
