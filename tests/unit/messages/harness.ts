// Shared fixtures for the message tests: a real dispatcher over a real (fake-indexeddb)
// RapportDatabase and an in-memory session area, with recorded broadcasts and a fixed clock.
import { vi } from 'vitest';
import { createCommitmentService, type CommitmentService } from '../../../utils/background/commitments';
import { createCompanyService, type CompanyService } from '../../../utils/background/companies';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import { createDispatcher, type DispatchDeps } from '../../../utils/background/dispatch';
import { createInteractionService, type InteractionService } from '../../../utils/background/interactions';
import { createMailService } from '../../../utils/background/mail';
import { createManagerService } from '../../../utils/background/manager';
import { createPitchService, type PitchService } from '../../../utils/background/pitches';
import { createSettingsService, type SettingsService } from '../../../utils/background/settings';
import { createTransferService } from '../../../utils/background/transfer';
import { createBulkService } from '../../../utils/background/bulk';
import { createMergeService } from '../../../utils/background/merge';
import { createBackupReminder } from '../../../utils/background/backup-reminder';
import { createReviewService } from '../../../utils/background/review';
import type { SenderInfo } from '../../../utils/background/sender';
import { createTabContexts, type SessionArea } from '../../../utils/background/tab-contexts';
import { createTicklers, type TicklerApis } from '../../../utils/background/ticklers';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BroadcastEvent, MessageType } from '../../../utils/messages/contract';
import type { ContactDraft } from '../../../utils/model/contact';
import type { PageContext } from '../../../utils/model/page-context';
import type { Settings } from '../../../utils/model/settings';
import { RapportDatabase } from '../../../utils/store/database';

export const EXT = 'kdjfhgkdjfhgkdjfhgkdjfhgkdjfhgkd';
export const ORIGIN = `chrome-extension://${EXT}/`;
export const OTHER_EXT = 'zzzzyyyyxxxxwwwwvvvvuuuuttttssss';

export const T0 = Date.UTC(2025, 0, 15, 9, 0, 0);
export const WORKER_STARTED_AT = T0 - 60_000;

/** Frame secrets of the right shape (base64url, 32..128 characters). */
export const SECRET_7 = 'S7_secret-for-tab-seven_AAAAAAAAAAAAAAAAAAAA';
export const SECRET_8 = 'S8_secret-for-tab-eight_BBBBBBBBBBBBBBBBBBBB';
export const WRONG_SECRET = 'Zz_not-the-registered-secret_CCCCCCCCCCCCCCCC';

/** The content script on tab 7's LinkedIn profile page. */
export const contentScript: SenderInfo = { id: EXT, url: 'https://www.linkedin.com/in/x/', tab: { id: 7 }, frameId: 0 };
export const contentScript8: SenderInfo = { id: EXT, url: 'https://www.linkedin.com/in/y/', tab: { id: 8 }, frameId: 0 };
/** The in-page sidebar: an extension page in a frame of tab 7. */
export const sidebarFrame: SenderInfo = { id: EXT, url: `${ORIGIN}sidebar.html`, tab: { id: 7 }, frameId: 3 };
export const sidebarFrame8: SenderInfo = { id: EXT, url: `${ORIGIN}sidebar.html`, tab: { id: 8 }, frameId: 5 };
/** A top-level extension page without a tab: the native side panel. */
export const sidePanel: SenderInfo = { id: EXT, url: `${ORIGIN}sidebar.html?tab=7` };
/** A top-level extension page in its own tab. */
export const extensionTab: SenderInfo = { id: EXT, url: `${ORIGIN}sidebar.html`, tab: { id: 9 }, frameId: 0 };
/** Unknown senders. */
export const otherExtension: SenderInfo = { id: OTHER_EXT, url: `chrome-extension://${OTHER_EXT}/page.html`, tab: { id: 7 }, frameId: 0 };
export const otherExtensionContent: SenderInfo = { id: OTHER_EXT, url: 'https://www.linkedin.com/in/x/', tab: { id: 7 }, frameId: 0 };
export const noIdSender: SenderInfo = { url: 'https://www.linkedin.com/in/x/', tab: { id: 7 }, frameId: 0 };
export const tablessContent: SenderInfo = { id: EXT, url: 'https://www.linkedin.com/in/x/' };
export const emptySender: SenderInfo = {};

export const adaContext = {
  kind: 'linkedin-profile',
  url: 'https://www.linkedin.com/in/ada-lovelace/',
  slug: 'ada-lovelace',
  ready: true,
  name: 'Ada Lovelace',
  headline: 'Analyst of engines',
  sources: { name: 'title', headline: 'json-ld' },
  missing: [],
} satisfies PageContext;

export const bobContext = {
  kind: 'linkedin-profile',
  url: 'https://www.linkedin.com/in/bob-babbage/',
  slug: 'bob-babbage',
  ready: true,
  name: 'Bob Babbage',
  sources: {},
  missing: ['headline'],
} satisfies PageContext;

