// CSV files → import rows, with papaparse doing the RFC 4180 part (quotes, embedded commas,
// quotes and line breaks). One reader for the table, then one small function per flavour:
// LinkedIn Connections.csv, Google Contacts (current and legacy), Outlook, and any other CSV
// through a column mapping.
import Papa from 'papaparse';
import { splitList, unguardFormula } from './cells';
import { normHeader, type Detection } from './detect';
import { finishRow, readLinkedIn, type RawContact } from './draft';
import { lineIndex } from './text';
import type { ImportFormat, ImportRow, ParsedImport, Problem, Skip } from './types';

export interface CsvRecord {
  /** 1-based line where the record starts (a quoted line break makes a record span lines). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  headers: string[];
  records: CsvRecord[];
  /** Fatal: the table cannot be trusted. */
  problems: Problem[];
}

export type CsvLayout = NonNullable<Detection['csv']>;

/** More problems than this are summarised: the user needs the first ones, not a thousand. */
const MAX_PROBLEMS = 20;

/**
 * Reads the table from its header on. Fatal, because every later value could be in the wrong
 * place: a quoted field that never closes, a quote inside a quoted field that is not doubled,
 * a record with more (non-empty) fields than the header. A record with fewer fields is padded:
 * spreadsheet programs drop trailing empty cells. Blank records are ignored.
 */
export function readCsvTable(text: string, layout: CsvLayout): CsvTable {
  // `text` and `layout` come from detectFormat: line breaks are "\n" only.
  const lineAt = lineIndex(text);
  const body = text.slice(layout.headerOffset);
  const problems: Problem[] = [];
  const records: CsvRecord[] = [];
  let headers: string[] | undefined;
  let start = 0;
  const problem = (offset: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line: lineAt(layout.headerOffset + offset), message });
  };

  Papa.parse<string[]>(body, {
    delimiter: layout.delimiter,
    newline: '\n',
    skipEmptyLines: false,
    step: (result) => {
      const rowStart = start;
      start = result.meta.cursor;
      for (const error of result.errors) {
        const at = error.index ?? rowStart;
        if (error.code === 'MissingQuotes') {
          problem(at, `Line ${lineAt(layout.headerOffset + at)}: a quoted field is never closed (a " is missing), so the rest of the file cannot be read.`);
        } else if (error.code === 'InvalidQuotes') {
          problem(at, `Line ${lineAt(layout.headerOffset + at)}: a quote inside a quoted field must be doubled ("").`);
        }
      }
      const cells = result.data;
      if (!headers) {
        headers = cells.map((h) => h.trim());
        return;
      }
      if (cells.every((c) => !c.trim())) return;
      const line = lineAt(layout.headerOffset + rowStart);
      if (cells.length > headers.length) {
        if (cells.slice(headers.length).some((c) => c.trim())) {
          problem(
            rowStart,
            `Line ${line}: ${cells.length} fields where the header has ${headers.length}. A value containing "${layout.delimiter === '\t' ? 'tab' : layout.delimiter}" is probably not quoted.`,
          );
        }
        cells.length = headers.length;
      }
      while (cells.length < headers.length) cells.push('');
      records.push({ line, cells });
    },
  });
  if (problems.length === MAX_PROBLEMS) problems.push({ message: 'More problems follow; fix these first.' });
  return { headers: headers ?? [], records, problems };
}

/** Looks columns up by loose header name; repeated headers: the first one. */
function columns(headers: string[]) {
  const byName = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normHeader(h);
    if (!byName.has(key)) byName.set(key, i);
  });
  return {
    index: (name: string) => byName.get(name),
    matching: (re: RegExp) => headers.map((h, i) => [normHeader(h), i] as const).filter(([h]) => re.test(h)).map(([, i]) => i),
  };
}

const cell = (record: CsvRecord, index: number | undefined) => (index === undefined ? '' : (record.cells[index] ?? ''));

