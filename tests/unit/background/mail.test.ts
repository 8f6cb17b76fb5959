// The mail service (utils/background/mail.ts) over real contact, interaction and settings
// services and a real RapportDatabase (a fresh fake IndexedDB per test), with a fixed clock.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContactService, type ContactService } from '../../../utils/background/contacts';
import { createInteractionService, type InteractionService } from '../../../utils/background/interactions';
import { createMailService, UNLOG_WINDOW_MS, type MailService } from '../../../utils/background/mail';
import { RequestError } from '../../../utils/background/request-error';
import { createSettingsService, type SettingsService } from '../../../utils/background/settings';
import type { Contact, ContactDraft } from '../../../utils/model/contact';
import type { MailMessage } from '../../../utils/model/page-context';
import { RapportDatabase } from '../../../utils/store/database';

const T0 = Date.UTC(2025, 2, 1, 12, 0, 0);
const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;

let db: RapportDatabase;
let contacts: ContactService;
let interactions: InteractionService;
let settings: SettingsService;
let mail: MailService;
let clock: number;

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
  db = new RapportDatabase('rapport-mail-test');
  clock = T0;
  const now = () => clock;
  contacts = createContactService(db, now);
  interactions = createInteractionService(db, now);
  settings = createSettingsService(db);
  mail = createMailService({ db, contacts, interactions, settings, now });
});

afterEach(() => {
  db.close();
});

async function create(draft: ContactDraft): Promise<Contact> {
  return (await contacts.create(draft)).contact;
}

/** A contact with a logged meeting at `when`, so its lastContacted is `when`. */
async function createContacted(draft: ContactDraft, when: number): Promise<Contact> {
  const contact = await create(draft);
  await interactions.log({ contactId: contact.id, kind: 'meeting', when, summary: 'Coffee' });
  return (await contacts.get(contact.id))!;
}

const reload = async (id: number) => (await contacts.get(id))!;
const turnAutoLogOn = () => settings.update({ autoLogSentMail: true });

const adaDraft = { name: 'Ada Lovelace', emails: ['ada@analytical.example', 'countess@example.org'] } satisfies ContactDraft;
const graceDraft = { name: 'Grace Hopper', emails: ['grace@navy.example'] } satisfies ContactDraft;

const message = (patch: Partial<MailMessage> = {}): MailMessage => ({
  id: 'msg-f:1784000000000000001',
  subject: 'The engine',
  when: T0 - 2 * DAY,
  fromMe: false,
  ...patch,
});

