// The "toggle-sidebar" keyboard command (manifest `commands`): shows or hides the sidebar
// wherever it lives. In the page it folds or unfolds the in-page sidebar (every tab follows,
// through the UI state in storage.local); in the browser's side panel it opens or closes it.
import type { GestureStart, SidePanelApi } from './side-panel';
import {
  parseUiState,
  readUiState,
  UI_STATE_KEYS,
  watchUiState,
  writeUiState,
  type LocalArea,
  type SidebarHost,
  type StorageChangedEvent,
} from './ui-state';

export const TOGGLE_SIDEBAR_COMMAND = 'toggle-sidebar';

export interface ToggleInput {
  host: SidebarHost;
  collapsed: boolean;
  /** The active tab shows Rapport's in-page sidebar (its page is about someone). */
  tabShowsSidebar: boolean;
  /** The side panel was open in the window before the command. */
  panelWasOpen: boolean;
  /** The command's gesture opened the side panel. */
  panelOpened: boolean;
  /** The browser already toggled the side panel itself (Firefox, host known in memory). */
  panelSettled: boolean;
}

export interface ToggleEffects {
  /** New value of the collapsed state. */
  setCollapsed?: boolean;
  closePanel?: true;
  /** Open the panel late (outside the gesture; the browser may refuse). */
  openPanel?: true;
}

/** What the command does, given what is known once the gesture's own calls have returned. */
export function decideToggle(input: ToggleInput): ToggleEffects {
  if (input.host === 'side-panel') {
    if (input.panelSettled) return {};
    if (input.panelWasOpen) return { closePanel: true };
    return input.panelOpened ? {} : { openPanel: true };
  }
  const effects: ToggleEffects = {};
  // The panel is disabled while the sidebar lives in the page; if it opened anyway (state not
  // applied yet), undo that.
  if (input.panelOpened && !input.panelWasOpen) effects.closePanel = true;
  // On a tab without the in-page sidebar there is nothing to show or hide: folding it there
  // would only surprise the user on the next profile.
  if (input.tabShowsSidebar) effects.setCollapsed = !input.collapsed;
  return effects;
}

export interface CommandTab {
  id?: number;
  windowId?: number;
  /** Present on the sites Rapport has host access to. */
  url?: string;
}

export interface CommandEvent {
  addListener(listener: (command: string, tab?: CommandTab) => unknown): void;
}

export interface SidebarCommandDeps {
  /** Missing where the browser has no keyboard commands (Firefox for Android). */
  onCommand: CommandEvent | undefined;
  local: LocalArea;
  storageChanged: StorageChangedEvent;
  panel: SidePanelApi | null;
  /** Whether the tab shows Rapport's in-page sidebar (its page registered who it is about). */
  tabShowsSidebar(tab: CommandTab): Promise<boolean>;
  log?: (message: string, error?: unknown) => void;
}

/**
 * Registers the command's listener (synchronously, so a command can wake the worker). The
 * listener resolves when the command's effects are applied.
 */
export function registerSidebarCommand(deps: SidebarCommandDeps): void {
  const { local, panel, onCommand } = deps;
  if (!onCommand) return;
  // The host as last seen, for Firefox, which must decide inside the gesture. A worker woken
  // by the command itself has not read it yet; Chrome does not need it.
  let knownHost: SidebarHost | undefined;
  void local
    .get([UI_STATE_KEYS.host])
    .then((items) => (knownHost ??= parseUiState(items).host))
    .catch(() => {});
  watchUiState(deps.storageChanged, (changed) => {
    if (changed.host) knownHost = changed.host;
  });

  onCommand.addListener((command, tab) => {
    if (command !== TOGGLE_SIDEBAR_COMMAND) return undefined;
    // Inside the gesture: nothing may be awaited before the panel is asked to open.
    const started = panel?.startFromGesture({ tabId: tab?.id, windowId: tab?.windowId }, knownHost);
    return toggle(tab, started).catch((error) => deps.log?.('the sidebar shortcut failed', error));
  });

  async function toggle(tab: CommandTab | undefined, started: GestureStart | undefined) {
    const [state, tabShowsSidebar, panelWasOpen, panelOpened] = await Promise.all([
      readUiState(local),
      tab ? deps.tabShowsSidebar(tab).catch(() => false) : false,
      started?.wasOpen ?? false,
      started?.opened ?? false,
    ]);
    const effects = decideToggle({
      ...state,
      tabShowsSidebar,
      panelWasOpen,
      panelOpened,
      panelSettled: started?.settled ?? false,
    });
    if (effects.setCollapsed !== undefined) await writeUiState(local, { collapsed: effects.setCollapsed });
    if (effects.closePanel) await panel?.close(tab?.windowId);
    if (effects.openPanel) await panel?.openFromGesture({ tabId: tab?.id, windowId: tab?.windowId });
  }
}
