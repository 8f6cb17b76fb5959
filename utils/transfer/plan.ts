// The preview: what an import or a restore would create, update and skip, decided before
// anything is written. Pure; the store applies the plan the user confirmed in one transaction.
import { companyKey } from '../company-name';
import type { Contact, ContactPatch } from '../model/contact';
import type { Company } from '../model/company';
import type { Interaction } from '../model/interaction';
import type { Pitch } from '../model/pitch';
import type { Reminder } from '../model/reminder';
import type { SettingsRecord } from '../model/settings';
import { BackupTables, type Backup, type TableName } from './backup';
import { phoneKey } from './draft';
import type { ImportDraft, ImportRow, Problem, Skip } from './types';

// ---------------------------------------------------------------------------------------------
// Import
// ---------------------------------------------------------------------------------------------

export type MatchedBy = 'linkedin' | 'email' | 'name-company';

/** Fields an update may set because the existing contact has no value for them. */
export type ContactFill = Partial<
  Pick<ImportDraft, 'headline' | 'company' | 'title' | 'location' | 'linkedinSlug' | 'linkedinUrl' | 'howWeMet' | 'notes' | 'type' | 'interests' | 'cadenceDays' | 'nextFollowUp'>
>;
/** Values that differ from what the contact has: shown, applied only if the user accepts. */
export type Offered = Partial<Pick<ImportDraft, 'headline' | 'company' | 'title' | 'location'>>;
export const OFFERABLE = ['headline', 'company', 'title', 'location'] as const;

export interface PlannedCreate {
  /** Every line of the file that went into this contact (several when duplicates merged). */
  lines: number[];
  draft: ImportDraft;
  warnings: string[];
}

export interface PlannedUpdate {
  contactId: number;
  /** The existing contact's name, for the preview. */
  name: string;
  lines: number[];
  matchedBy: MatchedBy;
  fill: ContactFill;
  offered: Offered;
  addEmails: string[];
  addPhones: string[];
  addTags: string[];
  warnings: string[];
}

/** Rows of the file that were one person (same LinkedIn profile or e-mail) and became one. */
export interface Merge {
  lines: number[];
  reason: string;
}

export interface ImportPlan {
  create: PlannedCreate[];
  update: PlannedUpdate[];
  skip: Skip[];
  merged: Merge[];
  /** Non-empty: the file is refused; create and update are then empty. */
  problems: Problem[];
}

export interface PlanOptions {
  /** Rows the parser already left out, carried into the preview. */
  skipped?: Skip[];
  /** The parser's fatal problems: the plan then creates and updates nothing. */
  problems?: Problem[];
  /** Match by name + company when neither LinkedIn nor e-mail matches (default true). */
  matchByNameAndCompany?: boolean;
}

/** "Thilde  Markström" and "thilde markstrom" are one name: no accents, case or punctuation. */
export function nameKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const looseText = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

const MAX = { emails: 20, phones: 20, tags: 100 };
const NOTES_MAX = 200_000;

interface Group {
  lines: number[];
  draft: ImportDraft;
  warnings: string[];
}

function addUnique(target: string[], values: readonly string[], key: (s: string) => string, max: number, what: string, warnings: string[]) {
  const have = new Set(target.map(key));
  for (const v of values) {
    if (have.has(key(v))) continue;
    if (target.length >= max) {
      warnings.push(`more than ${max} ${what}: ${v} left out`);
      continue;
    }
    have.add(key(v));
    target.push(v);
  }
}

