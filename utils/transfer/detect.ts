// Which kind of file the user picked, judged by its content (files get renamed; the name only
// breaks ties). For CSV, also where the header is: LinkedIn puts a "Notes:" preamble above it.
import Papa from 'papaparse';
import { decodeText, firstLines, looksBinary } from './text';
import type { ImportFormat } from './types';

export interface Detection {
  format: ImportFormat | 'unknown';
  /**
   * The decoded text that CSV and backup parsing continue from: BOM removed, every line break
   * (CRLF, CR) made "\n", so a file with mixed line ends (hand-edited, or notes written on an
   * old Mac) has one record separator. Values lose nothing: notes are kept with "\n" anyway.
   */
  text: string;
  /** About the decoding (e.g. read as Windows-1252). */
  notices: string[];
  /** Why the file is not recognised (format 'unknown'). */
  message?: string;
  /** CSV only: the header's 1-based line, its offset in `text`, its cells and the delimiter. */
  csv?: { headerLine: number; headerOffset: number; headers: string[]; delimiter: string };
}

/** How far down to look for a CSV header (LinkedIn's preamble is three lines). */
const HEADER_SCAN_LINES = 20;

/** Lowercase, no accents, single spaces: header names compare loosely. */
export const normHeader = (h: string) =>
  h.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[\s_]+/g, ' ').trim();

function splitHeader(line: string, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(line, { delimiter, newline: '\n' });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}

/** The CSV flavour a header belongs to, if it is one of the exports users already have. */
export function csvFlavour(headers: string[]): 'linkedin-connections' | 'google-csv' | 'outlook-csv' | undefined {
  const set = new Set(headers.map(normHeader));
  if (set.has('first name') && set.has('last name') && set.has('connected on')) return 'linkedin-connections';
  const numbered = [...set].some((h) => /^(e-mail|phone|organization) \d+ - (label|value|type|name)$/.test(h));
  if (numbered || set.has('group membership') || (set.has('labels') && set.has('file as'))) return 'google-csv';
  if (set.has('e-mail address') || set.has('e-mail 2 address') || (set.has('job title') && set.has('business phone'))) {
    return 'outlook-csv';
  }
  return undefined;
}

/** The delimiter giving a header line the most cells (Excel in many locales writes ";"). */
function guessDelimiter(line: string): string {
  let best = ',';
  let most = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = splitHeader(line, d).length;
    if (n > most) {
      most = n;
      best = d;
    }
  }
  return best;
}

export function detectFormat(name: string, input: string | Uint8Array): Detection {
  const decoded = decodeText(input);
  const text = decoded.text.replace(/\r\n?/g, '\n');
  const { notices } = decoded;
  const lowerName = name.toLowerCase();
  const unknown = (message: string): Detection => ({ format: 'unknown', message, text, notices });
  if (!text.trim()) return unknown('The file is empty.');
  if (looksBinary(text)) {
    return unknown('This is not a text file (it contains binary data). Pick a .csv, .vcf or Rapport backup (.json) file.');
  }
  const head = text.trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    if (/"format"\s*:\s*"rapport-backup"/.test(text.slice(0, 4096)) || (lowerName.endsWith('.json') && text.includes('rapport-backup'))) {
      return { format: 'rapport-backup', text, notices };
    }
    if (lowerName.endsWith('.json')) return unknown('This JSON file is not a Rapport backup.');
  }
  // vCards: the first non-blank line opens a card (notices about decoding do not apply: the
  // vCard reader decodes the bytes itself, after unfolding).
  if (/^begin:vcard[ \t]*(\n|$)/i.test(head)) return { format: 'vcard', text, notices: [] };
  if (/\.(vcf|vcard)$/.test(lowerName)) return unknown('Line 1: a vCard file must start with BEGIN:VCARD.');

  const lines = firstLines(text, HEADER_SCAN_LINES);
  // Excel's "sep=;" first line names the delimiter.
  let forced: string | undefined;
  let from = 0;
  const sep = /^sep=(.)$/i.exec(lines[0]?.text ?? '');
  if (sep) {
    forced = sep[1];
    from = 1;
  }
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line.text.trim()) continue;
    const headers = splitHeader(line.text, forced ?? ',');
    const flavour = csvFlavour(headers);
    if (flavour) {
      return {
        format: flavour,
        text,
        notices,
        csv: { headerLine: i + 1, headerOffset: line.start, headers, delimiter: forced ?? ',' },
      };
    }
  }
  // Anything else: the first non-blank line is the header of a CSV the user maps by hand.
  const first = lines.slice(from).find((l) => l.text.trim());
  if (first) {
    const delimiter = forced ?? guessDelimiter(first.text);
    const headers = splitHeader(first.text, delimiter);
    const named = headers.filter(Boolean).length;
    if (named >= 2 || (named === 1 && /\.(csv|tsv|txt)$/.test(lowerName))) {
      return {
        format: 'generic-csv',
        text,
        notices,
        csv: { headerLine: lines.indexOf(first) + 1, headerOffset: first.start, headers, delimiter },
      };
    }
  }
  return unknown('Not a file Rapport can import: expected a CSV with a header line, a vCard (.vcf) or a Rapport backup.');
}
