// Import, export and restore, on the worker's side: the pure formats of utils/transfer/ read
// and planned here against the store, and a confirmed plan written in ONE transaction (all or
// nothing). Stateless between preview and apply (the worker may be stopped in between): apply
// re-reads the same file, re-plans against the store as it is then, and refuses unless the plan
// is exactly the one the preview showed (same `planHash`).
import { companyKey } from '../company-name';
import { Contact, ContactDraft } from '../model/contact';
import { applyPatch } from '../model/common';
import { personNameKey } from '../person-name';
import type { RapportDatabase } from '../store/database';
import { parseBackup, serializeBackup, TABLE_NAMES, type BackupTables, type TableName } from '../transfer/backup';
import type { ColumnMapping } from '../transfer/csv-import';
import { contactsCsv, interactionsCsv } from '../transfer/csv-export';
import { readImportFile, type ImportFile } from '../transfer/import-file';
import { OFFERABLE, planImport, planRestore, updatePatch, type ImportPlan, type RestorePlan } from '../transfer/plan';
import type { Problem } from '../transfer/types';
import { writeVCards } from '../transfer/vcard';
import { RequestError } from './request-error';
import { silentProgress, type ProgressReporter } from './transfer-progress';

/** How many rows of each kind a preview lists (the counts are always complete). */
export const PREVIEW_LIMIT = 200;

export type ExportFormat = 'backup-json' | 'contacts-csv' | 'interactions-csv' | 'vcard';

const unique = <T>(items: readonly T[]) => [...new Set(items)];

/** JSON with object keys sorted: the same plan always gives the same text. */
function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
}

/**
 * A fingerprint of a plan (128 bits, four independently seeded 32-bit lanes). Synchronous on
 * purpose: apply compares it inside its Dexie transaction, where awaiting anything that is not
 * IndexedDB (crypto.subtle) would let the transaction commit early. It detects a plan that
 * changed since the preview; it is not a defence against a forger (the caller is our own page).
 */
export function planHash(plan: unknown): string {
  const text = stableJson(plan);
  const seeds = [0x811c9dc5, 0x9e3779b9, 0x85ebca6b, 0xc2b2ae35];
  return seeds
    .map((seed, lane) => {
      let h = (seed ^ text.length) >>> 0;
      for (let i = 0; i < text.length; i++) {
        h = Math.imul(h ^ text.charCodeAt(i), lane % 2 ? 0x5bd1e995 : 0x01000193);
        h ^= h >>> (13 + lane);
      }
      h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
      h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
      return ((h ^ (h >>> 16)) >>> 0).toString(16).padStart(8, '0');
    })
    .join('');
}

/** A problem as one sentence that names its line. */
function describeProblem(problem: Problem): string {
  if (problem.line === undefined || /\bline \d+/i.test(problem.message)) return problem.message;
  return `Line ${problem.line}: ${problem.message}`;
}

function refuse(problems: readonly Problem[]): never {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  throw new RequestError('invalid-request', `${first ? describeProblem(first) : 'The file cannot be imported.'}${more} Nothing was imported.`);
}

/** Reads the file and plans it against these contacts. Pure. */
export function planImportFile(fileName: string, bytes: Uint8Array, mapping: ColumnMapping | undefined, existing: readonly Contact[]) {
  return planParsedFile(readImportFile(fileName, bytes, mapping ? { mapping } : {}), existing);
}

function planParsedFile(file: ImportFile, existing: readonly Contact[]) {
  const problems =
    file.format === 'rapport-backup' && !file.problems.length
      ? [{ line: 1, message: 'This is a Rapport backup: restore it instead of importing it.' }]
      : file.problems;
  const plan = planImport(file.rows, existing, { skipped: file.skipped, problems });
  return { file, plan, hash: planHash(plan) };
}

/** Reads a backup and plans its restore against these tables. Pure. */
export function planRestoreText(backupText: string, existing: BackupTables) {
  const parsed = parseBackup(backupText);
  if (!parsed.backup) return { problems: parsed.problems };
  const plan = planRestore(parsed.backup, existing);
  return { backup: parsed.backup, plan, problems: plan.problems, hash: planHash(plan) };
}

/** Derived keys of a contact, recomputed from its fields (absent when there is nothing to key). */
function withKeys<T extends { name: string; company?: string; companyKey?: string; nameKey?: string }>(record: T): T {
  const out = { ...record, companyKey: companyKey(record.company), nameKey: personNameKey(record.name) };
  for (const key of ['companyKey', 'nameKey'] as const) if (out[key] === undefined) delete out[key];
  return out;
}

