// Company names as people write them ("Acme, Inc.", "ACME GmbH", "Acme Ltd") reduced to one
// key, so "people you know here" matches regardless of case, punctuation and legal form.
const LEGAL_SUFFIXES = new Set([
  'inc', 'incorporated', 'corp', 'corporation', 'co', 'company', 'llc', 'llp', 'lp', 'ltd', 'limited',
  'plc', 'gmbh', 'ag', 'kg', 'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'asa', 'oy',
  'oyj', 'aps', 'pty', 'pte', 'kk', 'se', 'group', 'holding', 'holdings',
]);

export function companyKey(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  // Trailing legal-form words are noise; the first word always stays ("Company" alone is a name).
  // "Smith & Co" → "smith": after the legal form, a dangling "and" goes too.
  while (words.length > 1 && (LEGAL_SUFFIXES.has(words[words.length - 1]!) || words[words.length - 1] === 'and')) {
    words.pop();
  }
  const key = words.join(' ');
  return key || undefined;
}
