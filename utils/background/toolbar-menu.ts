// The toolbar button's context menu (right-click on Rapport's icon): straight to the
// manager's sections without opening the popup first. Runs in the worker.

/** The entries, in menu order. Chrome shows at most 6 top-level entries in this menu. */
export const TOOLBAR_MENU = [
  { id: 'rapport-contacts', title: 'All contacts', path: '/manager.html' },
  { id: 'rapport-review', title: 'Weekly review', path: '/manager.html#view=review' },
  { id: 'rapport-duplicates', title: 'Find duplicates', path: '/manager.html#view=duplicates' },
  { id: 'rapport-transfer', title: 'Import, export and back up', path: '/manager.html#view=transfer' },
  { id: 'rapport-settings', title: 'Settings', path: '/manager.html#view=settings' },
] as const;

interface Tab {
  id?: number;
  url?: string;
  windowId?: number;
}

export interface ToolbarMenuApis {
  contextMenus: {
    removeAll(): Promise<void>;
    create(properties: { id: string; title: string; contexts: ['action'] }): unknown;
    onClicked: { addListener(listener: (info: { menuItemId: string | number }) => void): void };
  };
  tabs: {
    query(query: { url: string }): Promise<Tab[]>;
    update(id: number, properties: { active: boolean; url: string }): Promise<unknown>;
    create(properties: { url: string }): Promise<unknown>;
  };
  windows?: { update(id: number, properties: { focused: boolean }): Promise<unknown> };
  getURL(path: string): string;
  log(message: string, error?: unknown): void;
}

/**
 * Opens a manager section: in the manager tab already open (one manager is enough), else in a
 * new tab. The URL of a tab is only matched when the browser shows it to us, so an unreadable
 * one just means a new tab.
 */
export async function openManagerSection(apis: ToolbarMenuApis, path: string): Promise<void> {
  const url = apis.getURL(path);
  const page = apis.getURL('/manager.html');
  const open = (await apis.tabs.query({ url: `${page}*` }).catch(() => [] as Tab[])).find(
    (tab) => tab.id !== undefined && tab.url?.startsWith(page),
  );
  if (!open) {
    await apis.tabs.create({ url });
    return;
  }
  await apis.tabs.update(open.id!, { active: true, url });
  if (open.windowId !== undefined) await apis.windows?.update(open.windowId, { focused: true });
}

/**
 * Creates the entries (at install/update: the browser keeps them across worker restarts) and
 * listens for clicks (at every start: listeners don't survive the worker).
 */
export function registerToolbarMenu(apis: ToolbarMenuApis, onInstalled: { addListener(listener: () => void): void }) {
  onInstalled.addListener(() => {
    // removeAll first: an update re-runs this and ids must not collide.
    void apis.contextMenus
      .removeAll()
      .then(() => {
        for (const entry of TOOLBAR_MENU) apis.contextMenus.create({ id: entry.id, title: entry.title, contexts: ['action'] });
      })
      .catch((error: unknown) => apis.log('could not create the toolbar menu', error));
  });
  apis.contextMenus.onClicked.addListener((info) => {
    const entry = TOOLBAR_MENU.find((e) => e.id === info.menuItemId);
    if (entry) void openManagerSection(apis, entry.path).catch((error: unknown) => apis.log('could not open the manager', error));
  });
}
