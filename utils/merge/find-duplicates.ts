// Contacts that are probably the same person, with the reasons: the same e-mail address, the
// same LinkedIn profile, or alike names at the same company. Pure, and never compares all
// pairs: contacts are grouped by key (address, profile, company + a name word) and only the
// members of one small group are compared (10,000 contacts: see tests/bench/duplicates.ts).
import { companyKey as toCompanyKey } from '../company-name';
import { parseProfileUrl } from '../linkedin/profile-url';
import type { Contact } from '../model/contact';
import { pairKey, type DuplicateReason, type DuplicateSuggestion, type NameLikeness } from '../model/duplicates';
import { nameBlockWords, nameLikeness, nameParts, type NameParts } from './name-likeness';

export type DuplicateCandidate = Pick<Contact, 'id' | 'name' | 'emails' | 'updatedAt'> &
  Partial<Pick<Contact, 'company' | 'companyKey' | 'title' | 'linkedinSlug' | 'linkedinUrl' | 'archivedAt'>>;

/** Mailboxes a whole team shares: the same one on two contacts says nothing about the person. */
const SHARED_MAILBOXES = new Set([
  'info', 'contact', 'hello', 'hi', 'office', 'sales', 'support', 'help', 'admin', 'team', 'jobs', 'careers',
  'hr', 'recruiting', 'talent', 'press', 'media', 'marketing', 'noreply', 'no-reply', 'donotreply', 'mail',
  'enquiries', 'inquiries', 'service', 'billing', 'accounts', 'events', 'general', 'reception',
]);
/** An address on more than this many contacts is a shared one (a team list, an assistant's). */
const MAX_PER_ADDRESS = 3;
/** Larger groups (a very common first name at a very large employer) are left out rather than slow. */
const MAX_GROUP = 400;

const isSharedMailbox = (email: string) => SHARED_MAILBOXES.has(email.slice(0, email.lastIndexOf('@')));

/** The LinkedIn profile a contact names: its slug, or the one in its profile URL. */
export function profileKey(c: Pick<DuplicateCandidate, 'linkedinSlug' | 'linkedinUrl'>): string | undefined {
  if (c.linkedinSlug) return c.linkedinSlug;
  return c.linkedinUrl ? parseProfileUrl(c.linkedinUrl)?.slug : undefined;
}

