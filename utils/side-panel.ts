// The browser's own side panel, behind one small interface: Chrome's `sidePanel` API or
// Firefox's `sidebarAction`. Both only open from a user gesture (a click, a keyboard
// command), and the gesture is lost at the first `await`: everything that opens must be
// called synchronously from the handler — hence the `...FromGesture` names.
import type { SidebarHost } from './ui-state';

export interface PanelTarget {
  tabId?: number;
  windowId?: number;
}

/** What a keyboard command started inside its gesture. */
export interface GestureStart {
  /** Whether the panel was open before the command (looked up before anything was opened). */
  wasOpen: Promise<boolean>;
  /** Whether the command opened the panel. */
  opened: Promise<boolean>;
  /** The browser toggled the panel itself: nothing is left to do for it. */
  settled: boolean;
}

export interface SidePanelApi {
  readonly kind: 'chrome-side-panel' | 'firefox-sidebar';
  /** Opens the panel. Call synchronously from a click or command handler. */
  openFromGesture(target: PanelTarget): Promise<void>;
  /** Closes the panel of a window (Firefox: call from a gesture too). */
  close(windowId: number | undefined): Promise<void>;
  isOpen(windowId: number | undefined): Promise<boolean>;
  /**
   * Chrome: the panel is enabled only while it is the chosen host, which lets a keyboard
   * command try to open it inside its gesture without first reading the setting (a disabled
   * panel refuses to open). Firefox has no such switch: a no-op.
   */
  setEnabled(enabled: boolean): Promise<void>;
  /** For a keyboard command, synchronously; `knownHost` is the host if already known in memory. */
  startFromGesture(target: PanelTarget, knownHost: SidebarHost | undefined): GestureStart;
}

// The few members used, typed here: the WXT types lack Firefox's sidebarAction, and tests
// pass fakes.
export interface ChromeSidePanelLike {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
  close?(options: { windowId: number }): Promise<void>;
  setOptions(options: { enabled?: boolean; path?: string }): Promise<void>;
}
export interface ChromeRuntimeLike {
  getContexts?(filter: { contextTypes: string[] }): Promise<{ windowId?: number }[]>;
}
export interface WindowsLike {
  getAll(filter: { windowTypes: string[] }): Promise<unknown[]>;
}
export interface FirefoxSidebarActionLike {
  open(): Promise<void>;
  close(): Promise<void>;
  toggle?(): Promise<void>;
  isOpen(details: { windowId?: number }): Promise<boolean>;
}
export interface PanelHostApis {
  sidePanel?: ChromeSidePanelLike;
  sidebarAction?: FirefoxSidebarActionLike;
  runtime?: ChromeRuntimeLike;
  windows?: WindowsLike;
}

/** Which windows have the panel open, where the browser reports it (see trackOpenPanels). */
export type OpenPanelLookup = (windowId: number) => Promise<boolean>;

