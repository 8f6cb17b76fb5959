// The JSON backup: every table, tagged with the schema version that wrote it, so a later
// Rapport can upgrade it and an older one can refuse it clearly instead of guessing.
import { z } from 'zod';
import { Company } from '../model/company';
import { Contact } from '../model/contact';
import { Interaction } from '../model/interaction';
import { Pitch } from '../model/pitch';
import { Reminder } from '../model/reminder';
import { SettingsRecord } from '../model/settings';
import { LATEST_SCHEMA_VERSION } from '../store/schema-versions';
import type { Problem } from './types';

export const BACKUP_FORMAT = 'rapport-backup';

export const BackupTables = z.object({
  contacts: z.array(Contact),
  interactions: z.array(Interaction),
  reminders: z.array(Reminder),
  companies: z.array(Company),
  pitches: z.array(Pitch),
  settings: z.array(SettingsRecord),
});
export type BackupTables = z.infer<typeof BackupTables>;
export type TableName = keyof BackupTables;
export const TABLE_NAMES = Object.keys(BackupTables.shape) as TableName[];

export const Backup = z.object({
  format: z.literal(BACKUP_FORMAT),
  /** The Dexie schema version (utils/store/schema-versions.ts) the tables are shaped for. */
  schemaVersion: z.number().int().min(1),
  /** ISO instant, for the user ("backup of 12 March"). */
  exportedAt: z.iso.datetime(),
  tables: BackupTables,
});
export type Backup = z.infer<typeof Backup>;

/**
 * Upgrades from an older schema version's tables to the next one, by the version they start
 * from. Empty while only version 1 exists; a schema change that moves data adds one here
 * along with its Dexie upgrade.
 */
const UPGRADES: Record<number, (tables: Record<string, unknown[]>) => Record<string, unknown[]>> = {};

export function createBackup(tables: BackupTables, now: number = Date.now()): Backup {
  return { format: BACKUP_FORMAT, schemaVersion: LATEST_SCHEMA_VERSION, exportedAt: new Date(now).toISOString(), tables };
}

/** Pretty-printed: a backup is also something a user may want to read or diff. */
export function serializeBackup(tables: BackupTables, now: number = Date.now()): string {
  return `${JSON.stringify(createBackup(tables, now), null, 2)}\n`;
}

/** "tables.contacts[3].name" → "contacts #4 (id 17): name". */
function where(path: PropertyKey[], root: unknown): string {
  if (path[0] !== 'tables' || typeof path[1] !== 'string' || typeof path[2] !== 'number') return path.join('.') || 'the file';
  const table = (root as { tables: Record<string, unknown[]> }).tables[path[1]];
  const record = table?.[path[2]] as { id?: unknown; key?: unknown } | undefined;
  const id = record?.id ?? record?.key;
  const field = path.slice(3).join('.');
  return `${path[1]} #${path[2] + 1}${id !== undefined ? ` (id ${String(id)})` : ''}${field ? `: ${field}` : ''}`;
}