describe('lookup', () => {
  it('answers in request order, null for who is not a contact', async () => {
    const ada = await create(adaDraft);
    const grace = await create(graceDraft);
    const answer = await mail.lookup(
      ['nobody@example.com', 'grace@navy.example', 'ada@analytical.example', 'countess@example.org'],
      ['Nobody Known', 'Ada Lovelace', 'Grace Hopper'],
    );
    expect(answer.emails.map((m) => m?.contactId ?? null)).toEqual([null, grace.id, ada.id, ada.id]);
    expect(answer.names.map((m) => m?.contactId ?? null)).toEqual([null, ada.id, grace.id]);
  });

  it("answers the contact's id and name, and how it was found", async () => {
    const ada = await create(adaDraft);
    const answer = await mail.lookup(['ada@analytical.example'], ['Lovelace, Ada']);
    expect(answer).toEqual({
      emails: [{ contactId: ada.id, name: 'Ada Lovelace', match: 'email' }],
      names: [{ contactId: ada.id, name: 'Ada Lovelace', match: 'name' }],
    });
  });

  it('passes lastContacted and nextFollowUp through, and leaves them out when unset', async () => {
    const ada = await createContacted({ ...adaDraft, nextFollowUp: T0 + 7 * DAY }, T0 - 3 * DAY);
    const grace = await create(graceDraft);
    const answer = await mail.lookup(['ada@analytical.example', 'grace@navy.example'], ['Ada Lovelace', 'Grace Hopper']);
    expect(answer.emails).toEqual([
      { contactId: ada.id, name: 'Ada Lovelace', lastContacted: T0 - 3 * DAY, nextFollowUp: T0 + 7 * DAY, match: 'email' },
      { contactId: grace.id, name: 'Grace Hopper', match: 'email' },
    ]);
    expect(answer.names[0]).toEqual({
      contactId: ada.id,
      name: 'Ada Lovelace',
      lastContacted: T0 - 3 * DAY,
      nextFollowUp: T0 + 7 * DAY,
      match: 'name',
    });
    expect(Object.keys(answer.names[1]!).sort()).toEqual(['contactId', 'match', 'name']);
  });

  it('flags a display name several contacts share, answering the most recently contacted', async () => {
    await createContacted({ name: 'Ada Lovelace', emails: ['old@example.com'] }, T0 - 20 * DAY);
    const recent = await createContacted({ name: 'Ada Lovelace', emails: ['recent@example.com'] }, T0 - DAY);
    await create({ name: 'Ada Lovelace' });
    const grace = await create(graceDraft);
    const answer = await mail.lookup(['recent@example.com'], ['Ada Lovelace', 'Grace Hopper']);
    expect(answer.names[0]).toEqual({ contactId: recent.id, name: 'Ada Lovelace', lastContacted: T0 - DAY, match: 'name', ambiguous: true });
    // One contact by that name: no flag at all.
    expect(answer.names[1]).toEqual({ contactId: grace.id, name: 'Grace Hopper', match: 'name' });
    // By address, never ambiguous.
    expect(answer.emails[0]).not.toHaveProperty('ambiguous');
  });

  it('is not ambiguous when the namesake is archived', async () => {
    await create({ name: 'Ada Lovelace', archivedAt: T0 - DAY });
    const ada = await create(adaDraft);
    expect((await mail.lookup([], ['Ada Lovelace'])).names).toEqual([{ contactId: ada.id, name: 'Ada Lovelace', match: 'name' }]);
  });

  it('ignores case and surrounding spaces in addresses', async () => {
    const ada = await create(adaDraft);
    const answer = await mail.lookup(['ADA@Analytical.Example', '  ada@analytical.example  '], []);
    expect(answer.emails.map((m) => m?.contactId)).toEqual([ada.id, ada.id]);
  });

  it('answers every position of a repeated sender', async () => {
    const ada = await create(adaDraft);
    const answer = await mail.lookup(
      ['ada@analytical.example', 'x@example.com', 'ada@analytical.example'],
      ['Ada Lovelace', 'Nobody', 'Ada Lovelace'],
    );
    expect(answer.emails.map((m) => m?.contactId ?? null)).toEqual([ada.id, null, ada.id]);
    expect(answer.names.map((m) => m?.contactId ?? null)).toEqual([ada.id, null, ada.id]);
  });

  it('never matches archived contacts', async () => {
    await create({ ...adaDraft, archivedAt: T0 - DAY });
    expect(await mail.lookup(['ada@analytical.example'], ['Ada Lovelace'])).toEqual({ emails: [null], names: [null] });
  });

  it('answers nulls for blank and junk entries, and empty lists for empty requests', async () => {
    await create(adaDraft);
    expect(await mail.lookup([], [])).toEqual({ emails: [], names: [] });
    expect(await mail.lookup(['', '  ', 'not an address'], ['', '---', '🚀'])).toEqual({
      emails: [null, null, null],
      names: [null, null, null],
    });
  });
});

