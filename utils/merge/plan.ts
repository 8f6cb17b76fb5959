// Merging two contacts into one, as pure data: which value of each differing field is kept
// (the user's pick, or a sensible default), and what is combined rather than picked — tags,
// notes, interactions, reminders, introductions. The worker writes the plan in one transaction.
import { companyKey } from '../company-name';
import type { Contact } from '../model/contact';
import { LIST_FIELDS, MERGE_FIELDS, type MergeCounts, type MergeField, type MergePicks, type MergeSide } from '../model/duplicates';
import type { Interaction } from '../model/interaction';
import type { Reminder } from '../model/reminder';
import { personNameKey } from '../person-name';

/** A merge that cannot be written as asked; the message says why and what to do. */
export class MergeProblem extends Error {}

const MAX_EMAILS = 20;
const MAX_PHONES = 20;
const MAX_TAGS = 100;
const MAX_NOTES = 200_000;

type Value = unknown;

/** A field's value on one contact; undefined when empty. Links to either side of the merge count as empty. */
export function fieldValue(contact: Contact, field: MergeField, pair: readonly number[] = []): Value {
  switch (field) {
    case 'emails':
    case 'phones':
      return contact[field]?.length ? contact[field] : undefined;
    case 'linkedin':
      return contact.linkedinSlug || contact.linkedinUrl
        ? { ...(contact.linkedinSlug ? { slug: contact.linkedinSlug } : {}), ...(contact.linkedinUrl ? { url: contact.linkedinUrl } : {}) }
        : undefined;
    case 'archived':
      return contact.archivedAt;
    case 'introducedBy':
      // The survivor cannot have been introduced by itself.
      return contact.introducedBy !== undefined && !pair.includes(contact.introducedBy) ? contact.introducedBy : undefined;
    default: {
      const value = contact[field];
      return value === '' ? undefined : value;
    }
  }
}