function collect(table: CsvTable, toRaw: (record: CsvRecord, warnings: string[]) => RawContact): Pick<ParsedImport, 'rows' | 'skipped'> {
  const rows: ImportRow[] = [];
  const skipped: Skip[] = [];
  for (const record of table.records) {
    const warnings: string[] = [];
    const result = finishRow(record.line, toRaw(record, warnings), warnings);
    if ('row' in result) rows.push(result.row);
    else skipped.push(result.skip);
  }
  return { rows, skipped };
}

// ---- LinkedIn Connections.csv ----

export const LINKEDIN_EVENT = 'Connected on LinkedIn';

function linkedinRows(table: CsvTable) {
  const c = columns(table.headers);
  const [first, last, url, email, company, position, connected] = [
    'first name', 'last name', 'url', 'email address', 'company', 'position', 'connected on',
  ].map(c.index);
  return collect(table, (r) => ({
    nameParts: [cell(r, first), cell(r, last)],
    linkedin: [cell(r, url)],
    emails: [cell(r, email)],
    company: cell(r, company),
    title: cell(r, position),
    // Every row is a LinkedIn connection; the date says when.
    howWeMetEvent: LINKEDIN_EVENT,
    howWeMetDate: cell(r, connected),
  }));
}

// ---- Google Contacts (current and legacy) ----

/** Google puts several values of one kind in one cell: "a@x.org ::: b@y.org". */
const splitGoogle = (value: string) => value.split(':::').map((s) => s.trim()).filter(Boolean);

/**
 * Google's own groups are membership flags, not labels the user made: "* myContacts" (every
 * contact) and "* starred" are dropped; other "* " system groups of the legacy format
 * ("* Friends", "* Family", "* Coworkers") are kept without the star.
 */
const GOOGLE_SYSTEM_GROUPS = new Set(['mycontacts', 'my contacts', 'starred', 'other contacts']);

export function googleLabels(value: string): string[] {
  return splitGoogle(value).flatMap((label) => {
    if (!label.startsWith('*')) return [label];
    const bare = label.replace(/^\*\s*/, '');
    return GOOGLE_SYSTEM_GROUPS.has(bare.toLowerCase()) || !bare ? [] : [bare];
  });
}

function googleRows(table: CsvTable) {
  const c = columns(table.headers);
  const emails = c.matching(/^e-mail \d+ - value$/);
  const phones = c.matching(/^phone \d+ - value$/);
  const websites = c.matching(/^website \d+ - value$/);
  // "Organization Name" (current) or "Organization 1 - Name" … (legacy, any count): groups by number.
  const orgs = new Map<string, { name?: number; title?: number }>();
  table.headers.forEach((h, i) => {
    const m = /^organization(?: (\d+) -)? (name|title)$/.exec(normHeader(h));
    if (!m) return;
    const group = orgs.get(m[1] ?? '') ?? {};
    if (group[m[2] as 'name' | 'title'] === undefined) group[m[2] as 'name' | 'title'] = i;
    orgs.set(m[1] ?? '', group);
  });
  const orgGroups = [...orgs.values()];
  const name = c.index('name');
  const parts = [c.index('first name') ?? c.index('given name'), c.index('middle name') ?? c.index('additional name'), c.index('last name') ?? c.index('family name')];
  const [nickname, fileAs, notes] = ['nickname', 'file as', 'notes'].map(c.index);
  const labels = c.index('labels') ?? c.index('group membership');
  const [city, country] = ['address 1 - city', 'address 1 - country'].map(c.index);
  return collect(table, (r) => {
    // The first organisation with a name is the current employer; its title goes with it.
    const org = orgGroups.find((g) => cell(r, g.name).trim()) ?? orgGroups.find((g) => cell(r, g.title).trim());
    return {
      name: cell(r, name),
      nameParts: parts.map((i) => cell(r, i)).some((p) => p.trim())
        ? parts.map((i) => cell(r, i))
        : [cell(r, nickname) || cell(r, fileAs)],
      emails: emails.flatMap((i) => splitGoogle(cell(r, i))),
      phones: phones.flatMap((i) => splitGoogle(cell(r, i))),
      company: cell(r, org?.name),
      title: cell(r, org?.title),
      notes: [cell(r, notes)],
      tags: googleLabels(cell(r, labels)),
      // A website is only taken when it is a LinkedIn profile; other sites are not errors.
      linkedin: websites.flatMap((i) => splitGoogle(cell(r, i))).filter((w) => readLinkedIn(w)),
      location: [cell(r, city), cell(r, country)].filter((s) => s.trim()).join(', '),
    };
  });
}