describe('findPerson', () => {
  it('finds by address', async () => {
    const ada = await create(adaDraft);
    const found = await mail.findPerson({ email: 'countess@example.org', name: 'The Countess' });
    expect(found).toEqual({ contact: await reload(ada.id), match: 'email' });
  });

  it('does not guess from the name when the page shows an address no contact has', async () => {
    await create(adaDraft);
    expect(await mail.findPerson({ email: 'ada.other@example.com', name: 'Ada Lovelace' })).toBeNull();
  });

  it('does not answer an archived contact by address', async () => {
    await create({ ...adaDraft, archivedAt: T0 - DAY });
    expect(await mail.findPerson({ email: 'ada@analytical.example', name: 'Ada Lovelace' })).toBeNull();
  });

  it('finds by display name when no address is shown, most recently contacted first', async () => {
    await createContacted({ name: 'Ada Lovelace' }, T0 - 10 * DAY);
    const recent = await createContacted({ name: 'Ada Lovelace', emails: ['recent@example.com'] }, T0 - DAY);
    expect(await mail.findPerson({ name: 'Lovelace, Ada' })).toEqual({ contact: await reload(recent.id), match: 'name' });
    expect(await mail.findPerson({ name: 'ADA LOVELACE (she/her)' })).toMatchObject({ contact: { id: recent.id }, match: 'name' });
  });

  it('answers null for an unknown or archived name without an address', async () => {
    await create({ name: 'Grace Hopper', archivedAt: T0 });
    expect(await mail.findPerson({ name: 'Grace Hopper' })).toBeNull();
    expect(await mail.findPerson({ name: 'Nobody Known' })).toBeNull();
    expect(await mail.findPerson({ name: '🚀' })).toBeNull();
  });

  it('treats an empty address as none', async () => {
    const ada = await create(adaDraft);
    expect(await mail.findPerson({ email: '', name: 'Ada Lovelace' })).toMatchObject({ contact: { id: ada.id }, match: 'name' });
  });
});

describe('logMessage', () => {
  it('logs an e-mail from the site, with the subject as summary and the message time', async () => {
    const ada = await create(adaDraft);
    clock = T0 + 5 * MINUTE;
    const { interaction, created } = await mail.logMessage(ada.id, 'gmail', message({ subject: '  The engine  ' }));
    expect(created).toBe(true);
    expect(interaction).toEqual({
      id: expect.any(Number),
      contactId: ada.id,
      kind: 'email',
      when: T0 - 2 * DAY,
      summary: 'The engine',
      source: 'gmail',
      externalId: 'gmail:msg-f:1784000000000000001',
      createdAt: T0 + 5 * MINUTE,
      updatedAt: T0 + 5 * MINUTE,
    });
    expect(await db.interactions.toArray()).toEqual([interaction]);
  });

  it('uses the site as source and in the external id', async () => {
    const ada = await create(adaDraft);
    const { interaction } = await mail.logMessage(ada.id, 'outlook', message({ id: 'AAQkAGI2TG93AAA=' }));
    expect(interaction).toMatchObject({ source: 'outlook', externalId: 'outlook:AAQkAGI2TG93AAA=' });
  });

  it('says "(no subject)" for a blank subject', async () => {
    const ada = await create(adaDraft);
    expect((await mail.logMessage(ada.id, 'gmail', message({ id: 'a', subject: '' }))).interaction.summary).toBe('(no subject)');
    expect((await mail.logMessage(ada.id, 'gmail', message({ id: 'b', subject: '   \n ' }))).interaction.summary).toBe('(no subject)');
  });

  it('logs "now" when the page gave no date', async () => {
    const ada = await create(adaDraft);
    clock = T0 + 3 * MINUTE;
    const { interaction } = await mail.logMessage(ada.id, 'gmail', message({ when: undefined }));
    expect(interaction.when).toBe(T0 + 3 * MINUTE);
  });

  it('keeps a message time of 0 (the epoch) rather than replacing it with now', async () => {
    const ada = await create(adaDraft);
    expect((await mail.logMessage(ada.id, 'gmail', message({ when: 0 }))).interaction.when).toBe(0);
  });

  it('logs a message once per contact: a second time answers the first log', async () => {
    const ada = await create(adaDraft);
    const first = await mail.logMessage(ada.id, 'gmail', message());
    clock = T0 + MINUTE;
    const second = await mail.logMessage(ada.id, 'gmail', message({ subject: 'Changed subject', when: T0 }));
    expect(second).toEqual({ interaction: first.interaction, created: false });
    expect(await db.interactions.count()).toBe(1);
    expect((await db.interactions.toArray())[0]!.summary).toBe('The engine');
  });

  it('logs the same message for another contact, and another message for the same one', async () => {
    const ada = await create(adaDraft);
    const grace = await create(graceDraft);
    const a = await mail.logMessage(ada.id, 'gmail', message());
    const g = await mail.logMessage(grace.id, 'gmail', message());
    const other = await mail.logMessage(ada.id, 'gmail', message({ id: 'msg-f:2' }));
    // The same id on another site is another message.
    const outlook = await mail.logMessage(ada.id, 'outlook', message());
    expect([a.created, g.created, other.created, outlook.created]).toEqual([true, true, true, true]);
    expect(new Set([a, g, other, outlook].map((r) => r.interaction.id)).size).toBe(4);
    expect(await db.interactions.count()).toBe(4);
  });

  it("updates the contact's lastContacted", async () => {
    const ada = await createContacted(adaDraft, T0 - 10 * DAY);
    await mail.logMessage(ada.id, 'gmail', message({ when: T0 - DAY }));
    expect((await reload(ada.id)).lastContacted).toBe(T0 - DAY);
    // An older message does not move it back.
    await mail.logMessage(ada.id, 'gmail', message({ id: 'older', when: T0 - 20 * DAY }));
    expect((await reload(ada.id)).lastContacted).toBe(T0 - DAY);
  });

  it('refuses an unknown contact and writes nothing', async () => {
    await expect(mail.logMessage(42, 'gmail', message())).rejects.toBeInstanceOf(RequestError);
    await expect(mail.logMessage(42, 'gmail', message())).rejects.toMatchObject({ code: 'not-found' });
    expect(await db.interactions.count()).toBe(0);
  });
});

