// The webmail messages through the real dispatcher (validation, authorisation, handler, store):
// senders.lookup, email.log, email.sent, email.unlog, and sidebar.view of a mail page's person.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { UNLOG_WINDOW_MS } from '../../../utils/background/mail';
import type { SenderInfo } from '../../../utils/background/sender';
import { ErrorAnswer } from '../../../utils/messages/contract';
import type { ContactDraft } from '../../../utils/model/contact';
import type { MailPersonContext } from '../../../utils/model/page-context';
import { createHarness, EXT, SECRET_7, sidebarFrame, sidePanel, T0, type Harness } from './harness';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
});

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;

/** The content script on tab 7's Gmail page. */
const gmailContent: SenderInfo = { id: EXT, url: 'https://mail.google.com/mail/u/0/#inbox', tab: { id: 7 }, frameId: 0 };

function expectOk(answer: unknown): unknown {
  expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
  return (answer as { data: unknown }).data;
}

function expectForbidden(answer: unknown) {
  const parsed = ErrorAnswer.safeParse(answer);
  expect(parsed.success, JSON.stringify(answer)).toBe(true);
  expect(parsed.data!.error.code).toBe('forbidden');
  expect(answer).not.toHaveProperty('data');
}

const adaDraft = { name: 'Ada Lovelace', emails: ['ada@analytical.example', 'countess@example.org'] } satisfies ContactDraft;
const graceDraft = { name: 'Grace Hopper', emails: ['grace@navy.example'] } satisfies ContactDraft;

interface Created {
  contact: { id: number; name: string } & Record<string, unknown>;
}

async function createContact(h: Harness, draft: ContactDraft) {
  const { contact } = expectOk(await h.send(sidePanel, 'contact.create', { draft })) as Created;
  h.broadcast.mockClear();
  return contact;
}

async function logMeeting(h: Harness, contactId: number, when: number) {
  expectOk(await h.send(sidePanel, 'interaction.log', { contactId, kind: 'meeting', when, summary: 'Coffee' }));
  h.broadcast.mockClear();
}

async function turnAutoLogOn(h: Harness) {
  const settings = expectOk(await h.send(sidePanel, 'settings.update', { patch: { autoLogSentMail: true } })) as { autoLogSentMail: boolean };
  expect(settings.autoLogSentMail).toBe(true);
  h.broadcast.mockClear();
}

const contactsChanged = (...ids: number[]) => ({ rapport: 1, event: 'contacts-changed', ids });

/** Runs `body` and asserts that it wrote nothing and announced nothing. */
async function expectNoWrites(h: Harness, body: () => Promise<void>) {
  const before = await h.state();
  const broadcasts = h.broadcast.mock.calls.length;
  await body();
  expect(await h.state()).toEqual(before);
  expect(h.broadcast.mock.calls.length).toBe(broadcasts);
}

describe('senders.lookup', () => {
  it('answers a content script in request order, by address and by name', async () => {
    const h = createHarness();
    const ada = await createContact(h, { ...adaDraft, nextFollowUp: T0 + 3 * DAY });
    await logMeeting(h, ada.id, T0 - DAY);
    const grace = await createContact(h, graceDraft);
    await createContact(h, { name: 'Grace Hopper' });
    await expectNoWrites(h, async () => {
      const answer = expectOk(
        await h.send(gmailContent, 'senders.lookup', {
          emails: ['stranger@example.com', 'ADA@analytical.example', 'grace@navy.example'],
          names: ['Grace Hopper', 'Nobody Known', 'Lovelace, Ada'],
        }),
      );
      expect(answer).toEqual({
        emails: [
          null,
          { contactId: ada.id, name: 'Ada Lovelace', lastContacted: T0 - DAY, nextFollowUp: T0 + 3 * DAY, match: 'email' },
          { contactId: grace.id, name: 'Grace Hopper', match: 'email' },
        ],
        names: [
          { contactId: grace.id, name: 'Grace Hopper', match: 'name', ambiguous: true },
          null,
          { contactId: ada.id, name: 'Ada Lovelace', lastContacted: T0 - DAY, nextFollowUp: T0 + 3 * DAY, match: 'name' },
        ],
      });
    });
  });

  it('answers empty lists for an empty request', async () => {
    const h = createHarness();
    await createContact(h, adaDraft);
    expect(expectOk(await h.send(gmailContent, 'senders.lookup', { emails: [], names: [] }))).toEqual({ emails: [], names: [] });
  });

  it('is refused to extension pages', async () => {
    const h = createHarness();
    await createContact(h, adaDraft);
    expectOk(await h.send(gmailContent, 'page.register', { secret: SECRET_7, context: personContext({ email: 'ada@analytical.example' }) }));
    h.broadcast.mockClear();
    await expectNoWrites(h, async () => {
      const payload = { emails: ['ada@analytical.example'], names: ['Ada Lovelace'] };
      expectForbidden(await h.send(sidePanel, 'senders.lookup', payload));
      expectForbidden(await h.send(sidebarFrame, 'senders.lookup', payload, SECRET_7));
    });
  });
});