// ---- Outlook ----

function outlookRows(table: CsvTable) {
  const c = columns(table.headers);
  const parts = ['first name', 'middle name', 'last name'].map(c.index);
  const emails = ['e-mail address', 'e-mail 2 address', 'e-mail 3 address'].map(c.index);
  // Every phone column except faxes and other people's numbers (assistant, company switchboard).
  const phones = c.matching(/phone/).filter((i) => !/assistant|company main|tty/.test(normHeader(table.headers[i]!)));
  const webs = c.matching(/web page$/);
  const [nickname, company, jobTitle, notes, categories] = ['nickname', 'company', 'job title', 'notes', 'categories'].map(c.index);
  // Desktop Outlook says "Country/Region", Outlook.com "Country".
  const business = [c.index('business city'), c.index('business country/region') ?? c.index('business country')];
  const home = [c.index('home city'), c.index('home country/region') ?? c.index('home country')];
  return collect(table, (r) => {
    const place = (cols: (number | undefined)[]) => cols.map((i) => cell(r, i).trim()).filter(Boolean).join(', ');
    return {
      // Outlook's "Title" column is the name prefix (Mr., Dr.); the job is "Job Title".
      nameParts: parts.map((i) => cell(r, i)).some((p) => p.trim()) ? parts.map((i) => cell(r, i)) : [cell(r, nickname)],
      emails: emails.map((i) => cell(r, i)),
      phones: phones.map((i) => cell(r, i)),
      company: cell(r, company),
      title: cell(r, jobTitle),
      notes: [cell(r, notes)],
      tags: cell(r, categories).split(';').map((s) => s.trim()),
      linkedin: webs.map((i) => cell(r, i)).filter((w) => readLinkedIn(w)),
      location: place(business) || place(home),
    };
  });
}

// ---- Any other CSV: a column mapping ----

export const MAPPABLE_FIELDS = [
  'name', 'firstName', 'middleName', 'lastName', 'email', 'phone', 'company', 'title', 'headline', 'location',
  'linkedinUrl', 'tags', 'notes', 'type', 'howWeMetEvent', 'howWeMetDate', 'howWeMetPlace', 'interests',
  'cadenceDays', 'nextFollowUp',
] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/** One entry per column, in header order: the field it fills, or null to ignore the column. */
export type ColumnMapping = (MappableField | null)[];

/** Fields several columns may fill (each adds values); the others take one column. */
const MULTI: ReadonlySet<MappableField> = new Set(['email', 'phone', 'tags', 'notes']);

/**
 * Header names per field, most specific first. Exact names are tried before "contains" so
 * "E-mail" beats "E-mail type"; Rapport's own export headers are the first entries.
 */