const sent = (patch: Partial<Parameters<MailService['logSent']>[0]> = {}) => ({
  site: 'gmail' as const,
  sendId: 'send_0001_abcdef',
  subject: 'Thanks for the coffee',
  recipients: [{ email: 'ada@analytical.example', name: 'Ada Lovelace' }],
  ...patch,
});

describe('logSent', () => {
  it('is off by default: logs nothing', async () => {
    expect((await settings.get()).autoLogSentMail).toBe(false);
    const ada = await create(adaDraft);
    expect(await mail.logSent(sent())).toEqual([]);
    expect(await db.interactions.count()).toBe(0);
    expect((await reload(ada.id)).lastContacted).toBeUndefined();
  });

  it('logs nothing when turned off again', async () => {
    await create(adaDraft);
    await turnAutoLogOn();
    await settings.update({ autoLogSentMail: false });
    expect(await mail.logSent(sent())).toEqual([]);
    expect(await db.interactions.count()).toBe(0);
  });

  it('when on, logs one e-mail for a known recipient, now, with the subject', async () => {
    const ada = await create(adaDraft);
    await turnAutoLogOn();
    clock = T0 + MINUTE;
    const logged = await mail.logSent(sent());
    expect(logged).toHaveLength(1);
    const [{ interaction, contact }] = logged as [(typeof logged)[number]];
    expect(contact.id).toBe(ada.id);
    expect(contact.name).toBe('Ada Lovelace');
    expect(interaction).toEqual({
      id: expect.any(Number),
      contactId: ada.id,
      kind: 'email',
      when: T0 + MINUTE,
      summary: 'Thanks for the coffee',
      source: 'gmail',
      externalId: 'gmail-sent:send_0001_abcdef',
      createdAt: T0 + MINUTE,
      updatedAt: T0 + MINUTE,
    });
    expect(await db.interactions.toArray()).toEqual([interaction]);
    expect((await reload(ada.id)).lastContacted).toBe(T0 + MINUTE);
  });

  it('logs once per distinct known person, ignoring unknown and invalid addresses', async () => {
    const ada = await create(adaDraft);
    const grace = await create(graceDraft);
    await create({ name: 'Archived Person', emails: ['gone@example.com'], archivedAt: T0 - DAY });
    await turnAutoLogOn();
    const logged = await mail.logSent(
      sent({
        subject: '',
        recipients: [
          { email: 'ada@analytical.example', name: 'Ada Lovelace' },
          { email: 'stranger@example.com', name: 'Ada Lovelace' },
          { email: 'not an address' },
          { email: 'Ada Lovelace <ada@analytical.example>' },
          { email: '' },
          { email: 'gone@example.com' },
          // Ada again: the same address in another case, and her other address.
          { email: ' ADA@Analytical.Example ' },
          { email: 'countess@example.org' },
          { email: 'grace@navy.example' },
        ],
      }),
    );
    expect(logged.map((l) => l.contact.id).sort()).toEqual([ada.id, grace.id].sort());
    const rows = await db.interactions.toArray();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.contactId).sort()).toEqual([ada.id, grace.id].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ kind: 'email', source: 'gmail', summary: '(no subject)', externalId: 'gmail-sent:send_0001_abcdef', when: T0 });
    }
  });

  it('logs nothing when no recipient is a contact', async () => {
    await create(adaDraft);
    await turnAutoLogOn();
    expect(await mail.logSent(sent({ recipients: [{ email: 'stranger@example.com', name: 'Ada Lovelace' }] }))).toEqual([]);
    expect(await db.interactions.count()).toBe(0);
  });

  it('does not match recipients by name', async () => {
    await create({ name: 'Ada Lovelace' });
    await turnAutoLogOn();
    expect(await mail.logSent(sent())).toEqual([]);
  });

  it('is idempotent for the same send id', async () => {
    const ada = await create(adaDraft);
    const grace = await create(graceDraft);
    await turnAutoLogOn();
    const recipients = [{ email: 'ada@analytical.example' }, { email: 'grace@navy.example' }];
    const first = await mail.logSent(sent({ recipients }));
    clock = T0 + MINUTE;
    const again = await mail.logSent(sent({ recipients }));
    expect(again.map((l) => l.interaction).sort((a, b) => a.id - b.id)).toEqual(first.map((l) => l.interaction).sort((a, b) => a.id - b.id));
    expect(await db.interactions.count()).toBe(2);
    expect((await reload(ada.id)).lastContacted).toBe(T0);
    expect((await reload(grace.id)).lastContacted).toBe(T0);
    // Another send to the same people is logged again.
    const next = await mail.logSent(sent({ sendId: 'send_0002_abcdef', recipients }));
    expect(next).toHaveLength(2);
    expect(await db.interactions.count()).toBe(4);
  });
});

