import { z } from 'zod';
import { Id, Timestamp, longText, shortText } from './common';

export const INTERACTION_KINDS = [
  'email',
  'call',
  'video-call',
  'meeting',
  'informational-interview',
  'event',
  'linkedin-message',
  'other',
] as const;
export const InteractionKind = z.enum(INTERACTION_KINDS);
export type InteractionKind = z.infer<typeof InteractionKind>;

/**
 * The kinds that are a conversation: what the weekly review counts towards the conversations
 * goal, and what makes you owe whoever introduced you an update. E-mails and LinkedIn
 * messages reset the keep-in-touch clock like any interaction but are too small (and, logged
 * from the mailbox automatically, too frequent) to count as one; 'other' is too vague to tell.
 */
export const CONVERSATION_KINDS: ReadonlySet<InteractionKind> = new Set<InteractionKind>([
  'call',
  'video-call',
  'meeting',
  'informational-interview',
  'event',
]);

export const INTERACTION_SOURCES = ['manual', 'gmail', 'outlook', 'linkedin', 'import'] as const;
export const InteractionSource = z.enum(INTERACTION_SOURCES);

export const Interaction = z.object({
  id: Id,
  contactId: Id,
  kind: InteractionKind,
  when: Timestamp,
  summary: longText(1_000).default(''),
  details: longText(50_000).optional(),
  source: InteractionSource.default('manual'),
  /** The informational-interview debrief: question id → answer. */
  debrief: z.record(z.string().max(40), z.enum(['yes', 'partly', 'no'])).optional(),
  /** e.g. a mail message id: the same external item is logged once per contact. */
  externalId: shortText(300).optional(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Interaction = z.infer<typeof Interaction>;