const mailLog = (contactId: number, patch: Record<string, unknown> = {}) => ({
  contactId,
  site: 'gmail',
  message: { id: 'msg-f:1784000000000000001', subject: 'The engine', when: T0 - DAY, fromMe: false, ...patch },
});

describe('email.log', () => {
  it('logs once, and announces the change only when it created the entry', async () => {
    const h = createHarness();
    const ada = await createContact(h, adaDraft);
    const first = expectOk(await h.send(sidePanel, 'email.log', mailLog(ada.id))) as { interaction: Record<string, unknown>; created: boolean };
    expect(first.created).toBe(true);
    expect(first.interaction).toMatchObject({
      contactId: ada.id,
      kind: 'email',
      when: T0 - DAY,
      summary: 'The engine',
      source: 'gmail',
      externalId: 'gmail:msg-f:1784000000000000001',
    });
    expect(h.broadcast.mock.calls).toEqual([[contactsChanged(ada.id)]]);
    expect((await h.db.contacts.get(ada.id))!.lastContacted).toBe(T0 - DAY);

    h.broadcast.mockClear();
    h.advance(MINUTE);
    const second = expectOk(await h.send(sidePanel, 'email.log', mailLog(ada.id, { subject: 'Re: The engine' })));
    expect(second).toEqual({ interaction: first.interaction, created: false });
    expect(h.broadcast).not.toHaveBeenCalled();
    expect(await h.db.interactions.count()).toBe(1);
  });

  it('logs now when the message has no date, and "(no subject)" for a blank subject', async () => {
    const h = createHarness();
    const ada = await createContact(h, adaDraft);
    h.advance(5 * MINUTE);
    const { interaction } = expectOk(await h.send(sidePanel, 'email.log', mailLog(ada.id, { when: undefined, subject: '  ' }))) as {
      interaction: { when: number; summary: string };
    };
    expect(interaction.when).toBe(T0 + 5 * MINUTE);
    expect(interaction.summary).toBe('(no subject)');
  });

  it('answers not-found for an unknown contact, writing nothing', async () => {
    const h = createHarness();
    await createContact(h, adaDraft);
    await expectNoWrites(h, async () => {
      const answer = await h.send(sidePanel, 'email.log', mailLog(42));
      expect(answer).toMatchObject({ ok: false, error: { code: 'not-found' } });
    });
  });
});

const sent = (patch: Record<string, unknown> = {}) => ({
  site: 'gmail',
  sendId: 'send_0001_abcdef',
  subject: 'Thanks for the coffee',
  recipients: [
    { email: 'ada@analytical.example', name: 'Ada Lovelace' },
    { email: 'grace@navy.example', name: 'Grace Hopper' },
    { email: 'stranger@example.com', name: 'A Stranger' },
  ],
  ...patch,
});

