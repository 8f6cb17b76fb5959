// The side panel adapters: what must happen synchronously inside a user gesture does.
import { describe, expect, it, vi } from 'vitest';
import { sidePanelApi, trackOpenPanels, type ChromeSidePanelLike, type FirefoxSidebarActionLike } from '../../utils/side-panel';

function chromeFake(options: {
  enabled: boolean;
  open?: boolean;
  close?: boolean;
  getContexts?: boolean;
  windows?: number;
  openWindows?: (windowId: number) => Promise<boolean>;
}) {
  const calls: string[] = [];
  const state = { enabled: options.enabled, open: options.open ?? false };
  const sidePanel: ChromeSidePanelLike = {
    open(target) {
      calls.push(`open ${JSON.stringify(target)}`);
      if (!state.enabled) return Promise.reject(new Error('No active side panel'));
      state.open = true;
      return Promise.resolve();
    },
    setOptions(o) {
      calls.push(`setOptions ${JSON.stringify(o)}`);
      if (o.enabled !== undefined) state.enabled = o.enabled;
      if (o.enabled === false) state.open = false;
      return Promise.resolve();
    },
    ...(options.close === false
      ? {}
      : {
          close(o: { windowId: number }) {
            calls.push(`close ${JSON.stringify(o)}`);
            state.open = false;
            return Promise.resolve();
          },
        }),
  };
  const runtime =
    options.getContexts === false
      ? {}
      : {
          getContexts(filter: { contextTypes: string[] }) {
            calls.push(`getContexts ${JSON.stringify(filter)}`);
            // As Chrome reports the global panel: in no particular window.
            return Promise.resolve(state.open ? [{ contextType: 'SIDE_PANEL', windowId: -1 }] : []);
          },
        };
  const windows = {
    getAll: async () => Array.from({ length: options.windows ?? 1 }, (_, i) => ({ id: i + 1 })),
  };
  return { api: sidePanelApi({ sidePanel, runtime, windows }, options.openWindows)!, calls, state };
}

