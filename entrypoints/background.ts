import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createCommitmentService } from '../utils/background/commitments';
import { createCompanyService } from '../utils/background/companies';
import { createContactService } from '../utils/background/contacts';
import { createInteractionService } from '../utils/background/interactions';
import { createMailService } from '../utils/background/mail';
import { createManagerService } from '../utils/background/manager';
import { createIndexCache } from '../utils/background/manager-index-cache';
import { createPitchService } from '../utils/background/pitches';
import { createSettingsService } from '../utils/background/settings';
import { createDispatcher } from '../utils/background/dispatch';
import { createTabContexts, forgetOnSiteChange } from '../utils/background/tab-contexts';
import { createTicklers } from '../utils/background/ticklers';
import { createTransferService } from '../utils/background/transfer';
import { createBulkService } from '../utils/background/bulk';
import { createMergeService } from '../utils/background/merge';
import { createBackupReminder } from '../utils/background/backup-reminder';
import { createReviewService } from '../utils/background/review';
import type { BroadcastEvent } from '../utils/messages/contract';
import { isAnnotatedUrl } from '../utils/active-tab';
import { sidePanelApi, trackOpenPanels, type PanelEvents, type PanelHostApis } from '../utils/side-panel';
import { registerSidebarCommand } from '../utils/sidebar-command';
import { mirrorSiteSwitches } from '../utils/site-switch';
import { openManagerSection, registerToolbarMenu, type ToolbarMenuApis } from '../utils/background/toolbar-menu';
import { syncSidebarHost } from '../utils/sidebar-host-sync';
import { RapportDatabase } from '../utils/store/database';
import { signalStoreChanged } from '../utils/webmail/store-signal';