describe('email.sent', () => {
  it('with auto-log off (the default) answers no logs and writes nothing', async () => {
    const h = createHarness();
    await createContact(h, adaDraft);
    await createContact(h, graceDraft);
    await expectNoWrites(h, async () => {
      expect(expectOk(await h.send(gmailContent, 'email.sent', sent()))).toEqual({ logged: [] });
    });
  });

  it('with auto-log on logs every known recipient once and announces them', async () => {
    const h = createHarness();
    const ada = await createContact(h, adaDraft);
    const grace = await createContact(h, graceDraft);
    await turnAutoLogOn(h);
    h.advance(MINUTE);
    const answer = expectOk(
      await h.send(gmailContent, 'email.sent', sent({ recipients: [...sent().recipients, { email: 'countess@example.org' }, { email: 'not an address' }] })),
    ) as { logged: { interactionId: number; contactId: number; name: string }[] };
    const byContact = [...answer.logged].sort((a, b) => a.contactId - b.contactId);
    expect(byContact).toEqual([
      { interactionId: expect.any(Number), contactId: ada.id, name: 'Ada Lovelace' },
      { interactionId: expect.any(Number), contactId: grace.id, name: 'Grace Hopper' },
    ]);
    const rows = await h.db.interactions.toArray();
    expect(rows.map((r) => r.id).sort()).toEqual(answer.logged.map((l) => l.interactionId).sort());
    for (const row of rows) {
      expect(row).toMatchObject({ kind: 'email', when: T0 + MINUTE, summary: 'Thanks for the coffee', source: 'gmail', externalId: 'gmail-sent:send_0001_abcdef' });
    }
    expect(h.broadcast).toHaveBeenCalledTimes(1);
    const event = h.broadcast.mock.calls[0]![0] as { event: string; ids: number[] };
    expect(event.event).toBe('contacts-changed');
    expect([...event.ids].sort()).toEqual([ada.id, grace.id].sort());
    expect((await h.db.contacts.get(ada.id))!.lastContacted).toBe(T0 + MINUTE);
  });

  it('does not log twice for the same send', async () => {
    const h = createHarness();
    await createContact(h, adaDraft);
    await turnAutoLogOn(h);
    const first = expectOk(await h.send(gmailContent, 'email.sent', sent())) as { logged: unknown[] };
    h.broadcast.mockClear();
    const again = expectOk(await h.send(gmailContent, 'email.sent', sent())) as { logged: unknown[] };
    expect(again.logged).toEqual(first.logged);
    expect(await h.db.interactions.count()).toBe(1);
    // Nothing changed: nothing announced.
    expect(h.broadcast).not.toHaveBeenCalled();
  });

  it('with auto-log on but no known recipient answers no logs and announces nothing', async () => {
    const h = createHarness();
    await createContact(h, adaDraft);
    await turnAutoLogOn(h);
    await expectNoWrites(h, async () => {
      expect(expectOk(await h.send(gmailContent, 'email.sent', sent({ recipients: [{ email: 'stranger@example.com' }] })))).toEqual({ logged: [] });
    });
  });
});

describe('email.unlog', () => {
  async function loggedSend(h: Harness) {
    const ada = await createContact(h, adaDraft);
    await logMeeting(h, ada.id, T0 - 3 * DAY);
    const grace = await createContact(h, graceDraft);
    await turnAutoLogOn(h);
    const answer = expectOk(await h.send(gmailContent, 'email.sent', sent())) as { logged: { interactionId: number }[] };
    expect(answer.logged).toHaveLength(2);
    h.broadcast.mockClear();
    return { ada, grace };
  }

  it("removes the send's entries, announces it, and lastContacted goes back", async () => {
    const h = createHarness();
    const { ada, grace } = await loggedSend(h);
    h.advance(2 * MINUTE);
    expect(expectOk(await h.send(gmailContent, 'email.unlog', { site: 'gmail', sendId: 'send_0001_abcdef' }))).toEqual({ removed: 2 });
    expect(await h.db.interactions.count()).toBe(1);
    expect(h.broadcast).toHaveBeenCalledTimes(1);
    const event = h.broadcast.mock.calls[0]![0] as { event: string; ids: number[] };
    expect(event.event).toBe('contacts-changed');
    expect([...event.ids].sort()).toEqual([ada.id, grace.id].sort());
    expect((await h.db.contacts.get(ada.id))!.lastContacted).toBe(T0 - 3 * DAY);
    expect(await h.db.contacts.get(grace.id)).not.toHaveProperty('lastContacted');

    // Again: nothing left to remove, nothing announced.
    h.broadcast.mockClear();
    await expectNoWrites(h, async () => {
      expect(expectOk(await h.send(gmailContent, 'email.unlog', { site: 'gmail', sendId: 'send_0001_abcdef' }))).toEqual({ removed: 0 });
    });
  });

  it('removes nothing after the undo window, or for another send', async () => {
    const h = createHarness();
    await loggedSend(h);
    await expectNoWrites(h, async () => {
      expect(expectOk(await h.send(gmailContent, 'email.unlog', { site: 'gmail', sendId: 'send_0002_other' }))).toEqual({ removed: 0 });
      expect(expectOk(await h.send(gmailContent, 'email.unlog', { site: 'outlook', sendId: 'send_0001_abcdef' }))).toEqual({ removed: 0 });
      h.advance(UNLOG_WINDOW_MS + 1);
      expect(expectOk(await h.send(gmailContent, 'email.unlog', { site: 'gmail', sendId: 'send_0001_abcdef' }))).toEqual({ removed: 0 });
    });
    expect(await h.db.interactions.count()).toBe(3);
  });
});

