// Shapes shared by every importer and the preview. An importer never writes anything: it turns
// a file into rows (what it could read), skips (rows it left out, with the reason) and problems
// (the file as a whole cannot be trusted: nothing may be written).
import type { z } from 'zod';
import type { ContactDraft } from '../model/contact';

export type ImportFormat =
  | 'linkedin-connections'
  | 'google-csv'
  | 'outlook-csv'
  | 'generic-csv'
  | 'vcard'
  | 'rapport-backup';

/**
 * A fatal problem: the file is refused and nothing is written. `line` is 1-based; it is absent
 * only when no line can be named (a JSON backup's record, named in the message instead).
 */
export interface Problem {
  line?: number;
  message: string;
}

/** A row left out of the import; the preview lists it with the reason. */
export interface Skip {
  line: number;
  reason: string;
}

/**
 * What one row can create: the fields a contact draft (ContactDraft) accepts, already validated
 * by that schema (so trimmed, e-mails lowercased, defaults filled). Never an id, introducer or
 * archive date: those belong to this notebook, not to a file from elsewhere.
 */
export type ImportDraft = Omit<z.output<typeof ContactDraft>, 'introducedBy' | 'archivedAt'>;

export interface ImportRow {
  /** 1-based line in the file where the record starts (a CSV record, a BEGIN:VCARD line). */
  line: number;
  draft: ImportDraft;
  /** Things changed or left out of this row (an invalid e-mail, an unreadable date). */
  warnings: string[];
}

export interface ParsedImport {
  rows: ImportRow[];
  skipped: Skip[];
  /** Non-empty: the file is refused; `rows` must not be written. */
  problems: Problem[];
  /** About the file as a whole (e.g. it was not UTF-8 and was read as Windows-1252). */
  notices: string[];
}