const SYNONYMS: [MappableField, string[]][] = [
  ['name', ['name', 'full name', 'display name', 'contact name', 'contact', 'person']],
  ['firstName', ['first name', 'firstname', 'given name', 'forename', 'first']],
  ['middleName', ['middle name', 'additional name', 'middle']],
  ['lastName', ['last name', 'lastname', 'surname', 'family name', 'last']],
  ['email', ['e-mails', 'email', 'e-mail', 'emails', 'email address', 'e-mail address', 'mail', 'work email', 'personal email']],
  ['phone', ['phones', 'phone', 'phone number', 'telephone', 'tel', 'mobile', 'cell', 'mobile phone', 'work phone']],
  ['company', ['company', 'organization', 'organisation', 'employer', 'company name', 'org', 'account', 'account name']],
  ['title', ['title', 'job title', 'position', 'role', 'job', 'occupation']],
  ['headline', ['headline', 'tagline', 'bio']],
  ['location', ['location', 'city', 'place of residence', 'based in']],
  ['linkedinUrl', ['linkedin', 'linkedin url', 'linkedin profile', 'profile url', 'profile', 'url']],
  ['tags', ['tags', 'tag', 'labels', 'label', 'categories', 'category', 'groups', 'group', 'lists']],
  ['notes', ['notes', 'note', 'comments', 'comment', 'description', 'remarks']],
  ['type', ['type', 'contact type', 'relationship']],
  ['howWeMetEvent', ['how we met', 'how met', 'met through', 'source', 'event']],
  ['howWeMetDate', ['met on', 'date met', 'connected on', 'met date', 'date']],
  ['howWeMetPlace', ['met at', 'where we met', 'place']],
  ['interests', ['interests', 'hobbies']],
  ['cadenceDays', ['cadence (days)', 'cadence', 'keep in touch (days)', 'keep in touch']],
  ['nextFollowUp', ['next follow-up', 'next follow up', 'follow-up', 'follow up', 'follow-up date', 'follow up date']],
];

/** Header name → its field and its place in SYNONYMS (earlier wins). */
const SYNONYM_RANK = new Map<string, { field: MappableField; order: number }>();
SYNONYMS.forEach(([field, names], f) =>
  names.forEach((name, n) => SYNONYM_RANK.has(name) || SYNONYM_RANK.set(name, { field, order: f * 100 + n })),
);

/** Words that, inside a longer header, point at a field ("Work e-mail 2" → email). */
const CONTAINS: [MappableField, RegExp][] = [
  ['linkedinUrl', /linkedin/],
  ['email', /\be-?mail\b(?!.*\b(type|label)\b)/],
  ['phone', /\b(phone|mobile|cell|tel)\b(?!.*\b(type|label)\b)/],
  ['firstName', /\b(first|given) name\b/],
  ['lastName', /\b(last|family) name\b|\bsurname\b/],
  ['company', /\b(company|organi[sz]ation|employer)\b(?!.*\b(phone|address|type)\b)/],
  ['title', /\b(job title|position)\b/],
  ['tags', /\b(tags?|labels?|categor(y|ies))\b/],
  ['notes', /\bnotes?\b/],
];

/** A suggested mapping for a CSV's headers; the user confirms or corrects it. */
export function columnMapping(headers: string[]): ColumnMapping {
  const mapping: ColumnMapping = headers.map(() => null);
  const taken = new Set<MappableField>();
  const assign = (i: number, field: MappableField) => {
    if (mapping[i] || (taken.has(field) && !MULTI.has(field))) return false;
    mapping[i] = field;
    taken.add(field);
    return true;
  };
  // Long cells are no header names; clipping keeps the "contains" patterns cheap on junk.
  const normed = headers.map((h) => normHeader(h.slice(0, 200)));
  // Exact names first, in SYNONYMS order (field, then name, then column): one pass over the columns.
  const exact = normed
    .map((h, column) => ({ column, rank: SYNONYM_RANK.get(h) }))
    .filter((c): c is { column: number; rank: { field: MappableField; order: number } } => c.rank !== undefined)
    .sort((a, b) => a.rank.order - b.rank.order || a.column - b.column);
  for (const { column, rank } of exact) assign(column, rank.field);
  for (const [field, re] of CONTAINS) normed.forEach((h, i) => re.test(h) && assign(i, field));
  return mapping;
}

/**
 * Several addresses in one cell: "<…>" forms ("Ada <ada@example.org>") give the bracketed
 * address; otherwise "," ";" and spaces separate (an address cannot contain them).
 */
