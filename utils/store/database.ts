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
   * Writes through this connection, per table, counted when a write is issued (before it
   * commits; an aborted one counts too). The worker is the only writer, so an unchanged count
   * means the table is as it was: work done on it earlier (an import preview, the reminder
   * schedule's reading) can be reused instead of read again. Memory only: a new worker starts
   * with nothing cached.
   */
  private readonly writeCounts = new Map<string, number>();

  /** How many writes these tables have had (a sum: it changes whenever any of them is written). */
  writesTo(...tables: string[]): number {
    let sum = 0;
    for (const table of tables) sum += this.writeCounts.get(table) ?? 0;
    return sum;
  }

  get contactWrites(): number {
    return this.writesTo('contacts');
  }

  constructor(name = DATABASE_NAME) {
    super(name);
    for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
      const v = this.version(version).stores(stores);
      if (upgrade) v.upgrade(upgrade);
    }
    this.use({
      stack: 'dbcore',
      name: 'rapport-write-counts',
      create: (down) => ({
        ...down,
        table: (tableName) => {
          const table = down.table(tableName);
          return {
            ...table,
            mutate: (request) => {
              this.writeCounts.set(tableName, (this.writeCounts.get(tableName) ?? 0) + 1);
              return table.mutate(request);
            },
          };
        },
      }),
    });
  }
}
