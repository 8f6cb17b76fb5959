import { defineConfig } from 'wxt';
import { HOST_PATTERNS, SIDEBAR_PAGE } from './utils/hosts';

/** The sidebar page as the browser's own side panel / sidebar: it follows the active tab. */
const PANEL_PAGE = `${SIDEBAR_PAGE}?host=panel`;

// Rapport's manifest: the narrowest permissions that do the job.
// - storage + unlimitedStorage: the contact store must never be evicted.
// - alarms + notifications: follow-up ticklers.
// - host access only for the sites Rapport annotates.
// - sidePanel (Chrome): to show the sidebar in the browser's side panel when the user picks
//   that over the in-page sidebar. It grants no access to any page or data.
// - contextMenus: entries on the toolbar button's own right-click menu (the manager's sections);
//   no menu on web pages.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  // Parallel work builds into its own folder (WXT_OUT_DIR=.output-x) so builds don't collide.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  manifest: ({ browser }) => ({
    name: 'Rapport',
    description:
      'A private networking notebook on LinkedIn and webmail: notes, context and follow-ups that never leave your device.',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: [...HOST_PATTERNS],
    // The toolbar button carries the badge (how many follow-ups are due); its popup
    // (entrypoints/popup, added by WXT as default_popup) lists them.
    action: {
      default_title: 'Rapport',
      default_icon: { 16: 'icon/16.png', 32: 'icon/32.png', 48: 'icon/48.png', 128: 'icon/128.png' },
    },
    commands: {
      // Not Alt+Shift+R: Chromium reserves it (an extension suggesting it gets no shortcut).
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Show or hide the Rapport sidebar',
      },
    },
    web_accessible_resources: [
      {
        // Only the sidebar page is exposed, only to the annotated sites, and under a
        // per-session URL so that a page cannot probe for the extension.
        resources: [SIDEBAR_PAGE],
        matches: [...HOST_PATTERNS],
        use_dynamic_url: browser !== 'firefox' ? true : undefined,
      },
    ],
    ...(browser === 'firefox'
      ? {
          sidebar_action: {
            default_panel: PANEL_PAGE,
            default_title: 'Rapport',
            default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' },
            open_at_install: false,
          },
          browser_specific_settings: {
            gecko: {
              id: 'rapport@rapport.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : { side_panel: { default_path: PANEL_PAGE } }),
  }),
  zip: {
    excludeSources: ['node_modules/**', '.output/**', '.output-*/**', '.wxt/**', 'tests/.tmp/**', '.ci/.node/**'],
  },
});
