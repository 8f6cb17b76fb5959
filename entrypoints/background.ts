import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCommitmentService } from '../utils/background/commitments';
import { createCompanyService } from '../utils/background/companies';
import { createContactService } from '../utils/background/contacts';
import { createInteractionService } from '../utils/background/interactions';
import { createPitchService } from '../utils/background/pitches';
import { createSettingsService } from '../utils/background/settings';
import { createDispatcher } from '../utils/background/dispatch';
import { createTabContexts } from '../utils/background/tab-contexts';
import type { BroadcastEvent } from '../utils/messages/contract';
import { isLinkedInUrl } from '../utils/active-tab';
import { sidePanelApi, trackOpenPanels, type PanelEvents, type PanelHostApis } from '../utils/side-panel';
import { registerSidebarCommand } from '../utils/sidebar-command';
import { syncSidebarHost } from '../utils/sidebar-host-sync';
import { RapportDatabase } from '../utils/store/database';

export default defineBackground(() => {
  const workerStartedAt = Date.now();
  const db = new RapportDatabase();
  const tabs = createTabContexts(browser.storage.session);
  const settings = createSettingsService(db);

  const broadcast = (event: BroadcastEvent) => {
    // Reaches extension pages only; "no receiver" is normal when no sidebar is open.
    browser.runtime.sendMessage(event).catch(() => {});
  };

  const dispatch = createDispatcher({
    contacts: createContactService(db, Date.now),
    companies: createCompanyService(db, Date.now),
    interactions: createInteractionService(db, Date.now),
    commitments: createCommitmentService(db, Date.now),
    pitches: createPitchService(db, Date.now),
    settings,
    tabs,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    workerStartedAt,
    now: Date.now,
    broadcast,
    log: (message, error) => console.error(`[Rapport] ${message}`, error),
    onSettingsChanged: (settings) => void sidebarHost.mirror(settings),
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Broadcast events come back to the worker's own listener in some browsers: ignore them.
    if (message && typeof message === 'object' && 'event' in message) return false;
    dispatch(message, sender).then(sendResponse);
    return true;
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    void tabs.remove(tabId);
  });

  // Where the sidebar shows (in the page or the browser's side panel) and its keyboard shortcut.
  const panelApis = browser as unknown as PanelHostApis & { sidePanel?: PanelEvents };
  const panel = sidePanelApi(panelApis, trackOpenPanels(panelApis.sidePanel, browser.storage.session));
  const sidebarHost = syncSidebarHost({
    local: browser.storage.local,
    storageChanged: browser.storage.onChanged,
    settings,
    panel,
    onSettingChanged: () => broadcast({ rapport: 1, event: 'settings-changed' }),
    log: (message, error) => console.error(`[Rapport] ${message}`, error),
  });
  browser.runtime.onStartup.addListener(() => void sidebarHost.reapply());
  registerSidebarCommand({
    onCommand: browser.commands?.onCommand,
    local: browser.storage.local,
    storageChanged: browser.storage.onChanged,
    panel,
    tabShowsSidebar: async (tab) =>
      tab.id !== undefined && isLinkedInUrl(tab.url) && Boolean((await tabs.get(tab.id))?.context),
    log: (message, error) => console.error(`[Rapport] ${message}`, error),
  });
});
