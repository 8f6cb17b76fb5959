// The last step of every importer: loose values read from a file → a draft the store accepts,
// or a skip with the reason. Bad single values (an invalid e-mail, an unreadable date) are
// left out with a warning rather than costing the whole row.
import type { z } from 'zod';
import { canonicalProfileUrl, parseProfileUrl } from '../linkedin/profile-url';
import { ContactDraft, Email, Phone, Tag } from '../model/contact';
import { parseDate } from './cells';
import type { ImportDraft, ImportRow, Skip } from './types';

/** Values as read from a file, before any validation. */
export interface RawContact {
  name?: string;
  /** Used when `name` is empty: joined with spaces. */
  nameParts?: (string | undefined)[];
  emails?: string[];
  phones?: string[];
  tags?: string[];
  /** Several note cells/properties are joined with a blank line. */
  notes?: string[];
  company?: string;
  title?: string;
  headline?: string;
  location?: string;
  /** A profile URL (any LinkedIn form, with or without scheme). */
  linkedin?: string[];
  howWeMetEvent?: string;
  /** Text to parse, or epoch ms. */
  howWeMetDate?: string | number;
  howWeMetPlace?: string;
  type?: string;
  interests?: string;
  cadenceDays?: string;
  nextFollowUp?: string;
}

const MAX_EMAILS = 20;
const MAX_PHONES = 20;
const MAX_TAGS = 100;

const FIELD_LABELS: Record<string, string> = {
  name: 'name',
  headline: 'headline',
  company: 'company',
  title: 'title',
  location: 'location',
  emails: 'e-mail',
  phones: 'phone',
  tags: 'tag',
  type: 'contact type',
  howWeMet: 'how we met',
  notes: 'notes',
  interests: 'interests',
  cadenceDays: 'cadence',
  nextFollowUp: 'next follow-up',
  linkedinUrl: 'LinkedIn address',
  linkedinSlug: 'LinkedIn profile',
};

/** A zod issue in words a user can act on ("name is longer than 200 characters"). */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = FIELD_LABELS[String(issue.path[0])] ?? issue.path.join('.');
  if (issue.code === 'too_big') {
    return issue.origin === 'array'
      ? `more than ${String(issue.maximum)} values for ${field}`
      : `${field} is longer than ${String(issue.maximum)} characters`;
  }
  if (issue.code === 'too_small' && issue.origin === 'string') return `${field} is empty`;
  return `${field}: ${issue.message}`;
}

/** Single-line fields: line breaks (a wrapped spreadsheet cell) become one space; ends trimmed. */
const clean = (s: string | undefined) => s?.replace(/[^\S\r\n]*[\r\n]+\s*/g, ' ').trim() || undefined;
const lf = (s: string) => s.replace(/\r\n?/g, '\n');
const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;

/** A LinkedIn profile from a cell: full URL, "www.linkedin.com/in/…" without scheme, or "linkedin.com/in/…". */
export function readLinkedIn(value: string): { slug: string; url: string } | undefined {
  const v = value.trim();
  if (!v) return undefined;
  const withScheme = /^[a-z]+:\/\//i.test(v) ? v : `https://${v}`;
  const ref = parseProfileUrl(withScheme);
  return ref ? { slug: ref.slug, url: canonicalProfileUrl(ref.slug) } : undefined;
}

function unique(values: string[], key: (s: string) => string): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const k = key(v);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** Validated e-mails, phones and tags, with a warning for each one left out. */
function validList<T extends z.ZodType<string, string>>(
  values: string[] | undefined,
  schema: T,
  max: number,
  what: string,
  warnings: string[],
  key: (s: string) => string,
): string[] {
  const ok: string[] = [];
  for (const raw of values ?? []) {
    if (!raw.trim()) continue;
    const parsed = schema.safeParse(raw);
    if (parsed.success) ok.push(parsed.data);
    else warnings.push(`${quote(raw.trim())} is not a valid ${what}; left out`);
  }
  const distinct = unique(ok, key);
  if (distinct.length > max) {
    warnings.push(`only the first ${max} ${what}s are kept (${distinct.length} in the file)`);
    return distinct.slice(0, max);
  }
  return distinct;
}