describe('sidePanelApi', () => {
  it('finds no panel where the browser has none', () => {
    expect(sidePanelApi(undefined)).toBeNull();
    expect(sidePanelApi({})).toBeNull();
    expect(sidePanelApi({ runtime: {} })).toBeNull();
  });

  it('Chrome: a click enables and opens in the same task, for the tab', () => {
    const { api, calls } = chromeFake({ enabled: false });
    expect(api.kind).toBe('chrome-side-panel');
    const done = api.openFromGesture({ tabId: 5 });
    // Both calls were made before anything was awaited.
    expect(calls).toEqual(['setOptions {"enabled":true}', 'open {"tabId":5}']);
    return expect(done).resolves.toBeUndefined();
  });

  it('Chrome: without a known tab, opens in the current window', async () => {
    const { api, calls } = chromeFake({ enabled: true });
    await api.openFromGesture({});
    expect(calls).toContain('open {"windowId":-2}');
  });

  it('Chrome: a failed open rejects with the reason', async () => {
    const sidePanel: ChromeSidePanelLike = {
      open: () => Promise.reject(new Error('may only be called in response to a user gesture')),
      setOptions: () => Promise.resolve(),
    };
    await expect(sidePanelApi({ sidePanel })!.openFromGesture({ tabId: 1 })).rejects.toThrow('user gesture');
  });

  it('Chrome: a command looks first, then opens, both before any await; a disabled panel does not open', async () => {
    const disabled = chromeFake({ enabled: false });
    const started = disabled.api.startFromGesture({ tabId: 5, windowId: 2 }, undefined);
    expect(disabled.calls).toEqual(['getContexts {"contextTypes":["SIDE_PANEL"]}', 'open {"tabId":5}']);
    expect(await started.wasOpen).toBe(false);
    expect(await started.opened).toBe(false);
    expect(started.settled).toBe(false);

    const enabled = chromeFake({ enabled: true });
    const opening = enabled.api.startFromGesture({ tabId: 5, windowId: 2 }, 'page');
    expect(await opening.wasOpen).toBe(false);
    expect(await opening.opened).toBe(true);

    const open = chromeFake({ enabled: true, open: true });
    expect(await open.api.startFromGesture({ tabId: 5, windowId: 2 }, undefined).wasOpen).toBe(true);
  });

  it('Chrome: closes with close() where it exists, else by switching the panel off and on', async () => {
    const modern = chromeFake({ enabled: true, open: true });
    await modern.api.close(3);
    expect(modern.calls).toEqual(['close {"windowId":3}']);
    expect(modern.state.open).toBe(false);

    const older = chromeFake({ enabled: true, open: true, close: false });
    await older.api.close(3);
    expect(older.calls).toEqual(['setOptions {"enabled":false}', 'setOptions {"enabled":true}']);
    expect(older.state).toEqual({ enabled: true, open: false });
  });

  it('Chrome: knows the panel is open in a window from its open/close events, when it has them', async () => {
    const lookups: number[] = [];
    const { api, calls } = chromeFake({
      enabled: true,
      open: true,
      openWindows: async (windowId) => {
        lookups.push(windowId);
        return windowId === 2;
      },
    });
    const started = api.startFromGesture({ tabId: 5, windowId: 2 }, undefined);
    expect(lookups).toEqual([2]); // asked before open, synchronously
    expect(calls).toEqual(['open {"tabId":5}']);
    expect(await started.wasOpen).toBe(true);
    expect(await api.isOpen(3)).toBe(false);
    expect(await api.isOpen(undefined)).toBe(false);
  });

  it('Chrome: without those events, a panel in no particular window is this one only if there is no other', async () => {
    expect(await chromeFake({ enabled: true, open: true, windows: 1 }).api.isOpen(2)).toBe(true);
    expect(await chromeFake({ enabled: true, open: true, windows: 2 }).api.isOpen(2)).toBe(false);
    expect(await chromeFake({ enabled: true, open: false, windows: 1 }).api.isOpen(2)).toBe(false);
    const inWindow = sidePanelApi({
      sidePanel: { open: async () => {}, setOptions: async () => {} },
      runtime: { getContexts: async () => [{ windowId: 2 }] },
      windows: { getAll: async () => [{}, {}, {}] },
    })!;
    expect(await inWindow.isOpen(2)).toBe(true);
    expect(await inWindow.isOpen(4)).toBe(false);
  });

  it('Chrome: without runtime.getContexts, assumes closed', async () => {
    const { api } = chromeFake({ enabled: true, open: true, getContexts: false });
    expect(await api.isOpen(1)).toBe(false);
  });

  it('Chrome: an API that throws synchronously (unsupported, or a test fake) rejects instead', async () => {
    const sidePanel = {
      open: () => {
        throw new Error('not implemented');
      },
      setOptions: () => {
        throw new Error('not implemented');
      },
    } as unknown as ChromeSidePanelLike;
    const api = sidePanelApi({ sidePanel })!;
    await expect(api.setEnabled(true)).rejects.toThrow('not implemented');
    await expect(api.openFromGesture({ tabId: 1 })).rejects.toThrow('not implemented');
    expect(await api.startFromGesture({ tabId: 1 }, undefined).opened).toBe(false);
  });

  it('Firefox: toggles its sidebar inside the gesture only when the host is known to be the panel', async () => {
    const calls: string[] = [];
    const sidebarAction: FirefoxSidebarActionLike = {
      open: async () => void calls.push('open'),
      close: async () => void calls.push('close'),
      toggle: async () => void calls.push('toggle'),
      isOpen: async () => true,
    };
    const api = sidePanelApi({ sidebarAction })!;
    expect(api.kind).toBe('firefox-sidebar');
    const known = api.startFromGesture({ windowId: 1 }, 'side-panel');
    expect(calls).toEqual(['toggle']);
    expect(known.settled).toBe(true);

    const inPage = api.startFromGesture({ windowId: 1 }, 'page');
    expect(inPage.settled).toBe(false);
    expect(await inPage.wasOpen).toBe(true);
    expect(await inPage.opened).toBe(false);
    expect(calls).toEqual(['toggle']);

    await api.openFromGesture({});
    await api.close(undefined);
    await api.setEnabled(false);
    expect(calls).toEqual(['toggle', 'open', 'close']);
  });
});

describe('trackOpenPanels', () => {
  function events() {
    const listeners = { opened: [] as ((i: { windowId: number }) => void)[], closed: [] as ((i: { windowId: number }) => void)[] };
    return {
      listeners,
      onOpened: { addListener: (l: (i: { windowId: number }) => void) => void listeners.opened.push(l) },
      onClosed: { addListener: (l: (i: { windowId: number }) => void) => void listeners.closed.push(l) },
    };
  }
  function session() {
    const data: Record<string, unknown> = {};
    return {
      data,
      get: async (key: string) => ({ [key]: data[key] }),
      set: async (items: Record<string, unknown>) => void Object.assign(data, items),
    };
  }

  it('is unavailable without both events', () => {
    expect(trackOpenPanels(undefined, session())).toBeNull();
    expect(trackOpenPanels({ onOpened: events().onOpened }, session())).toBeNull();
  });

  it('records the windows whose panel opened, until it closes, in session storage', async () => {
    const e = events();
    const area = session();
    const isOpen = trackOpenPanels(e, area)!;
    expect(await isOpen(1)).toBe(false);
    e.listeners.opened.forEach((l) => l({ windowId: 1 }));
    e.listeners.opened.forEach((l) => l({ windowId: 2 }));
    e.listeners.opened.forEach((l) => l({ windowId: 1 }));
    e.listeners.closed.forEach((l) => l({ windowId: 2 }));
    await vi.waitFor(async () => expect(area.data['sidePanel.openWindows']).toEqual([1]));
    expect(await isOpen(1)).toBe(true);
    expect(await isOpen(2)).toBe(false);
    // A restarted worker reads the same record.
    expect(await trackOpenPanels(events(), area)!(1)).toBe(true);
  });
});