function same(a: Value, b: Value, field: MergeField): boolean {
  if (a === undefined || b === undefined) return a === b;
  if (LIST_FIELDS.includes(field)) {
    const x = new Set(a as string[]);
    const y = b as string[];
    return x.size === new Set(y).size && y.every((v) => x.has(v));
  }
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields whose values differ (both empty is not a difference), in display order. */
export function differingFields(keep: Contact, merge: Contact): MergeField[] {
  const pair = [keep.id, merge.id];
  return MERGE_FIELDS.filter((f) => !same(fieldValue(keep, f, pair), fieldValue(merge, f, pair), f));
}

/**
 * The pick for every differing field when the user has not chosen: the non-empty value; of two,
 * the more recently updated contact's (both lists when they differ, the earlier follow-up so
 * none is missed, and active rather than archived).
 */
export function defaultPicks(keep: Contact, merge: Contact): Record<MergeField, MergeSide> {
  const pair = [keep.id, merge.id];
  const newer: MergeSide = merge.updatedAt > keep.updatedAt ? 'merge' : 'keep';
  const picks = {} as Record<MergeField, MergeSide>;
  for (const field of MERGE_FIELDS) {
    const a = fieldValue(keep, field, pair);
    const b = fieldValue(merge, field, pair);
    if (same(a, b, field)) picks[field] = 'keep';
    else if (field === 'archived') picks[field] = a === undefined ? 'keep' : 'merge';
    else if (b === undefined) picks[field] = 'keep';
    else if (a === undefined) picks[field] = 'merge';
    else if (LIST_FIELDS.includes(field)) picks[field] = 'both';
    else if (field === 'nextFollowUp') picks[field] = (a as number) <= (b as number) ? 'keep' : 'merge';
    else picks[field] = newer;
  }
  return picks;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "— merged from Ada King, 4 Dec 2026 —": the line above the merged-away contact's notes. */
export function mergedNotesHeader(name: string, at: number): string {
  const d = new Date(at);
  return `— merged from ${name}, ${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()} —`;
}

/** Both contacts' notes: the survivor's, then the other's under a dated line. */
export function combineNotes(keep: Contact, merge: Contact, at: number): string {
  const theirs = merge.notes ?? '';
  if (!theirs.trim()) return keep.notes ?? '';
  const ours = (keep.notes ?? '').trimEnd();
  return `${ours}${ours ? '\n\n' : ''}${mergedNotesHeader(merge.name, at)}\n${theirs}`;
}

const foldTag = (tag: string) => tag.toLocaleLowerCase();

/** The survivor's tags and the other's it lacks (compared ignoring case). */
export function combineTags(keep: readonly string[], merge: readonly string[]): string[] {
  const seen = new Set(keep.map(foldTag));
  const out = [...keep];
  for (const tag of merge) {
    if (seen.has(foldTag(tag))) continue;
    seen.add(foldTag(tag));
    out.push(tag);
  }
  return out;
}

export interface MergeInput {
  keep: Contact;
  merge: Contact;
  picks: MergePicks;
  /** Both contacts' interactions. */
  interactions: readonly Interaction[];
  /** Both contacts' reminders. */
  reminders: readonly Reminder[];
  /** The contacts whose introducer is the merged-away one. */
  introduced: readonly Contact[];
  now: number;
}

export interface MergePlan {
  contact: Contact;
  /** The merged-away contact's interactions, now the survivor's (as written). */
  movedInteractions: Interaction[];
  /** The merged-away contact's interactions the survivor already has (same external item). */
  removedInteractions: Interaction[];
  movedReminders: Reminder[];
  introduced: Contact[];
}

/** The survivor and every record the merge rewrites. Throws MergeProblem when the result would not fit. */
export function planMerge(input: MergeInput): MergePlan {
  const { keep, merge, now } = input;
  if (keep.id === merge.id) throw new MergeProblem('A contact cannot be merged with itself.');
  const pair = [keep.id, merge.id];
  const picks = { ...defaultPicks(keep, merge), ...input.picks };
  const survivor = { ...keep } as Record<string, unknown>;
  const set = (key: string, value: unknown) => {
    if (value === undefined) delete survivor[key];
    else survivor[key] = value;
  };

  for (const field of MERGE_FIELDS) {
    const side = picks[field];
    const from = side === 'merge' ? merge : keep;
    switch (field) {
      case 'emails':
      case 'phones': {
        const value =
          side === 'both' ? [...new Set([...(keep[field] ?? []), ...(merge[field] ?? [])])] : [...(from[field] ?? [])];
        const max = field === 'emails' ? MAX_EMAILS : MAX_PHONES;
        if (value.length > max) {
          throw new MergeProblem(`Together they have ${value.length} ${field === 'emails' ? 'e-mail addresses' : 'phone numbers'}; a contact holds ${max}. Keep one side’s.`);
        }
        set(field, value);
        break;
      }
      case 'linkedin':
        set('linkedinSlug', from.linkedinSlug);
        set('linkedinUrl', from.linkedinUrl);
        break;
      case 'archived':
        set('archivedAt', from.archivedAt);
        break;
      case 'introducedBy':
        set('introducedBy', fieldValue(from, field, pair));
        break;
      default:
        set(field, from[field]);
    }
  }
  if (typeof survivor.name !== 'string' || !survivor.name) survivor.name = keep.name;

  const tags = combineTags(keep.tags ?? [], merge.tags ?? []);
  if (tags.length > MAX_TAGS) throw new MergeProblem(`Together they have ${tags.length} tags; a contact holds ${MAX_TAGS}. Remove some first.`);
  survivor.tags = tags;
  const notes = combineNotes(keep, merge, now);
  if (notes.length > MAX_NOTES) {
    throw new MergeProblem('Their notes together are longer than a contact’s notes can be (200,000 characters). Shorten one first.');
  }
  survivor.notes = notes;
  set('nameKey', personNameKey(survivor.name as string));
  set('companyKey', companyKey(survivor.company as string | undefined));
  const last = Math.max(keep.lastContacted ?? -1, merge.lastContacted ?? -1);
  set('lastContacted', last >= 0 ? last : undefined);
  // Known since whichever record is older.
  survivor.createdAt = Math.min(keep.createdAt, merge.createdAt);
  survivor.updatedAt = Math.max(now, keep.updatedAt, merge.updatedAt);

  const keepExternal = new Map<string, number>();
  for (const i of input.interactions) if (i.contactId === keep.id && i.externalId) keepExternal.set(i.externalId, i.id);
  const movedInteractions: Interaction[] = [];
  const removedInteractions: Interaction[] = [];
  /** A removed duplicate's id → the survivor's copy, for the reminders it produced. */
  const replacedBy = new Map<number, number>();
  for (const i of input.interactions) {
    if (i.contactId !== merge.id) continue;
    const twin = i.externalId ? keepExternal.get(i.externalId) : undefined;
    if (twin !== undefined) {
      removedInteractions.push(i);
      replacedBy.set(i.id, twin);
    } else movedInteractions.push({ ...i, contactId: keep.id });
  }
  const movedReminders = input.reminders
    .filter((r) => r.contactId === merge.id)
    .map((r) => {
      const moved = { ...r, contactId: keep.id };
      const twin = r.sourceInteractionId !== undefined ? replacedBy.get(r.sourceInteractionId) : undefined;
      if (twin !== undefined) moved.sourceInteractionId = twin;
      return moved;
    });
  const introduced = input.introduced
    .filter((c) => c.introducedBy === merge.id && c.id !== keep.id)
    .map((c) => ({ ...c, introducedBy: keep.id, updatedAt: Math.max(now, c.updatedAt) }));

  return { contact: survivor as Contact, movedInteractions, removedInteractions, movedReminders, introduced };
}

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;

/** "12 interactions, 2 reminders and 3 tags will be combined" — or null when nothing is. */
export function mergeSummary(counts: MergeCounts, tagsAdded: number): string | null {
  const parts = [
    counts.interactions ? count(counts.interactions, 'interaction', 'interactions') : null,
    counts.reminders ? count(counts.reminders, 'reminder', 'reminders') : null,
    tagsAdded ? count(tagsAdded, 'tag', 'tags') : null,
    counts.introduced ? count(counts.introduced, 'introduction', 'introductions') : null,
  ].filter((p): p is string => p !== null);
  if (!parts.length) return null;
  const list = parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
  return `${list} will be combined.`;
}
