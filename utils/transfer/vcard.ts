// vCard 2.1 / 3.0 / 4.0 → import rows, and contacts → vCard 4.0.
//
// A small module of our own rather than ical.js (2.2.1), which was tried: it parses 3.0 and 4.0,
// but (1) works on decoded strings, so a fold that splits a UTF-8 character (allowed by
// RFC 6350 and produced by octet-counting writers) is already mojibake when it sees it; (2)
// leaves "\;" escaped in single-value text (NOTE:a\;b → "a\;b"); (3) throws one message for the
// whole file with no line number, and refuses it on the first bad card; (4) rejects vCard 2.1's
// bare parameters (TEL;CELL:) and ignores QUOTED-PRINTABLE. Working around all four would have
// left only its content-line splitter, which is a few lines here.
import { canonicalProfileUrl } from '../linkedin/profile-url';
import { stripControls } from './cells';
import { finishRow, readLinkedIn, type RawContact } from './draft';
import type { ImportRow, ParsedImport, Problem, Skip } from './types';

// ---------------------------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------------------------

interface LogicalLine {
  /** 1-based physical line where this (possibly folded) line starts. */
  line: number;
  text: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Unfolds (CRLF or LF followed by one space or tab is removed) BEFORE decoding when given
 * bytes, so a fold between the bytes of one character joins them back. Each logical line
 * remembers where it started, for messages.
 */
export function unfold(input: string | Uint8Array): { lines: LogicalLine[]; notices: string[] } {
  if (typeof input !== 'string') {
    // UTF-16 (a BOM says so) has no octet folding problem: decode first.
    if ((input[0] === 0xff && input[1] === 0xfe) || (input[0] === 0xfe && input[1] === 0xff)) {
      return unfold(new TextDecoder(input[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(input.subarray(2)));
    }
    const b = input;
    const out = new Uint8Array(b.length);
    let o = 0;
    const starts: number[] = [];
    let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    for (let physical = 1; ; physical++) {
      const lf = b.indexOf(0x0a, i);
      const next = lf === -1 ? b.length : lf;
      const end = next > i && b[next - 1] === 0x0d ? next - 1 : next;
      if (starts.length && end > i && (b[i] === 0x20 || b[i] === 0x09)) {
        out.set(b.subarray(i + 1, end), o);
        o += end - i - 1;
      } else {
        if (starts.length) out[o++] = 0x0a;
        starts.push(physical);
        out.set(b.subarray(i, end), o);
        o += end - i;
      }
      if (lf === -1) break;
      i = lf + 1;
    }
    let text: string;
    const notices: string[] = [];
    try {
      text = UTF8.decode(out.subarray(0, o));
    } catch {
      // vCard 2.1 files from old phones and Outlook may be in the Windows code page.
      text = new TextDecoder('windows-1252').decode(out.subarray(0, o));
      notices.push('The file is not UTF-8; it was read as Windows-1252 (Western European). Check accented names in the preview.');
    }
    return { lines: text.split('\n').map((t, k) => ({ line: starts[k]!, text: t })), notices };
  }
  const s = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const lines: LogicalLine[] = [];
  let i = 0;
  for (let physical = 1; ; physical++) {
    const lf = s.indexOf('\n', i);
    const next = lf === -1 ? s.length : lf;
    const end = next > i && s.charCodeAt(next - 1) === 0x0d ? next - 1 : next;
    const last = lines[lines.length - 1];
    if (last && end > i && (s[i] === ' ' || s[i] === '\t')) last.text += s.slice(i + 1, end);
    else lines.push({ line: physical, text: s.slice(i, end) });
    if (lf === -1) break;
    i = lf + 1;
  }
  return { lines, notices: [] };
}

export interface Property {
  group?: string;
  /** Uppercase. */
  name: string;
  /** Uppercase parameter names; vCard 2.1's bare parameters ("TEL;CELL:") are TYPE values. */
  params: Map<string, string[]>;
  /** Raw (still escaped) value. */
  value: string;
}

const NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)/;
// Sticky: matched at `lastIndex` without copying the rest of the line.
const PARAM_NAME = /[A-Za-z0-9-]*/y;
const PARAM_VALUE = /[^,;:]*/y;

/** `[group.]NAME(;PARAM[=value[,value]])*:value`, with quoted parameter values; null when not. */
export function parseContentLine(text: string): Property | null {
  const head = NAME.exec(text);
  if (!head) return null;
  let pos = head[0].length;
  const params = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const values = params.get(key);
    if (values) values.push(value);
    else params.set(key, [value]);
  };
  const match = (re: RegExp) => {
    re.lastIndex = pos;
    const m = re.exec(text)![0];
    pos += m.length;
    return m;
  };
  while (text[pos] === ';') {
    pos++;
    const key = match(PARAM_NAME);
    if (text[pos] !== '=') {
      if (key) add('TYPE', key.toUpperCase());
      continue;
    }
    pos++;
    for (;;) {
      let value: string;
      if (text[pos] === '"') {
        const close = text.indexOf('"', pos + 1);
        if (close === -1) return null;
        value = text.slice(pos + 1, close);
        pos = close + 1;
      } else value = match(PARAM_VALUE);
      // RFC 6868 caret escapes in parameter values.
      add(key.toUpperCase(), value.replace(/\^([n^'])/g, (_, c: string) => (c === 'n' ? '\n' : c === "'" ? '"' : '^')));
      if (text[pos] !== ',') break;
      pos++;
    }
  }
  if (text[pos] !== ':') return null;
  return { group: head[1], name: head[2]!.toUpperCase(), params, value: text.slice(pos + 1) };
}

/** Splits on `sep` where it is not escaped with a backslash (escapes are kept for unescapeText). */
function splitUnescaped(value: string, sep: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      current += c + value[i + 1];
      i++;
    } else if (c === sep) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

/** RFC 6350 §3.4 text escapes (and "\:" that Apple writes in URLs); other backslashes stay. */
export function unescapeText(value: string): string {
  return value.replace(/\\([\\,;:nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

const isQuotedPrintable = (p: Property) =>
  [...(p.params.get('ENCODING') ?? []), ...(p.params.get('TYPE') ?? [])].some((v) => v.toUpperCase() === 'QUOTED-PRINTABLE');

/** vCard 2.1 QUOTED-PRINTABLE: "=C3=85" are bytes in CHARSET (UTF-8 when not said). */
function decodeQuotedPrintable(value: string, charset: string | undefined): string {
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  for (let i = 0; i < value.length; i++) {
    const hex = value[i] === '=' ? /^[0-9A-Fa-f]{2}/.exec(value.slice(i + 1, i + 3)) : null;
    if (hex) {
      bytes.push(parseInt(hex[0], 16));
      i += 2;
    } else {
      const cp = value.codePointAt(i)!;
      if (cp > 0xffff) i++;
      bytes.push(...encoder.encode(String.fromCodePoint(cp)));
    }
  }
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(new Uint8Array(bytes));
  } catch {
    return new TextDecoder('utf-8').decode(new Uint8Array(bytes));
  }
}

/** Components (split on ";"), each a list (split on ","), decoded and unescaped. */
function structured(p: Property): string[][] {
  const qp = isQuotedPrintable(p);
  const charset = p.params.get('CHARSET')?.[0];
  return splitUnescaped(p.value, ';').map((component) =>
    splitUnescaped(component, ',').map((v) => unescapeText(qp ? decodeQuotedPrintable(v, charset) : v)),
  );
}

/** A single text value ("," and ";" are part of it). */
function textValue(p: Property): string {
  const raw = isQuotedPrintable(p) ? decodeQuotedPrintable(p.value, p.params.get('CHARSET')?.[0]) : p.value;
  return unescapeText(raw);
}

const isUri = (p: Property) => (p.params.get('VALUE') ?? []).some((v) => v.toLowerCase() === 'uri');

const KNOWN_VERSIONS = new Set(['2.1', '3.0', '4.0']);

/** One card's properties → raw values for the shared draft validation. */
function cardToRaw(props: Property[], warnings: string[]): RawContact {
  const all = (name: string) => props.filter((p) => p.name === name);
  const first = (name: string) => all(name).map(textValue).find((v) => v.trim());
  const version = first('VERSION')?.trim();
  if (version && !KNOWN_VERSIONS.has(version)) warnings.push(`vCard version ${version} is not 2.1, 3.0 or 4.0; read as 4.0`);

  // N: Family;Given;Additional;Prefix;Suffix — only when there is no FN.
  const n = all('N')[0];
  const nParts = n ? structured(n).map((list) => list.join(' ')) : [];
  const adr = all('ADR')[0];
  const adrParts = adr ? structured(adr).map((list) => list.join(' ')) : [];
  const org = all('ORG').map((p) => structured(p)[0]?.join(', ') ?? '').find((v) => v.trim());

  return {
    name: first('FN'),
    nameParts: [nParts[1], nParts[2], nParts[0]],
    emails: all('EMAIL').map((p) => textValue(p).replace(/^mailto:/i, '')),
    // vCard 4.0 may write phones as URIs (TEL;VALUE=uri:tel:+1-555-…).
    phones: all('TEL').map((p) => (isUri(p) ? textValue(p).replace(/^tel:/i, '') : textValue(p))),
    company: org,
    title: first('TITLE'),
    notes: all('NOTE').map(textValue),
    tags: all('CATEGORIES').flatMap((p) => structured(p).flat()).map((t) => t.trim()),
    // URL, and Apple's X-SOCIALPROFILE: only LinkedIn profiles are kept; other sites are no error.
    linkedin: [...all('URL'), ...all('X-SOCIALPROFILE')].map(textValue).filter((u) => readLinkedIn(u)),
    location: [adrParts[3], adrParts[6]].filter((s) => s?.trim()).join(', '),
  };
}

/** More problems than this are summarised. */
const MAX_PROBLEMS = 20;

/**
 * Every card of a file. Fatal (the file is refused): a card without END:VCARD, a BEGIN inside
 * a card, text outside cards, a line that is no property, no card at all. A card with neither
 * a name nor an e-mail address is skipped with the reason.
 */
export function parseVCard(input: string | Uint8Array): ParsedImport {
  const { lines, notices } = unfold(input);
  const rows: ImportRow[] = [];
  const skipped: Skip[] = [];
  const problems: Problem[] = [];
  const problem = (line: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message: `Line ${line}: ${message}` });
  };
  let card: { line: number; props: Property[] } | undefined;
  for (let k = 0; k < lines.length; k++) {
    const { line, text } = lines[k]!;
    if (!text.trim()) continue;
    const keyword = text.trim().toUpperCase();
    if (keyword === 'BEGIN:VCARD') {
      if (card) problem(card.line, `the card that begins here has no END:VCARD (a new card begins at line ${line}).`);
      card = { line, props: [] };
      continue;
    }
    if (keyword === 'END:VCARD') {
      if (!card) problem(line, 'END:VCARD without a BEGIN:VCARD.');
      else {
        const warnings: string[] = [];
        const result = finishRow(card.line, cardToRaw(card.props, warnings), warnings);
        if ('row' in result) rows.push(result.row);
        else skipped.push(result.skip);
      }
      card = undefined;
      continue;
    }
    if (!card) {
      problem(line, 'text outside a card (BEGIN:VCARD … END:VCARD).');
      continue;
    }
    const prop = parseContentLine(text);
    if (!prop) {
      problem(line, `not a vCard property line ("NAME:value"): "${text.length > 40 ? `${text.slice(0, 37)}…` : text}".`);
      continue;
    }
    // QUOTED-PRINTABLE soft line breaks: a value ending in "=" continues on the next line.
    if (isQuotedPrintable(prop)) {
      while (prop.value.endsWith('=') && k + 1 < lines.length) prop.value = prop.value.slice(0, -1) + lines[++k]!.text;
    }
    card.props.push(prop);
  }
  if (card) problem(card.line, 'the card that begins here has no END:VCARD.');
  if (!problems.length && !rows.length && !skipped.length) problems.push({ line: 1, message: 'Line 1: the file holds no vCard.' });
  if (problems.length === MAX_PROBLEMS) problems.push({ message: 'More problems follow; fix these first.' });
  return problems.length ? { rows: [], skipped: [], problems, notices } : { rows, skipped, problems, notices };
}

// ---------------------------------------------------------------------------------------------
// Writing (vCard 4.0, RFC 6350)
// ---------------------------------------------------------------------------------------------

export interface VCardContact {
  name: string;
  emails: readonly string[];
  phones: readonly string[];
  company?: string;
  title?: string;
  notes: string;
  tags: readonly string[];
  linkedinSlug?: string;
  linkedinUrl?: string;
}

/** Text escapes; every line break (CRLF, CR, LF) becomes "\n"; control characters are left out. */
export function escapeText(value: string): string {
  return stripControls(value)
    .replace(/[\\,;]/g, (c) => `\\${c}`)
    .replace(/\r\n|\r|\n/g, '\\n');
}

const utf8Length = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/**
 * Folds a content line at 75 octets (the leading space of a continuation counts), never inside
 * a UTF-8 character nor between a backslash and the character it escapes (legal, but naive
 * readers unescape before unfolding).
 */
export function foldLine(line: string): string {
  const LIMIT = 75;
  let out = '';
  let octets = 0;
  for (const [unit] of line.matchAll(/\\[^]|[^]/gu)) {
    let size = 0;
    for (const ch of unit) size += utf8Length(ch.codePointAt(0)!);
    if (octets + size > LIMIT) {
      out += '\r\n ';
      octets = 1;
    }
    out += unit;
    octets += size;
  }
  return `${out}\r\n`;
}

/** "Ada King Lovelace" → N:Lovelace;Ada King;;; (the last word is taken as the family name). */
function nameComponents(name: string): [string, string] {
  const words = name.trim().split(/\s+/);
  if (words.length < 2) return ['', words[0] ?? ''];
  return [words[words.length - 1]!, words.slice(0, -1).join(' ')];
}

/** One contact as a vCard 4.0 (CRLF line ends, folded, UTF-8 text to be saved as such). */
export function writeVCard(contact: VCardContact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(contact.name)}`];
  const [family, given] = nameComponents(contact.name);
  lines.push(`N:${escapeText(family)};${escapeText(given)};;;`);
  if (contact.company) lines.push(`ORG:${escapeText(contact.company)}`);
  if (contact.title) lines.push(`TITLE:${escapeText(contact.title)}`);
  for (const email of contact.emails) lines.push(`EMAIL:${escapeText(email)}`);
  for (const phone of contact.phones) lines.push(`TEL:${escapeText(phone)}`);
  const url = contact.linkedinSlug ? canonicalProfileUrl(contact.linkedinSlug) : contact.linkedinUrl;
  if (url) lines.push(`URL;TYPE=linkedin:${escapeText(url)}`);
  if (contact.tags.length) lines.push(`CATEGORIES:${contact.tags.map(escapeText).join(',')}`);
  if (contact.notes) lines.push(`NOTE:${escapeText(contact.notes)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('');
}

/** Several contacts in one .vcf file. */
export function writeVCards(contacts: readonly VCardContact[]): string {
  return contacts.map(writeVCard).join('');
}