function importPreview(fileName: string, file: ImportFile, plan: ImportPlan, hash: string) {
  return {
    fileName,
    format: file.format,
    planHash: hash,
    counts: {
      create: plan.create.length,
      update: plan.update.length,
      skip: plan.skip.length,
      merged: plan.merged.length,
      problems: plan.problems.length,
    },
    create: plan.create.slice(0, PREVIEW_LIMIT),
    update: plan.update.slice(0, PREVIEW_LIMIT),
    skip: plan.skip.slice(0, PREVIEW_LIMIT),
    merged: plan.merged.slice(0, PREVIEW_LIMIT),
    problems: plan.problems.slice(0, PREVIEW_LIMIT),
    notices: file.notices.slice(0, 50),
    ...(file.headers ? { headers: file.headers } : {}),
    ...(file.mapping ? { mapping: file.mapping } : {}),
  };
}
export type ImportPreview = ReturnType<typeof importPreview>;

/** A record's label in the restore preview. */
function labelOf(table: TableName, record: Record<string, unknown>): string {
  switch (table) {
    case 'contacts':
    case 'companies':
      return String(record.name ?? '');
    case 'interactions':
      return String(record.summary || record.kind || '');
    case 'reminders':
      return String(record.text ?? record.reason ?? '');
    case 'pitches':
      return String(record.audience ?? '');
    case 'settings':
      return 'Settings';
  }
}

function restorePreview(plan: RestorePlan, hash: string) {
  const counts = {} as Record<TableName, { create: number; conflicting: number; skip: number }>;
  const conflicts: { table: TableName; id: number | string; label: string }[] = [];
  for (const table of TABLE_NAMES) {
    const t = plan.tables[table] as RestorePlan['tables'][TableName];
    counts[table] = { create: t.create.length, conflicting: t.conflicting.length, skip: t.skip.length };
    for (const { existing } of t.conflicting) {
      const record = existing as unknown as Record<string, unknown>;
      conflicts.push({ table, id: (record.id ?? record.key) as number | string, label: labelOf(table, record).slice(0, 200) });
    }
  }
  return {
    planHash: hash,
    counts,
    conflicts: conflicts.slice(0, PREVIEW_LIMIT),
    remapped: plan.remapped.slice(0, PREVIEW_LIMIT),
    warnings: plan.warnings.slice(0, PREVIEW_LIMIT),
    problems: plan.problems.slice(0, PREVIEW_LIMIT),
  };
}
export type RestorePreview = ReturnType<typeof restorePreview>;

/** Records per bulk write of a restore (between two progress reports). */
const RESTORE_CHUNK = 500;

/** Rows per bulk write inside the import's transaction (progress is reported per chunk). */
const WRITE_CHUNK = 1_000;

const STALE = 'The contacts changed since the preview (or the file is not the one previewed). Preview it again; nothing was written.';

/** The same file and mapping as previewed (the page sends the file again with the apply). */
function sameRequest(a: { fileName: string; bytes: Uint8Array; mapping?: ColumnMapping }, fileName: string, bytes: Uint8Array, mapping?: ColumnMapping) {
  if (a.fileName !== fileName || a.bytes.length !== bytes.length || JSON.stringify(a.mapping ?? null) !== JSON.stringify(mapping ?? null)) return false;
  for (let i = 0; i < bytes.length; i++) if (a.bytes[i] !== bytes[i]) return false;
  return true;
}

