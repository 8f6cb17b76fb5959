import { Settings, type SettingsPatch } from '../model/settings';
import type { RapportDatabase } from '../store/database';

/** The user's settings, one record; a missing or older record parses into a complete one. */
export function createSettingsService(db: RapportDatabase) {
  async function get(): Promise<Settings> {
    const record = await db.settings.get('app');
    const parsed = Settings.safeParse(record?.value ?? {});
    return parsed.success ? parsed.data : Settings.parse({});
  }
  return {
    get,
    async update(patch: SettingsPatch): Promise<Settings> {
      return db.transaction('rw', db.settings, async () => {
        const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
        const next = Settings.parse({ ...(await get()), ...defined });
        await db.settings.put({ key: 'app', value: next });
        return next;
      });
    },
  };
}
export type SettingsService = ReturnType<typeof createSettingsService>;