/** Digits and a leading "+": "+46 70-123 45 67" and "+46701234567" are one number. Without digits: the text. */
export function phoneKey(phone: string): string {
  const digits = phone.trim().replace(/(?!^\+)[^\d]/g, '');
  return /\d/.test(digits) ? digits : phone.trim().toLowerCase();
}

/** Turns raw values into a validated draft (`row`) or the reason the row is left out (`skip`). */
export function finishRow(line: number, raw: RawContact, warnings: string[] = []): { row: ImportRow } | { skip: Skip } {
  const emails = validList(raw.emails, Email, MAX_EMAILS, 'e-mail address', warnings, (s) => s);
  const phones = validList(raw.phones, Phone, MAX_PHONES, 'phone number', warnings, phoneKey);
  const tags = validList(raw.tags, Tag, MAX_TAGS, 'tag', warnings, (s) => s.toLocaleLowerCase());

  let name = raw.name?.trim() || clean(raw.nameParts?.map((p) => p?.trim()).filter(Boolean).join(' '));
  if (!name && emails[0]) {
    name = emails[0];
    warnings.push('no name in the file: named after the e-mail address');
  }
  if (!name) return { skip: { line, reason: 'no name and no e-mail address' } };

  // Line breaks become "\n", as the notes field (a textarea) writes them.
  const notes = (raw.notes ?? []).filter((n) => n.trim()).map(lf).join('\n\n');
  const draft: Record<string, unknown> = { name, emails, phones, tags, notes };
  for (const key of ['company', 'title', 'headline', 'location', 'type', 'interests'] as const) {
    const v = key === 'interests' ? (raw.interests?.trim() ? lf(raw.interests) : undefined) : clean(raw[key]);
    if (v) draft[key] = v;
  }

  for (const value of raw.linkedin ?? []) {
    if (!value.trim()) continue;
    const ref = readLinkedIn(value);
    if (!ref) warnings.push(`${quote(value.trim())} is not a LinkedIn profile address; left out`);
    else if (!draft.linkedinSlug) {
      draft.linkedinSlug = ref.slug;
      draft.linkedinUrl = ref.url;
    }
  }

  const howWeMet: Record<string, unknown> = {};
  if (clean(raw.howWeMetEvent)) howWeMet.event = clean(raw.howWeMetEvent);
  if (clean(raw.howWeMetPlace)) howWeMet.place = clean(raw.howWeMetPlace);
  if (typeof raw.howWeMetDate === 'number') howWeMet.date = raw.howWeMetDate;
  else if (raw.howWeMetDate?.trim()) {
    const ms = parseDate(raw.howWeMetDate);
    if (ms !== undefined && ms >= 0) howWeMet.date = ms;
    else warnings.push(`${quote(raw.howWeMetDate.trim())} is not a date this importer can read; the date is left out`);
  }
  if (Object.keys(howWeMet).length) draft.howWeMet = howWeMet;

  if (raw.cadenceDays?.trim()) {
    const days = Number(raw.cadenceDays.trim());
    if (Number.isInteger(days) && days >= 1 && days <= 3650) draft.cadenceDays = days;
    else warnings.push(`${quote(raw.cadenceDays.trim())} is not a cadence in days (1–3650); left out`);
  }
  if (raw.nextFollowUp?.trim()) {
    const ms = parseDate(raw.nextFollowUp);
    if (ms !== undefined && ms >= 0) draft.nextFollowUp = ms;
    else warnings.push(`${quote(raw.nextFollowUp.trim())} is not a date this importer can read; the follow-up date is left out`);
  }

  // The store's own schema has the last word: nothing it would refuse gets into the preview.
  const parsed = ContactDraft.safeParse(draft);
  if (!parsed.success) {
    return { skip: { line, reason: parsed.error.issues.map(describeIssue).join('; ') } };
  }
  return { row: { line, draft: parsed.data as ImportDraft, warnings } };
}