/** A later row of the same person: fills what the first left empty, adds to the lists. */
function mergeInto(group: Group, s: ImportDraft, lines: readonly number[], warnings: readonly string[]) {
  const d = group.draft;
  for (const key of ['headline', 'company', 'title', 'location', 'type', 'interests', 'linkedinSlug', 'linkedinUrl', 'howWeMet', 'cadenceDays', 'nextFollowUp'] as const) {
    if (d[key] === undefined && s[key] !== undefined) (d as Record<string, unknown>)[key] = s[key];
  }
  addUnique(d.emails, s.emails, (e) => e, MAX.emails, 'e-mail addresses', group.warnings);
  addUnique(d.phones, s.phones, phoneKey, MAX.phones, 'phone numbers', group.warnings);
  addUnique(d.tags, s.tags, (t) => t.toLocaleLowerCase(), MAX.tags, 'tags', group.warnings);
  if (s.notes && !d.notes.includes(s.notes)) {
    const joined = d.notes ? `${d.notes}\n\n${s.notes}` : s.notes;
    if (joined.length <= NOTES_MAX) d.notes = joined;
    else group.warnings.push(`line ${lines[0]}: notes left out (too long together)`);
  }
  group.lines.push(...lines);
  group.warnings.push(...warnings);
}

const cloneDraft = (d: ImportDraft): ImportDraft => ({
  ...d,
  emails: [...d.emails],
  phones: [...d.phones],
  tags: [...d.tags],
  ...(d.howWeMet ? { howWeMet: { ...d.howWeMet } } : {}),
});

/** Rows of the same person within the file → one group each (LinkedIn profile, then e-mail). */
function groupRows(rows: readonly ImportRow[], merged: Map<Group, Set<string>>): Group[] {
  const groups: Group[] = [];
  const bySlug = new Map<string, Group>();
  const byEmail = new Map<string, Group>();
  for (const row of rows) {
    const slug = row.draft.linkedinSlug;
    let group = slug ? bySlug.get(slug) : undefined;
    let reason = group ? 'same LinkedIn profile' : '';
    if (!group) {
      for (const email of row.draft.emails) {
        const candidate = byEmail.get(email);
        // Two different LinkedIn profiles are two people, even with a shared (team) address.
        if (candidate && !(slug && candidate.draft.linkedinSlug && candidate.draft.linkedinSlug !== slug)) {
          group = candidate;
          reason = `same e-mail address ${email}`;
          break;
        }
      }
    }
    if (group) {
      mergeInto(group, row.draft, [row.line], row.warnings.map((w) => `line ${row.line}: ${w}`));
      merged.set(group, (merged.get(group) ?? new Set()).add(reason));
    } else {
      group = { lines: [row.line], draft: cloneDraft(row.draft), warnings: [...row.warnings] };
      groups.push(group);
    }
    if (group.draft.linkedinSlug && !bySlug.has(group.draft.linkedinSlug)) bySlug.set(group.draft.linkedinSlug, group);
    for (const email of row.draft.emails) if (!byEmail.has(email)) byEmail.set(email, group);
  }
  return groups;
}

const companyPart = (company: string | undefined) => companyKey(company);

function indexContacts(existing: readonly Contact[]) {
  const bySlug = new Map<string, Contact>();
  const byEmail = new Map<string, Contact>();
  const byNameCompany = new Map<string, Contact[]>();
  // Oldest first, so ambiguous matches go to the contact the user has had longest.
  const sorted = [...existing].sort((a, b) => a.id - b.id);
  for (const c of sorted) {
    if (c.linkedinSlug && !bySlug.has(c.linkedinSlug)) bySlug.set(c.linkedinSlug, c);
    for (const e of c.emails) if (!byEmail.has(e.toLowerCase())) byEmail.set(e.toLowerCase(), c);
    const company = companyPart(c.company);
    if (company) {
      const key = `${nameKey(c.name)}\u0000${company}`;
      const list = byNameCompany.get(key);
      if (list) list.push(c);
      else byNameCompany.set(key, [c]);
    }
  }
  return { bySlug, byEmail, byNameCompany };
}

/** Differs in a way worth offering: company by its normalised key, the others ignoring case and spacing. */
function differs(key: (typeof OFFERABLE)[number], a: string, b: string): boolean {
  return key === 'company' ? companyKey(a) !== companyKey(b) : looseText(a) !== looseText(b);
}

