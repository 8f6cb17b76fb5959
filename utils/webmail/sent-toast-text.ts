/** "Logged in Rapport: e-mail to Ada Lovelace", "… to Ada Lovelace and Grace Hopper", "… to Ada Lovelace and 3 others". */
export function sentToastText(names: readonly string[]): string {
  const [first, second] = names;
  if (!first) return 'Nothing logged.';
  if (names.length === 1) return `Logged in Rapport: e-mail to ${first}`;
  if (names.length === 2) return `Logged in Rapport: e-mail to ${first} and ${second}`;
  return `Logged in Rapport: e-mail to ${first} and ${names.length - 1} others`;
}