export default defineBackground(() => {
  const workerStartedAt = Date.now();
  const db = new RapportDatabase();
  const tabs = createTabContexts(browser.storage.session);
  const settings = createSettingsService(db);
  // The manager page's list, cached in memory: every contacts-changed makes its rows stale.
  const manager = createManagerService(db, Date.now, {
    // Its search index outlives the worker (a snapshot, checked against the store when loaded).
    cache: createIndexCache(),
    log: (message, error) => console.error(`[Rapport] ${message}`, error),
  });

  const broadcast = (event: BroadcastEvent) => {
    if (event.event === 'contacts-changed') manager.invalidate(event.ids);
    // Reaches extension pages only; "no receiver" is normal when no sidebar is open.
    browser.runtime.sendMessage(event).catch(() => {});
    // Content scripts (the mail badges' caches) hear of store changes through storage.
    if (event.event === 'contacts-changed') void signalStoreChanged(browser.storage.local, event.ids);
  };

  const contacts = createContactService(db, Date.now);
  const logError = (message: string, error?: unknown) => console.error(`[Rapport] ${message}`, error);

  // Follow-up reminders. Recomputed at EVERY start of this script (alarms are not guaranteed
  // to survive a restart; the worker itself is stopped whenever idle), at install/update and
  // browser start, on the alarms, and after every write that can change what is due.
  const ticklers = createTicklers({
    db,
    contacts,
    apis: {
      alarms: browser.alarms,
      notifications: browser.notifications,
      action: browser.action,
      tabs: browser.tabs,
      local: browser.storage.local,
      getURL: (path) => browser.runtime.getURL(path as '/'),
    },
    now: Date.now,
    // Firefox's notifications have no buttons: clicking opens the contact, actions are there.
    notificationButtons: !import.meta.env.FIREFOX,
    onContactsChanged: (ids) => broadcast({ rapport: 1, event: 'contacts-changed', ids }),
    onChanged: () => broadcast({ rapport: 1, event: 'ticklers-changed' }),
    log: logError,
  });
  const wake = () => void ticklers.wake().catch((error) => logError('tickler wake failed', error));
  browser.alarms.onAlarm.addListener((alarm) => void ticklers.onAlarm(alarm).catch((error) => logError('alarm failed', error)));
  browser.notifications.onClicked.addListener(
    (id) => void ticklers.onClicked(id).catch((error) => logError('notification click failed', error)),
  );
  browser.notifications.onButtonClicked?.addListener(
    (id, index) => void ticklers.onButtonClicked(id, index).catch((error) => logError('notification button failed', error)),
  );
  browser.runtime.onInstalled.addListener(wake);
  // Right-click on the toolbar button: the manager's sections.
  const menuApis: ToolbarMenuApis = {
    contextMenus: browser.contextMenus,
    tabs: browser.tabs,
    windows: browser.windows,
    getURL: (path) => browser.runtime.getURL(path as '/'),
    log: logError,
  };
  registerToolbarMenu(menuApis, browser.runtime.onInstalled);
  browser.runtime.onStartup.addListener(wake);
  wake();

  // The opt-in weekly backup reminder: its alarm is re-created from storage at every start of
  // this script, like the ticklers'; its alarm and notification are told apart by name.
  const backupReminder = createBackupReminder({
    apis: {
      alarms: browser.alarms,
      notifications: browser.notifications,
      openPage: (path) => openManagerSection(menuApis, path),
      local: browser.storage.local,
      getURL: (path) => browser.runtime.getURL(path as '/'),
    },
    settings,
    now: Date.now,
    log: logError,
  });
  const syncBackupReminder = () => void backupReminder.sync().catch((error) => logError('backup reminder failed', error));
  browser.alarms.onAlarm.addListener((alarm) => void backupReminder.onAlarm(alarm).catch((error) => logError('backup alarm failed', error)));
  browser.notifications.onClicked.addListener(
    (id) => void backupReminder.onClicked(id).catch((error) => logError('backup notification click failed', error)),
  );
  syncBackupReminder();

  const interactions = createInteractionService(db, Date.now);
  const dispatch = createDispatcher({
    contacts,
    companies: createCompanyService(db, Date.now),
    interactions,
    mail: createMailService({ db, contacts, interactions, settings, now: Date.now }),
    manager,
    commitments: createCommitmentService(db, Date.now),
    pitches: createPitchService(db, Date.now),
    settings,
    tabs,
    ticklers,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    workerStartedAt,
    now: Date.now,
    broadcast,
    log: logError,
    afterWrite: ticklers.afterWrite,
    onSettingsChanged: (settings) => {
      void sidebarHost.mirror(settings);
      void siteSwitches.mirror(settings);
      syncBackupReminder();
    },
    transfer: createTransferService(db, Date.now),
    bulk: createBulkService(db, Date.now),
    merge: createMergeService(db, Date.now),
    review: createReviewService(db, settings, Date.now),
    backup: backupReminder,
  });

  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    // Broadcast events come back to the worker's own listener in some browsers: ignore them.
    if (message && typeof message === 'object' && 'event' in message) return false;
    dispatch(message, sender).then(sendResponse);
    return true;
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // URLs are visible only on Rapport's own sites: exactly where a stale context could show.
    void forgetOnSiteChange(tabs, tabId, change.url).then(
      (forgot) => forgot && broadcast({ rapport: 1, event: 'tab-context-changed', tabId }),
      (error) => logError('could not forget a tab context', error),
    );
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
  // Each site's on/off switch, for the content scripts (which cannot read the database).
  const siteSwitches = mirrorSiteSwitches({ local: browser.storage.local, settings, log: logError });
  registerSidebarCommand({
    onCommand: browser.commands?.onCommand,
    local: browser.storage.local,
    storageChanged: browser.storage.onChanged,
    panel,
    tabShowsSidebar: async (tab) =>
      tab.id !== undefined && isAnnotatedUrl(tab.url) && Boolean((await tabs.get(tab.id))?.context),
    log: (message, error) => console.error(`[Rapport] ${message}`, error),
  });
});
