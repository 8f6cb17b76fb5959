import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { Settings } from '../../utils/model/settings';
import {
  DEFAULT_UI_STATE,
  hasStoredHost,
  parseCollapsed,
  parseHost,
  parseUiState,
  readUiState,
  UI_STATE_KEYS,
  uiStateChanges,
  uiStateItems,
  watchUiState,
  writeUiState,
  type SidebarHost,
} from '../../utils/ui-state';

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the UI state parser', () => {
  it('has one storage key per field, all distinct', () => {
    expect(UI_STATE_KEYS).toEqual({ collapsed: 'ui.sidebarCollapsed', host: 'ui.sidebarHost' });
  });

  it('defaults to an open sidebar in the page', () => {
    expect(DEFAULT_UI_STATE).toEqual({ collapsed: false, host: 'page' });
    expect(parseUiState({})).toEqual({ collapsed: false, host: 'page' });
    expect(parseUiState(undefined)).toEqual({ collapsed: false, host: 'page' });
    expect(parseUiState(null)).toEqual({ collapsed: false, host: 'page' });
  });

  it('reads stored values', () => {
    expect(parseUiState({ 'ui.sidebarCollapsed': true, 'ui.sidebarHost': 'side-panel' })).toEqual({
      collapsed: true,
      host: 'side-panel',
    });
    expect(parseUiState({ 'ui.sidebarCollapsed': false, 'ui.sidebarHost': 'page', other: 1 })).toEqual({
      collapsed: false,
      host: 'page',
    });
  });

  it('treats anything unexpected as the default, never as the other state', () => {
    for (const value of ['true', 1, 'yes', {}, [], null, undefined, NaN]) expect(parseCollapsed(value)).toBe(false);
    expect(parseCollapsed(true)).toBe(true);
    for (const value of ['sidepanel', 'SIDE-PANEL', 'panel', '', 0, null, undefined, {}]) expect(parseHost(value)).toBe('page');
    expect(parseHost('side-panel')).toBe('side-panel');
  });

  it('knows whether a host was stored at all', () => {
    expect(hasStoredHost({})).toBe(false);
    expect(hasStoredHost(undefined)).toBe(false);
    expect(hasStoredHost({ 'ui.sidebarHost': 'page' })).toBe(true);
    expect(hasStoredHost({ 'ui.sidebarHost': 'garbage' })).toBe(true);
  });

  it('extracts only its own changes, only from storage.local', () => {
    expect(uiStateChanges({ 'ui.sidebarCollapsed': { oldValue: false, newValue: true } }, 'local')).toEqual({ collapsed: true });
    expect(uiStateChanges({ 'ui.sidebarHost': { newValue: 'side-panel' } }, 'local')).toEqual({ host: 'side-panel' });
    expect(
      uiStateChanges({ 'ui.sidebarHost': { newValue: 'page' }, 'ui.sidebarCollapsed': { newValue: false } }, 'local'),
    ).toEqual({ host: 'page', collapsed: false });
    // A removed key reads as its default.
    expect(uiStateChanges({ 'ui.sidebarCollapsed': { oldValue: true } }, 'local')).toEqual({ collapsed: false });
    expect(uiStateChanges({ 'ui.sidebarCollapsed': { newValue: true } }, 'session')).toEqual({});
    expect(uiStateChanges({ 'ui.sidebarCollapsed': { newValue: true } }, 'sync')).toEqual({});
    expect(uiStateChanges({ 'tab:7': { newValue: {} } }, 'local')).toEqual({});
  });

  it('writes exactly the fields given', () => {
    expect(uiStateItems({ collapsed: true })).toEqual({ 'ui.sidebarCollapsed': true });
    expect(uiStateItems({ host: 'side-panel' })).toEqual({ 'ui.sidebarHost': 'side-panel' });
    expect(uiStateItems({})).toEqual({});
  });

  it('names the same hosts as the sidebarHost setting', () => {
    expectTypeOf<SidebarHost>().toEqualTypeOf<Settings['sidebarHost']>();
  });
});

describe('the UI state in storage.local', () => {
  it('round-trips through storage', async () => {
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: false, host: 'page' });
    await writeUiState(browser.storage.local, { collapsed: true });
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: true, host: 'page' });
    await writeUiState(browser.storage.local, { host: 'side-panel' });
    expect(await readUiState(browser.storage.local)).toEqual({ collapsed: true, host: 'side-panel' });
    expect(await browser.storage.local.get(null)).toEqual({ 'ui.sidebarCollapsed': true, 'ui.sidebarHost': 'side-panel' });
  });

  it('reads the defaults when storage fails', async () => {
    const broken = { get: () => Promise.reject(new Error('gone')), set: async () => {} };
    expect(await readUiState(broken)).toEqual({ collapsed: false, host: 'page' });
  });

  it('reports changes made anywhere, and stops when asked', async () => {
    const seen = vi.fn();
    const stop = watchUiState(browser.storage.onChanged, seen);
    await writeUiState(browser.storage.local, { collapsed: true });
    await browser.storage.local.set({ unrelated: 1 });
    await browser.storage.session.set({ 'ui.sidebarCollapsed': false });
    await writeUiState(browser.storage.local, { host: 'side-panel' });
    expect(seen.mock.calls).toEqual([[{ collapsed: true }], [{ host: 'side-panel' }]]);
    stop();
    await writeUiState(browser.storage.local, { collapsed: false });
    expect(seen).toHaveBeenCalledTimes(2);
  });
});
