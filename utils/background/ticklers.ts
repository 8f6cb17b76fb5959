// The background side of the ticklers (follow-up reminders): thin wiring between the pure
// scheduler (utils/ticklers) and the browser — the store, one alarm for the next due moment
// plus a periodic safety alarm, notifications, the toolbar badge.
//
// Nothing here trusts memory to survive: the service worker may be stopped at any moment
// (and a browser restart may drop alarms). Every wake recomputes from the store, the
// notified set lives in storage.local, and a notification's id carries the item keys it
// stands for, so a click after a restart still knows what it was about.
import type { Contact } from '../model/contact';
import { Settings } from '../model/settings';
import type { RapportDatabase } from '../store/database';
import { addDays, startOfDay } from '../dates';
import { isConversation, newContactAt } from '../review/weekly';
import {
  applyItemAction,
  computeSchedule,
  dailyDigest,
  findItem,
  nextDigestAt,
  planWake,
  snoozeUntil,
  type ItemAction,
  type PlannedNotification,
  type TicklerWrite,
  type WakePlan,
} from '../ticklers';
import type { ContactService } from './contacts';

/** The single alarm for the next due moment (never one per contact: Chrome allows 500). */
export const NEXT_ALARM = 'tickler-next';
/** A periodic alarm that recomputes anyway, in case the next-due alarm was lost. */
export const SAFETY_ALARM = 'tickler-safety';
export const SAFETY_PERIOD_MINUTES = 15;
/** The opt-in daily digest ("3 follow-ups due today"), at the chosen hour; re-created at every wake. */
export const DIGEST_ALARM = 'tickler-digest';
/** The digest's notification id (one a day; a newer one replaces the old). */
export const DIGEST_NOTIFICATION = 'tickler-digest';
/** storage.local key of the occurrence keys already notified. */
export const NOTIFIED_KEY = 'tickler.notified';
/** Writes come in bursts (a log then a debrief save): recompute once, this long after the last. */
export const AFTER_WRITE_DELAY_MS = 300;

export const DONE_BUTTON = 0;
export const SNOOZE_BUTTON = 1;

const SINGLE_PREFIX = 'tickler:';
const GROUP_PREFIX = 'tickler-group:';

/**
 * The browser's notification id for a planned notification. A single one is the planner's
 * own id (`tickler:<key>`). A group's id gets its keys appended (`tickler-group:<at>:<key>,<key>…`;
 * keys are `cadence:<n>`, `follow-up:<n>`, `reminder:<n>`, never containing a comma), so the
 * buttons and clicks of a group work after the worker restarted, with nothing in memory.
 */
export function notificationIdFor(notification: PlannedNotification): string {
  return notification.kind === 'single' ? notification.id : `${notification.id}:${notification.keys.join(',')}`;
}

/** The item keys a notification id stands for; [] for an id that is not a tickler's. */
export function keysFromNotificationId(id: string): string[] {
  if (id.startsWith(SINGLE_PREFIX)) return [id.slice(SINGLE_PREFIX.length)].filter(Boolean);
  if (id.startsWith(GROUP_PREFIX)) {
    const rest = id.slice(GROUP_PREFIX.length);
    const colon = rest.indexOf(':');
    return colon < 0 ? [] : rest.slice(colon + 1).split(',').filter(Boolean);
  }
  return [];
}

export const isTicklerNotification = (id: string) => id.startsWith(SINGLE_PREFIX) || id.startsWith(GROUP_PREFIX);

interface AlarmInfo {
  name: string;
  scheduledTime: number;
  periodInMinutes?: number;
}

/** The browser APIs the ticklers use (WXT's `browser` fits; tests pass the fake). */
export interface TicklerApis {
  alarms: {
    create(name: string, info: { when?: number; periodInMinutes?: number; delayInMinutes?: number }): unknown;
    clear(name: string): Promise<boolean>;
    get(name: string): Promise<AlarmInfo | undefined>;
  };
  notifications: {
    create(id: string, options: any): Promise<string>;
    clear(id: string): Promise<boolean>;
    getAll(): Promise<Record<string, unknown>>;
  };
  action?: { setBadgeText(details: { text: string }): Promise<void> } | undefined;
  tabs: { create(properties: { url: string }): Promise<unknown> };
  local: {
    get(key: string): Promise<Record<string, unknown>>;
    set(items: Record<string, unknown>): Promise<void>;
  };
  getURL(path: string): string;
}

