// Request and answer shapes of the import / export / restore messages (see contract.ts).
// Only types are imported from utils/transfer/: the parsers (papaparse) stay out of every
// bundle that merely speaks the contract (content scripts).
import { z } from 'zod';
import { Id } from '../model/common';
import { ContactFields } from '../model/contact';
import type { TableName } from '../transfer/backup';
import type { MappableField } from '../transfer/csv-import';
import type { ImportFormat } from '../transfer/types';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assertSame = <_T extends true>() => undefined;

/** A file of at most 30 MB, sent as base64 (Chrome's messaging is JSON). */
export const MAX_IMPORT_BYTES = 30 * 1024 * 1024;
export const MAX_BASE64_CHARS = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;
/** A backup's text (Chrome refuses messages beyond 64 MB). */
export const MAX_BACKUP_CHARS = 50_000_000;

const MAPPABLE = [
  'name', 'firstName', 'middleName', 'lastName', 'email', 'phone', 'company', 'title', 'headline', 'location',
  'linkedinUrl', 'tags', 'notes', 'type', 'howWeMetEvent', 'howWeMetDate', 'howWeMetPlace', 'interests',
  'cadenceDays', 'nextFollowUp',
] as const;
assertSame<Same<(typeof MAPPABLE)[number], MappableField>>();

const FORMATS = ['linkedin-connections', 'google-csv', 'outlook-csv', 'generic-csv', 'vcard', 'rapport-backup'] as const;
assertSame<Same<(typeof FORMATS)[number], ImportFormat>>();

const TABLES = ['contacts', 'interactions', 'reminders', 'companies', 'pitches', 'settings'] as const;
assertSame<Same<(typeof TABLES)[number], TableName>>();
export const TableNameSchema = z.enum(TABLES);

export const ColumnMappingSchema = z.array(z.enum(MAPPABLE).nullable()).max(1_000);
export const FileName = z.string().trim().min(1).max(255);
export const Base64 = z
  .string()
  .min(1)
  .max(MAX_BASE64_CHARS)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
export const PlanHash = z.string().regex(/^[0-9a-f]{32}$/, 'not a plan hash');
export const BackupText = z.string().min(1).max(MAX_BACKUP_CHARS);

/** Chosen by the page for one import or restore: the worker's `transfer-progress` broadcasts carry it. */
export const JobId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a job id');

/** The picked file: its name (the format is told by it and the content), bytes and, for a generic CSV, the column mapping. */
export const ImportFileRequest = z.object({
  fileName: FileName,
  data: Base64,
  mapping: ColumnMappingSchema.optional(),
  job: JobId.optional(),
});

/** How far the worker has got with a job (throttled; see utils/background/transfer-progress.ts). */
export const TransferProgress = z.object({
  job: JobId,
  phase: z.enum(['parsing', 'planning', 'writing']),
  done: z.number().int().min(0),
  total: z.number().int().min(0),
});

const Count = z.number().int().min(0);
const Lines = z.array(z.number().int().min(1));
const Problem = z.object({ line: z.number().int().min(1).optional(), message: z.string() });
const ImportDraft = ContactFields.omit({ introducedBy: true, archivedAt: true });
const Fill = ContactFields.pick({
  headline: true, company: true, title: true, location: true, linkedinSlug: true, linkedinUrl: true, howWeMet: true,
  notes: true, type: true, interests: true, cadenceDays: true, nextFollowUp: true,
}).partial();
const Offered = ContactFields.pick({ headline: true, company: true, title: true, location: true }).partial();

export const ImportPreview = z.object({
  fileName: z.string(),
  format: z.enum([...FORMATS, 'unknown']),
  /** Send back with `import.apply`: the import is refused if the plan is no longer this one. */
  planHash: PlanHash,
  counts: z.object({ create: Count, update: Count, skip: Count, merged: Count, problems: Count }),
  /** The first rows of each kind (the counts are complete). */
  create: z.array(z.object({ lines: Lines, draft: ImportDraft, warnings: z.array(z.string()) })),
  update: z.array(
    z.object({
      contactId: Id,
      name: z.string(),
      lines: Lines,
      matchedBy: z.enum(['linkedin', 'email', 'name-company']),
      /** Fields the contact has no value for. */
      fill: Fill,
      /** Values that differ from the contact's (from the file's page data): applied only when accepted. */
      offered: Offered,
      addEmails: z.array(z.string()),
      addPhones: z.array(z.string()),
      addTags: z.array(z.string()),
      warnings: z.array(z.string()),
    }),
  ),
  skip: z.array(z.object({ line: z.number().int().min(1), reason: z.string() })),
  merged: z.array(z.object({ lines: Lines, reason: z.string() })),
  /** Non-empty: the file is refused and nothing can be imported. */
  problems: z.array(Problem),
  notices: z.array(z.string()),
  headers: z.array(z.string()).optional(),
  mapping: ColumnMappingSchema.optional(),
});
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportResult = z.object({
  created: z.array(Id),
  updated: z.array(Id),
  counts: z.object({ created: Count, updated: Count, skipped: Count }),
});

export const ExportFormat = z.enum(['backup-json', 'contacts-csv', 'interactions-csv', 'vcard']);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportFile = z.object({ fileName: z.string(), mimeType: z.string(), text: z.string() });

const TableCounts = <T extends z.ZodRawShape>(shape: T) => z.object(Object.fromEntries(TABLES.map((t) => [t, z.object(shape)])) as Record<(typeof TABLES)[number], z.ZodObject<T>>);

export const RestorePreview = z.object({
  /** Empty when the backup is refused (see problems). */
  planHash: z.union([PlanHash, z.literal('')]),
  counts: TableCounts({ create: Count, conflicting: Count, skip: Count }),
  /** Records both have with different content (the existing one stays unless overwritten). */
  conflicts: z.array(z.object({ table: TableNameSchema, id: z.union([z.number(), z.string()]), label: z.string() })),
  remapped: z.array(z.object({ table: TableNameSchema, from: z.number(), to: z.number(), reason: z.string() })),
  warnings: z.array(z.string()),
  problems: z.array(Problem),
});
export type RestorePreview = z.infer<typeof RestorePreview>;

export const RestoreResult = z.object({
  counts: TableCounts({ created: Count, overwritten: Count }),
  contactIds: z.array(Id),
  companyKeys: z.array(z.string()),
  tables: z.array(TableNameSchema),
});