function planUpdate(contact: Contact, group: Group, matchedBy: MatchedBy): PlannedUpdate {
  const d = group.draft;
  const warnings = [...group.warnings];
  const fill: ContactFill = {};
  const offered: Offered = {};
  for (const key of ['headline', 'company', 'title', 'location', 'type', 'interests'] as const) {
    const value = d[key];
    if (!value) continue;
    if (!contact[key]) fill[key] = value;
  }
  for (const key of OFFERABLE) {
    const mine = contact[key];
    const theirs = d[key];
    if (mine && theirs && differs(key, mine, theirs)) offered[key] = theirs;
  }
  if (!contact.linkedinSlug && d.linkedinSlug) {
    fill.linkedinSlug = d.linkedinSlug;
    if (!contact.linkedinUrl && d.linkedinUrl) fill.linkedinUrl = d.linkedinUrl;
  }
  // What the user wrote is never replaced: these are only filled when empty.
  if (!contact.howWeMet && d.howWeMet) fill.howWeMet = d.howWeMet;
  if (!contact.notes.trim() && d.notes) fill.notes = d.notes;
  if (contact.cadenceDays === undefined && d.cadenceDays !== undefined) fill.cadenceDays = d.cadenceDays;
  if (contact.nextFollowUp === undefined && d.nextFollowUp !== undefined) fill.nextFollowUp = d.nextFollowUp;

  const news = (values: readonly string[], have: readonly string[], key: (s: string) => string, max: number, what: string) => {
    const all = [...have];
    addUnique(all, values, key, max, what, warnings);
    return all.slice(have.length);
  };
  return {
    contactId: contact.id,
    name: contact.name,
    lines: group.lines,
    matchedBy,
    fill,
    offered,
    addEmails: news(d.emails, contact.emails, (e) => e.toLowerCase(), MAX.emails, 'e-mail addresses'),
    addPhones: news(d.phones, contact.phones, phoneKey, MAX.phones, 'phone numbers'),
    addTags: news(d.tags, contact.tags, (t) => t.toLocaleLowerCase(), MAX.tags, 'tags'),
    warnings,
  };
}

const isNoop = (u: PlannedUpdate) =>
  !Object.keys(u.fill).length && !Object.keys(u.offered).length && !u.addEmails.length && !u.addPhones.length && !u.addTags.length;

/**
 * Matches each person of the file to an existing contact: LinkedIn profile, then any e-mail,
 * then name + company (both normalised; never by name alone — two "Anna Svensson"s are common).
 * A match with a different LinkedIn profile is no match. Maps throughout: linear in rows + contacts.
 */
export function planImport(rows: readonly ImportRow[], existing: readonly Contact[], options: PlanOptions = {}): ImportPlan {
  const problems = options.problems ?? [];
  const skip: Skip[] = [...(options.skipped ?? [])];
  if (problems.length) return { create: [], update: [], skip, merged: [], problems };

  const mergedReasons = new Map<Group, Set<string>>();
  const groups = groupRows(rows, mergedReasons);
  const index = indexContacts(existing);
  const matchByName = options.matchByNameAndCompany ?? true;

  const create: Group[] = [];
  const matches = new Map<number, { contact: Contact; group: Group; matchedBy: MatchedBy }>();
  for (const group of groups) {
    const d = group.draft;
    const slug = d.linkedinSlug;
    const compatible = (c: Contact) => !(slug && c.linkedinSlug && c.linkedinSlug !== slug);
    let contact: Contact | undefined;
    let matchedBy: MatchedBy = 'linkedin';
    if (slug) contact = index.bySlug.get(slug);
    if (!contact) {
      matchedBy = 'email';
      contact = d.emails.map((e) => index.byEmail.get(e)).find((c) => c && compatible(c));
    }
    if (!contact && matchByName) {
      matchedBy = 'name-company';
      const company = companyPart(d.company);
      const candidates = company ? (index.byNameCompany.get(`${nameKey(d.name)}\u0000${company}`) ?? []).filter(compatible) : [];
      contact = candidates[0];
      if (candidates.length > 1) {
        group.warnings.push(`${candidates.length} contacts are named ${d.name} at ${d.company}; matched the oldest`);
      }
    }
    if (!contact) {
      create.push(group);
      continue;
    }
    const previous = matches.get(contact.id);
    const otherProfile = previous?.group.draft.linkedinSlug && slug && previous.group.draft.linkedinSlug !== slug;
    if (previous && otherProfile) {
      // Two LinkedIn profiles are two people: the second one becomes a contact of its own.
      group.warnings.push(`also looks like ${contact.name}, who is already matched by line ${previous.group.lines[0]} with another LinkedIn profile`);
      create.push(group);
    } else if (previous) {
      // Two people of the file turned out to be the same contact (e.g. one by e-mail, one by name).
      mergeInto(previous.group, group.draft, group.lines, group.warnings);
      mergedReasons.set(previous.group, (mergedReasons.get(previous.group) ?? new Set()).add(`both match ${contact.name}`));
    } else matches.set(contact.id, { contact, group, matchedBy });
  }

  const update: PlannedUpdate[] = [];
  for (const { contact, group, matchedBy } of matches.values()) {
    const planned = planUpdate(contact, group, matchedBy);
    if (isNoop(planned)) {
      for (const line of group.lines) skip.push({ line, reason: `already in Rapport as ${contact.name}; nothing new` });
    } else update.push(planned);
  }
  const merged = [...mergedReasons].map(([group, reasons]) => ({ lines: [...group.lines].sort((a, b) => a - b), reason: [...reasons].join('; ') }));
  skip.sort((a, b) => a.line - b.line);
  return {
    create: create.map((g) => ({ lines: g.lines, draft: g.draft, warnings: g.warnings })),
    update,
    skip,
    merged,
    problems: [],
  };
}

