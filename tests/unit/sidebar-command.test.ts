// The "toggle-sidebar" keyboard command: the pure decision, the wiring with WXT's fake browser
// (its commands.onCommand gets a working `trigger` in tests/unit/setup/fake-browser-extras.ts),
// and the registration in the real background entrypoint.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../entrypoints/background';
import type { SidePanelApi } from '../../utils/side-panel';
import { decideToggle, registerSidebarCommand, type ToggleInput } from '../../utils/sidebar-command';
import { readUiState, writeUiState } from '../../utils/ui-state';

beforeEach(() => {
  fakeBrowser.reset();
  Dexie.dependencies.indexedDB = new IDBFactory();
});

/** The fake's commands.onCommand, made triggerable by tests/unit/setup/fake-browser-extras.ts. */
const onCommand = () =>
  fakeBrowser.commands.onCommand as unknown as {
    trigger(command: string, tab?: { id?: number; windowId?: number; url?: string }): Promise<unknown[]>;
    hasListeners(): boolean;
  };

const base: ToggleInput = {
  host: 'page',
  collapsed: false,
  tabShowsSidebar: true,
  panelWasOpen: false,
  panelOpened: false,
  panelSettled: false,
};

describe('decideToggle', () => {
  it('in the page: folds an open sidebar and unfolds a folded one', () => {
    expect(decideToggle({ ...base, collapsed: false })).toEqual({ setCollapsed: true });
    expect(decideToggle({ ...base, collapsed: true })).toEqual({ setCollapsed: false });
  });

  it('in the page: does nothing on a tab without the sidebar', () => {
    expect(decideToggle({ ...base, tabShowsSidebar: false })).toEqual({});
    expect(decideToggle({ ...base, tabShowsSidebar: false, collapsed: true })).toEqual({});
  });

  it('in the page: closes a side panel the shortcut opened by mistake (panel not yet disabled)', () => {
    expect(decideToggle({ ...base, panelOpened: true })).toEqual({ closePanel: true, setCollapsed: true });
    // A panel that was already open is left alone (the user opened it).
    expect(decideToggle({ ...base, panelOpened: true, panelWasOpen: true })).toEqual({ setCollapsed: true });
  });

  it('in the side panel: the gesture opened it, so nothing more; an open one closes', () => {
    const panel = { ...base, host: 'side-panel' as const };
    expect(decideToggle({ ...panel, panelOpened: true })).toEqual({});
    expect(decideToggle({ ...panel, panelWasOpen: true, panelOpened: true })).toEqual({ closePanel: true });
    expect(decideToggle({ ...panel, panelWasOpen: true })).toEqual({ closePanel: true });
  });

  it('in the side panel: never touches the in-page state', () => {
    for (const collapsed of [false, true]) {
      for (const tabShowsSidebar of [false, true]) {
        const effects = decideToggle({ ...base, host: 'side-panel', collapsed, tabShowsSidebar, panelOpened: true });
        expect(effects.setCollapsed).toBeUndefined();
      }
    }
  });

  it('in the side panel: tries a late open if the gesture could not, and nothing once the browser toggled it', () => {
    expect(decideToggle({ ...base, host: 'side-panel' })).toEqual({ openPanel: true });
    expect(decideToggle({ ...base, host: 'side-panel', panelSettled: true, panelWasOpen: true })).toEqual({});
  });
});

/** A side panel that records what it was asked, Chrome-style: opens only when enabled. */
function fakePanel(options: { enabled: boolean; open: boolean }) {
  const calls: string[] = [];
  const state = { ...options };
  const panel: SidePanelApi = {
    kind: 'chrome-side-panel',
    openFromGesture: async () => {
      calls.push('open');
      state.open = true;
    },
    close: async (windowId) => {
      calls.push(`close ${windowId}`);
      state.open = false;
    },
    isOpen: async () => state.open,
    setEnabled: async (enabled) => {
      state.enabled = enabled;
    },
    startFromGesture(target) {
      calls.push(`gesture tab ${target.tabId} window ${target.windowId}`);
      const wasOpen = Promise.resolve(state.open);
      const opened = state.enabled;
      if (opened) state.open = true;
      return { wasOpen, opened: Promise.resolve(opened), settled: false };
    },
  };
  return { panel, calls, state };
}

const ADA_TAB = { id: 7, windowId: 1, url: 'https://www.linkedin.com/in/ada-lovelace/' };

function register(panel: SidePanelApi | null, tabShowsSidebar = async () => true) {
  const log = vi.fn();
  registerSidebarCommand({
    onCommand: browser.commands.onCommand,
    local: browser.storage.local,
    storageChanged: browser.storage.onChanged,
    panel,
    tabShowsSidebar,
    log,
  });
  return log;
}