function personContext(patch: Partial<MailPersonContext> = {}): MailPersonContext {
  return {
    kind: 'mail-person',
    site: 'gmail',
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQXJkx',
    ready: true,
    name: 'Ada Lovelace',
    ...patch,
  };
}

describe('sidebar.view of a mail person', () => {
  async function register(h: Harness, context: MailPersonContext) {
    expectOk(await h.send(gmailContent, 'page.register', { secret: SECRET_7, context }));
    h.broadcast.mockClear();
  }

  async function cardOf(h: Harness, id: number) {
    return expectOk(await h.send(sidePanel, 'contact.card', { id }));
  }

  it('answers the contact with that address, its card, and match "email"', async () => {
    const h = createHarness();
    const ada = await createContact(h, adaDraft);
    await logMeeting(h, ada.id, T0 - DAY);
    const context = personContext({
      email: 'countess@example.org',
      name: 'The Countess',
      message: { id: 'msg-f:1', subject: 'The engine', when: T0 - DAY, fromMe: false },
    });
    await register(h, context);
    const contact = expectOk(await h.send(sidePanel, 'contact.get', { id: ada.id }));
    await expectNoWrites(h, async () => {
      const view = expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7));
      expect(view).toEqual({ tabId: 7, context, contact, card: await cardOf(h, ada.id), company: null, match: 'email' });
      // The native side panel asks for the tab by id: the same view.
      expect(expectOk(await h.send(sidePanel, 'sidebar.view', { tabId: 7 }))).toEqual(view);
    });
  });

  it('answers match "name" for a person shown by display name only', async () => {
    const h = createHarness();
    await createContact(h, { name: 'Ada Lovelace', emails: ['old@example.com'] });
    const recent = await createContact(h, adaDraft);
    await logMeeting(h, recent.id, T0 - DAY);
    const context = personContext({ site: 'outlook', url: 'https://outlook.office.com/mail/inbox', name: 'Lovelace, Ada' });
    await register(h, context);
    const view = expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7)) as Record<string, unknown>;
    expect(view).toEqual({
      tabId: 7,
      context,
      contact: expectOk(await h.send(sidePanel, 'contact.get', { id: recent.id })),
      card: await cardOf(h, recent.id),
      company: null,
      match: 'name',
    });
  });

  it('answers no contact for an address no contact has, even when a contact has the name', async () => {
    const h = createHarness();
    await createContact(h, adaDraft);
    const context = personContext({ email: 'ada.somebody@example.com', name: 'Ada Lovelace' });
    await register(h, context);
    const view = expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7));
    expect(view).toEqual({ tabId: 7, context, contact: null, card: null, company: null });
  });

  it('answers no contact for an unknown name, or an archived contact', async () => {
    const h = createHarness();
    await createContact(h, { ...adaDraft, archivedAt: T0 - DAY });
    for (const context of [personContext({ name: 'Nobody Known' }), personContext(), personContext({ email: 'ada@analytical.example' })]) {
      await register(h, context);
      expect(expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7))).toEqual({ tabId: 7, context, contact: null, card: null, company: null });
    }
  });

  it('follows the store: the contact appears once it is created with that address', async () => {
    const h = createHarness();
    const context = personContext({ email: 'grace@navy.example', name: 'Grace Hopper' });
    await register(h, context);
    expect(expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7))).toMatchObject({ contact: null });
    const grace = await createContact(h, graceDraft);
    expect(expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7))).toMatchObject({ contact: { id: grace.id }, match: 'email' });
  });
});