/**
 * The change to write for an update: the fills, the added list values, and the offered values
 * the user accepted (none unless named).
 */
export function updatePatch(contact: Contact, update: PlannedUpdate, accept: readonly (typeof OFFERABLE)[number][] = []): ContactPatch {
  const patch: ContactPatch = { ...update.fill };
  for (const key of accept) if (update.offered[key] !== undefined) patch[key] = update.offered[key];
  if (update.addEmails.length) patch.emails = [...contact.emails, ...update.addEmails];
  if (update.addPhones.length) patch.phones = [...contact.phones, ...update.addPhones];
  if (update.addTags.length) patch.tags = [...contact.tags, ...update.addTags];
  return patch;
}

// ---------------------------------------------------------------------------------------------
// Restore
// ---------------------------------------------------------------------------------------------

type RecordOf = {
  contacts: Contact;
  interactions: Interaction;
  reminders: Reminder;
  companies: Company;
  pitches: Pitch;
  settings: SettingsRecord;
};

export interface TablePlan<T> {
  /** New records (ids possibly changed, see `remapped`). */
  create: T[];
  /** The same record in both, with different content: the existing one stays unless the user chooses the backup's. */
  conflicting: { existing: T; incoming: T }[];
  /** Identical in both. */
  skip: T[];
}

export interface RestorePlan {
  tables: { [K in TableName]: TablePlan<RecordOf[K]> };
  /** Ids changed so nothing existing is overwritten; links (contactId, introducedBy, …) follow. */
  remapped: { table: TableName; from: number; to: number; reason: string }[];
  warnings: string[];
  problems: Problem[];
}

/** Structural equality of JSON-like values (key order does not matter). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((v, i) => sameValue(v, (b as unknown[])[i]));
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * Existing records as the schemas read them (defaults filled), so a record stored before a
 * default was added is not a "conflict" with its own backup. Records that fail are kept raw.
 */
function canonical(tables: BackupTables): BackupTables {
  const out = {} as Record<TableName, unknown[]>;
  for (const name of Object.keys(BackupTables.shape) as TableName[]) {
    const element = BackupTables.shape[name].element;
    out[name] = tables[name].map((r) => {
      const parsed = element.safeParse(r);
      return parsed.success ? parsed.data : r;
    });
  }
  return out as BackupTables;
}

interface Remaps {
  contacts: Map<number, number>;
  interactions: Map<number, number>;
}