describe('unlogSent', () => {
  async function setUp() {
    const ada = await createContacted(adaDraft, T0 - 5 * DAY);
    const grace = await create(graceDraft);
    await turnAutoLogOn();
    return { ada, grace };
  }
  const both = [{ email: 'ada@analytical.example' }, { email: 'grace@navy.example' }];

  it("removes exactly that send's entries within the undo window, and lastContacted goes back", async () => {
    const { ada, grace } = await setUp();
    const logged = await mail.logSent(sent({ recipients: both }));
    const other = await mail.logSent(sent({ sendId: 'send_0002_other', recipients: both }));
    const manual = await interactions.log({ contactId: ada.id, kind: 'call', when: T0 - MINUTE, summary: 'Quick call' });
    const viaButton = await mail.logMessage(ada.id, 'gmail', message({ id: 'send_0001_abcdef', when: T0 }));
    const countBefore = await db.interactions.count();

    clock = T0 + UNLOG_WINDOW_MS - 1_000;
    const removed = await mail.unlogSent('gmail', 'send_0001_abcdef');
    expect(removed.map((i) => i.id).sort()).toEqual(logged.map((l) => l.interaction.id).sort());
    expect(removed.sort((a, b) => a.id - b.id)).toEqual(logged.map((l) => l.interaction).sort((a, b) => a.id - b.id));
    expect(await db.interactions.count()).toBe(countBefore - 2);
    for (const { interaction } of logged) expect(await db.interactions.get(interaction.id)).toBeUndefined();
    for (const { interaction } of other) expect(await db.interactions.get(interaction.id)).toEqual(interaction);
    expect(await db.interactions.get(manual.interaction.id)).toEqual(manual.interaction);
    expect(await db.interactions.get(viaButton.interaction.id)).toEqual(viaButton.interaction);
    // The other send still counts.
    expect((await reload(ada.id)).lastContacted).toBe(T0);
    expect((await reload(grace.id)).lastContacted).toBe(T0);

    // Undo of the other send too: lastContacted goes back to what it was before.
    await db.interactions.delete(viaButton.interaction.id);
    await db.interactions.delete(manual.interaction.id);
    expect((await mail.unlogSent('gmail', 'send_0002_other')).length).toBe(2);
    expect((await reload(ada.id)).lastContacted).toBe(T0 - 5 * DAY);
    expect(await reload(grace.id)).not.toHaveProperty('lastContacted');
  });

  it('puts lastContacted back to the earlier log, or clears it', async () => {
    const { ada, grace } = await setUp();
    await mail.logSent(sent({ recipients: both }));
    expect((await reload(ada.id)).lastContacted).toBe(T0);
    expect((await reload(grace.id)).lastContacted).toBe(T0);
    clock = T0 + MINUTE;
    expect(await mail.unlogSent('gmail', 'send_0001_abcdef')).toHaveLength(2);
    expect((await reload(ada.id)).lastContacted).toBe(T0 - 5 * DAY);
    expect(await reload(grace.id)).not.toHaveProperty('lastContacted');
  });

  it('removes nothing after the undo window', async () => {
    const { ada } = await setUp();
    await mail.logSent(sent({ recipients: both }));
    clock = T0 + UNLOG_WINDOW_MS + 1;
    expect(await mail.unlogSent('gmail', 'send_0001_abcdef')).toEqual([]);
    expect((await db.interactions.toArray()).filter((i) => i.externalId === 'gmail-sent:send_0001_abcdef')).toHaveLength(2);
    expect((await reload(ada.id)).lastContacted).toBe(T0);
    clock = T0 + DAY;
    expect(await mail.unlogSent('gmail', 'send_0001_abcdef')).toEqual([]);
    expect(await db.interactions.count()).toBe(3);
  });

  it('removes nothing of another send id, another site, or a send that logged nothing', async () => {
    await setUp();
    await mail.logSent(sent({ recipients: both }));
    const before = await db.interactions.toArray();
    expect(await mail.unlogSent('gmail', 'send_9999_unknown')).toEqual([]);
    expect(await mail.unlogSent('outlook', 'send_0001_abcdef')).toEqual([]);
    expect(await db.interactions.toArray()).toEqual(before);
  });

  it('does not remove a manual log or a "Log this e-mail" entry', async () => {
    const { ada } = await setUp();
    const manual = await interactions.log({ contactId: ada.id, kind: 'email', when: T0, summary: 'By hand' });
    const viaButton = await mail.logMessage(ada.id, 'gmail', message({ id: 'send_0001_abcdef', when: T0 }));
    expect(await mail.unlogSent('gmail', 'send_0001_abcdef')).toEqual([]);
    expect(await db.interactions.get(manual.interaction.id)).toEqual(manual.interaction);
    expect(await db.interactions.get(viaButton.interaction.id)).toEqual(viaButton.interaction);
  });

  it('a second undo removes nothing more', async () => {
    await setUp();
    await mail.logSent(sent({ recipients: both }));
    expect(await mail.unlogSent('gmail', 'send_0001_abcdef')).toHaveLength(2);
    expect(await mail.unlogSent('gmail', 'send_0001_abcdef')).toEqual([]);
    expect(await db.interactions.count()).toBe(1);
  });
});
