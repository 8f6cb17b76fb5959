// Rules that turn a newly logged interaction into reminders to store, as career offices
// teach them: thank within 24 hours, thank whoever referred you.
import { addDays } from '../dates';
import type { Contact } from '../model/contact';
import { CONVERSATION_KINDS, type Interaction, type InteractionKind } from '../model/interaction';
import type { Reminder } from '../model/reminder';
import { referralThanksText, thankYouText } from './text';
import type { ReminderDraft } from './types';

const HOUR = 60 * 60 * 1000;

/** A thank-you note is due this long after an informational interview... */
export const THANK_YOU_DELAY_MS = 3 * HOUR;
/** ...and never later than this after it. */
export const THANK_YOU_DEADLINE_MS = 24 * HOUR;
/** Referral thanks are due this many calendar days after the conversation (same clock time). */
export const REFERRAL_THANKS_DAYS = 2;
/**
 * Interactions older than this (in days, against `now`) produce no reminders: importing or
 * back-filling last year's meetings must not ask for thank-you notes now.
 */
export const RULES_HORIZON_DAYS = 7;

// A conversation (the model's CONVERSATION_KINDS) is what makes you owe the introducer an update.
export { CONVERSATION_KINDS };

export interface InteractionRuleInput {
  /** The interaction just logged (or updated). */
  interaction: Interaction;
  /** The contact it was with; rules produce nothing if absent or archived. */
  contact: Contact | undefined;
  /** The contact named by `contact.introducedBy`, if any (ignored if it is someone else). */
  introducer?: Contact | undefined;
  /**
   * Reminders already stored that came from this interaction (the worker reads them by the
   * `sourceInteractionId` index); any other rows passed are ignored.
   */
  existing: readonly Reminder[];
  now: number;
}

/**
 * The reminders to add for an interaction: a thank-you note after an informational
 * interview, and thanks to the referrer after a conversation with someone they introduced.
 * Idempotent: a reminder of the same reason from the same interaction is never produced twice,
 * whatever its status (a dismissed thank-you stays dismissed), so it is safe to run on every
 * log and every update.
 */
export function remindersForInteraction(input: InteractionRuleInput): ReminderDraft[] {
  const { interaction, contact, introducer, existing, now } = input;
  if (!contact || contact.id !== interaction.contactId || contact.archivedAt !== undefined) return [];
  if (now > addDays(interaction.when, RULES_HORIZON_DAYS)) return [];

  const already = (reason: Reminder['reason']) =>
    existing.some((r) => r.sourceInteractionId === interaction.id && r.reason === reason);
  const drafts: ReminderDraft[] = [];

  if (interaction.kind === 'informational-interview' && !already('thank-you')) {
    drafts.push({
      contactId: contact.id,
      reason: 'thank-you',
      text: thankYouText(contact.name),
      due: interaction.when + Math.min(THANK_YOU_DELAY_MS, THANK_YOU_DEADLINE_MS),
      status: 'open',
      sourceInteractionId: interaction.id,
    });
  }

  if (
    CONVERSATION_KINDS.has(interaction.kind) &&
    contact.introducedBy !== undefined &&
    introducer !== undefined &&
    introducer.id === contact.introducedBy &&
    introducer.id !== contact.id &&
    introducer.archivedAt === undefined &&
    !already('referral-thanks')
  ) {
    drafts.push({
      contactId: introducer.id,
      reason: 'referral-thanks',
      text: referralThanksText(introducer.name, contact.name),
      due: addDays(interaction.when, REFERRAL_THANKS_DAYS),
      status: 'open',
      sourceInteractionId: interaction.id,
    });
  }
  return drafts;
}

/** Completes a draft into a row to add, stamped at `now`. */
export function stampDraft(draft: ReminderDraft, now: number): Omit<Reminder, 'id'> {
  return { ...draft, createdAt: now, updatedAt: now };
}