function group<K>(map: Map<K, number[]>, key: K, index: number) {
  const list = map.get(key);
  if (!list) map.set(key, [index]);
  else if (list[list.length - 1] !== index) list.push(index);
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
const STRENGTH: Record<DuplicateReason['kind'], number> = { linkedin: 0, email: 1, name: 2 };
const LIKENESS_ORDER: readonly NameLikeness[] = ['same', 'order', 'middle', 'initial', 'nickname', 'typo'];

/**
 * The pairs of contacts that are probably one person, strongest reason first. `dismissed`
 * holds pair keys ("3:17") the user said are different people; they are left out.
 */
export function findDuplicates(
  contacts: readonly DuplicateCandidate[],
  dismissed: ReadonlySet<string> = new Set(),
  /** Counts the name comparisons made (the tests check that blocking keeps them few). */
  stats: { comparisons: number } = { comparisons: 0 },
): DuplicateSuggestion[] {
  const reasons = new Map<string, { a: number; b: number; reasons: DuplicateReason[] }>();
  const add = (i: number, j: number, reason: DuplicateReason) => {
    const a = contacts[i]!;
    const b = contacts[j]!;
    if (a.id === b.id) return;
    const key = pairKey(a.id, b.id);
    if (dismissed.has(key)) return;
    const entry = reasons.get(key) ?? { a: a.id < b.id ? i : j, b: a.id < b.id ? j : i, reasons: [] };
    // One reason of each kind per pair (the first address found is enough to say why).
    if (!entry.reasons.some((r) => r.kind === reason.kind)) entry.reasons.push(reason);
    reasons.set(key, entry);
  };
  const pairsIn = (members: number[], each: (i: number, j: number) => void) => {
    if (members.length < 2 || members.length > MAX_GROUP) return;
    for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) each(members[x]!, members[y]!);
  };

  const byEmail = new Map<string, number[]>();
  const byProfile = new Map<string, number[]>();
  const byCompanyWord = new Map<string, number[]>();
  const byNameOnly = new Map<string, number[]>();
  const names: NameParts[][] = [];
  const companies: (string | undefined)[] = [];

  contacts.forEach((c, i) => {
    for (const raw of c.emails ?? []) {
      const email = raw.trim().toLowerCase();
      if (email && !isSharedMailbox(email)) group(byEmail, email, i);
    }
    const profile = profileKey(c);
    if (profile) group(byProfile, profile, i);
    const parts = nameParts(c.name);
    names.push(parts);
    const company = c.companyKey ?? toCompanyKey(c.company);
    companies.push(company);
    if (company) for (const word of nameBlockWords(parts)) group(byCompanyWord, `${company}\u0000${word}`, i);
    // Exact names (either order), for when at most one of the two names a company.
    for (const p of parts) group(byNameOnly, p.key, i);
  });

  for (const [slug, members] of byProfile) pairsIn(members, (i, j) => add(i, j, { kind: 'linkedin', slug }));
  for (const [email, members] of byEmail) {
    if (members.length > MAX_PER_ADDRESS) continue;
    pairsIn(members, (i, j) => add(i, j, { kind: 'email', email }));
  }
  for (const members of byCompanyWord.values()) {
    pairsIn(members, (i, j) => {
      // A pair shares its first and its last word: compared once.
      if (reasons.get(pairKey(contacts[i]!.id, contacts[j]!.id))?.reasons.some((r) => r.kind === 'name')) return;
      stats.comparisons++;
      const likeness = nameLikeness(names[i]!, names[j]!);
      if (likeness) add(i, j, { kind: 'name', likeness, company: contacts[i]!.company ?? contacts[j]!.company });
    });
  }
  for (const members of byNameOnly.values()) {
    pairsIn(members, (i, j) => {
      // Two named companies that differ: two people who share a name ("same name, different
      // companies" is not a duplicate); the same company was handled above.
      if (companies[i] && companies[j]) return;
      stats.comparisons++;
      const likeness = nameLikeness(names[i]!, names[j]!);
      if (likeness === 'same' || likeness === 'order') add(i, j, { kind: 'name', likeness });
    });
  }

  const side = (c: DuplicateCandidate) => ({
    id: c.id,
    name: c.name,
    ...(c.company ? { company: c.company } : {}),
    ...(c.title ? { title: c.title } : {}),
    archived: c.archivedAt !== undefined,
    updatedAt: c.updatedAt,
  });
  const strength = (s: { reasons: DuplicateReason[] }) => {
    const strongest = Math.min(...s.reasons.map((r) => STRENGTH[r.kind]));
    const name = s.reasons.find((r) => r.kind === 'name');
    const likeness = name?.kind === 'name' ? LIKENESS_ORDER.indexOf(name.likeness) : 0;
    // More reasons first, then the strongest kind, then the closest names.
    return [-s.reasons.length, strongest, likeness] as const;
  };
  const list = [...reasons].map(([key, { a, b, reasons: why }]) => ({
    key,
    contacts: [side(contacts[a]!), side(contacts[b]!)] as [ReturnType<typeof side>, ReturnType<typeof side>],
    reasons: why.sort((x, y) => STRENGTH[x.kind] - STRENGTH[y.kind]),
  }));
  const ranked = list.map((s) => ({ s, rank: strength(s), name: s.contacts[0].name }));
  ranked.sort(
    (x, y) =>
      x.rank[0] - y.rank[0] || x.rank[1] - y.rank[1] || x.rank[2] - y.rank[2] || collator.compare(x.name, y.name) || (x.s.key < y.s.key ? -1 : 1),
  );
  return ranked.map((r) => r.s);
}
