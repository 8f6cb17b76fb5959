// Whether two people's names are probably the same name: "Lovelace, Ada" = "Ada Lovelace",
// accents and case aside, a middle name or initial more or less, a common nickname, or one
// small typo in a longer name. Pure; the finder calls it only inside small blocks.
import { personNameKeys } from '../person-name';
import type { NameLikeness } from '../model/duplicates';

/** Titles and generational suffixes: not part of what tells two people apart. */
const NOISE = new Set(['dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'sir', 'dame', 'jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md', 'mba']);

/** Given-name nicknames, each group one name (kept small: cheap and rarely wrong). */
const NICKNAME_GROUPS = [
  ['robert', 'bob', 'rob', 'bobby', 'robbie'],
  ['william', 'bill', 'will', 'billy', 'liam'],
  ['elizabeth', 'liz', 'beth', 'lisa', 'betty', 'eliza'],
  ['katherine', 'catherine', 'kate', 'katie', 'kathy', 'cathy'],
  ['james', 'jim', 'jimmy', 'jamie'],
  ['michael', 'mike', 'mick'],
  ['thomas', 'tom', 'tommy'],
  ['david', 'dave'],
  ['alexander', 'alex', 'sasha'],
  ['alexandra', 'alex', 'sasha', 'alexa'],
  ['christopher', 'chris'],
  ['christina', 'chris', 'tina'],
  ['daniel', 'dan', 'danny'],
  ['samuel', 'sam'],
  ['samantha', 'sam'],
  ['benjamin', 'ben'],
  ['joseph', 'joe', 'joey'],
  ['anthony', 'tony'],
  ['nicholas', 'nick', 'nicky'],
  ['matthew', 'matt'],
  ['andrew', 'andy', 'drew'],
  ['stephen', 'steven', 'steve'],
  ['edward', 'ed', 'eddie', 'ted'],
  ['richard', 'rick', 'dick', 'rich'],
  ['jennifer', 'jen', 'jenny'],
  ['margaret', 'maggie', 'meg', 'peggy'],
  ['susan', 'sue', 'suzy'],
  ['patrick', 'pat'],
  ['patricia', 'pat', 'trish'],
  ['gregory', 'greg'],
  ['jeffrey', 'jeff'],
  ['jonathan', 'jon'],
  ['nathan', 'nate'],
  ['nathaniel', 'nate', 'nat'],
  ['timothy', 'tim'],
  ['kimberly', 'kim'],
  ['rebecca', 'becky', 'becca'],
  ['victoria', 'vicky', 'tori'],
  ['abigail', 'abby'],
  ['deborah', 'debbie', 'deb'],
  ['charles', 'charlie', 'chuck'],
  ['frederick', 'fred', 'freddie'],
  ['johannes', 'hans', 'johan'],
  ['francesco', 'franco'],
  ['giuseppe', 'beppe', 'peppe'],
];
const NICKNAMES = new Map<string, Set<number>>();
NICKNAME_GROUPS.forEach((group, i) => {
  for (const name of group) NICKNAMES.set(name, (NICKNAMES.get(name) ?? new Set()).add(i));
});
const nicknames = (a: string, b: string) => {
  const x = NICKNAMES.get(a);
  const y = NICKNAMES.get(b);
  if (!x || !y) return false;
  for (const group of x) if (y.has(group)) return true;
  return false;
};

/** A name's words in given-name-first order, without titles and suffixes ("Dr. Lovelace, Ada" → ada, lovelace). */
export interface NameParts {
  /** The name as one key (utils/person-name.ts), for exact comparison. */
  key: string;
  words: string[];
  /** This reading puts a quoted nickname in place of the given name ("Bob Smith"). */
  nickname?: true;
}

/** A nickname in quotes inside a name: Robert "Bob" Smith, Grace Hopper “Amazing Grace”. */
const QUOTED = /["“”„«»]([^"“”„«»]{1,40})["“”„«»]/gu;

/**
 * The ways a name may be written: without a quoted nickname ("Robert Smith") and, when the
 * nickname is one word, with it as the given name ("Bob Smith").
 */
function spellings(name: string): { text: string; nickname?: true }[] {
  const nicknames = [...name.matchAll(QUOTED)].map((m) => m[1]!.trim());
  if (!nicknames.length) return [{ text: name }];
  const plain = name.replace(QUOTED, ' ').replace(/\s+/g, ' ').trim();
  const out: { text: string; nickname?: true }[] = [{ text: plain }];
  const [nickname] = nicknames;
  const words = plain.split(' ');
  if (nicknames.length === 1 && nickname && /^\p{L}[\p{L}'’-]*$/u.test(nickname) && words.length >= 2 && !plain.includes(',')) {
    out.push({ text: [nickname, ...words.slice(1)].join(' '), nickname: true });
  }
  return out;
}

/** Every reading of a name (as written and, for "Last, First", swapped); empty when it has no letters. */
export function nameParts(name: string): NameParts[] {
  const out: NameParts[] = [];
  const seen = new Set<string>();
  for (const spelling of spellings(name)) {
    for (const key of personNameKeys(spelling.text)) {
      const words = key
        .split(' ')
        .map((w) => w.replace(/\./g, ''))
        .filter((w) => w && !NOISE.has(w));
      const joined = words.join(' ');
      if (words.length && !seen.has(joined)) {
        seen.add(joined);
        out.push(spelling.nickname ? { key: joined, words, nickname: true } : { key: joined, words });
      }
    }
  }
  return out;
}

/** Levenshtein distance, but only whether it is ≤ 1 (cheap: one pass). */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length < b.length) [a, b] = [b, a];
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // One substitution, or two neighbours swapped ("Lovelcae").
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  return a.slice(i + 1) === b.slice(i);
}

/** Typos count only in longer words: "Jon"/"Jan" are different people, "Lovelace"/"Lovelase" are not. */
const TYPO_MIN_LENGTH = 5;

type GivenMatch = 'same' | 'initial' | 'nickname' | 'typo' | null;

function givenNames(a: string, b: string): GivenMatch {
  if (a === b) return 'same';
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 'initial';
  if (nicknames(a, b)) return 'nickname';
  if (Math.min(a.length, b.length) >= TYPO_MIN_LENGTH && withinOneEdit(a, b)) return 'typo';
  return null;
}

const RANK: Record<NameLikeness, number> = { same: 0, order: 1, middle: 2, initial: 3, nickname: 4, typo: 5 };

function compareOrdered(a: string[], b: string[]): NameLikeness | null {
  const lastA = a[a.length - 1]!;
  const lastB = b[b.length - 1]!;
  let typos = 0;
  if (lastA !== lastB) {
    if (Math.min(lastA.length, lastB.length) < TYPO_MIN_LENGTH || !withinOneEdit(lastA, lastB)) return null;
    typos++;
  }
  const given = givenNames(a[0]!, b[0]!);
  if (!given) return null;
  if (given === 'typo') typos++;
  // One small typo, not two: "Ada Lovelace" / "Adq Lovelase" is too far.
  if (typos > 1) return null;
  if (typos) return 'typo';
  if (given === 'initial') return 'initial';
  if (given === 'nickname') return 'nickname';
  // The given and family names agree; only middle names (or initials) differ.
  return a.length !== b.length || a.some((w, i) => w !== b[i]) ? 'middle' : 'same';
}

/**
 * How alike two names are, or null when they are probably different people. "same" means the
 * same key as utils/person-name.ts makes; "order" that one was written family name first.
 */
export function nameLikeness(a: readonly NameParts[], b: readonly NameParts[]): NameLikeness | null {
  let best: NameLikeness | null = null;
  // Plain loops: this runs for every pair inside a block (tens of thousands of times).
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    for (let j = 0; j < b.length; j++) {
      const y = b[j]!;
      // One word alone ("Ada") says too little to call anyone a duplicate.
      if (x.words.length < 2 || y.words.length < 2) continue;
      let found: NameLikeness | null;
      if (x.key === y.key) found = x.nickname || y.nickname ? 'nickname' : i === j ? 'same' : 'order';
      else if (x.words.length === 2 && y.words.length === 2 && x.words[0] === y.words[1] && x.words[1] === y.words[0]) {
        // Two words written the other way round without a comma ("Lovelace Ada").
        found = 'order';
      } else {
        found = compareOrdered(x.words, y.words);
        if (found === 'same') found = 'order';
      }
      if (found && (best === null || RANK[found] < RANK[best])) best = found;
      if (best === 'same') return best;
    }
  }
  return best;
}

/** The words a name could be blocked by: its first and last word in every reading. */
export function nameBlockWords(parts: readonly NameParts[]): string[] {
  const words = new Set<string>();
  for (const p of parts) {
    if (p.words.length < 2) continue;
    words.add(p.words[0]!);
    words.add(p.words[p.words.length - 1]!);
  }
  return [...words];
}