/** Tab 7 on the company page of Ada's employer. */
export const enginesContext = {
  kind: 'linkedin-company',
  url: 'https://www.linkedin.com/company/analytical-engines/',
  slug: 'analytical-engines',
  ready: true,
  name: 'Analytical Engines',
  sources: { name: 'title' },
  missing: [],
} satisfies PageContext;

export const adaDraft = {
  name: 'Ada Lovelace',
  headline: 'Analyst of engines',
  company: 'Analytical Engines, Ltd.',
  linkedinSlug: 'ada-lovelace',
  linkedinUrl: 'https://www.linkedin.com/in/ada-lovelace/',
} satisfies ContactDraft;

/** The slice of storage.session the worker uses, in memory, cloning like the real one. */
export function createSessionArea() {
  const data = new Map<string, unknown>();
  const area = {
    data,
    async get(key: string) {
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items: Record<string, unknown>) {
      for (const [key, value] of Object.entries(items)) data.set(key, structuredClone(value));
    },
    async remove(key: string) {
      data.delete(key);
    },
  } satisfies SessionArea & { data: Map<string, unknown> };
  return area;
}

let databases = 0;

export interface HarnessOptions {
  area?: SessionArea & { data: Map<string, unknown> };
  contacts?: (real: ContactService) => ContactService;
  companies?: (real: CompanyService) => CompanyService;
  interactions?: (real: InteractionService) => InteractionService;
  commitments?: (real: CommitmentService) => CommitmentService;
  pitches?: (real: PitchService) => PitchService;
  settings?: (real: SettingsService) => SettingsService;
}

export function createHarness(options: HarnessOptions = {}) {
  const db = new RapportDatabase(`rapport-test-${++databases}`);
  const area = options.area ?? createSessionArea();
  const tabs = createTabContexts(area);
  let clock = T0;
  const now = () => clock;
  const broadcast = vi.fn<(event: BroadcastEvent) => void>();
  const log = vi.fn<(message: string, error?: unknown) => void>();
  const realContacts = createContactService(db, now);
  const realCompanies = createCompanyService(db, now);
  const realInteractions = createInteractionService(db, now);
  const realCommitments = createCommitmentService(db, now);
  const realPitches = createPitchService(db, now);
  const realSettings = createSettingsService(db);
  const onSettingsChanged = vi.fn<(settings: Settings) => void>();
  const ticklerApis: TicklerApis = {
    alarms: fakeBrowser.alarms,
    notifications: fakeBrowser.notifications,
    action: fakeBrowser.action,
    tabs: { create: async () => undefined },
    local: fakeBrowser.storage.local as unknown as TicklerApis['local'],
    getURL: (path) => `${ORIGIN}${path.replace(/^\//, '')}`,
  };
  const ticklers = createTicklers({ db, contacts: realContacts, apis: ticklerApis, now, notificationButtons: true, log });
  const mail = createMailService({ db, contacts: realContacts, interactions: realInteractions, settings: realSettings, now });
  const manager = createManagerService(db, now);
  const deps: DispatchDeps = {
    contacts: options.contacts ? options.contacts(realContacts) : realContacts,
    companies: options.companies ? options.companies(realCompanies) : realCompanies,
    interactions: options.interactions ? options.interactions(realInteractions) : realInteractions,
    mail,
    manager,
    commitments: options.commitments ? options.commitments(realCommitments) : realCommitments,
    pitches: options.pitches ? options.pitches(realPitches) : realPitches,
    settings: options.settings ? options.settings(realSettings) : realSettings,
    tabs,
    ticklers,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    workerStartedAt: WORKER_STARTED_AT,
    now,
    broadcast,
    onSettingsChanged,
    transfer: createTransferService(db, now),
    bulk: createBulkService(db, now),
    merge: createMergeService(db, now),
    review: createReviewService(db, realSettings, now),
    backup: createBackupReminder({
      apis: { ...ticklerApis, openPage: (path) => ticklerApis.tabs.create({ url: ticklerApis.getURL(path) }).then(() => {}) },
      settings: realSettings,
      now,
      log,
    }),
    log,
  };
  const dispatch = createDispatcher(deps);

  return {
    db,
    ticklers,
    manager,
    area,
    tabs,
    broadcast,
    onSettingsChanged,
    log,
    dispatch,
    advance(ms: number) {
      clock += ms;
    },
    now,
    /** Sends a well-formed envelope. */
    send(sender: SenderInfo, type: MessageType | string, payload: unknown, secret?: string) {
      return dispatch({ rapport: 1, type, payload, ...(secret === undefined ? {} : { secret }) }, sender);
    },
    /** Everything the worker could have written: every Dexie table and the session area. */
    async state() {
      const tables: Record<string, unknown[]> = {};
      for (const table of db.tables) tables[table.name] = await table.toArray();
      return { tables, session: Object.fromEntries(structuredClone([...area.data.entries()])) };
    },
    async counts() {
      const counts: Record<string, number> = {};
      for (const table of db.tables) counts[table.name] = await table.count();
      counts['session'] = area.data.size;
      return counts;
    },
  };
}
export type Harness = ReturnType<typeof createHarness>;
