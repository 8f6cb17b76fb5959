// Keeps the `sidebarHost` setting (in the database, shown on the settings page) and its mirror
// in storage.local (read by content scripts, written by the sidebar's own "Open in side panel"
// and "Show in the page" buttons) in step, and enables Chrome's side panel only while it is
// the host. Runs in the worker.
import type { SidePanelApi } from './side-panel';
import {
  hasStoredHost,
  parseHost,
  readUiState,
  UI_STATE_KEYS,
  watchUiState,
  writeUiState,
  type LocalArea,
  type SidebarHost,
  type StorageChangedEvent,
} from './ui-state';

export interface HostSettings {
  get(): Promise<{ sidebarHost: SidebarHost }>;
  update(patch: { sidebarHost: SidebarHost }): Promise<unknown>;
}

export interface HostSyncDeps {
  local: LocalArea;
  storageChanged: StorageChangedEvent;
  settings: HostSettings;
  panel: Pick<SidePanelApi, 'setEnabled'> | null;
  /** The setting was changed here (not through `settings.update`): tell open settings pages. */
  onSettingChanged?: () => void;
  log?: (message: string, error?: unknown) => void;
}

export interface HostSync {
  /** Settles when the start-up work (first mirror, panel state) is done. */
  ready: Promise<void>;
  /** Call after the setting changed through `settings.update`: mirrors it for content scripts. */
  mirror(settings: { sidebarHost: SidebarHost }): Promise<void>;
  /** Applies the stored host again (e.g. on browser start-up). */
  reapply(): Promise<void>;
}

export function syncSidebarHost(deps: HostSyncDeps): HostSync {
  const { local, settings, panel } = deps;
  const log = (message: string, error?: unknown) => deps.log?.(message, error);

  // One change at a time, in the order they happened: the last one wins.
  let queue: Promise<void> = Promise.resolve();
  const serial = (task: () => Promise<void>) => {
    const next = queue.then(task).catch((error: unknown) => log('could not sync the sidebar host', error));
    queue = next;
    return next;
  };

  /** The host the panel was last switched for. */
  let applied: SidebarHost | undefined;
  const enablePanel = async (host: SidebarHost) => {
    applied = host;
    // Chrome only (a no-op elsewhere); a failure must not stop the setting from following.
    await panel?.setEnabled(host === 'side-panel').catch((error: unknown) => log('could not switch the side panel', error));
  };

  const start = async () => {
    const items = await local.get([UI_STATE_KEYS.host]);
    let host: SidebarHost;
    if (hasStoredHost(items)) {
      host = parseHost(items[UI_STATE_KEYS.host]);
    } else {
      // First start (or storage cleared): take the setting.
      host = (await settings.get()).sidebarHost;
      await writeUiState(local, { host });
    }
    await enablePanel(host);
  };

  watchUiState(deps.storageChanged, (changed) => {
    const host = changed.host;
    if (!host) return;
    void serial(async () => {
      // Our own first mirror, or a repeat: nothing to do.
      if (host === applied) return;
      await enablePanel(host);
      if ((await settings.get()).sidebarHost === host) return;
      await settings.update({ sidebarHost: host });
      deps.onSettingChanged?.();
    });
  });

  return {
    ready: serial(start),
    mirror: (next) =>
      serial(async () => {
        if ((await readUiState(local)).host !== next.sidebarHost) await writeUiState(local, { host: next.sidebarHost });
      }),
    reapply: () => serial(async () => enablePanel((await readUiState(local)).host)),
  };
}
