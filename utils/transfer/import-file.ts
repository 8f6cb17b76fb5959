// One entry point for the import screen: a picked file (name + bytes) → what it is and what it
// holds, ready for planImport / planRestore. Never throws: every failure is a problem to show.
import { parseBackup, type Backup } from './backup';
import { parseCsv, type ColumnMapping } from './csv-import';
import { detectFormat } from './detect';
import type { ImportFormat, ParsedImport } from './types';
import { parseVCard } from './vcard';

export interface ImportFile extends ParsedImport {
  format: ImportFormat | 'unknown';
  /** CSV: the header cells, for the column-mapping step. */
  headers?: string[];
  /** Generic CSV: the mapping used (the suggestion unless one was passed). */
  mapping?: ColumnMapping;
  /** Backups: the validated backup, for planRestore. */
  backup?: Backup;
}

/** Larger files are refused before parsing (a contact list of 50 MB is not a contact list). */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

const refused = (format: ImportFile['format'], message: string, line?: number): ImportFile => ({
  format,
  rows: [],
  skipped: [],
  notices: [],
  problems: [line === undefined ? { message } : { line, message }],
});

export function readImportFile(name: string, input: string | Uint8Array, options: { mapping?: ColumnMapping } = {}): ImportFile {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_FILE_BYTES) return refused('unknown', `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  try {
    const detected = detectFormat(name, input);
    switch (detected.format) {
      case 'unknown':
        return refused('unknown', detected.message ?? 'Not a file Rapport can import.');
      case 'vcard':
        return { format: 'vcard', ...parseVCard(input) };
      case 'rapport-backup': {
        const { backup, problems } = parseBackup(detected.text);
        return { format: 'rapport-backup', rows: [], skipped: [], notices: detected.notices, problems, ...(backup ? { backup } : {}) };
      }
      default: {
        const parsed = parseCsv(detected.text, detected.format, detected.csv!, options.mapping);
        return { format: detected.format, ...parsed, notices: [...detected.notices, ...parsed.notices] };
      }
    }
  } catch (error) {
    // A bug of ours, not the user's file: still no partial import, and a message to report.
    return refused('unknown', `Rapport could not read this file (${error instanceof Error ? error.message : String(error)}).`);
  }
}
