// The settings page's words and number rules, kept apart from the components so they are
// tested without rendering.
import { BUILT_IN_CONTACT_TYPES } from '../../utils/model/contact';
import { DEFAULT_CADENCE_DAYS } from '../../utils/model/settings';

/** Who a contact type is, in a sentence ("… in touch with a mentor every 30 days"). */
const TYPE_PHRASES: Record<string, string> = {
  'friend-family': 'a friend or family member',
  'company-contact': 'a company contact',
  peer: 'a peer',
  alumni: 'a fellow alum',
  recruiter: 'a recruiter',
  mentor: 'a mentor',
  other: 'anyone else',
};

export function typePhrase(type: string): string {
  return Object.hasOwn(TYPE_PHRASES, type) ? TYPE_PHRASES[type]! : `a contact of type “${type}”`;
}

/** "every day", "every 30 days". */
export const everyDays = (days: number) => (days === 1 ? 'every day' : `every ${days.toLocaleString()} days`);

/** What a cadence means, spelt out. */
export const cadenceSentence = (type: string, days: number) =>
  `Remind me to get back in touch with ${typePhrase(type)} ${everyDays(days)}.`;

/**
 * The contact types that get a cadence: the built-in ones, the user's own, any with a cadence
 * already stored, and "everyone else" last. No duplicates.
 */
export function cadenceTypes(customTypes: readonly string[], stored: Record<string, number>): string[] {
  const types = new Set<string>([...BUILT_IN_CONTACT_TYPES, ...customTypes, ...Object.keys(stored)]);
  types.delete('other');
  return [...types, 'other'];
}

/** The cadence a type has now: stored, else the built-in default, else "anyone else"'s. */
export function cadenceOf(type: string, stored: Record<string, number>): number {
  if (Object.hasOwn(stored, type)) return stored[type]!;
  if (Object.hasOwn(DEFAULT_CADENCE_DAYS, type)) return DEFAULT_CADENCE_DAYS[type]!;
  return Object.hasOwn(stored, 'other') ? stored['other']! : (DEFAULT_CADENCE_DAYS['other'] ?? 365);
}

/** Whether the stored cadences are exactly the defaults (nothing to reset). */
export function cadencesAreDefault(stored: Record<string, number>): boolean {
  const keys = Object.keys(stored);
  const defaults = Object.keys(DEFAULT_CADENCE_DAYS);
  return keys.length === defaults.length && defaults.every((k) => Object.hasOwn(stored, k) && stored[k] === DEFAULT_CADENCE_DAYS[k]);
}

export type WholeNumber = { ok: true; value: number } | { ok: false; message: string };

/** A whole number typed by the user, within bounds; otherwise why not, in words. */
export function parseWhole(text: string, min: number, max: number, unit = ''): WholeNumber {
  const trimmed = text.trim();
  const range = `from ${min.toLocaleString()} to ${max.toLocaleString()}${unit ? ` ${unit}` : ''}`;
  if (trimmed === '') return { ok: false, message: `Enter a whole number ${range}.` };
  // Only digits: "1e3", "0x10", "3.0" and "+5" are not what anyone means to type here.
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: `“${trimmed.slice(0, 20)}” is not a whole number: enter one ${range}.` };
  const value = Number(trimmed);
  if (value < min || value > max) return { ok: false, message: `Enter a whole number ${range}.` };
  return { ok: true, value };
}

/** Snooze lengths offered, in minutes. */
export const SNOOZE_CHOICES: readonly [number, string][] = [
  [15, '15 minutes'],
  [60, '1 hour'],
  [180, '3 hours'],
  [60 * 24, '1 day'],
  [60 * 24 * 3, '3 days'],
  [60 * 24 * 7, '1 week'],
  [60 * 24 * 14, '2 weeks'],
];

/** The choices, plus the current value when it is not one of them (set elsewhere, or restored). */
export function snoozeChoices(current: number): [number, string][] {
  const choices = new Map<number, string>(SNOOZE_CHOICES);
  if (!choices.has(current)) choices.set(current, durationLabel(current));
  return [...choices.entries()].sort((a, b) => a[0] - b[0]);
}

/** "90 minutes", "2 hours", "3 days". */
export function durationLabel(minutes: number): string {
  const plural = (n: number, unit: string) => `${n.toLocaleString()} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes % (60 * 24) === 0) return plural(minutes / (60 * 24), 'day');
  if (minutes % 60 === 0) return plural(minutes / 60, 'hour');
  return plural(minutes, 'minute');
}

/** "1 contact", "12 contacts", "no contacts yet". */
export const contactCount = (n: number) => (n === 0 ? 'no contacts yet' : n === 1 ? '1 contact' : `${n.toLocaleString()} contacts`);
