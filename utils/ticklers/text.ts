// The words of reminders and notifications, in one place.
import type { ReminderReason } from './types';

/** "1 follow-up", "3 follow-ups": every kind of reminder is a follow-up to the user. */
export function followUpsText(count: number): string {
  return `${count} follow-up${count === 1 ? '' : 's'}`;
}

/** The title of a notification for one item of this reason. */
export const REASON_TITLES: Record<ReminderReason, string> = {
  'follow-up': 'Follow up',
  cadence: 'Keep in touch',
  'thank-you': 'Send a thank-you note',
  'referral-thanks': 'Thank your referrer',
  commitment: 'Commitment due',
  backup: 'Back up Rapport',
  other: 'Reminder',
};

export const thankYouText = (name: string) => `Send a thank-you note to ${name}`;
export const referralThanksText = (referrer: string, contact: string) =>
  `Thank ${referrer} and tell them how it went with ${contact}`;
export const cadenceText = (name: string) => `Keep in touch with ${name}`;
export const followUpText = (name: string) => `Follow up with ${name}`;

/** The text shown for a stored reminder whose own text is empty. */
export function defaultReminderText(reason: ReminderReason, name: string | undefined): string {
  const who = name ?? 'someone';
  switch (reason) {
    case 'follow-up':
      return followUpText(who);
    case 'cadence':
      return cadenceText(who);
    case 'thank-you':
      return thankYouText(who);
    case 'referral-thanks':
      return `Thank ${who} and tell them how it went`;
    case 'commitment':
      return name ? `A commitment to ${name} is due` : 'A commitment is due';
    case 'backup':
      return 'Export a backup of your Rapport data';
    case 'other':
      return name ? `Reminder about ${name}` : 'Reminder';
  }
}