export function splitEmails(value: string): string[] {
  // One pass rather than a regex: a cell like "<a@a@a@…" must not backtrack for minutes.
  const bracketed: string[] = [];
  let open = -1;
  for (let i = 0; i < value.length; i++) {
    if (value[i] === '<') open = i;
    else if (value[i] === '>' && open !== -1) {
      const inside = value.slice(open + 1, i);
      if (inside.includes('@') && !/\s/.test(inside)) bracketed.push(inside);
      open = -1;
    }
  }
  return bracketed.length ? bracketed : value.split(/[\s,;]+/);
}

/** Rows of any CSV through a mapping (from columnMapping, possibly corrected by the user). */
export function applyMapping(table: CsvTable, mapping: ColumnMapping): Pick<ParsedImport, 'rows' | 'skipped'> {
  const by = (field: MappableField) => mapping.flatMap((f, i) => (f === field ? [i] : []));
  const one = (field: MappableField) => by(field)[0];
  const fields = Object.fromEntries(MAPPABLE_FIELDS.map((f) => [f, one(f)])) as Record<MappableField, number | undefined>;
  const [emails, phones, tags, notes] = [by('email'), by('phone'), by('tags'), by('notes')];
  return collect(table, (r) => {
    // Rapport's export guards formula-like cells with a "'"; take it off again.
    const get = (i: number | undefined) => unguardFormula(cell(r, i));
    return {
      name: get(fields.name),
      nameParts: [get(fields.firstName), get(fields.middleName), get(fields.lastName)],
      emails: emails.flatMap((i) => splitEmails(get(i))),
      phones: phones.flatMap((i) => splitList(get(i))),
      tags: tags.flatMap((i) => splitList(get(i))),
      notes: notes.map(get),
      company: get(fields.company),
      title: get(fields.title),
      headline: get(fields.headline),
      location: get(fields.location),
      linkedin: [get(fields.linkedinUrl)],
      type: get(fields.type),
      howWeMetEvent: get(fields.howWeMetEvent),
      howWeMetDate: get(fields.howWeMetDate),
      howWeMetPlace: get(fields.howWeMetPlace),
      interests: get(fields.interests),
      cadenceDays: get(fields.cadenceDays),
      nextFollowUp: get(fields.nextFollowUp),
    };
  });
}

export interface ParsedCsv extends ParsedImport {
  headers: string[];
  /** The mapping used (generic CSV only): the suggestion unless one was given. */
  mapping?: ColumnMapping;
}

/** A CSV of a detected flavour → rows. `mapping` applies to 'generic-csv' only. */
export function parseCsv(
  text: string,
  format: Extract<ImportFormat, `${string}-csv` | 'linkedin-connections'>,
  layout: CsvLayout,
  mapping?: ColumnMapping,
): ParsedCsv {
  const table = readCsvTable(text, layout);
  const empty = { rows: [], skipped: [], notices: [], headers: table.headers };
  if (table.problems.length) return { ...empty, problems: table.problems };
  if (!table.records.length) {
    return { ...empty, problems: [{ line: layout.headerLine, message: `Line ${layout.headerLine}: the file has a header but no rows.` }] };
  }
  if (format === 'generic-csv') {
    const used = mapping ?? columnMapping(table.headers);
    if (used.length !== table.headers.length) {
      return { ...empty, problems: [{ line: layout.headerLine, message: 'The column mapping does not match the header.' }] };
    }
    const picked = new Set(used);
    if (!picked.has('name') && !picked.has('firstName') && !picked.has('lastName') && !picked.has('email')) {
      return {
        ...empty,
        mapping: used,
        problems: [{ line: layout.headerLine, message: `Line ${layout.headerLine}: no column holds a name or an e-mail address. Choose which columns to import.` }],
      };
    }
    return { ...applyMapping(table, used), problems: [], notices: [], headers: table.headers, mapping: used };
  }
  const read = format === 'linkedin-connections' ? linkedinRows : format === 'google-csv' ? googleRows : outlookRows;
  return { ...read(table), problems: [], notices: [], headers: table.headers };
}
