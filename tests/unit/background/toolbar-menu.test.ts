import { describe, expect, it, vi } from 'vitest';
import { openManagerSection, registerToolbarMenu, TOOLBAR_MENU, type ToolbarMenuApis } from '../../../utils/background/toolbar-menu';

const BASE = 'chrome-extension://abc';

function fakeApis(tabs: { id?: number; url?: string; windowId?: number }[] = []) {
  let clicked: ((info: { menuItemId: string | number }) => void) | undefined;
  const apis = {
    contextMenus: {
      removeAll: vi.fn(async () => {}),
      create: vi.fn(),
      onClicked: { addListener: (listener: typeof clicked) => (clicked = listener) },
    },
    tabs: {
      query: vi.fn(async () => tabs),
      update: vi.fn(async () => ({})),
      create: vi.fn(async () => ({})),
    },
    windows: { update: vi.fn(async () => ({})) },
    getURL: (path: string) => `${BASE}${path}`,
    log: vi.fn(),
  } satisfies ToolbarMenuApis;
  return { apis, click: (id: string | number) => clicked!({ menuItemId: id }) };
}

const flush = () => new Promise((done) => setTimeout(done, 0));

describe('toolbar menu', () => {
  it('creates every entry on the toolbar button at install, after clearing old ones', async () => {
    const { apis } = fakeApis();
    let installed: (() => void) | undefined;
    registerToolbarMenu(apis, { addListener: (l) => (installed = l) });
    expect(apis.contextMenus.create).not.toHaveBeenCalled();
    installed!();
    await flush();
    expect(apis.contextMenus.removeAll).toHaveBeenCalledTimes(1);
    expect(apis.contextMenus.create.mock.calls.map(([p]) => p)).toEqual(
      TOOLBAR_MENU.map((e) => ({ id: e.id, title: e.title, contexts: ['action'] })),
    );
    expect(TOOLBAR_MENU.length).toBeLessThanOrEqual(6);
  });

  it('opens the section in a new tab when no manager is open', async () => {
    const { apis, click } = fakeApis([{ id: 4, url: 'https://www.linkedin.com/in/x/' }]);
    registerToolbarMenu(apis, { addListener: () => {} });
    click('rapport-review');
    await flush();
    expect(apis.tabs.create).toHaveBeenCalledWith({ url: `${BASE}/manager.html#view=review` });
    expect(apis.tabs.update).not.toHaveBeenCalled();
  });

  it('reuses an open manager tab and focuses its window', async () => {
    const { apis } = fakeApis([{ id: 9, url: `${BASE}/manager.html#contact=3`, windowId: 2 }]);
    await openManagerSection(apis, '/manager.html#view=settings');
    expect(apis.tabs.update).toHaveBeenCalledWith(9, { active: true, url: `${BASE}/manager.html#view=settings` });
    expect(apis.windows.update).toHaveBeenCalledWith(2, { focused: true });
    expect(apis.tabs.create).not.toHaveBeenCalled();
  });

  it('opens a new tab when the tab query fails or hides URLs', async () => {
    const { apis } = fakeApis([{ id: 9 }]);
    await openManagerSection(apis, '/manager.html');
    expect(apis.tabs.create).toHaveBeenCalledWith({ url: `${BASE}/manager.html` });
    apis.tabs.query.mockRejectedValueOnce(new Error('no'));
    await openManagerSection(apis, '/manager.html');
    expect(apis.tabs.create).toHaveBeenCalledTimes(2);
  });

  it('ignores clicks on entries that are not its own', async () => {
    const { apis, click } = fakeApis();
    registerToolbarMenu(apis, { addListener: () => {} });
    click('something-else');
    await flush();
    expect(apis.tabs.create).not.toHaveBeenCalled();
  });
});
