// The per-site on/off switch: its storage.local mirror (written by the worker) and the content
// scripts' start/stop logic, with storage.local faked by WXT's fake browser.
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  mirrorSiteSwitches,
  parseSiteSwitches,
  readSiteSwitches,
  runWhileSiteOn,
  siteSwitchChanges,
  SITES_KEY,
  writeSiteSwitches,
  type SiteName,
  type SiteSwitches,
} from '../../utils/site-switch';

beforeEach(() => {
  fakeBrowser.reset();
});

const ON: SiteSwitches = { linkedin: true, gmail: true, outlook: true };
const flush = async () => {
  for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('parseSiteSwitches', () => {
  it('turns a site off only for an explicit false', () => {
    expect(parseSiteSwitches({ linkedin: true, gmail: false, outlook: true })).toEqual({ linkedin: true, gmail: false, outlook: true });
    expect(parseSiteSwitches({ outlook: false })).toEqual({ linkedin: true, gmail: true, outlook: false });
  });

  it.each([
    ['nothing stored', undefined],
    ['null', null],
    ['a string', 'off'],
    ['a number', 0],
    ['an array', [false, false, false]],
    ['non-boolean values', { linkedin: 0, gmail: 'false', outlook: null }],
  ])('reads %s as every site on (the default)', (_name, value) => {
    expect(parseSiteSwitches(value)).toEqual(ON);
  });

  it('ignores unknown keys and inherited ones', () => {
    const proto = Object.create({ gmail: false }) as object;
    expect(parseSiteSwitches(proto)).toEqual(ON);
    expect(parseSiteSwitches({ facebook: false, linkedin: false })).toEqual({ ...ON, linkedin: false });
  });
});

describe('siteSwitchChanges', () => {
  it('parses the new value of the mirror key in the local area', () => {
    expect(siteSwitchChanges({ [SITES_KEY]: { newValue: { ...ON, gmail: false } } }, 'local')).toEqual({ ...ON, gmail: false });
  });

  it('reads a removed mirror as every site on', () => {
    expect(siteSwitchChanges({ [SITES_KEY]: { oldValue: { ...ON, gmail: false } } }, 'local')).toEqual(ON);
  });

  it('ignores other keys and other areas', () => {
    expect(siteSwitchChanges({ 'ui.sidebarHost': { newValue: 'page' } }, 'local')).toBeNull();
    expect(siteSwitchChanges({ [SITES_KEY]: { newValue: { ...ON, gmail: false } } }, 'sync')).toBeNull();
    expect(siteSwitchChanges({ [SITES_KEY]: { newValue: { ...ON, gmail: false } } }, 'session')).toBeNull();
  });
});

describe('readSiteSwitches / writeSiteSwitches', () => {
  it('round-trips exactly the three booleans', async () => {
    await writeSiteSwitches(browser.storage.local, { linkedin: false, gmail: true, outlook: false, extra: 1 } as SiteSwitches);
    expect(await browser.storage.local.get(SITES_KEY)).toEqual({ [SITES_KEY]: { linkedin: false, gmail: true, outlook: false } });
    expect(await readSiteSwitches(browser.storage.local)).toEqual({ linkedin: false, gmail: true, outlook: false });
  });

  it('reads every site on when storage fails', async () => {
    expect(await readSiteSwitches({ get: () => Promise.reject(new Error('gone')) })).toEqual(ON);
  });
});

/** A content script's session: counts starts and stops, and whether one is running. */
function session() {
  const state = { starts: 0, stops: 0, running: false };
  const start = vi.fn(() => {
    expect(state.running, 'never two sessions at once').toBe(false);
    state.starts++;
    state.running = true;
    return () => {
      state.stops++;
      state.running = false;
    };
  });
  return { state, start };
}

function run(site: SiteName, start: () => () => void) {
  return runWhileSiteOn({ site, local: browser.storage.local, storageChanged: browser.storage.onChanged, start });
}

describe('runWhileSiteOn', () => {
  it('starts on a fresh install (nothing mirrored yet)', async () => {
    const s = session();
    run('gmail', s.start);
    await flush();
    expect(s.state).toEqual({ starts: 1, stops: 0, running: true });
  });

  it('does nothing at all while the site is off at load', async () => {
    await writeSiteSwitches(browser.storage.local, { ...ON, gmail: false });
    const s = session();
    run('gmail', s.start);
    await flush();
    expect(s.state).toEqual({ starts: 0, stops: 0, running: false });
  });

  it('stops when its site is switched off and starts afresh when it is switched on, without a reload', async () => {
    const s = session();
    run('outlook', s.start);
    await flush();
    await writeSiteSwitches(browser.storage.local, { ...ON, outlook: false });
    await flush();
    expect(s.state).toEqual({ starts: 1, stops: 1, running: false });
    await writeSiteSwitches(browser.storage.local, ON);
    await flush();
    expect(s.state).toEqual({ starts: 2, stops: 1, running: true });
  });

  it('ignores the other sites’ switches and repeats of its own', async () => {
    const s = session();
    run('linkedin', s.start);
    await flush();
    await writeSiteSwitches(browser.storage.local, { linkedin: true, gmail: false, outlook: false });
    await writeSiteSwitches(browser.storage.local, { linkedin: true, gmail: true, outlook: false });
    await flush();
    expect(s.state).toEqual({ starts: 1, stops: 0, running: true });
    await writeSiteSwitches(browser.storage.local, { ...ON, linkedin: false });
    await writeSiteSwitches(browser.storage.local, { linkedin: false, gmail: false, outlook: true });
    await flush();
    expect(s.state).toEqual({ starts: 1, stops: 1, running: false });
  });

  it('lets a change heard while reading win over the value read', async () => {
    await writeSiteSwitches(browser.storage.local, { ...ON, gmail: false });
    const s = session();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    // The read sees "off", and answers only after the user turned it on again.
    const local = {
      get: async (keys: string[]) => {
        const items = await browser.storage.local.get(keys);
        await gate;
        return items;
      },
    };
    runWhileSiteOn({ site: 'gmail', local, storageChanged: browser.storage.onChanged, start: s.start });
    // Turned on before the (stale "off") read settles.
    await writeSiteSwitches(browser.storage.local, ON);
    await flush();
    expect(s.state.running).toBe(true);
    await browser.storage.local.set({ [SITES_KEY]: { ...ON, gmail: false } });
    await browser.storage.local.set({ [SITES_KEY]: ON });
    release();
    await flush();
    expect(s.state).toEqual({ starts: 2, stops: 1, running: true });
  });

  it('the disposer stops the session and stops listening', async () => {
    const s = session();
    const dispose = run('gmail', s.start);
    await flush();
    dispose();
    expect(s.state).toEqual({ starts: 1, stops: 1, running: false });
    await writeSiteSwitches(browser.storage.local, { ...ON, gmail: false });
    await writeSiteSwitches(browser.storage.local, ON);
    await flush();
    expect(s.state).toEqual({ starts: 1, stops: 1, running: false });
  });

  it('a session that fails to start is logged, and the next switch-on tries again', async () => {
    const log = vi.fn();
    let attempts = 0;
    const stop = vi.fn();
    runWhileSiteOn({
      site: 'gmail',
      local: browser.storage.local,
      storageChanged: browser.storage.onChanged,
      start: () => {
        if (++attempts === 1) throw new Error('no document');
        return stop;
      },
      log,
    });
    await flush();
    expect(log).toHaveBeenCalledWith('could not start on gmail', expect.any(Error));
    await writeSiteSwitches(browser.storage.local, { ...ON, gmail: false });
    await writeSiteSwitches(browser.storage.local, ON);
    await flush();
    expect(attempts).toBe(2);
    expect(stop).not.toHaveBeenCalled();
  });
});

describe('mirrorSiteSwitches (the worker)', () => {
  function settingsWith(sites: SiteSwitches) {
    return { current: sites, get: async function () { return { sites: this.current }; } };
  }

  it('writes the setting at worker start', async () => {
    const mirror = mirrorSiteSwitches({ local: browser.storage.local, settings: settingsWith({ ...ON, outlook: false }) });
    await mirror.ready;
    expect(await readSiteSwitches(browser.storage.local)).toEqual({ ...ON, outlook: false });
  });

  it('repairs a mirror that disagrees at start (storage cleared, a restored database)', async () => {
    await writeSiteSwitches(browser.storage.local, { linkedin: false, gmail: false, outlook: false });
    await mirrorSiteSwitches({ local: browser.storage.local, settings: settingsWith(ON) }).ready;
    expect(await readSiteSwitches(browser.storage.local)).toEqual(ON);
  });

  it('keeps in step with every settings change, the last one winning', async () => {
    const mirror = mirrorSiteSwitches({ local: browser.storage.local, settings: settingsWith(ON) });
    await mirror.ready;
    void mirror.mirror({ sites: { ...ON, gmail: false } });
    await mirror.mirror({ sites: { ...ON, linkedin: false } });
    expect(await readSiteSwitches(browser.storage.local)).toEqual({ ...ON, linkedin: false });
  });

  it('writes nothing when nothing changed, so open tabs hear nothing', async () => {
    const mirror = mirrorSiteSwitches({ local: browser.storage.local, settings: settingsWith(ON) });
    await mirror.ready;
    const heard = vi.fn();
    browser.storage.onChanged.addListener(heard);
    await mirror.mirror({ sites: ON });
    expect(heard).not.toHaveBeenCalled();
    await mirror.mirror({ sites: { ...ON, gmail: false } });
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('logs a failed write and keeps going', async () => {
    const log = vi.fn();
    let fail = true;
    const local = {
      get: (keys: string[]) => browser.storage.local.get(keys),
      set: (items: Record<string, unknown>) => (fail ? Promise.reject(new Error('quota')) : browser.storage.local.set(items)),
    };
    const mirror = mirrorSiteSwitches({ local, settings: settingsWith({ ...ON, gmail: false }), log });
    await mirror.ready;
    expect(log).toHaveBeenCalledWith('could not mirror the site switches', expect.any(Error));
    fail = false;
    await mirror.mirror({ sites: { ...ON, gmail: false } });
    expect(await readSiteSwitches(browser.storage.local)).toEqual({ ...ON, gmail: false });
  });
});
