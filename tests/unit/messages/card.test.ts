// contact.card and sidebar.view's card, assembled by the real dispatcher over the real
// services, and the broadcasts every write sends.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { CardData, ErrorAnswer, SidebarView, type ErrorCode } from '../../../utils/messages/contract';
import { BUILT_IN_CONTACT_TYPES, type Contact } from '../../../utils/model/contact';
import type { Interaction } from '../../../utils/model/interaction';
import type { Pitch } from '../../../utils/model/pitch';
import type { Reminder } from '../../../utils/model/reminder';
import { DEFAULT_CADENCE_DAYS, type Settings } from '../../../utils/model/settings';
import { adaContext, adaDraft, contentScript, createHarness, SECRET_7, sidebarFrame, sidePanel, T0, type Harness } from './harness';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
});

const DAY = 24 * 60 * 60 * 1000;

function ok<T>(answer: unknown): T {
  expect(answer, JSON.stringify(answer)?.slice(0, 500)).toMatchObject({ ok: true });
  return (answer as { data: T }).data;
}

function error(answer: unknown, code: ErrorCode) {
  const parsed = ErrorAnswer.safeParse(answer);
  expect(parsed.success, JSON.stringify(answer)).toBe(true);
  expect(parsed.data!.error.code).toBe(code);
}

async function create(h: Harness, draft: Record<string, unknown>): Promise<Contact> {
  return ok<{ contact: Contact }>(await h.send(sidePanel, 'contact.create', { draft })).contact;
}

const cardOf = async (h: Harness, id: number) => {
  const card = ok<CardData | null>(await h.send(sidePanel, 'contact.card', { id }));
  // Every card is valid under the contract the sidebar validates against.
  if (card) expect(CardData.safeParse(card).success).toBe(true);
  return card;
};

const summary = ({ id, name, headline, title, company }: Contact) =>
  Object.fromEntries(Object.entries({ id, name, headline, title, company }).filter(([, v]) => v !== undefined));

/** Runs `body` and asserts that it wrote nothing and announced nothing. */
async function expectNoWrites(h: Harness, body: () => Promise<void>) {
  const before = await h.state();
  const calls = h.broadcast.mock.calls.length;
  await body();
  expect(await h.state()).toEqual(before);
  expect(h.broadcast.mock.calls.length).toBe(calls);
}

