import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup/fake-browser-extras.ts'],
    restoreMocks: true,
    // A zone with daylight-saving changes, so date arithmetic is tested across them
    // (vitest starts each worker with this environment; see tests/unit/dates.test.ts).
    env: { TZ: 'Europe/Stockholm' },
  },
});
