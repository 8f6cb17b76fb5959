import { defineConfig } from 'wxt';
import { HOST_PATTERNS, SIDEBAR_PAGE } from './utils/hosts';

// Rapport's manifest: the narrowest permissions that do the job.
// - storage + unlimitedStorage: the contact store must never be evicted.
// - alarms + notifications: follow-up ticklers.
// - host access only for the sites Rapport annotates.
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: 'Rapport',
    description:
      'A private networking notebook on LinkedIn and webmail: notes, context and follow-ups that never leave your device.',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications'],
    host_permissions: [...HOST_PATTERNS],
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
          browser_specific_settings: {
            gecko: {
              id: 'rapport@rapport.invalid',
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['node_modules/**', '.output/**', '.wxt/**', 'tests/.tmp/**', '.ci/.node/**'],
  },
});
