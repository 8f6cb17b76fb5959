import { Dexie, type EntityTable } from 'dexie';
import type { Company } from '../model/company';
import type { Contact } from '../model/contact';
import type { Interaction } from '../model/interaction';
import type { Pitch } from '../model/pitch';
import type { Reminder } from '../model/reminder';
import type { SettingsRecord } from '../model/settings';
import { SCHEMA_VERSIONS } from './schema-versions';

export const DATABASE_NAME = 'rapport';

/** The contact store. Only the background service worker opens it. */
export class RapportDatabase extends Dexie {
  contacts!: EntityTable<Contact, 'id'>;
  interactions!: EntityTable<Interaction, 'id'>;
  reminders!: EntityTable<Reminder, 'id'>;
  companies!: EntityTable<Company, 'id'>;
  pitches!: EntityTable<Pitch, 'id'>;
  settings!: EntityTable<SettingsRecord, 'key'>;

  constructor(name = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
  }
}
