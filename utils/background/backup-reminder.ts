// The opt-in weekly backup reminder: thin wiring between the pure decision
// (utils/review/backup.ts) and the browser — one alarm, one notification, and a small record
// of when the last backup was made.
//
// Where that record lives: browser storage (storage.local), not a row of the database's
// `settings` table. Every row of that table goes into the JSON backup and a restore refuses
// any row but the settings (`SettingsRecord`); and a backup that carried "when I last backed
// up" would make two exports of the same data differ. storage.local survives worker stops
// and browser restarts like the database does, and is removed with the extension like it.
//
// Nothing here trusts memory: the worker may stop at any moment. `sync` recomputes from
// storage at every worker start, on the alarm and after every settings change.
import { BackupState, type BackupStatus } from '../model/review';
import type { Settings } from '../model/settings';
import { backupReminderText, nextBackupReminderAt } from '../review/backup';

export const BACKUP_ALARM = 'backup-reminder';
export const BACKUP_NOTIFICATION = 'backup-reminder';
/** storage.local key of the BackupState record. */
export const BACKUP_STATE_KEY = 'backup.state';
/** Where a click on the reminder leads: the manager's Import & export section. */
export const BACKUP_PAGE = '/manager.html#view=transfer';

interface AlarmInfo {
  name: string;
  scheduledTime: number;
}

/** The browser APIs the reminder uses (WXT's `browser` fits; tests pass the fake). */
export interface BackupReminderApis {
  alarms: {
    create(name: string, info: { when: number }): unknown;
    clear(name: string): Promise<boolean>;
    get(name: string): Promise<AlarmInfo | undefined>;
  };
  notifications: {
    create(id: string, options: any): Promise<string>;
    clear(id: string): Promise<boolean>;
  };
  /** Opens a manager page (reusing an open manager tab: see toolbar-menu.ts). */
  openPage(path: string): Promise<void>;
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  getURL(path: string): string;
}

export interface BackupReminderDeps {
  apis: BackupReminderApis;
  settings: { get(): Promise<Settings> };
  now: () => number;
  log?: (message: string, error?: unknown) => void;
}

export function createBackupReminder(deps: BackupReminderDeps) {
  const { apis } = deps;

  async function readState(): Promise<BackupState> {
    const parsed = BackupState.safeParse((await apis.local.get(BACKUP_STATE_KEY))[BACKUP_STATE_KEY] ?? {});
    // A damaged record reads as "never": the worst outcome is one reminder too many.
    return parsed.success ? parsed.data : {};
  }

  const writeState = (state: BackupState) => apis.local.set({ [BACKUP_STATE_KEY]: state });

  async function setAlarm(at: number | null) {
    if (at === null) {
      await apis.alarms.clear(BACKUP_ALARM);
      return;
    }
    if ((await apis.alarms.get(BACKUP_ALARM))?.scheduledTime !== at) await apis.alarms.create(BACKUP_ALARM, { when: at });
  }

  async function show(state: BackupState, now: number) {
    const { title, message } = backupReminderText(state.lastBackupAt, now);
    await apis.notifications.create(BACKUP_NOTIFICATION, {
      type: 'basic',
      iconUrl: apis.getURL('/icon/128.png'),
      title,
      message,
    });
  }

  /** Shows the reminder if it is due, then (re)creates or clears the alarm. Returns the next reminder time. */
  async function syncNow(now: number): Promise<number | null> {
    const [state, settings] = await Promise.all([readState(), deps.settings.get()]);
    if (!settings.backupReminder) {
      // Off: no alarm, and turning it on again starts a fresh week.
      if (state.since !== undefined) {
        const { since: _since, ...rest } = state;
        await writeState(rest);
      }
      await setAlarm(null);
      return null;
    }
    let next = state;
    if (next.since === undefined) {
      next = { ...next, since: now };
      await writeState(next);
    }
    let at = nextBackupReminderAt(next, settings, now)!;
    if (at <= now) {
      // Remembered before showing: a crash in between costs a reminder, never repeats one.
      next = { ...next, lastRemindedAt: now };
      await writeState(next);
      await show(next, now);
      at = nextBackupReminderAt(next, settings, now)!;
    }
    await setAlarm(at);
    return at;
  }

  // One at a time: two syncs at once would both see the reminder due and show it twice.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  }

  /** Recomputes from storage and the settings: at every worker start, on the alarm, after a settings change. */
  function sync(now = deps.now()): Promise<number | null> {
    return serial(() => syncNow(now));
  }

  /** A JSON backup was exported: remember when, take back a reminder still shown, postpone the next. */
  function recordBackup(at = deps.now()): Promise<number | null> {
    return serial(async () => {
      await writeState({ ...(await readState()), lastBackupAt: at });
      await apis.notifications.clear(BACKUP_NOTIFICATION).catch(() => false);
      return syncNow(at);
    });
  }

  async function status(): Promise<BackupStatus> {
    const [state, settings] = await Promise.all([readState(), deps.settings.get()]);
    return {
      lastBackupAt: state.lastBackupAt ?? null,
      reminderEnabled: settings.backupReminder,
      nextReminderAt: nextBackupReminderAt(state, settings, deps.now()),
    };
  }

  async function onAlarm(alarm: { name: string }) {
    if (alarm.name === BACKUP_ALARM) await sync();
  }

  /** A click on the reminder opens Import & export. Returns the URL opened, if the click was ours. */
  async function onClicked(notificationId: string): Promise<string | undefined> {
    if (notificationId !== BACKUP_NOTIFICATION) return undefined;
    const url = apis.getURL(BACKUP_PAGE);
    await apis.openPage(BACKUP_PAGE);
    await apis.notifications.clear(notificationId);
    return url;
  }

  return { sync, recordBackup, status, onAlarm, onClicked };
}
export type BackupReminder = ReturnType<typeof createBackupReminder>;