describe('contact.card', () => {
  it('assembles every part of the card', async () => {
    const h = createHarness();
    const ada = await create(h, { ...adaDraft, type: 'mentor', tags: ['maths', 'poetry'] });
    const charles = await create(h, { name: 'Charles Babbage', title: 'Founder', company: 'Engines', introducedBy: ada.id, tags: ['engines'] });
    const mary = await create(h, { name: 'Mary Somerville', introducedBy: ada.id, notes: 'private', emails: ['mary@example.com'] });
    await create(h, { name: 'Grace Hopper', type: 'board member' });

    const older = ok<Interaction>(await h.send(sidePanel, 'interaction.log', { contactId: ada.id, kind: 'call', when: T0 - 9 * DAY }));
    const newer = ok<Interaction>(
      await h.send(sidePanel, 'interaction.log', { contactId: ada.id, kind: 'informational-interview', when: T0 - DAY, debrief: { goals: 'yes' } }),
    );
    await h.send(sidePanel, 'interaction.log', { contactId: charles.id, kind: 'call', when: T0 });
    const later = ok<Reminder>(await h.send(sidePanel, 'commitment.add', { contactId: ada.id, text: 'Lend the book', due: T0 + 9 * DAY }));
    const done = ok<Reminder>(await h.send(sidePanel, 'commitment.add', { contactId: ada.id, text: 'Send notes', due: T0 - DAY }));
    const sooner = ok<Reminder>(await h.send(sidePanel, 'commitment.add', { contactId: ada.id, text: 'Intro to Bob', due: T0 + DAY }));
    const finished = ok<Reminder>(await h.send(sidePanel, 'commitment.setDone', { id: done.id, done: true }));
    const pitchB = ok<Pitch>(await h.send(sidePanel, 'pitch.save', { audience: 'Recruiters', text: 'B' }));
    const pitchA = ok<Pitch>(await h.send(sidePanel, 'pitch.save', { audience: 'Alumni', text: 'A' }));
    ok(await h.send(sidePanel, 'settings.update', { patch: { customContactTypes: ['investor', 'mentor'] } }));

    const card = await cardOf(h, ada.id);
    expect(card).toEqual({
      contact: { ...ada, lastContacted: T0 - DAY },
      interactions: [newer, older],
      commitments: [sooner, later, finished],
      introducer: null,
      introduced: [summary(charles), summary(mary)],
      allTags: ['engines', 'maths', 'poetry'],
      contactTypes: [...BUILT_IN_CONTACT_TYPES, 'investor', 'board member'],
      defaultCadenceDays: DEFAULT_CADENCE_DAYS.mentor,
      pitches: [pitchA, pitchB],
    });
    // Summaries only: nothing private of the people introduced.
    expect(JSON.stringify(card!.introduced)).not.toMatch(/private|mary@example\.com/);

    // The introduction, seen from the other side.
    const charlesCard = await cardOf(h, charles.id);
    expect(charlesCard).toMatchObject({ introducer: summary(ada), introduced: [], commitments: [] });
    expect(charlesCard!.interactions.map((i) => i.contactId)).toEqual([charles.id]);
  });

  it('is null for a contact that does not exist', async () => {
    const h = createHarness();
    await create(h, adaDraft);
    expect(ok(await h.send(sidePanel, 'contact.card', { id: 99 }))).toBeNull();
  });

  it('an introducer that is gone shows as none', async () => {
    const h = createHarness();
    const ada = await create(h, adaDraft);
    const mary = await create(h, { name: 'Mary Somerville', introducedBy: ada.id });
    await h.db.contacts.delete(ada.id);
    expect((await cardOf(h, mary.id))!.introducer).toBeNull();
  });

  describe('defaultCadenceDays', () => {
    const cadenceFor = async (h: Harness, type: string | undefined) => {
      const contact = await create(h, { name: `Person ${type ?? 'untyped'}`, ...(type ? { type } : {}) });
      return (await cardOf(h, contact.id))!.defaultCadenceDays;
    };

    it("is the settings' cadence for the contact type, else the one for 'other'", async () => {
      const h = createHarness();
      expect(await cadenceFor(h, 'friend-family')).toBe(30);
      expect(await cadenceFor(h, 'alumni')).toBe(180);
      expect(await cadenceFor(h, undefined)).toBe(365);
      expect(await cadenceFor(h, 'investor')).toBe(365);

      ok(await h.send(sidePanel, 'settings.update', { patch: { cadenceDaysByType: { alumni: 120, investor: 45, other: 200 } } }));
      expect(await cadenceFor(h, 'alumni')).toBe(120);
      expect(await cadenceFor(h, 'investor')).toBe(45);
      expect(await cadenceFor(h, 'peer')).toBe(200);
      expect(await cadenceFor(h, undefined)).toBe(200);
    });

    it("falls back to a year when the settings have no 'other' either", async () => {
      const h = createHarness();
      ok(await h.send(sidePanel, 'settings.update', { patch: { cadenceDaysByType: { mentor: 14 } } }));
      expect(await cadenceFor(h, 'mentor')).toBe(14);
      expect(await cadenceFor(h, 'peer')).toBe(365);
    });

    it('a custom type named like an Object property still gets a number', async () => {
      const h = createHarness();
      for (const type of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
        expect(await cadenceFor(h, type), type).toBe(365);
      }
    });
  });

  it('contactTypes lists each type once: built-ins, then custom, then others in use', async () => {
    const h = createHarness();
    const ada = await create(h, { ...adaDraft, type: 'peer' });
    expect((await cardOf(h, ada.id))!.contactTypes).toEqual([...BUILT_IN_CONTACT_TYPES]);
    await create(h, { name: 'Bob', type: 'zoo keeper' });
    await create(h, { name: 'Cy', type: 'investor' });
    ok(await h.send(sidePanel, 'settings.update', { patch: { customContactTypes: ['investor', 'coach'] } }));
    expect((await cardOf(h, ada.id))!.contactTypes).toEqual([...BUILT_IN_CONTACT_TYPES, 'investor', 'coach', 'zoo keeper']);
  });
});

