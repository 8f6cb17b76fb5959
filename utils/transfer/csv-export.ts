// Contacts and interactions as CSV for spreadsheets. Columns never move (new ones are only
// ever appended), so a user's formulas and other tools keep working; the contacts file reads
// back through the generic CSV import unchanged (its headers are in columnMapping's synonyms).
import Papa from 'papaparse';
import { canonicalProfileUrl } from '../linkedin/profile-url';
import type { Contact } from '../model/contact';
import type { Interaction } from '../model/interaction';
import { formatDate, guardFormula, joinList, stripControls } from './cells';

type Cell = string | number | undefined;

const date = (ms: number | undefined) => (ms === undefined ? '' : formatDate(ms));

/** Header → value. The last group is informational: ids and derived dates are not imported. */
export function contactColumns(nameOf: (id: number) => string | undefined): [string, (c: Contact) => Cell][] {
  return [
    ['Name', (c) => c.name],
    ['E-mails', (c) => joinList(c.emails)],
    ['Phones', (c) => joinList(c.phones)],
    ['Company', (c) => c.company],
    ['Title', (c) => c.title],
    ['Headline', (c) => c.headline],
    ['Location', (c) => c.location],
    // The canonical address when the profile is known (what the import reads the slug from).
    ['LinkedIn', (c) => (c.linkedinSlug ? canonicalProfileUrl(c.linkedinSlug) : c.linkedinUrl)],
    ['Tags', (c) => joinList(c.tags)],
    ['Type', (c) => c.type],
    ['How we met', (c) => c.howWeMet?.event],
    ['Met on', (c) => date(c.howWeMet?.date)],
    ['Met at', (c) => c.howWeMet?.place],
    ['Notes', (c) => c.notes],
    ['Interests', (c) => c.interests],
    ['Cadence (days)', (c) => c.cadenceDays],
    ['Next follow-up', (c) => date(c.nextFollowUp)],
    ['Introduced by', (c) => (c.introducedBy === undefined ? '' : (nameOf(c.introducedBy) ?? `#${c.introducedBy}`))],
    ['Last contacted', (c) => date(c.lastContacted)],
    ['Archived', (c) => date(c.archivedAt)],
    ['Created', (c) => date(c.createdAt)],
    ['Updated', (c) => date(c.updatedAt)],
    ['Rapport ID', (c) => c.id],
  ];
}

export const INTERACTION_HEADERS = [
  'Contact', 'When', 'Kind', 'Summary', 'Details', 'Source', 'Debrief', 'Contact ID', 'Interaction ID', 'Created', 'Updated',
] as const;

/** Every string cell loses control characters and goes through the formula guard (see cells.ts). */
const toCell = (value: Cell) => (value === undefined ? '' : typeof value === 'number' ? String(value) : guardFormula(stripControls(value)));

export interface CsvOptions {
  /** A UTF-8 byte-order mark, without which Excel reads "Markström" as "MarkstrÃ¶m". Default true. */
  bom?: boolean;
}

function unparse(fields: readonly string[], rows: Cell[][], options: CsvOptions): string {
  const text = Papa.unparse({ fields: [...fields], data: rows.map((row) => row.map(toCell)) }, { newline: '\r\n', quotes: false });
  return (options.bom ?? true ? '\uFEFF' : '') + text + '\r\n';
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Contacts sorted by name (then id, so the order is stable). */
export function contactsCsv(contacts: readonly Contact[], options: CsvOptions = {}): string {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const columns = contactColumns((id) => names.get(id));
  const sorted = [...contacts].sort((a, b) => collator.compare(a.name, b.name) || a.id - b.id);
  return unparse(columns.map(([h]) => h), sorted.map((c) => columns.map(([, get]) => get(c))), options);
}

/** The interaction log, oldest first, each line naming its contact. */
export function interactionsCsv(interactions: readonly Interaction[], contacts: readonly Contact[], options: CsvOptions = {}): string {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const sorted = [...interactions].sort((a, b) => a.when - b.when || a.id - b.id);
  const rows = sorted.map((i): Cell[] => [
    names.get(i.contactId) ?? `#${i.contactId}`,
    date(i.when),
    i.kind,
    i.summary,
    i.details,
    i.source,
    i.debrief ? Object.entries(i.debrief).map(([question, answer]) => `${question}: ${answer}`).join('; ') : '',
    i.contactId,
    i.id,
    date(i.createdAt),
    date(i.updatedAt),
  ]);
  return unparse(INTERACTION_HEADERS, rows, options);
}
