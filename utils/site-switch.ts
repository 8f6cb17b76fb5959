// "Where Rapport works": each site's on/off switch (the `sites` setting), mirrored by the worker
// into storage.local because content scripts cannot read the database. A content script reads
// its site's switch before doing anything and follows it live: off stops everything it runs in
// the tab, on starts it again without a reload. Zod-free on purpose: content scripts carry no
// schema library. Nothing here touches a browser API directly (the area and event are passed
// in), so it is tested without a browser.
import type { LocalArea, StorageChangedEvent, StorageChanges } from './ui-state';

export const SITE_NAMES = ['linkedin', 'gmail', 'outlook'] as const;
export type SiteName = (typeof SITE_NAMES)[number];
export type SiteSwitches = Record<SiteName, boolean>;

/** The storage.local key of the mirror: one object, `{ linkedin, gmail, outlook }`. */
export const SITES_KEY = 'ui.sites';

export const ALL_SITES_ON: Readonly<SiteSwitches> = { linkedin: true, gmail: true, outlook: true };

/**
 * The switches from a stored value. Only an explicit `false` turns a site off: a fresh install
 * (nothing mirrored yet) or a corrupt value leaves Rapport working, as the setting's default does.
 */
export function parseSiteSwitches(value: unknown): SiteSwitches {
  const record = value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  const on = (site: SiteName) => !(Object.hasOwn(record, site) && record[site] === false);
  return { linkedin: on('linkedin'), gmail: on('gmail'), outlook: on('outlook') };
}

export const sameSwitches = (a: SiteSwitches, b: SiteSwitches) => SITE_NAMES.every((site) => a[site] === b[site]);

/** The switches a `storage.onChanged` event sets, or null when it does not touch them. */
export function siteSwitchChanges(changes: StorageChanges, areaName: string): SiteSwitches | null {
  if (areaName !== 'local' || !Object.hasOwn(changes, SITES_KEY)) return null;
  return parseSiteSwitches(changes[SITES_KEY]?.newValue);
}

/** The stored switches; all on when storage cannot be read (the default). */
export async function readSiteSwitches(area: Pick<LocalArea, 'get'>): Promise<SiteSwitches> {
  try {
    return parseSiteSwitches((await area.get([SITES_KEY]))[SITES_KEY]);
  } catch {
    return { ...ALL_SITES_ON };
  }
}

export function writeSiteSwitches(area: Pick<LocalArea, 'set'>, switches: SiteSwitches): Promise<void> {
  // A plain copy: exactly the three booleans, whatever object was passed.
  return area.set({ [SITES_KEY]: { linkedin: switches.linkedin, gmail: switches.gmail, outlook: switches.outlook } });
}

// ---- In a content script ----

/** What a content script runs while its site is on; the function it returns undoes all of it. */
export type SiteSession = () => () => void;

export interface SiteSwitchDeps {
  site: SiteName;
  local: Pick<LocalArea, 'get'>;
  storageChanged: StorageChangedEvent;
  /** Starts the script's work in the tab; returns the stop that removes everything it put there. */
  start: SiteSession;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Runs `start` only while the site's switch is on: not at all when it is off at load, stopped
 * when it is turned off, started afresh when it is turned on again. Returns the disposer (the
 * content script's invalidation): it stops the session and stops listening.
 */
export function runWhileSiteOn(deps: SiteSwitchDeps): () => void {
  const { site } = deps;
  let stop: (() => void) | null = null;
  let disposed = false;
  /** What the latest news says; the stored value read at load loses to any change seen since. */
  let heard: boolean | null = null;

  const apply = (on: boolean) => {
    if (disposed) return;
    if (on && !stop) {
      try {
        stop = deps.start();
      } catch (error) {
        deps.log?.(`could not start on ${site}`, error);
      }
    } else if (!on && stop) {
      const current = stop;
      stop = null;
      try {
        current();
      } catch (error) {
        deps.log?.(`could not stop on ${site}`, error);
      }
    }
  };

  const listener = (changes: StorageChanges, areaName: string) => {
    const switches = siteSwitchChanges(changes, areaName);
    if (!switches) return;
    heard = switches[site];
    apply(heard);
  };
  deps.storageChanged.addListener(listener);

  void readSiteSwitches(deps.local).then((switches) => {
    // A change that arrived while reading is newer than what was read.
    if (heard === null) apply(switches[site]);
  });

  return () => {
    apply(false);
    disposed = true;
    deps.storageChanged.removeListener(listener);
  };
}

// ---- In the worker ----

export interface SitesSettings {
  get(): Promise<{ sites: SiteSwitches }>;
}

export interface SitesMirror {
  /** Settles when the start-up mirror is written. */
  ready: Promise<void>;
  /** Call after every settings change (update, restore): keeps the mirror in step. */
  mirror(settings: { sites: SiteSwitches }): Promise<void>;
}

/** Keeps storage.local's copy of the `sites` setting in step with the database; runs in the worker. */
export function mirrorSiteSwitches(deps: {
  local: LocalArea;
  settings: SitesSettings;
  log?: (message: string, error?: unknown) => void;
}): SitesMirror {
  const { local } = deps;
  // One write at a time, in order: the last settings change wins.
  let queue: Promise<void> = Promise.resolve();
  const serial = (task: () => Promise<void>) => {
    const next = queue.then(task).catch((error: unknown) => deps.log?.('could not mirror the site switches', error));
    queue = next;
    return next;
  };
  const write = async (switches: SiteSwitches) => {
    const stored = (await local.get([SITES_KEY]))[SITES_KEY];
    // Unchanged: no write, so open tabs hear nothing.
    if (stored !== undefined && sameSwitches(parseSiteSwitches(stored), switches)) return;
    await writeSiteSwitches(local, switches);
  };
  return {
    // At every worker start: storage may have been cleared, or the database restored.
    ready: serial(async () => write((await deps.settings.get()).sites)),
    mirror: (settings) => serial(() => write(settings.sites)),
  };
}
