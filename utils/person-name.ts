// People's names as mail pages show them ("Ada Lovelace", "LOVELACE, Ada", "Ada  Lovelace (she/her)")
// reduced to one key, so a sender known only by display name can still be matched.

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // "O’Brien" (smart quotes) and "O'Brien" are one name; likewise the Unicode hyphen.
    .replace(/[\u2018\u2019\u02bc]/g, "'").replace(/\u2010/g, '-')
    .toLowerCase();

/** "Ada Lovelace", "ada lovelace", "Àda Lovelace" → "ada lovelace"; undefined when nothing is left. */
export function personNameKey(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = fold(name.slice(0, 300))
    // Pronouns and notes in brackets are not part of the name.
    .replace(/\([^)]*\)|\[[^\]]*\]/g, ' ')
    .split(/[^\p{L}\p{N}'’-]+/u)
    .map((w) => w.replace(/^['’-]+|['’-]+$/g, ''))
    .filter(Boolean);
  const key = words.join(' ');
  return key || undefined;
}

/**
 * The keys a display name may match: as written and, for "Lovelace, Ada" (how directories
 * often list people), also in the given-name-first order.
 */
export function personNameKeys(name: string): string[] {
  const keys = new Set<string>();
  const direct = personNameKey(name);
  if (direct) keys.add(direct);
  const parts = name.split(',');
  if (parts.length === 2) {
    const swapped = personNameKey(`${parts[1]} ${parts[0]}`);
    if (swapped) keys.add(swapped);
  }
  return [...keys];
}

/**
 * The keys a display name shown by a mail page may match among stored contacts: those of
 * personNameKeys and, for a name written given name first ("Grace Hopper", "Ada King Lovelace"),
 * the family-name-first key too — the key of a contact stored as "Hopper, Grace".
 */
export function displayNameKeys(name: string): string[] {
  const keys = personNameKeys(name);
  if (name.includes(',') || !keys[0]) return keys;
  const words = keys[0].split(' ');
  if (words.length < 2) return keys;
  return [...keys, [words[words.length - 1], ...words.slice(0, -1)].join(' ')];
}