describe('sidebar.view carries the card', () => {
  it('of the contact matching the profile, equal to contact.card', async () => {
    const h = createHarness();
    ok(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: adaContext }));
    const ada = await create(h, adaDraft);
    ok(await h.send(sidePanel, 'interaction.log', { contactId: ada.id, kind: 'meeting', when: T0 - DAY, summary: 'Tea' }));
    ok(await h.send(sidePanel, 'pitch.save', { audience: 'Recruiters', text: 'Hello' }));

    const view = ok<SidebarView>(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7));
    expect(SidebarView.safeParse(view).success).toBe(true);
    expect(view.contact).toEqual({ ...ada, lastContacted: T0 - DAY });
    expect(view.card).toEqual(await cardOf(h, ada.id));
    expect(view.card).toMatchObject({ contact: view.contact, interactions: [{ summary: 'Tea' }], pitches: [{ audience: 'Recruiters' }] });
  });

  it('null for an unknown profile', async () => {
    const h = createHarness();
    await create(h, { name: 'Somebody else' });
    ok(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: adaContext }));
    expect(ok<SidebarView>(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7))).toMatchObject({ contact: null, card: null });
  });
});

describe('broadcasts', () => {
  const changed = (...ids: number[]) => ({ rapport: 1, event: 'contacts-changed', ids });

  async function seeded() {
    const h = createHarness();
    const ada = await create(h, adaDraft);
    const bob = await create(h, { name: 'Bob Babbage' });
    h.broadcast.mockClear();
    return { h, ada, bob };
  }

  it('every interaction write announces contacts-changed for its contact', async () => {
    const { h, bob } = await seeded();
    const logged = ok<Interaction>(await h.send(sidePanel, 'interaction.log', { contactId: bob.id, kind: 'call', when: T0 }));
    expect(h.broadcast.mock.calls).toEqual([[changed(bob.id)]]);
    h.broadcast.mockClear();
    ok(await h.send(sidePanel, 'interaction.update', { id: logged.id, change: { summary: 'x' } }));
    expect(h.broadcast.mock.calls).toEqual([[changed(bob.id)]]);
    h.broadcast.mockClear();
    const deleted = ok<Interaction>(await h.send(sidePanel, 'interaction.delete', { id: logged.id }));
    expect(h.broadcast.mock.calls).toEqual([[changed(bob.id)]]);
    h.broadcast.mockClear();
    ok(await h.send(sidePanel, 'interaction.restore', { interaction: deleted }));
    expect(h.broadcast.mock.calls).toEqual([[changed(bob.id)]]);
  });

  it('every commitment write announces contacts-changed for its contact', async () => {
    const { h, bob } = await seeded();
    const added = ok<Reminder>(await h.send(sidePanel, 'commitment.add', { contactId: bob.id, text: 'Call back', due: T0 }));
    expect(h.broadcast.mock.calls).toEqual([[changed(bob.id)]]);
    h.broadcast.mockClear();
    ok(await h.send(sidePanel, 'commitment.setDone', { id: added.id, done: true }));
    expect(h.broadcast.mock.calls).toEqual([[changed(bob.id)]]);
    h.broadcast.mockClear();
    ok(await h.send(sidePanel, 'commitment.delete', { id: added.id }));
    expect(h.broadcast.mock.calls).toEqual([[changed(bob.id)]]);
  });

  it('pitch writes announce pitches-changed', async () => {
    const { h } = await seeded();
    const pitch = ok<Pitch>(await h.send(sidePanel, 'pitch.save', { audience: 'Recruiters', text: 'v1' }));
    ok(await h.send(sidePanel, 'pitch.save', { id: pitch.id, audience: 'Recruiters', text: 'v2' }));
    ok(await h.send(sidePanel, 'pitch.delete', { id: pitch.id }));
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'pitches-changed' }], [{ rapport: 1, event: 'pitches-changed' }], [{ rapport: 1, event: 'pitches-changed' }]]);
  });

  it('settings.update announces settings-changed and hands the new settings to the worker', async () => {
    const { h } = await seeded();
    const next = ok<Settings>(await h.send(sidePanel, 'settings.update', { patch: { sidebarHost: 'side-panel' } }));
    expect(next.sidebarHost).toBe('side-panel');
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'settings-changed' }]]);
    expect(h.onSettingsChanged.mock.calls).toEqual([[next]]);
    // Reading announces nothing.
    expect(ok(await h.send(sidePanel, 'settings.get', {}))).toEqual(next);
    expect(h.broadcast).toHaveBeenCalledTimes(1);
  });

  it('contact.create tells the introducer too', async () => {
    const { h, ada } = await seeded();
    const mary = await create(h, { name: 'Mary Somerville', introducedBy: ada.id });
    expect(h.broadcast.mock.calls).toEqual([[changed(mary.id, ada.id)]]);
  });

  it('contact.update tells the old and the new introducer', async () => {
    const { h, ada, bob } = await seeded();
    const mary = await create(h, { name: 'Mary Somerville', introducedBy: ada.id });
    h.broadcast.mockClear();
    ok(await h.send(sidePanel, 'contact.update', { id: mary.id, patch: { introducedBy: bob.id } }));
    expect(h.broadcast.mock.calls).toEqual([[changed(mary.id, ada.id, bob.id)]]);
    h.broadcast.mockClear();
    ok(await h.send(sidePanel, 'contact.update', { id: mary.id, patch: { introducedBy: undefined } }));
    expect(h.broadcast.mock.calls).toEqual([[changed(mary.id, bob.id)]]);
    h.broadcast.mockClear();
    ok(await h.send(sidePanel, 'contact.update', { id: mary.id, patch: { title: 'Astronomer' } }));
    expect(h.broadcast.mock.calls).toEqual([[changed(mary.id)]]);
  });

  it('reads announce nothing', async () => {
    const { h, ada } = await seeded();
    ok(await h.send(sidePanel, 'contact.card', { id: ada.id }));
    ok(await h.send(sidePanel, 'contacts.search', { query: 'ada' }));
    ok(await h.send(sidePanel, 'settings.get', {}));
    expect(h.broadcast).not.toHaveBeenCalled();
  });

  it('failed writes announce nothing and write nothing', async () => {
    const { h, ada } = await seeded();
    const logged = ok<Interaction>(await h.send(sidePanel, 'interaction.log', { contactId: ada.id, kind: 'call', when: T0 }));
    h.broadcast.mockClear();
    await expectNoWrites(h, async () => {
      error(await h.send(sidePanel, 'interaction.log', { contactId: 99, kind: 'call', when: T0 }), 'not-found');
      error(await h.send(sidePanel, 'interaction.update', { id: 99, change: { summary: 'x' } }), 'not-found');
      error(await h.send(sidePanel, 'interaction.delete', { id: 99 }), 'not-found');
      error(await h.send(sidePanel, 'interaction.restore', { interaction: logged }), 'invalid-request');
      error(await h.send(sidePanel, 'interaction.restore', { interaction: { ...logged, id: 50, contactId: 99 } }), 'not-found');
      error(await h.send(sidePanel, 'commitment.add', { contactId: 99, text: 'x', due: T0 }), 'not-found');
      error(await h.send(sidePanel, 'commitment.setDone', { id: 99, done: true }), 'not-found');
      error(await h.send(sidePanel, 'commitment.delete', { id: 99 }), 'not-found');
      error(await h.send(sidePanel, 'pitch.save', { id: 99, audience: 'x', text: '' }), 'not-found');
      error(await h.send(sidePanel, 'pitch.delete', { id: 99 }), 'not-found');
    });
  });
});

describe('interaction.log from an extension page', () => {
  it('is always a manual entry: a source or external id in the request is not taken', async () => {
    const h = createHarness();
    const ada = await create(h, adaDraft);
    const payload = { contactId: ada.id, kind: 'email', when: T0, source: 'gmail', externalId: 'msg-1' };
    const first = ok<Interaction>(await h.send(sidePanel, 'interaction.log', payload));
    const second = ok<Interaction>(await h.send(sidePanel, 'interaction.log', payload));
    for (const logged of [first, second]) {
      expect(logged.source).toBe('manual');
      expect(Object.hasOwn(logged, 'externalId')).toBe(false);
    }
    expect(await h.db.interactions.count()).toBe(2);
  });
});
