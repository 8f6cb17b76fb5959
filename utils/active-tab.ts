// The side panel shows the active tab of its own window and follows it: tab switches, the
// window regaining focus, and the tab itself moving to another site. Needs no "tabs"
// permission: tab ids are always visible, URLs only on the sites Rapport has host access to —
// exactly the ones it can say something about.
import { isLinkedInHost } from './linkedin/profile-url';

const MAIL_HOSTS = new Set(['mail.google.com', 'outlook.live.com', 'outlook.office.com', 'outlook.office365.com']);

export interface FollowedTab {
  tabId: number;
  /** The tab shows a site Rapport annotates (LinkedIn, Gmail, Outlook): its content script tells the worker who the page is about. */
  onSite: boolean;
  /** Which one (null when not on one). */
  site: 'linkedin' | 'gmail' | 'outlook' | null;
}

/** Whether one of Rapport's content scripts runs on `url` (see HOST_PATTERNS). */
export function isAnnotatedUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' && (isLinkedInHost(hostname) || MAIL_HOSTS.has(hostname));
  } catch {
    return false;
  }
}

/** Which of Rapport's sites a URL is on (null: none of them). */
export function annotatedSiteOf(url: string | undefined): 'linkedin' | 'gmail' | 'outlook' | null {
  if (!isAnnotatedUrl(url)) return null;
  const { hostname } = new URL(url!);
  if (isLinkedInHost(hostname)) return 'linkedin';
  return hostname === 'mail.google.com' ? 'gmail' : 'outlook';
}

interface TabLike {
  id?: number;
  windowId?: number;
  url?: string;
}

interface Event<L> {
  addListener(listener: L): void;
  removeListener(listener: L): void;
}

/** The slice of the tabs and windows APIs this needs (so tests can pass fakes). */
export interface TabApis {
  tabs: {
    query(query: { active: true; currentWindow: true }): Promise<TabLike[]>;
    onActivated: Event<(info: { tabId: number; windowId: number }) => void>;
    onUpdated: Event<(tabId: number, changeInfo: { status?: string; url?: string }, tab: TabLike) => void>;
  };
  windows: {
    onFocusChanged: Event<(windowId: number) => void>;
  };
}

/**
 * Calls `onChange` with the active tab of the caller's window now and whenever it changes
 * (same tab and same site: not repeated). Returns the function that stops following.
 */
export function followActiveTab(apis: TabApis, onChange: (tab: FollowedTab) => void): () => void {
  let windowId: number | undefined;
  let last: FollowedTab | undefined;
  let stopped = false;
  let generation = 0;

  const report = (tab: TabLike | undefined) => {
    if (stopped || tab?.id === undefined) return;
    if (tab.windowId !== undefined) windowId = tab.windowId;
    const site = annotatedSiteOf(tab.url);
    const next = { tabId: tab.id, onSite: site !== null, site };
    if (last && last.tabId === next.tabId && last.site === next.site) return;
    last = next;
    onChange(next);
  };

  const refresh = () => {
    // Only the newest query may report: answers can arrive out of order.
    const mine = ++generation;
    apis.tabs.query({ active: true, currentWindow: true }).then(
      (tabs) => mine === generation && report(tabs[0]),
      () => {},
    );
  };

  const activated = (info: { tabId: number; windowId: number }) => {
    if (windowId !== undefined && info.windowId !== windowId) return;
    refresh(); // The URL comes with the query.
  };
  const focused = () => refresh();
  const updated = (tabId: number, changeInfo: { status?: string; url?: string }, tab: TabLike) => {
    if (tabId !== last?.tabId || (changeInfo.url === undefined && changeInfo.status === undefined)) return;
    report({ ...tab, id: tabId });
  };

  apis.tabs.onActivated.addListener(activated);
  apis.windows.onFocusChanged.addListener(focused);
  apis.tabs.onUpdated.addListener(updated);
  refresh();

  return () => {
    stopped = true;
    apis.tabs.onActivated.removeListener(activated);
    apis.windows.onFocusChanged.removeListener(focused);
    apis.tabs.onUpdated.removeListener(updated);
  };
}
