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
import { RapportDatabase } from '../utils/store/database';

export default defineBackground(() => {
  const workerStartedAt = Date.now();
  const db = new RapportDatabase();
  const tabs = createTabContexts(browser.storage.session);

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
    settings: createSettingsService(db),
    tabs,
    extensionId: browser.runtime.id,
    extensionOrigin: browser.runtime.getURL('/'),
    workerStartedAt,
    now: Date.now,
    broadcast,
    log: (message, error) => console.error(`[Rapport] ${message}`, error),
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
});
