// How one CSV cell carries a value, shared by the export and the import so that a file Rapport
// wrote reads back unchanged: lists, dates, and the guard against spreadsheet formulas.

// ---- Lists (e-mails, phones, tags in one cell) ----

/**
 * Joined with "; " (readable in a spreadsheet). A ";" or "\" inside an item is escaped with
 * "\" so a tag like "R&D; EMEA" survives the round trip.
 */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/[\\;]/g, (c) => `\\${c}`)).join('; ');
}

/**
 * Splits on unescaped ";" and on line breaks; "\;" and "\\" are unescaped, any other
 * backslash is kept (a path or a stray backslash from another program is left as written).
 */
export function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i]!;
    if (c === '\\' && (cell[i + 1] === ';' || cell[i + 1] === '\\')) {
      current += cell[i + 1];
      i++;
    } else if (c === ';' || c === '\n' || c === '\r') {
      items.push(current);
      current = '';
    } else current += c;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter(Boolean);
}

// ---- Control characters ----

/**
 * C0 control characters other than tab and line breaks (and DEL) cannot be typed, show as
 * nothing or boxes, are not allowed in vCard values (RFC 6350 VALUE-CHAR), and make a file look
 * binary to importers (ours included). Exports leave them out.
 */
export function stripControls(text: string): string {
  return text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, '');
}

// ---- Formula guard ----

/**
 * A cell starting with = + - @ (or tab / CR) is run as a formula by Excel, LibreOffice and
 * Google Sheets: a note like "=HYPERLINK(…)" from a web page must not become one (OWASP "CSV
 * injection"). Such cells get a leading "'", which spreadsheets treat as "text". Cells that
 * already start with "'" before one of those characters get one more, so the import can remove
 * exactly one and give back the original. Phone numbers like "+46 …" are prefixed too: the
 * price of a rule with no exceptions.
 */
const FORMULA = /^'*[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA.test(cell) ? cell.slice(1) : cell;
}

// ---- Dates ----

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A timestamp for a CSV cell: "2024-03-12" when it is a local midnight (how-we-met dates,
 * follow-up days), else the exact ISO instant ("2024-03-12T13:05:00.000Z"). Both read back to
 * the same millisecond.
 */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  const year = d.getFullYear();
  if (d.getHours() === 0 && d.getMinutes() === 0 && d.getSeconds() === 0 && d.getMilliseconds() === 0 && year >= 1000 && year <= 9999) {
    return `${year}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }
  return d.toISOString();
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function localMidnight(year: number, month: number, day: number): number | undefined {
  if (month < 0 || month > 11 || day < 1 || day > 31) return undefined;
  const d = new Date(year, month, day);
  // Rolled over ("31 Feb") or a two-digit year the Date constructor would read as 19xx.
  if (d.getFullYear() !== year || d.getMonth() !== month || d.getDate() !== day) return undefined;
  return d.getTime();
}

function monthIndex(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase());
}

/**
 * A date as files write them, to epoch ms (undefined when unreadable). Calendar dates become
 * local midnight: "12 Mar 2024" (LinkedIn), "Mar 12, 2024", "2024-03-12"; full ISO instants
 * keep their time. Ambiguous numeric forms ("03/04/2024": March or April?) are refused rather
 * than guessed.
 */
export function parseDate(text: string): number | undefined {
  const s = text.trim();
  let m = /^(\d{1,2})[ -]([A-Za-z]{3,9})\.?,?[ -](\d{4})$/.exec(s);
  if (m) return localMidnight(Number(m[3]), monthIndex(m[2]!), Number(m[1]));
  m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(s);
  if (m) return localMidnight(Number(m[3]), monthIndex(m[1]!), Number(m[2]));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return localMidnight(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (/^[+-]?\d{4,6}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const ms = Date.parse(s);
    return Number.isFinite(ms) ? ms : undefined;
  }
  // Unambiguous day/month/year only: the first number is a day when it exceeds 12.
  m = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(s);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (a > 12 && b <= 12) return localMidnight(Number(m[3]), b - 1, a);
    if (b > 12 && a <= 12) return localMidnight(Number(m[3]), a - 1, b);
  }
  return undefined;
}
