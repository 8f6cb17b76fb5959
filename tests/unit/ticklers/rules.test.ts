// The rules that turn a logged interaction into reminders: thank-you after an informational
// interview, thanks to the referrer after a conversation, each once per interaction.
import { describe, expect, it } from 'vitest';
import { INTERACTION_KINDS, type InteractionKind } from '../../../utils/model/interaction';
import { Reminder } from '../../../utils/model/reminder';
import {
  CONVERSATION_KINDS,
  REFERRAL_THANKS_DAYS,
  RULES_HORIZON_DAYS,
  THANK_YOU_DEADLINE_MS,
  remindersForInteraction,
  stampDraft,
  type ReminderDraft,
} from '../../../utils/ticklers';
import { DAY, HOUR, contact, interaction, local, reminder, wall } from './helpers';

const WHEN = local(2026, 2, 10, 14, 0);
const referrer = contact({ name: 'Grace Hopper' });
const ada = contact({ name: 'Ada Lovelace', introducedBy: referrer.id });
const loner = contact({ name: 'Alan Turing' });

const run = (kind: InteractionKind, extra: { with?: typeof ada; existing?: Reminder[]; now?: number; when?: number } = {}) => {
  const who = extra.with ?? ada;
  const logged = interaction({ contactId: who.id, kind, when: extra.when ?? WHEN });
  const drafts = remindersForInteraction({
    interaction: logged,
    contact: who,
    introducer: who.introducedBy === referrer.id ? referrer : undefined,
    existing: extra.existing ?? [],
    now: extra.now ?? (extra.when ?? WHEN) + HOUR,
  });
  return { logged, drafts };
};
const reasons = (drafts: ReminderDraft[]) => drafts.map((d) => d.reason).sort();

describe('thank-you after an informational interview', () => {
  it('asks for a thank-you note to the contact, due a few hours later and within 24 hours', () => {
    const { logged, drafts } = run('informational-interview', { with: loner });
    expect(drafts).toEqual([
      {
        contactId: loner.id,
        reason: 'thank-you',
        text: 'Send a thank-you note to Alan Turing',
        due: WHEN + 3 * HOUR,
        status: 'open',
        sourceInteractionId: logged.id,
      },
    ]);
    const due = drafts[0]!.due;
    expect(due).toBeGreaterThan(WHEN);
    expect(due - WHEN).toBeLessThanOrEqual(THANK_YOU_DEADLINE_MS);
    expect(THANK_YOU_DEADLINE_MS).toBe(24 * HOUR);
  });

  it('is a valid reminder row once stamped', () => {
    const { drafts } = run('informational-interview', { with: loner });
    const row = { ...stampDraft(drafts[0]!, WHEN + HOUR), id: 1 };
    expect(Reminder.parse(row)).toEqual(row);
    expect(row.createdAt).toBe(WHEN + HOUR);
    expect(row.updatedAt).toBe(WHEN + HOUR);
  });

  it('is due by the interaction time, not by when it was logged (logged the next day, it is due at once)', () => {
    const now = WHEN + 30 * HOUR;
    const { drafts } = run('informational-interview', { with: loner, now });
    expect(drafts[0]!.due).toBe(WHEN + 3 * HOUR);
    expect(drafts[0]!.due).toBeLessThan(now);
  });

  it('is not asked for after any other kind of interaction', () => {
    for (const kind of INTERACTION_KINDS.filter((k) => k !== 'informational-interview')) {
      expect(run(kind, { with: loner }).drafts, kind).toEqual([]);
    }
  });

  it('is produced once per interaction, whatever became of the first one', () => {
    const first = run('informational-interview', { with: loner });
    for (const status of ['open', 'done', 'snoozed', 'dismissed'] as const) {
      const stored = reminder({ ...first.drafts[0]!, status, id: 7 });
      const again = remindersForInteraction({
        interaction: first.logged,
        contact: loner,
        existing: [stored],
        now: WHEN + 2 * HOUR,
      });
      expect(again, status).toEqual([]);
    }
  });

  it('is not blocked by reminders from other interactions or of another reason', () => {
    const { logged } = run('informational-interview', { with: loner });
    const otherInteraction = reminder({ reason: 'thank-you', due: WHEN, contactId: loner.id, sourceInteractionId: logged.id + 1 });
    const otherReason = reminder({ reason: 'referral-thanks', due: WHEN, contactId: referrer.id, sourceInteractionId: logged.id });
    const drafts = remindersForInteraction({
      interaction: logged,
      contact: loner,
      existing: [otherInteraction, otherReason],
      now: WHEN + HOUR,
    });
    expect(reasons(drafts)).toEqual(['thank-you']);
  });
});

