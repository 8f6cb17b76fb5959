// The sidebar's UI state, kept in `storage.local` so that every tab, the side panel and the
// worker agree on it and it survives restarts. It holds no notes and nothing about anyone:
// content scripts may read it (they decide from it whether to mount the in-page frame, and at
// which size). Zod-free on purpose: content scripts carry no schema library.

/** Where the sidebar shows: inside the page, or in the browser's own side panel / sidebar. */
export type SidebarHost = 'page' | 'side-panel';

export interface UiState {
  /** The in-page sidebar is folded to a small handle at the right edge (every tab at once). */
  collapsed: boolean;
  /** Mirrors the `sidebarHost` setting (the worker keeps the two in step). */
  host: SidebarHost;
}

/** The storage.local keys, one per field. */
export const UI_STATE_KEYS = {
  collapsed: 'ui.sidebarCollapsed',
  host: 'ui.sidebarHost',
} as const satisfies Record<keyof UiState, string>;

const ALL_KEYS = Object.values(UI_STATE_KEYS);

export const DEFAULT_UI_STATE: Readonly<UiState> = { collapsed: false, host: 'page' };

/** Only a stored `true` collapses: anything else (missing, corrupt) shows the sidebar. */
export function parseCollapsed(value: unknown): boolean {
  return value === true;
}

/** Only a stored `'side-panel'` moves the sidebar out of the page. */
export function parseHost(value: unknown): SidebarHost {
  return value === 'side-panel' ? 'side-panel' : 'page';
}

/** The UI state from a `storage.local.get` result; unknown keys are ignored, bad values default. */
export function parseUiState(items: Record<string, unknown> | null | undefined): UiState {
  return {
    collapsed: parseCollapsed(items?.[UI_STATE_KEYS.collapsed]),
    host: parseHost(items?.[UI_STATE_KEYS.host]),
  };
}

/** Whether the stored items name a host at all (a fresh install has none yet). */
export function hasStoredHost(items: Record<string, unknown> | null | undefined): boolean {
  return items?.[UI_STATE_KEYS.host] !== undefined;
}

export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;

/**
 * The fields a `storage.onChanged` event changed, parsed; other keys and other areas are
 * ignored. A removed key reads as its default.
 */
export function uiStateChanges(changes: StorageChanges, areaName: string): Partial<UiState> {
  if (areaName !== 'local') return {};
  const changed: Partial<UiState> = {};
  if (Object.hasOwn(changes, UI_STATE_KEYS.collapsed)) {
    changed.collapsed = parseCollapsed(changes[UI_STATE_KEYS.collapsed]?.newValue);
  }
  if (Object.hasOwn(changes, UI_STATE_KEYS.host)) changed.host = parseHost(changes[UI_STATE_KEYS.host]?.newValue);
  return changed;
}

/** The storage items that record `patch`. */
export function uiStateItems(patch: Partial<UiState>): Record<string, unknown> {
  const items: Record<string, unknown> = {};
  if (patch.collapsed !== undefined) items[UI_STATE_KEYS.collapsed] = patch.collapsed;
  if (patch.host !== undefined) items[UI_STATE_KEYS.host] = patch.host;
  return items;
}

// ---- Thin storage wiring (the area and event are passed in, so tests can use fakes). ----

export interface LocalArea {
  get(keys: string[]): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

export interface StorageChangedEvent {
  addListener(listener: (changes: StorageChanges, areaName: string) => void): void;
  removeListener(listener: (changes: StorageChanges, areaName: string) => void): void;
}

/** The stored UI state; defaults if storage cannot be read. */
export async function readUiState(area: LocalArea): Promise<UiState> {
  try {
    return parseUiState(await area.get(ALL_KEYS));
  } catch {
    return { ...DEFAULT_UI_STATE };
  }
}

export function writeUiState(area: LocalArea, patch: Partial<UiState>): Promise<void> {
  return area.set(uiStateItems(patch));
}

/** Calls `listener` with each change to the UI state (from any tab or page); returns the unsubscribe. */
export function watchUiState(event: StorageChangedEvent, listener: (changed: Partial<UiState>) => void): () => void {
  const handle = (changes: StorageChanges, areaName: string) => {
    const changed = uiStateChanges(changes, areaName);
    if (Object.keys(changed).length) listener(changed);
  };
  event.addListener(handle);
  return () => event.removeListener(handle);
}