/**
 * One table with numeric ids. `sameRecord` tells an edited copy of the same record (→
 * conflicting) from a different record that happens to have the same id (→ new id: a backup
 * from another browser profile must not overwrite anything). `findByKey` finds an existing record
 * a unique index would clash with (LinkedIn profile, company name, mail id): that is the same
 * record under another id, so the incoming one takes that id.
 */
function planTable<T extends { id: number }>(
  table: TableName,
  incoming: readonly T[],
  existing: readonly T[],
  plan: RestorePlan,
  rules: {
    sameRecord: (existing: T, incoming: T) => boolean;
    findByKey?: (incoming: T) => T | undefined;
    relink?: (record: T) => T;
    remap?: Map<number, number>;
  },
): TablePlan<T> {
  const byId = new Map(existing.map((r) => [r.id, r]));
  let nextId = Math.max(0, ...existing.map((r) => r.id), ...incoming.map((r) => r.id)) + 1;
  const remap = rules.remap ?? new Map<number, number>();
  const counterpart = new Map<number, T>();
  // Pass 1: every incoming record's final id (links to it are rewritten in pass 2).
  for (const record of incoming) {
    const same = byId.get(record.id);
    if (same && rules.sameRecord(same, record)) {
      counterpart.set(record.id, same);
      continue;
    }
    const byKey = rules.findByKey?.(record);
    if (byKey) {
      counterpart.set(record.id, byKey);
      if (byKey.id !== record.id) {
        remap.set(record.id, byKey.id);
        plan.remapped.push({ table, from: record.id, to: byKey.id, reason: 'the same record exists under another id' });
      }
      continue;
    }
    if (same) {
      const to = nextId++;
      remap.set(record.id, to);
      plan.remapped.push({ table, from: record.id, to, reason: 'the id is taken by a different record' });
    }
  }
  const result: TablePlan<T> = { create: [], conflicting: [], skip: [] };
  for (const original of incoming) {
    const moved = { ...original, id: remap.get(original.id) ?? original.id };
    const record = rules.relink ? rules.relink(moved) : moved;
    const existingRecord = counterpart.get(original.id);
    if (!existingRecord) result.create.push(record);
    else if (sameValue(existingRecord, record)) result.skip.push(existingRecord);
    else result.conflicting.push({ existing: existingRecord, incoming: record });
  }
  return result;
}

/**
 * A restore preview. Every backup record is created (new id), skipped (identical) or
 * conflicting (kept as it is unless the user chooses the backup's). Interactions and reminders
 * travel with their contacts: when a contact's id is taken by a different person, the contact
 * gets a new id and its interactions, reminders and introductions follow it. Interactions of a
 * conflicting contact that only the backup has are created either way (the log only grows).
 */