export function createTransferService(db: RapportDatabase, now: () => number) {
  const allTables = () => TABLE_NAMES.map((name) => db.table(name));

  /**
   * The last import preview's work: reused by its apply when the file is the same and nothing was
   * written to contacts since (`db.contactWrites`), which saves reading and planning everything
   * again. A cache only: when it is missing or stale (a stopped worker, a write in between) the
   * apply reads and plans as before, and the plan hash still decides.
   */
  let lastPreview: {
    fileName: string;
    bytes: Uint8Array;
    mapping?: ColumnMapping;
    writes: number;
    file: ImportFile;
    existing: Contact[];
    plan: ImportPlan;
    hash: string;
  } | null = null;

  async function readTables(): Promise<BackupTables> {
    const out = {} as Record<TableName, unknown[]>;
    for (const name of TABLE_NAMES) out[name] = await db.table(name).toArray();
    return out as BackupTables;
  }

  return {
    /** What importing the file would do. Writes nothing. */
    async previewImport(
      fileName: string,
      bytes: Uint8Array,
      mapping?: ColumnMapping,
      progress: ProgressReporter = silentProgress,
    ): Promise<ImportPreview> {
      lastPreview = null;
      const writes = db.contactWrites;
      const existing = await db.contacts.toArray();
      // Parsing and planning are synchronous: their phases say what is happening, not how far.
      progress.phase('parsing');
      const file = readImportFile(fileName, bytes, mapping ? { mapping } : {});
      progress.phase('planning');
      const { plan, hash } = planParsedFile(file, existing);
      if (db.contactWrites === writes) lastPreview = { fileName, bytes, mapping, writes, file, existing, plan, hash };
      return importPreview(fileName, file, plan, hash);
    },

    /**
     * Writes the previewed plan: creates, then fills and additions to existing contacts
     * (offered values only with `acceptOffered`). One transaction: all or nothing.
     */
    async applyImport(
      fileName: string,
      bytes: Uint8Array,
      mapping: ColumnMapping | undefined,
      expectedHash: string,
      options: { acceptOffered: boolean },
      progress: ProgressReporter = silentProgress,
    ) {
      const previewed = lastPreview && lastPreview.hash === expectedHash && sameRequest(lastPreview, fileName, bytes, mapping) ? lastPreview : null;
      lastPreview = null;
      // Parse outside the transaction (pure, possibly slow); plan inside, against the store as it is.
      progress.phase('parsing');
      const file = previewed?.file ?? readImportFile(fileName, bytes, mapping ? { mapping } : {});
      if (file.problems.length) refuse(file.problems);
      if (file.format === 'rapport-backup') refuse([{ message: 'This is a Rapport backup: restore it instead of importing it.' }]);
      return db.transaction('rw', db.contacts, async () => {
        // Checked inside the write transaction: no other write can come in between from here.
        const reuse = previewed && previewed.writes === db.contactWrites ? previewed : null;
        const existing = reuse ? reuse.existing : await db.contacts.toArray();
        progress.phase('planning');
        const { plan, hash } = reuse ?? planParsedFile(file, existing);
        if (plan.problems.length) refuse(plan.problems);
        if (hash !== expectedHash) throw new RequestError('invalid-request', STALE);
        progress.phase('writing', plan.create.length + plan.update.length);
        const at = now();
        // Records are prepared first, then written in bulk chunks (one IndexedDB round trip per
        // chunk instead of per row: 10,000 single adds took seconds). Still one transaction: a
        // failing chunk rejects, which aborts everything written before it.
        const records = plan.create.map(({ draft }) => {
          const fields = ContactDraft.parse(draft);
          return withKeys({
            ...fields,
            emails: unique(fields.emails),
            phones: unique(fields.phones),
            tags: unique(fields.tags),
            importedAt: at,
            createdAt: at,
            updatedAt: at,
          }) as Contact;
        });
        const created: number[] = [];
        for (let i = 0; i < records.length; i += WRITE_CHUNK) {
          created.push(...(await db.contacts.bulkAdd(records.slice(i, i + WRITE_CHUNK), { allKeys: true })));
          progress.tick(created.length);
        }
        const byId = new Map(existing.map((c) => [c.id, c]));
        const nexts = plan.update.map((update) => {
          const contact = byId.get(update.contactId);
          if (!contact) throw new RequestError('invalid-request', STALE);
          const patch = updatePatch(contact, update, options.acceptOffered ? OFFERABLE : []);
          const next = applyPatch({ ...contact, updatedAt: Math.max(at, contact.updatedAt) }, patch);
          for (const list of ['emails', 'phones', 'tags'] as const) next[list] = unique(next[list]);
          return Contact.parse(withKeys(next));
        });
        const updated: number[] = [];
        for (let i = 0; i < nexts.length; i += WRITE_CHUNK) {
          const chunk = nexts.slice(i, i + WRITE_CHUNK);
          await db.contacts.bulkPut(chunk);
          for (const c of chunk) updated.push(c.id);
          progress.tick(created.length + updated.length);
        }
        return {
          created,
          updated,
          counts: { created: created.length, updated: updated.length, skipped: plan.skip.length },
        };
      });
    },

    /** What restoring the backup would do. Writes nothing; a broken backup answers its problems. */
    async previewRestore(backupText: string, progress: ProgressReporter = silentProgress): Promise<RestorePreview> {
      const existing = await db.transaction('r', allTables(), readTables);
      progress.phase('planning');
      const result = planRestoreText(backupText, existing);
      if (!result.plan) {
        return {
          planHash: '',
          counts: Object.fromEntries(TABLE_NAMES.map((t) => [t, { create: 0, conflicting: 0, skip: 0 }])) as RestorePreview['counts'],
          conflicts: [],
          remapped: [],
          warnings: [],
          problems: result.problems.slice(0, PREVIEW_LIMIT),
        };
      }
      return restorePreview(result.plan, result.hash);
    },

    /**
     * Restores the previewed plan: new records are added; conflicting ones keep the existing
     * record unless `overwriteConflicts`. One transaction over every table: all or nothing.
     */
    async applyRestore(
      backupText: string,
      expectedHash: string,
      options: { overwriteConflicts: boolean },
      progress: ProgressReporter = silentProgress,
    ) {
      progress.phase('parsing');
      const parsed = parseBackup(backupText);
      if (!parsed.backup) refuse(parsed.problems);
      return db.transaction('rw', allTables(), async () => {
        const existing = await readTables();
        progress.phase('planning');
        const result = planRestoreText(backupText, existing);
        if (!result.plan) refuse(result.problems);
        if (result.problems.length) refuse(result.problems);
        if (result.hash !== expectedHash) throw new RequestError('invalid-request', STALE);
        const plan = result.plan;
        const sizeOf = (t: RestorePlan['tables'][TableName]) => t.create.length + (options.overwriteConflicts ? t.conflicting.length : 0);
        progress.phase('writing', TABLE_NAMES.reduce((n, name) => n + sizeOf(plan.tables[name] as RestorePlan['tables'][TableName]), 0));
        let written = 0;
        const changedContacts: number[] = [];
        const changedTables = new Set<TableName>();
        const companyKeys: string[] = [];
        for (const name of TABLE_NAMES) {
          const t = plan.tables[name] as RestorePlan['tables'][TableName];
          const prepare = (r: unknown) => (name === 'contacts' ? withKeys(r as Contact) : r);
          const writes = [...t.create.map(prepare)];
          if (options.overwriteConflicts) writes.push(...t.conflicting.map((c) => prepare(c.incoming)));
          if (!writes.length) continue;
          changedTables.add(name);
          // Created records were given ids nothing holds: `add` (a clash would abort everything).
          // In chunks, so that the page hears how far the (single) transaction has got.
          const created = t.create.map(prepare);
          for (let i = 0; i < created.length; i += RESTORE_CHUNK) {
            await db.table(name).bulkAdd(created.slice(i, i + RESTORE_CHUNK));
            progress.tick((written += Math.min(RESTORE_CHUNK, created.length - i)));
          }
          if (options.overwriteConflicts && t.conflicting.length) {
            await db.table(name).bulkPut(t.conflicting.map((c) => prepare(c.incoming)));
            progress.tick((written += t.conflicting.length));
          }
          if (name === 'contacts') changedContacts.push(...(writes as Contact[]).map((c) => c.id));
          if (name === 'companies') companyKeys.push(...(writes as { nameKey: string }[]).map((c) => c.nameKey));
          if (name === 'interactions' || name === 'reminders') {
            for (const r of writes as { contactId?: number }[]) if (r.contactId !== undefined) changedContacts.push(r.contactId);
          }
        }
        const counts = Object.fromEntries(
          TABLE_NAMES.map((name) => {
            const t = plan.tables[name] as RestorePlan['tables'][TableName];
            return [name, { created: t.create.length, overwritten: options.overwriteConflicts ? t.conflicting.length : 0 }];
          }),
        ) as Record<TableName, { created: number; overwritten: number }>;
        return { counts, contactIds: unique(changedContacts), companyKeys: unique(companyKeys), tables: [...changedTables] };
      });
    },

    /** Every table as the JSON backup. */
    async exportBackup(): Promise<string> {
      const tables = await db.transaction('r', allTables(), readTables);
      return serializeBackup(tables, now());
    },

    async exportContactsCsv(): Promise<string> {
      return contactsCsv(await db.contacts.toArray());
    },

    async exportInteractionsCsv(): Promise<string> {
      const [interactions, contacts] = await db.transaction('r', db.interactions, db.contacts, () =>
        Promise.all([db.interactions.toArray(), db.contacts.toArray()]),
      );
      return interactionsCsv(interactions, contacts);
    },

    async exportVcard(): Promise<string> {
      const contacts = await db.contacts.toArray();
      return writeVCards([...contacts].sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id));
    },
  };
}
export type TransferService = ReturnType<typeof createTransferService>;
