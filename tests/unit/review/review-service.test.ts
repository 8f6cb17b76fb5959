// The weekly review through the worker: a real RapportDatabase (fake-indexeddb) behind the
// dispatcher, seeded the way the app writes (contacts, logged interactions, done reminders).
import { describe, expect, it } from 'vitest';
import type { MessageType, RequestOf, ResponseOf } from '../../../utils/messages/contract';
import type { Reminder } from '../../../utils/model/reminder';
import { createHarness, sidePanel, T0, type Harness } from '../messages/harness';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min).getTime();

async function ask<T extends MessageType>(h: Harness, type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
  const answer = await h.send(sidePanel, type, payload);
  if (!answer.ok) throw new Error(`${type}: ${answer.error.message}`);
  return answer.data as ResponseOf<T>;
}

/** Moves the harness clock to `at`. */
const at = (h: Harness, time: number) => h.advance(time - h.now());

async function addContact(h: Harness, name: string, when: number, extra: Record<string, unknown> = {}) {
  at(h, when);
  return (await ask(h, 'contact.create', { draft: { name, ...extra } })).contact;
}

async function addDoneReminder(h: Harness, fields: Partial<Reminder> & Pick<Reminder, 'reason'>) {
  const row = { due: T0, text: '', status: 'done' as const, createdAt: T0, updatedAt: T0, ...fields };
  return h.db.reminders.add(row as Reminder);
}

describe('review.weekly', () => {
  it('is empty for a new user: twelve zero weeks, the default goals, no contacts', async () => {
    const h = createHarness();
    const review = await ask(h, 'review.weekly', { weeks: 12 });
    expect(review.weeks).toHaveLength(12);
    expect(review.weeks.every((w) => w.newContacts === 0 && w.conversations === 0 && w.followUps === 0)).toBe(true);
    expect(review.goals).toEqual({ newContacts: 5, conversations: 3, followUps: 5 });
    expect(review.totalContacts).toBe(0);
    expect(review.thisWeek).toMatchObject({ newContacts: [], conversations: [], followUps: [] });
    expect(review.nextWeek).toMatchObject({ due: [], total: 0 });
  });

  it('counts this week and the weeks before, and lists who, newest first', async () => {
    const h = createHarness();
    // This week is Monday 12 – Sunday 18 January 2026; "now" is Thursday 15th.
    const now = local(2026, 1, 15, 15);
    const old = await addContact(h, 'Old Friend', local(2025, 11, 3, 10));
    const ada = await addContact(h, 'Ada Lovelace', local(2026, 1, 12, 9));
    const grace = await addContact(h, 'Grace Hopper', local(2026, 1, 14, 9), { nextFollowUp: local(2026, 1, 20, 9) });
    await addContact(h, 'Last Week', local(2026, 1, 11, 23, 59));

    at(h, now);
    await ask(h, 'interaction.log', { contactId: ada.id, kind: 'meeting', when: local(2026, 1, 13, 10), summary: 'Coffee' });
    await ask(h, 'interaction.log', { contactId: grace.id, kind: 'call', when: local(2026, 1, 15, 11) });
    await ask(h, 'interaction.log', { contactId: grace.id, kind: 'email', when: local(2026, 1, 15, 12) }); // not a conversation
    await ask(h, 'interaction.log', { contactId: old.id, kind: 'video-call', when: local(2026, 1, 6, 10) }); // last week
    // A commitment kept this week, through the card's message.
    const promise = await ask(h, 'commitment.add', { contactId: ada.id, text: 'Send the article', due: local(2026, 1, 14) });
    at(h, local(2026, 1, 14, 16));
    await ask(h, 'commitment.setDone', { id: promise.id, done: true });
    await addDoneReminder(h, { reason: 'follow-up', contactId: old.id, completedAt: local(2026, 1, 7, 9) }); // last week
    await addDoneReminder(h, { reason: 'backup', completedAt: local(2026, 1, 13, 9) }); // not a follow-up
    await ask(h, 'settings.update', { patch: { weeklyGoals: { newContacts: 3, conversations: 4, followUps: 2 } } });

    at(h, now);
    const review = await ask(h, 'review.weekly', { weeks: 12 });
    expect(review.now).toBe(now);
    expect(review.goals).toEqual({ newContacts: 3, conversations: 4, followUps: 2 });
    expect(review.totalContacts).toBe(4);
    expect(review.thisWeek.start).toBe(local(2026, 1, 12));
    expect(review.thisWeek.end).toBe(local(2026, 1, 19));
    const [lastWeek, thisWeek] = review.weeks.slice(-2);
    expect(thisWeek).toEqual({ start: local(2026, 1, 12), newContacts: 2, conversations: 2, followUps: 1 });
    expect(lastWeek).toEqual({ start: local(2026, 1, 5), newContacts: 1, conversations: 1, followUps: 1 });
    expect(review.weeks[0]!.start).toBe(local(2025, 10, 27));
    // Old Friend was added in the week of 3 November.
    expect(review.weeks.find((w) => w.start === local(2025, 11, 3))?.newContacts).toBe(1);

    expect(review.thisWeek.newContacts.map((c) => c.name)).toEqual(['Grace Hopper', 'Ada Lovelace']);
    expect(review.thisWeek.conversations.map((c) => [c.name, c.kind])).toEqual([
      ['Grace Hopper', 'call'],
      ['Ada Lovelace', 'meeting'],
    ]);
    expect(review.thisWeek.followUps).toEqual([
      {
        reminderId: promise.id,
        contactId: ada.id,
        name: 'Ada Lovelace',
        reason: 'commitment',
        text: 'Send the article',
        at: local(2026, 1, 14, 16),
      },
    ]);
    // Next week (19–25 January): Grace's follow-up date.
    expect(review.nextWeek.start).toBe(local(2026, 1, 19));
    expect(review.nextWeek.due.map((d) => [d.key, d.name, d.due])).toEqual([
      [`follow-up:${grace.id}`, 'Grace Hopper', local(2026, 1, 20, 9)],
    ]);
    expect(review.nextWeek.total).toBe(1);
  });

  it('agrees with the popup on this week’s new contacts and follow-ups done', async () => {
    const h = createHarness();
    const ada = await addContact(h, 'Ada Lovelace', T0 - HOUR);
    await addDoneReminder(h, { reason: 'follow-up', contactId: ada.id, completedAt: T0 - 2 * HOUR });
    const review = await ask(h, 'review.weekly', { weeks: 1 });
    const popup = await ask(h, 'ticklers.list', {});
    expect(review.weeks).toHaveLength(1);
    expect(review.weeks[0]!.newContacts).toBe(popup.goals.newContacts.done);
    expect(review.weeks[0]!.followUps).toBe(popup.goals.followUps.done);
    expect(review.thisWeek.start).toBe(popup.goals.weekStart);
  });

  it('caps the lists at 50 but keeps the counts whole', async () => {
    const h = createHarness();
    at(h, T0);
    const rows = Array.from({ length: 60 }, (_, i) => ({
      name: `Person ${i}`,
      emails: [],
      phones: [],
      tags: [],
      notes: '',
      createdAt: T0 - i * 1000,
      updatedAt: T0,
    }));
    await h.db.contacts.bulkAdd(rows as never);
    const review = await ask(h, 'review.weekly', {});
    expect(review.weeks.at(-1)!.newContacts).toBe(60);
    expect(review.thisWeek.newContacts).toHaveLength(50);
    expect(review.thisWeek.newContacts[0]!.name).toBe('Person 0');
  });
});
