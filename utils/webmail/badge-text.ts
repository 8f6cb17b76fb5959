// What a mail list's badge says about a sender who is a contact. Pure: tested without a page.
import { compactAge, daysAgoText, dueText } from '../relative-time';

/** The zod-free shape of a lookup answer (see SenderMatch in the message contract). */
export interface BadgeMatch {
  contactId: number;
  name: string;
  lastContacted?: number;
  nextFollowUp?: number;
  match: 'email' | 'name';
  ambiguous?: boolean;
}

export interface BadgeView {
  /** "3d", "2w", "5mo"; "new" when nothing is logged yet. */
  text: string;
  /** The accessible name: "Last contacted 3 days ago · Rapport". */
  label: string;
  /** A follow-up is due (or overdue): drawn distinctly. */
  due: boolean;
  /** Matched by display name only: drawn distinctly and said in the label. */
  weak: boolean;
}

export function badgeView(match: BadgeMatch, now: number): BadgeView {
  const due = match.nextFollowUp !== undefined && match.nextFollowUp <= now;
  const weak = match.match === 'name';
  const parts = [
    match.lastContacted === undefined
      ? `${match.name} is in Rapport, nothing logged yet`
      : `Last contacted ${daysAgoText(match.lastContacted, now)}`,
  ];
  // dueText says "today" or "3 days overdue".
  if (due) parts.push(`follow-up ${dueText(match.nextFollowUp!, now).replace(/^today$/, 'due today')}`);
  if (weak) parts.push(match.ambiguous ? 'matched by name only, several contacts share it' : 'matched by name only');
  return {
    text: match.lastContacted === undefined ? 'new' : compactAge(match.lastContacted, now),
    label: `${parts.join(', ')} · Rapport`,
    due,
    weak,
  };
}

/** The label of a thread participant's chip who is not a contact yet. */
export const addChipLabel = (name: string) => `Add ${name} to Rapport`;