/** A JSON syntax error's line, from the position engines put in their messages. */
function jsonErrorLine(text: string, error: unknown): number {
  const message = error instanceof Error ? error.message : '';
  const line = /line (\d+)/.exec(message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return 1;
  return text.slice(0, Number(position[1])).split('\n').length;
}

/** Duplicates that the store's unique indexes would refuse, and links to records not in the backup. */
function integrity(tables: BackupTables): string[] {
  const messages: string[] = [];
  const unique = <T>(table: TableName, records: T[], key: (r: T) => unknown, what: string) => {
    const seen = new Set<string>();
    for (const r of records) {
      const k = key(r);
      if (k === undefined) continue;
      const s = JSON.stringify(k);
      if (seen.has(s)) messages.push(`${table}: two records with the same ${what} ${s}.`);
      seen.add(s);
    }
  };
  unique('contacts', tables.contacts, (c) => c.id, 'id');
  unique('contacts', tables.contacts, (c) => c.linkedinSlug, 'LinkedIn profile');
  unique('interactions', tables.interactions, (i) => i.id, 'id');
  unique('interactions', tables.interactions, (i) => (i.externalId === undefined ? undefined : [i.contactId, i.externalId]), 'contact and external id');
  unique('reminders', tables.reminders, (r) => r.id, 'id');
  unique('companies', tables.companies, (c) => c.id, 'id');
  unique('companies', tables.companies, (c) => c.nameKey, 'name key');
  unique('pitches', tables.pitches, (p) => p.id, 'id');
  unique('settings', tables.settings, (s) => s.key, 'key');
  const contactIds = new Set(tables.contacts.map((c) => c.id));
  const interactionIds = new Set(tables.interactions.map((i) => i.id));
  for (const c of tables.contacts) {
    if (c.introducedBy !== undefined && !contactIds.has(c.introducedBy)) {
      messages.push(`contacts (id ${c.id}): introduced by contact ${c.introducedBy}, which is not in the backup.`);
    }
  }
  for (const i of tables.interactions) {
    if (!contactIds.has(i.contactId)) messages.push(`interactions (id ${i.id}): belongs to contact ${i.contactId}, which is not in the backup.`);
  }
  for (const r of tables.reminders) {
    if (r.contactId !== undefined && !contactIds.has(r.contactId)) {
      messages.push(`reminders (id ${r.id}): about contact ${r.contactId}, which is not in the backup.`);
    }
    if (r.sourceInteractionId !== undefined && !interactionIds.has(r.sourceInteractionId)) {
      messages.push(`reminders (id ${r.id}): made by interaction ${r.sourceInteractionId}, which is not in the backup.`);
    }
  }
  return messages;
}

export type ParsedBackup = { backup: Backup; problems: [] } | { backup?: undefined; problems: Problem[] };

const MAX_PROBLEMS = 20;

/** A backup file's text → a validated backup, or the problems that refuse it (nothing restored). */
export function parseBackup(text: string): ParsedBackup {
  const fail = (problems: Problem[]): ParsedBackup => ({
    problems: problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), { message: 'More problems follow; fix these first.' }] : problems,
  });
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const line = jsonErrorLine(text, error);
    return fail([{ line, message: `Line ${line}: this is not valid JSON (the file is damaged or incomplete).` }]);
  }
  const head = z.object({ format: z.literal(BACKUP_FORMAT), schemaVersion: z.number().int().min(1) }).safeParse(data);
  if (!head.success) {
    return fail([{ line: 1, message: 'This JSON file is not a Rapport backup (no "format": "rapport-backup" with a schema version).' }]);
  }
  let { schemaVersion } = head.data;
  if (schemaVersion > LATEST_SCHEMA_VERSION) {
    return fail([{
      message: `This backup was made by a newer version of Rapport (data version ${schemaVersion}; this one reads up to ${LATEST_SCHEMA_VERSION}). Update Rapport, then restore it.`,
    }]);
  }
  let tables = (data as { tables?: unknown }).tables;
  while (schemaVersion < LATEST_SCHEMA_VERSION) {
    const upgrade = UPGRADES[schemaVersion];
    if (!upgrade || typeof tables !== 'object' || !tables) {
      return fail([{ message: `Backups of data version ${schemaVersion} cannot be restored by this version of Rapport.` }]);
    }
    tables = upgrade(tables as Record<string, unknown[]>);
    schemaVersion++;
  }
  const parsed = Backup.safeParse({ ...(data as object), schemaVersion, tables });
  if (!parsed.success) {
    return fail(parsed.error.issues.map((issue) => ({ message: `${where(issue.path, data)}: ${issue.message}` })));
  }
  const broken = integrity(parsed.data.tables);
  if (broken.length) return fail(broken.map((message) => ({ message })));
  return { backup: parsed.data, problems: [] };
}