export interface TicklerDeps {
  db: RapportDatabase;
  /** For contact writes (a follow-up snoozed or done): the same validation as the sidebar's. */
  contacts: Pick<ContactService, 'update'>;
  apis: TicklerApis;
  now: () => number;
  /** Whether notifications can carry buttons (Chrome yes, Firefox no). */
  notificationButtons: boolean;
  /** Told which contacts an action from a notification changed (to refresh open sidebars). */
  onContactsChanged?: (ids: number[]) => void;
  /** Told after every wake (what is due may have changed): open popups and pages reload. */
  onChanged?: () => void;
  log?: (message: string, error?: unknown) => void;
}

export function createTicklers(deps: TicklerDeps) {
  const { db, apis } = deps;

  async function read() {
    const [contacts, reminders, record] = await db.transaction('r', db.contacts, db.reminders, db.settings, () =>
      Promise.all([db.contacts.toArray(), db.reminders.toArray(), db.settings.get('app')]),
    );
    const parsed = Settings.safeParse(record?.value ?? {});
    return { contacts, reminders, settings: parsed.success ? parsed.data : Settings.parse({}) };
  }

  // The last reading, reused while none of its tables was written since (the worker is the
  // only writer; see RapportDatabase.writesTo). A worker's start wakes the ticklers and the
  // popup asks for its list at the same moment: one reading serves both.
  let lastRead: { writes: number; data: ReturnType<typeof read> } | null = null;
  async function load() {
    const writes = db.writesTo('contacts', 'reminders', 'settings');
    if (!lastRead || lastRead.writes !== writes) {
      const data = read();
      lastRead = { writes, data };
      data.catch(() => {
        if (lastRead?.data === data) lastRead = null;
      });
    }
    const { contacts, reminders, settings } = await lastRead.data;
    // Fresh arrays: a caller that sorts or filters in place can't disturb the next one.
    return { contacts: [...contacts], reminders: [...reminders], settings };
  }

  async function loadNotified(): Promise<string[]> {
    const stored = (await apis.local.get(NOTIFIED_KEY))[NOTIFIED_KEY];
    return Array.isArray(stored) ? stored.filter((key): key is string => typeof key === 'string') : [];
  }

  function notificationOptions(notification: PlannedNotification) {
    return {
      type: 'basic',
      iconUrl: apis.getURL('/icon/128.png'),
      title: notification.title,
      message: notification.message,
      ...(deps.notificationButtons ? { buttons: [{ title: 'Done' }, { title: 'Snooze' }] } : {}),
    };
  }

  async function setAlarms(alarmAt: number | null, digestAt: number | null) {
    if (digestAt === null) await apis.alarms.clear(DIGEST_ALARM);
    else if ((await apis.alarms.get(DIGEST_ALARM))?.scheduledTime !== digestAt) {
      await apis.alarms.create(DIGEST_ALARM, { when: digestAt });
    }
    if (alarmAt === null) await apis.alarms.clear(NEXT_ALARM);
    else {
      const current = await apis.alarms.get(NEXT_ALARM);
      if (current?.scheduledTime !== alarmAt) await apis.alarms.create(NEXT_ALARM, { when: alarmAt });
    }
    // Re-creating a periodic alarm restarts its period: only create it when it is missing.
    const safety = await apis.alarms.get(SAFETY_ALARM);
    if (safety?.periodInMinutes !== SAFETY_PERIOD_MINUTES) {
      await apis.alarms.create(SAFETY_ALARM, { delayInMinutes: SAFETY_PERIOD_MINUTES, periodInMinutes: SAFETY_PERIOD_MINUTES });
    }
  }

  /** Clears tickler notifications none of whose items is still due (done or snoozed elsewhere). */
  async function clearStale(plan: WakePlan) {
    const due = new Set(plan.schedule.due.map((item) => item.key));
    const shown = Object.keys(await apis.notifications.getAll());
    for (const id of shown) {
      if (!isTicklerNotification(id)) continue;
      if (!keysFromNotificationId(id).some((key) => due.has(key))) await apis.notifications.clear(id);
    }
  }

  async function wakeNow(now: number): Promise<WakePlan> {
    const [data, notified] = await Promise.all([load(), loadNotified()]);
    const plan = planWake({ ...data, notified, now });
    // The badge first: when a notification shows, the count already includes it.
    await apis.action?.setBadgeText({ text: plan.badge > 0 ? String(plan.badge) : '' });
    for (const notification of plan.notifications) {
      await apis.notifications.create(notificationIdFor(notification), notificationOptions(notification));
    }
    await apis.local.set({ [NOTIFIED_KEY]: plan.notified });
    await setAlarms(plan.alarmAt, nextDigestAt(data.settings.digest, now));
    await clearStale(plan).catch((error) => deps.log?.('could not clear old notifications', error));
    try {
      deps.onChanged?.();
    } catch (error) {
      deps.log?.('onChanged failed', error);
    }
    return plan;
  }

  // Wakes run one at a time: two at once would both read the same notified set and notify twice.
  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task);
    queue = run.catch(() => {});
    return run;
  }

  /**
   * Recomputes everything at `now`: raises what became due (once per occurrence), saves the
   * notified set, sets the badge and (re)creates the alarms.
   */
  function wake(now = deps.now()): Promise<WakePlan> {
    return serial(() => wakeNow(now));
  }

  let timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * After a write that may change what is due: wake shortly, once per burst of writes. If the
   * worker stops before the timer fires, the next start recomputes anyway.
   */
  function afterWrite() {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      wake().catch((error) => deps.log?.('tickler wake failed', error));
    }, AFTER_WRITE_DELAY_MS);
  }

  async function applyWrites(writes: TicklerWrite[]) {
    for (const write of writes) {
      if (write.kind === 'update-contact') await deps.contacts.update(write.contactId, write.patch);
      else if (write.kind === 'update-reminder') await db.reminders.put(write.reminder);
      else await db.reminders.add(write.reminder as never);
    }
  }

  /**
   * Carries out an action on pending items by key (a grouped notification: every key in the
   * group). Keys no longer pending (done elsewhere since) are skipped. Returns the keys acted on.
   */
  function act(keys: readonly string[], action: ItemAction | 'snooze'): Promise<string[]> {
    return serial(async () => {
      const now = deps.now();
      const { contacts, reminders, settings } = await load();
      const schedule = computeSchedule({ contacts, reminders, settings, now });
      const resolved: ItemAction = action === 'snooze' ? { type: 'snooze', until: snoozeUntil(settings, now) } : action;
      const done: string[] = [];
      const changed = new Set<number>();
      for (const key of new Set(keys)) {
        const item = findItem(schedule, key);
        if (!item) continue;
        try {
          await applyWrites(applyItemAction(item, resolved, { reminders, now }));
          done.push(key);
          if (item.contactId !== undefined) changed.add(item.contactId);
        } catch (error) {
          deps.log?.(`could not apply ${resolved.type} to ${key}`, error);
        }
      }
      if (changed.size > 0) deps.onContactsChanged?.([...changed]);
      return done;
    });
  }

  /**
   * Done, snooze (the settings' length) or dismiss on items by key, then recompute (badge,
   * alarms, stale notifications): what the notification buttons, the popup and the contact
   * page all do. Returns the keys acted on.
   */
  async function actAndWake(keys: readonly string[], action: 'done' | 'snooze' | 'dismiss'): Promise<string[]> {
    const acted = await act(keys, action === 'snooze' ? 'snooze' : { type: action });
    await wake();
    return acted;
  }

  /** A notification's Done (0) or Snooze (1) button: acts on all its keys, then recomputes. */
  async function onButtonClicked(notificationId: string, buttonIndex: number) {
    if (!isTicklerNotification(notificationId)) return;
    const keys = keysFromNotificationId(notificationId);
    const action = buttonIndex === DONE_BUTTON ? 'done' : buttonIndex === SNOOZE_BUTTON ? 'snooze' : null;
    if (action === null) return;
    await act(keys, action === 'snooze' ? 'snooze' : { type: action });
    await apis.notifications.clear(notificationId);
    await wake();
  }

  /**
   * The due and overdue items (of one contact, when given) and this week's goal progress:
   * contacts created since Monday 00:00 local time, and follow-ups done since then (reminder
   * rows marked done this week, any reason).
   */
  async function list(options: { contactId?: number | undefined } = {}) {
    const now = deps.now();
    const { contacts, reminders, settings } = await load();
    const schedule = computeSchedule({ contacts, reminders, settings, now });
    const byId = new Map(contacts.map((contact) => [contact.id, contact]));
    const items = schedule.due
      .filter((item) => options.contactId === undefined || item.contactId === options.contactId)
      .map((item) => {
        const contact = item.contactId === undefined ? undefined : byId.get(item.contactId);
        const url = contact ? linkedinUrl(contact) : undefined;
        return {
          key: item.key,
          ...(item.contactId !== undefined ? { contactId: item.contactId } : {}),
          ...(item.contactName !== undefined ? { contactName: item.contactName } : {}),
          ...(url ? { linkedinUrl: url } : {}),
          reason: item.reason,
          text: item.text,
          due: item.due,
        };
      });
    const since = startOfWeek(now);
    const thisWeek = (at: number | undefined) => at !== undefined && at >= since && at <= now;
    // The weekly review's rule: an imported contact counts at its file's meeting date, if any.
    const newContacts = contacts.filter((contact) => thisWeek(newContactAt(contact))).length;
    const followUpsDone = reminders.filter((row) => row.status === 'done' && thisWeek(row.completedAt)).length;
    // This week's interactions only, through the date index (the review's rule for what counts).
    const conversations = (await db.interactions.where('when').between(since, now, true, true).toArray()).filter((i) =>
      isConversation(i.kind),
    ).length;
    return {
      items,
      goals: {
        weekStart: since,
        newContacts: { done: newContacts, goal: settings.weeklyGoals.newContacts },
        conversations: { done: conversations, goal: settings.weeklyGoals.conversations },
        followUps: { done: followUpsDone, goal: settings.weeklyGoals.followUps },
      },
    };
  }

  async function contactIdForKey(key: string): Promise<number | undefined> {
    const [source, raw] = key.split(':');
    const id = Number(raw);
    if (!Number.isSafeInteger(id) || id <= 0) return undefined;
    if (source === 'cadence' || source === 'follow-up') return id;
    if (source === 'reminder') return (await db.reminders.get(id))?.contactId;
    return undefined;
  }

  /** Where clicking a notification about `contact` goes: the LinkedIn profile, else Rapport's contact page. */
  function contactUrl(contact: Contact): string {
    return linkedinUrl(contact) ?? apis.getURL(`/sidebar.html?contact=${contact.id}`);
  }

  /**
   * Clicking a notification opens the contact of its (first) item in a new tab. A group about
   * several people opens the first one (until the popup lists them all).
   */
  async function onClicked(notificationId: string): Promise<string | undefined> {
    if (notificationId === DIGEST_NOTIFICATION) {
      await apis.notifications.clear(notificationId);
      return undefined;
    }
    if (!isTicklerNotification(notificationId)) return undefined;
    let url: string | undefined;
    for (const key of keysFromNotificationId(notificationId)) {
      const contactId = await contactIdForKey(key);
      const contact = contactId === undefined ? undefined : await db.contacts.get(contactId);
      if (contact) {
        url = contactUrl(contact);
        break;
      }
    }
    if (url) await apis.tabs.create({ url });
    await apis.notifications.clear(notificationId);
    return url;
  }

  /** The daily digest: one notification "3 follow-ups due today", if anything is due today. */
  async function digest(now = deps.now()) {
    const { contacts, reminders, settings } = await load();
    if (!settings.digest.enabled) return null;
    const today = dailyDigest(computeSchedule({ contacts, reminders, settings, now }).items, now);
    if (!today) return null;
    await apis.notifications.create(DIGEST_NOTIFICATION, {
      type: 'basic',
      iconUrl: apis.getURL('/icon/128.png'),
      title: today.title,
      message: today.message,
    });
    return today;
  }

  /** The next-due and safety alarms recompute; the digest alarm shows the digest, then recomputes (next day's alarm). */
  async function onAlarm(alarm: { name: string }) {
    if (alarm.name === NEXT_ALARM || alarm.name === SAFETY_ALARM) await wake();
    else if (alarm.name === DIGEST_ALARM) {
      await digest().catch((error) => deps.log?.('digest failed', error));
      await wake();
    }
  }

  return { wake, afterWrite, act, actAndWake, list, digest, onButtonClicked, onClicked, onAlarm };
}
export type Ticklers = ReturnType<typeof createTicklers>;

/** The contact's LinkedIn profile URL, if known. */
export function linkedinUrl(contact: Contact): string | undefined {
  if (contact.linkedinUrl) return contact.linkedinUrl;
  if (contact.linkedinSlug) return `https://www.linkedin.com/in/${contact.linkedinSlug}/`;
  return undefined;
}

/** Monday 00:00 local time of the week of `at`. */
export function startOfWeek(at: number): number {
  const day = startOfDay(at);
  const weekday = (new Date(day).getDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(day, -weekday);
}
