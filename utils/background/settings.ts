import { Settings, type SettingsPatch } from '../model/settings';
import { applyPatch } from '../model/common';
import type { RapportDatabase } from '../store/database';

/** The user's settings, one record; a missing or older record parses into a complete one. */
export function createSettingsService(db: RapportDatabase) {
  async function get(): Promise<Settings> {
    const record = await db.settings.get('app');
    const stored = (record?.value ?? {}) as Record<string, unknown>;
    const parsed = Settings.safeParse(stored);
    if (parsed.success) return parsed.data;
    // One bad field must not cost the others: keep every field that is valid on its own.
    const valid = Object.fromEntries(
      Object.entries(Settings.shape)
        .filter(([key, schema]) => key in stored && schema.safeParse(stored[key]).success)
        .map(([key]) => [key, stored[key]]),
    );
    return Settings.parse(valid);
  }
  return {
    get,
    async update(patch: SettingsPatch): Promise<Settings> {
      return db.transaction('rw', db.settings, async () => {
        // null resets a setting to its default.
        const next = Settings.parse(applyPatch(await get(), patch));
        await db.settings.put({ key: 'app', value: next });
        return next;
      });
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