export function planRestore(backup: Backup, existingTables: BackupTables): RestorePlan {
  const existing = canonical(existingTables);
  const incoming = backup.tables;
  const plan = { tables: {}, remapped: [], warnings: [], problems: [] } as unknown as RestorePlan;
  const remaps: Remaps = { contacts: new Map(), interactions: new Map() };
  const relinkContact = (id: number) => remaps.contacts.get(id) ?? id;
  const relinkInteraction = (id: number) => remaps.interactions.get(id) ?? id;

  // Contacts. Same record: same creation time, LinkedIn profile, an e-mail or the name.
  const contactBySlug = new Map(existing.contacts.filter((c) => c.linkedinSlug).map((c) => [c.linkedinSlug!, c]));
  plan.tables.contacts = planTable('contacts', incoming.contacts, existing.contacts, plan, {
    remap: remaps.contacts,
    sameRecord: (a, b) =>
      a.createdAt === b.createdAt ||
      (!!a.linkedinSlug && a.linkedinSlug === b.linkedinSlug) ||
      a.emails.some((e) => b.emails.includes(e)) ||
      nameKey(a.name) === nameKey(b.name),
    findByKey: (c) => (c.linkedinSlug ? contactBySlug.get(c.linkedinSlug) : undefined),
    relink: (c) => (c.introducedBy === undefined ? c : { ...c, introducedBy: relinkContact(c.introducedBy) }),
  });
  // A conflicting contact taken from the backup must not carry a LinkedIn profile another contact has.
  for (const conflict of plan.tables.contacts.conflicting) {
    const holder = conflict.incoming.linkedinSlug ? contactBySlug.get(conflict.incoming.linkedinSlug) : undefined;
    if (holder && holder.id !== conflict.existing.id) {
      plan.warnings.push(`${conflict.incoming.name}: the backup's LinkedIn profile belongs to ${holder.name} here; it is left out.`);
      const { linkedinSlug: _slug, linkedinUrl: _url, ...rest } = conflict.incoming;
      conflict.incoming = rest as Contact;
    }
  }

  const interactionByExternal = new Map(
    existing.interactions.filter((i) => i.externalId !== undefined).map((i) => [`${i.contactId}\u0000${i.externalId}`, i]),
  );
  plan.tables.interactions = planTable(
    'interactions',
    incoming.interactions.map((i) => ({ ...i, contactId: relinkContact(i.contactId) })),
    existing.interactions,
    plan,
    {
      remap: remaps.interactions,
      sameRecord: (a, b) => a.contactId === b.contactId && a.createdAt === b.createdAt,
      findByKey: (i) => (i.externalId === undefined ? undefined : interactionByExternal.get(`${i.contactId}\u0000${i.externalId}`)),
    },
  );
  plan.tables.reminders = planTable(
    'reminders',
    incoming.reminders.map((r) => ({
      ...r,
      ...(r.contactId !== undefined ? { contactId: relinkContact(r.contactId) } : {}),
      ...(r.sourceInteractionId !== undefined ? { sourceInteractionId: relinkInteraction(r.sourceInteractionId) } : {}),
    })),
    existing.reminders,
    plan,
    { sameRecord: (a, b) => a.createdAt === b.createdAt && a.contactId === b.contactId },
  );
  const companyByKey = new Map(existing.companies.map((c) => [c.nameKey, c]));
  plan.tables.companies = planTable('companies', incoming.companies, existing.companies, plan, {
    sameRecord: (a, b) => a.nameKey === b.nameKey || a.createdAt === b.createdAt,
    findByKey: (c) => companyByKey.get(c.nameKey),
  });
  plan.tables.pitches = planTable('pitches', incoming.pitches, existing.pitches, plan, {
    sameRecord: (a, b) => a.createdAt === b.createdAt || a.audience === b.audience,
  });

  const settingsByKey = new Map(existing.settings.map((s) => [s.key, s]));
  const settings: TablePlan<SettingsRecord> = { create: [], conflicting: [], skip: [] };
  for (const record of incoming.settings) {
    const have = settingsByKey.get(record.key);
    if (!have) settings.create.push(record);
    else if (sameValue(have, record)) settings.skip.push(have);
    else settings.conflicting.push({ existing: have, incoming: record });
  }
  plan.tables.settings = settings;
  return plan;
}

export type Choice = 'existing' | 'backup';

/**
 * The tables after a restore (pure): existing records, plus the created ones, with conflicts
 * resolved by `choose` (default: keep the existing record). The store writes the difference.
 */
export function applyRestore(
  existingTables: BackupTables,
  plan: RestorePlan,
  choose: (table: TableName, conflict: { existing: unknown; incoming: unknown }) => Choice = () => 'existing',
): BackupTables {
  const out = {} as Record<TableName, unknown[]>;
  for (const name of Object.keys(BackupTables.shape) as TableName[]) {
    const tablePlan = plan.tables[name] as TablePlan<{ id?: number; key?: string }>;
    const replace = new Map<unknown, unknown>();
    for (const conflict of tablePlan.conflicting) {
      if (choose(name, conflict) === 'backup') replace.set(conflict.existing.id ?? conflict.existing.key, conflict.incoming);
    }
    const kept = (existingTables[name] as { id?: number; key?: string }[]).map((r) => replace.get(r.id ?? r.key) ?? r);
    out[name] = [...kept, ...tablePlan.create];
  }
  return out as BackupTables;
}
