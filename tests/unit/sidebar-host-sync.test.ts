import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { syncSidebarHost, type HostSettings } from '../../utils/sidebar-host-sync';
import { readUiState, writeUiState, type SidebarHost } from '../../utils/ui-state';

beforeEach(() => {
  fakeBrowser.reset();
});

function setup(stored: SidebarHost = 'page') {
  let sidebarHost = stored;
  const settings: HostSettings & { updates: SidebarHost[] } = {
    updates: [],
    get: async () => ({ sidebarHost }),
    update: async (patch) => {
      settings.updates.push(patch.sidebarHost);
      sidebarHost = patch.sidebarHost;
      return { sidebarHost };
    },
  };
  const enabled: boolean[] = [];
  const onSettingChanged = vi.fn();
  const log = vi.fn();
  const sync = syncSidebarHost({
    local: browser.storage.local,
    storageChanged: browser.storage.onChanged,
    settings,
    panel: { setEnabled: async (on) => void enabled.push(on) },
    onSettingChanged,
    log,
  });
  return { sync, settings, enabled, onSettingChanged, log, setting: () => sidebarHost };
}

describe('syncSidebarHost', () => {
  it('on first start, mirrors the setting into storage.local and enables the panel only for the side-panel host', async () => {
    const page = setup('page');
    await page.sync.ready;
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: false, host: 'page' });
    expect(page.enabled).toEqual([false]);

    fakeBrowser.reset();
    const panel = setup('side-panel');
    await panel.sync.ready;
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: false, host: 'side-panel' });
    expect(panel.enabled).toEqual([true]);
    expect(panel.settings.updates).toEqual([]);
  });

  it('on a later start, trusts storage.local (the last user action) for the panel', async () => {
    await writeUiState(browser.storage.local, { host: 'side-panel' });
    const { sync, enabled } = setup('side-panel');
    await sync.ready;
    expect(enabled).toEqual([true]);
  });

  it('follows "Open in side panel" / "Show in the page" (written to storage.local) into the setting', async () => {
    const { sync, settings, enabled, onSettingChanged, setting } = setup('page');
    await sync.ready;
    await writeUiState(browser.storage.local, { host: 'side-panel' });
    await vi.waitFor(() => expect(setting()).toBe('side-panel'));
    expect(enabled).toEqual([false, true]);
    expect(onSettingChanged).toHaveBeenCalledTimes(1);

    await writeUiState(browser.storage.local, { host: 'page' });
    await vi.waitFor(() => expect(setting()).toBe('page'));
    expect(enabled).toEqual([false, true, false]);
    expect(settings.updates).toEqual(['side-panel', 'page']);
    expect(onSettingChanged).toHaveBeenCalledTimes(2);
  });

  it('applies quick successive changes in order: the last one wins', async () => {
    const { sync, setting, enabled } = setup('page');
    await sync.ready;
    void writeUiState(browser.storage.local, { host: 'side-panel' });
    void writeUiState(browser.storage.local, { host: 'page' });
    void writeUiState(browser.storage.local, { host: 'side-panel' });
    await vi.waitFor(() => expect(enabled).toHaveLength(4));
    expect(enabled.at(-1)).toBe(true);
    expect(setting()).toBe('side-panel');
  });

  it('mirrors a change made on the settings page, without writing the setting back', async () => {
    const { sync, settings, enabled, onSettingChanged } = setup('page');
    await sync.ready;
    // settings.update already stored it; the worker then calls mirror().
    await settings.update({ sidebarHost: 'side-panel' });
    settings.updates.length = 0;
    await sync.mirror({ sidebarHost: 'side-panel' });
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: false, host: 'side-panel' });
    await vi.waitFor(() => expect(enabled).toEqual([false, true]));
    expect(settings.updates).toEqual([]);
    expect(onSettingChanged).not.toHaveBeenCalled();
    // Mirroring the same value again writes nothing.
    const set = vi.spyOn(browser.storage.local, 'set');
    await sync.mirror({ sidebarHost: 'side-panel' });
    expect(set).not.toHaveBeenCalled();
  });

  it('ignores the collapsed state and other keys', async () => {
    const { sync, enabled, settings } = setup('page');
    await sync.ready;
    await writeUiState(browser.storage.local, { collapsed: true });
    await browser.storage.local.set({ other: 'x' });
    await sync.reapply();
    expect(enabled).toEqual([false, false]);
    expect(settings.updates).toEqual([]);
  });

  it('still follows the setting when the panel cannot be switched (not Chrome, or a fake)', async () => {
    let sidebarHost: SidebarHost = 'page';
    const log = vi.fn();
    const sync = syncSidebarHost({
      local: browser.storage.local,
      storageChanged: browser.storage.onChanged,
      settings: { get: async () => ({ sidebarHost }), update: async (p) => (sidebarHost = p.sidebarHost) },
      panel: { setEnabled: () => Promise.reject(new Error('no side panel here')) },
      log,
    });
    await sync.ready;
    await writeUiState(browser.storage.local, { host: 'side-panel' });
    await vi.waitFor(() => expect(sidebarHost).toBe('side-panel'));
    expect(log).toHaveBeenCalledWith('could not switch the side panel', expect.any(Error));
  });
});