describe('thanks to whoever introduced you', () => {
  it('asks to thank the referrer two days after a conversation, on the referrer', () => {
    const { logged, drafts } = run('call');
    expect(drafts).toEqual([
      {
        contactId: referrer.id,
        reason: 'referral-thanks',
        text: 'Thank Grace Hopper and tell them how it went with Ada Lovelace',
        due: local(2026, 2, 12, 14, 0),
        status: 'open',
        sourceInteractionId: logged.id,
      },
    ]);
    expect(REFERRAL_THANKS_DAYS).toBe(2);
  });

  it('follows every conversation kind, and only those: not e-mails, LinkedIn messages or "other"', () => {
    const triggering = INTERACTION_KINDS.filter((kind) => reasons(run(kind).drafts).includes('referral-thanks'));
    expect(triggering.sort()).toEqual(['call', 'event', 'informational-interview', 'meeting', 'video-call']);
    expect([...CONVERSATION_KINDS].sort()).toEqual(triggering);
    for (const kind of ['email', 'linkedin-message', 'other'] as const) expect(run(kind).drafts, kind).toEqual([]);
  });

  it('comes with the thank-you note after an informational interview', () => {
    const { drafts } = run('informational-interview');
    expect(reasons(drafts)).toEqual(['referral-thanks', 'thank-you']);
    expect(drafts.find((d) => d.reason === 'thank-you')!.contactId).toBe(ada.id);
    expect(drafts.find((d) => d.reason === 'referral-thanks')!.contactId).toBe(referrer.id);
  });

  it('is produced once per interaction, and again for a later conversation', () => {
    const first = run('meeting');
    const stored = reminder({ ...first.drafts[0]!, status: 'done', completedAt: WHEN + DAY });
    const again = remindersForInteraction({
      interaction: first.logged,
      contact: ada,
      introducer: referrer,
      existing: [stored],
      now: WHEN + 2 * HOUR,
    });
    expect(again).toEqual([]);
    const later = interaction({ contactId: ada.id, kind: 'video-call', when: WHEN + 5 * DAY });
    const next = remindersForInteraction({ interaction: later, contact: ada, introducer: referrer, existing: [stored], now: WHEN + 5 * DAY });
    expect(reasons(next)).toEqual(['referral-thanks']);
    expect(next[0]!.sourceInteractionId).toBe(later.id);
  });

  it('needs the introducer: not missing, not someone else, not archived, not the contact itself', () => {
    const logged = interaction({ contactId: ada.id, kind: 'call', when: WHEN });
    const base = { interaction: logged, contact: ada, existing: [], now: WHEN + HOUR };
    expect(remindersForInteraction({ ...base, introducer: undefined })).toEqual([]);
    expect(remindersForInteraction({ ...base, introducer: loner })).toEqual([]);
    expect(remindersForInteraction({ ...base, introducer: { ...referrer, archivedAt: WHEN } })).toEqual([]);
    const self = contact({ name: 'Selfie' });
    const selfIntroduced = { ...self, introducedBy: self.id };
    const own = interaction({ contactId: self.id, kind: 'call', when: WHEN });
    expect(remindersForInteraction({ interaction: own, contact: selfIntroduced, introducer: selfIntroduced, existing: [], now: WHEN })).toEqual([]);
    // The same call with the real introducer does produce it.
    expect(reasons(remindersForInteraction({ ...base, introducer: referrer }))).toEqual(['referral-thanks']);
  });

  it('keeps the clock time across the spring daylight-saving change (a 47-hour "two days")', () => {
    const when = local(2026, 3, 27, 15, 0);
    const { drafts } = run('call', { when });
    expect(wall(drafts[0]!.due)).toBe('2026-03-29T15:00');
    expect(drafts[0]!.due - when).toBe(47 * HOUR);
  });

  it('keeps the clock time across the autumn change (a 49-hour "two days")', () => {
    const when = local(2026, 10, 24, 9, 15);
    const { drafts } = run('event', { when });
    expect(wall(drafts[0]!.due)).toBe('2026-10-26T09:15');
    expect(drafts[0]!.due - when).toBe(49 * HOUR);
  });
});

describe('what produces nothing', () => {
  it('an archived or missing contact, or a contact that is not the interaction’s', () => {
    const logged = interaction({ contactId: ada.id, kind: 'informational-interview', when: WHEN });
    const base = { interaction: logged, introducer: referrer, existing: [], now: WHEN + HOUR };
    expect(remindersForInteraction({ ...base, contact: undefined })).toEqual([]);
    expect(remindersForInteraction({ ...base, contact: { ...ada, archivedAt: WHEN } })).toEqual([]);
    expect(remindersForInteraction({ ...base, contact: loner })).toEqual([]);
    expect(remindersForInteraction({ ...base, contact: ada })).toHaveLength(2);
  });

  it(`an interaction more than ${RULES_HORIZON_DAYS} days old when logged (an import, a back-fill)`, () => {
    expect(run('informational-interview', { now: WHEN + (RULES_HORIZON_DAYS + 1) * DAY }).drafts).toEqual([]);
    expect(run('informational-interview', { now: WHEN + (RULES_HORIZON_DAYS - 1) * DAY }).drafts).toHaveLength(2);
  });
});