/** Runs `call`, turning a synchronous throw (unsupported API, fakes) into a rejection. */
function attempt<T>(call: () => Promise<T> | T): Promise<T> {
  try {
    return Promise.resolve(call());
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The current window, as Chrome's APIs spell it. */
const WINDOW_ID_CURRENT = -2;

function chromePanel(apis: PanelHostApis & { sidePanel: ChromeSidePanelLike }, openWindows?: OpenPanelLookup): SidePanelApi {
  const { sidePanel, runtime, windows } = apis;
  const isOpen = (windowId: number | undefined) =>
    attempt(async () => {
      if (windowId === undefined) return false;
      if (openWindows) return openWindows(windowId);
      // Without the panel's own open/close events (before Chrome 142): the panel's context
      // names no window (-1), so it is only known to be in this one if there is no other.
      if (typeof runtime?.getContexts !== 'function') return false;
      const found = await runtime.getContexts({ contextTypes: ['SIDE_PANEL'] });
      if (found.some((c) => c.windowId === windowId)) return true;
      if (!found.some((c) => c.windowId === -1) || !windows) return false;
      return (await windows.getAll({ windowTypes: ['normal'] })).length === 1;
    });
  const open = (target: PanelTarget) =>
    sidePanel.open(target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId ?? WINDOW_ID_CURRENT });
  const openFromGesture = (target: PanelTarget) => {
    // Both calls leave in this same task, in order: enabling first cannot lose the gesture.
    const enabled = attempt(() => sidePanel.setOptions({ enabled: true }));
    const opened = attempt(() => open(target));
    return Promise.all([enabled.catch(() => {}), opened]).then(() => {});
  };
  return {
    kind: 'chrome-side-panel',
    openFromGesture,
    isOpen,
    close: (windowId) =>
      attempt(async () => {
        if (typeof sidePanel.close === 'function') {
          await sidePanel.close({ windowId: windowId ?? WINDOW_ID_CURRENT });
          return;
        }
        // Before Chrome 141: disabling the panel closes it; enable it again for next time.
        await sidePanel.setOptions({ enabled: false });
        await sidePanel.setOptions({ enabled: true });
      }),
    setEnabled: (enabled) => attempt(() => sidePanel.setOptions({ enabled })),
    startFromGesture(target) {
      // Look first, then open: the lookup reaches the browser before the panel starts loading.
      const wasOpen = isOpen(target.windowId).catch(() => false);
      const opened = attempt(() => open(target)).then(
        () => true,
        () => false, // Disabled (the sidebar is in the page) or unsupported.
      );
      return { wasOpen, opened, settled: false };
    },
  };
}

function firefoxSidebar(sidebarAction: FirefoxSidebarActionLike): SidePanelApi {
  const isOpen = (windowId: number | undefined) =>
    attempt(() => sidebarAction.isOpen(windowId !== undefined ? { windowId } : {}));
  return {
    kind: 'firefox-sidebar',
    openFromGesture: () => attempt(() => sidebarAction.open()),
    close: () => attempt(() => sidebarAction.close()),
    isOpen,
    setEnabled: async () => {},
    startFromGesture(target, knownHost) {
      // Firefox cannot be asked "open only if enabled": toggle only when the host is known.
      if (knownHost === 'side-panel' && typeof sidebarAction.toggle === 'function') {
        void attempt(() => sidebarAction.toggle!()).catch(() => {});
        return { wasOpen: Promise.resolve(false), opened: Promise.resolve(false), settled: true };
      }
      return { wasOpen: isOpen(target.windowId).catch(() => false), opened: Promise.resolve(false), settled: false };
    },
  };
}

/**
 * The side panel of this browser, or null where there is none (e.g. Firefox for Android).
 * `openWindows` (the worker's, from trackOpenPanels) tells which windows show the panel.
 */
export function sidePanelApi(apis: PanelHostApis | undefined, openWindows?: OpenPanelLookup | null): SidePanelApi | null {
  if (!apis) return null;
  const { sidePanel, sidebarAction } = apis;
  if (typeof sidePanel?.open === 'function') return chromePanel({ ...apis, sidePanel }, openWindows ?? undefined);
  if (typeof sidebarAction?.open === 'function') return firefoxSidebar(sidebarAction);
  return null;
}

interface PanelEvent {
  addListener(listener: (info: { windowId: number }) => void): void;
}
export interface PanelEvents {
  onOpened?: PanelEvent;
  onClosed?: PanelEvent;
}
export interface SessionLike {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

const OPEN_WINDOWS_KEY = 'sidePanel.openWindows';

/**
 * Keeps, in storage.session (it survives the worker, not the browser — nor do open panels),
 * the windows whose side panel is open, from Chrome's onOpened/onClosed (Chrome 142+). Null
 * where the browser has no such events. Register at the worker's start.
 */
export function trackOpenPanels(events: PanelEvents | undefined, area: SessionLike): OpenPanelLookup | null {
  const { onOpened, onClosed } = events ?? {};
  if (typeof onOpened?.addListener !== 'function' || typeof onClosed?.addListener !== 'function') return null;
  const read = async () => {
    const value = (await area.get(OPEN_WINDOWS_KEY))[OPEN_WINDOWS_KEY];
    return Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [];
  };
  let queue: Promise<void> = Promise.resolve();
  const update = (change: (ids: number[]) => number[]) => {
    queue = queue.then(async () => area.set({ [OPEN_WINDOWS_KEY]: change(await read()) })).catch(() => {});
  };
  onOpened.addListener(({ windowId }) => update((ids) => (ids.includes(windowId) ? ids : [...ids, windowId])));
  onClosed.addListener(({ windowId }) => update((ids) => ids.filter((id) => id !== windowId)));
  return async (windowId) => (await read()).includes(windowId);
}
