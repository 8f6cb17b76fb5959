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

  /**
   * Counts writes to `contacts` through this connection, bumped when a write is issued (before it
   * commits; an aborted one counts too). The worker is the only writer, so an unchanged count
   * means the contacts are as they were: work planned on them earlier (an import preview) can be
   * reused instead of read and planned again. Memory only: a new worker starts from nothing cached.
   */
  contactWrites = 0;

  constructor(name = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
    this.use({
      stack: 'dbcore',
      name: 'rapport-contact-writes',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          if (tableName !== 'contacts') return table;
          return {
            ...table,
            mutate: (request) => {
              this.contactWrites++;
              return table.mutate(request);
            },
          };
        },
      }),
    });
  }
}