describe('registerSidebarCommand', () => {
  it('folds and unfolds the in-page sidebar, for every tab, through storage.local', async () => {
    const { panel, calls } = fakePanel({ enabled: false, open: false });
    const log = register(panel);
    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: true, host: 'page' });
    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: false, host: 'page' });
    // The panel was asked inside each gesture (and refused, being disabled), never closed.
    expect(calls).toEqual(['gesture tab 7 window 1', 'gesture tab 7 window 1']);
    expect(log).not.toHaveBeenCalled();
  });

  it('ignores other commands', async () => {
    const { panel, calls } = fakePanel({ enabled: false, open: false });
    register(panel);
    await onCommand().trigger('_execute_action', ADA_TAB);
    expect(await browser.storage.local.get(null)).toEqual({});
    expect(calls).toEqual([]);
  });

  it('leaves the state alone on a tab without the sidebar', async () => {
    const tabShows = vi.fn(async () => false);
    register(fakePanel({ enabled: false, open: false }).panel, tabShows);
    const other = { id: 9, windowId: 1 };
    await onCommand().trigger('toggle-sidebar', other);
    expect(tabShows).toHaveBeenCalledWith(other);
    expect(await browser.storage.local.get(null)).toEqual({});
  });

  it('opens the side panel inside the gesture when it is the host, and closes it the next time', async () => {
    await writeUiState(browser.storage.local, { host: 'side-panel', collapsed: true });
    const { panel, calls, state } = fakePanel({ enabled: true, open: false });
    register(panel);
    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect(state.open).toBe(true);
    expect(calls).toEqual(['gesture tab 7 window 1']);
    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect(state.open).toBe(false);
    expect(calls).toEqual(['gesture tab 7 window 1', 'gesture tab 7 window 1', 'close 1']);
    // The in-page state is untouched.
    expect(await readUiState(browser.storage.local)).toEqual({ host: 'side-panel', collapsed: true });
  });

  it('closes a panel opened by mistake while the sidebar lives in the page', async () => {
    const { panel, calls, state } = fakePanel({ enabled: true, open: false });
    register(panel);
    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect(state.open).toBe(false);
    expect(calls).toEqual(['gesture tab 7 window 1', 'close 1']);
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: true, host: 'page' });
  });

  it('works without any side panel (folding only)', async () => {
    register(null);
    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: true, host: 'page' });
  });

  it('tells Firefox-style panels the host it last saw, so they can toggle inside the gesture', async () => {
    const seen: (string | undefined)[] = [];
    const panel: SidePanelApi = {
      ...fakePanel({ enabled: false, open: false }).panel,
      kind: 'firefox-sidebar',
      startFromGesture(_target, knownHost) {
        seen.push(knownHost);
        return { wasOpen: Promise.resolve(false), opened: Promise.resolve(false), settled: knownHost === 'side-panel' };
      },
    };
    await writeUiState(browser.storage.local, { host: 'page' });
    register(panel);
    await vi.waitFor(async () => {
      await onCommand().trigger('toggle-sidebar', { id: 3, windowId: 1 });
      expect(seen.at(-1)).toBe('page');
    });
    await writeUiState(browser.storage.local, { host: 'side-panel' });
    await onCommand().trigger('toggle-sidebar', { id: 3, windowId: 1 });
    expect(seen.at(-1)).toBe('side-panel');
  });

  it('logs, and does not throw, when storage fails', async () => {
    const log = vi.fn();
    registerSidebarCommand({
      onCommand: browser.commands.onCommand,
      local: { get: async () => ({}), set: () => Promise.reject(new Error('quota')) },
      storageChanged: browser.storage.onChanged,
      panel: null,
      tabShowsSidebar: async () => true,
      log,
    });
    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect(log).toHaveBeenCalledWith('the sidebar shortcut failed', expect.objectContaining({ message: 'quota' }));
  });
});

describe('the background entrypoint', () => {
  const SECRET = 'Command_test_frame_secret_0123456789abcdef';
  const context = {
    kind: 'linkedin-profile',
    url: ADA_TAB.url,
    slug: 'ada-lovelace',
    ready: true,
    name: 'Ada Lovelace',
    sources: {},
    missing: [],
  } as const;

  async function register(tabId: number) {
    let respond!: (answer: unknown) => void;
    const answered = new Promise((resolve) => (respond = resolve));
    const sender = { id: browser.runtime.id, url: ADA_TAB.url, tab: { id: tabId }, frameId: 0 };
    await fakeBrowser.runtime.onMessage.trigger(
      { rapport: 1, type: 'page.register', payload: { secret: SECRET, context } },
      sender as unknown as Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1],
      respond,
    );
    expect(await answered).toEqual({ ok: true, data: {} });
  }

  it('registers the shortcut: it folds the sidebar of a LinkedIn tab that shows one, not of other tabs', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    background.main();
    expect(onCommand().hasListeners()).toBe(true);
    await register(7);

    await onCommand().trigger('toggle-sidebar', { id: 8, windowId: 1, url: 'https://example.com/' });
    await onCommand().trigger('toggle-sidebar', { id: 9, windowId: 1, url: ADA_TAB.url });
    expect((await readUiState(browser.storage.local)).collapsed).toBe(false);

    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect((await readUiState(browser.storage.local)).collapsed).toBe(true);
    await onCommand().trigger('toggle-sidebar', ADA_TAB);
    expect((await readUiState(browser.storage.local)).collapsed).toBe(false);
  });
});
