// The real background entrypoint, wired through WXT's fake browser.
//
// What the fake does and does not do (checked against @webext-core/fake-browser 2.x):
// - `runtime.sendMessage` delivers to `runtime.onMessage` listeners with an EMPTY sender
//   (`{}`): no id, no url, no tab. The worker must classify that as an unknown sender, so a
//   well-formed request sent this way is refused ('forbidden'). This is still a faithful test
//   of the wiring: the listener is registered, answers asynchronously via sendResponse, and
//   checks the envelope before the sender.
// - To send as a real content script / sidebar frame / side panel, the tests call
//   `onMessage.trigger(message, sender, sendResponse)` with a sender shaped like Chrome's
//   `MessageSender` — exactly what the fake's own sendMessage does, with the sender filled in.
// - `storage.session` and `tabs.onRemoved` (with `trigger`) are provided by the fake.
import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import background from '../../../entrypoints/background';
import type { SenderInfo } from '../../../utils/background/sender';
import { onBroadcast } from '../../../utils/messages/client';
import { ErrorAnswer, type BroadcastEvent } from '../../../utils/messages/contract';
import { RapportDatabase } from '../../../utils/store/database';

const SECRET = 'Wiring_test_frame_secret_0123456789abcdef';
const context = {
  kind: 'linkedin-profile',
  url: 'https://www.linkedin.com/in/ada-lovelace/',
  slug: 'ada-lovelace',
  ready: true,
  name: 'Ada Lovelace',
  sources: {},
  missing: [],
} as const;

/** The fake's sender type wants a complete `tabs.Tab`; the worker reads only `SenderInfo`'s fields. */
type MessageSender = Parameters<typeof fakeBrowser.runtime.onMessage.trigger>[1];
const asSender = (sender: SenderInfo) => sender as unknown as MessageSender;

let origin: string;
let senders: { content: SenderInfo; frame: SenderInfo; panel: SenderInfo; other: SenderInfo };

beforeEach(() => {
  fakeBrowser.reset();
  // A fresh IndexedDB for the worker's `new RapportDatabase()`.
  Dexie.dependencies.indexedDB = new IDBFactory();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  origin = browser.runtime.getURL('/');
  senders = {
    content: { id: browser.runtime.id, url: 'https://www.linkedin.com/in/ada-lovelace/', tab: { id: 7 }, frameId: 0 },
    frame: { id: browser.runtime.id, url: `${origin}sidebar.html`, tab: { id: 7 }, frameId: 2 },
    panel: { id: browser.runtime.id, url: `${origin}sidebar.html?tab=7` },
    other: { id: 'another-extension', url: 'chrome-extension://another-extension/x.html' },
  };
});

function startWorker() {
  expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  background.main();
  expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(true);
}

/** Delivers a message to the worker as `sender`, the way the browser would; resolves with its answer. */
async function deliver(message: unknown, sender: SenderInfo): Promise<unknown> {
  let respond!: (answer: unknown) => void;
  const answered = new Promise((resolve) => (respond = resolve));
  const results = await fakeBrowser.runtime.onMessage.trigger(message, asSender(sender), respond);
  expect(results, 'the worker keeps the channel open for its async answer').toContain(true);
  return answered;
}

const request = (type: string, payload: unknown, secret?: string) => ({
  rapport: 1,
  type,
  payload,
  ...(secret ? { secret } : {}),
});

describe('the background entrypoint', () => {
  it('the fake browser provides what the worker needs', () => {
    expect(typeof browser.storage.session.get).toBe('function');
    expect(typeof browser.storage.session.set).toBe('function');
    expect(typeof browser.storage.session.remove).toBe('function');
    expect(typeof fakeBrowser.tabs.onRemoved.trigger).toBe('function');
    expect(origin).toBe(`chrome-extension://${browser.runtime.id}/`);
  });

  it('answers runtime.sendMessage: a malformed message is invalid-request', async () => {
    startWorker();
    for (const message of [null, 'ping', { type: 'ping', payload: {} }, { rapport: 2, type: 'ping', payload: {} }]) {
      const answer = await browser.runtime.sendMessage(message);
      expect(ErrorAnswer.parse(answer).error.code).toBe('invalid-request');
    }
    const answer = ErrorAnswer.parse(await browser.runtime.sendMessage({ rapport: 1, payload: {} }));
    expect(answer.error.issues?.map((i) => i.path)).toEqual(['type']);
  });

  it("answers runtime.sendMessage: a ping from the fake's empty sender is refused as unknown", async () => {
    startWorker();
    const answer = await browser.runtime.sendMessage(request('ping', {}));
    expect(answer).toEqual({ ok: false, error: { code: 'forbidden', message: 'Unknown sender.' } });
  });

  it('answers a ping from a content script and from the side panel', async () => {
    const before = Date.now();
    startWorker();
    for (const sender of [senders.content, senders.panel]) {
      const answer = (await deliver(request('ping', {}), sender)) as { ok: true; data: { workerStartedAt: number; now: number } };
      expect(answer.ok).toBe(true);
      expect(answer.data.workerStartedAt).toBeGreaterThanOrEqual(before);
      expect(answer.data.now).toBeGreaterThanOrEqual(answer.data.workerStartedAt);
      expect(answer.data.now).toBeLessThanOrEqual(Date.now());
    }
    expect(await deliver(request('ping', {}), senders.other)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await deliver(request('nope', {}), senders.content)).toMatchObject({ ok: false, error: { code: 'unknown-type' } });
  });

  it('ignores broadcast events coming back to its own listener', async () => {
    startWorker();
    const respond = vi.fn();
    const results = await fakeBrowser.runtime.onMessage.trigger(
      { rapport: 1, event: 'contacts-changed', ids: [1] },
      asSender(senders.panel),
      respond,
    );
    expect(results).toEqual([false]);
    expect(respond).not.toHaveBeenCalled();
  });

  it('keeps tab contexts in storage.session, broadcasts changes, and forgets closed tabs', async () => {
    startWorker();
    const events: BroadcastEvent[] = [];
    onBroadcast((event) => events.push(event));

    expect(await deliver(request('page.register', { secret: SECRET, context }), senders.content)).toEqual({ ok: true, data: {} });
    expect(await browser.storage.session.get('tab:7')).toEqual({
      'tab:7': { secret: SECRET, context, updatedAt: expect.any(Number) },
    });
    await vi.waitFor(() => expect(events).toEqual([{ rapport: 1, event: 'tab-context-changed', tabId: 7 }]));

    // The frame needs the secret; with it, it sees its tab.
    expect(await deliver(request('sidebar.view', {}), senders.frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await deliver(request('sidebar.view', {}, SECRET), senders.frame)).toEqual({
      ok: true,
      data: { tabId: 7, context, contact: null, card: null, company: null },
    });

    await fakeBrowser.tabs.onRemoved.trigger(7, { windowId: 0, isWindowClosing: false });
    await vi.waitFor(async () => expect((await browser.storage.session.get('tab:7'))['tab:7']).toBeUndefined());
    expect(await deliver(request('sidebar.view', {}, SECRET), senders.frame)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('serves a company page: target employers in the database, people you know there, a companies-changed broadcast', async () => {
    startWorker();
    const events: BroadcastEvent[] = [];
    onBroadcast((event) => events.push(event));
    const companyContext = {
      kind: 'linkedin-company',
      url: 'https://www.linkedin.com/company/babbage-engines/',
      slug: 'babbage-engines',
      ready: true,
      name: 'Babbage Engines',
      sources: { name: 'title' },
      missing: [],
    } as const;
    const companySender = { ...senders.content, url: companyContext.url };
    expect(await deliver(request('page.register', { secret: SECRET, context: companyContext }), companySender)).toEqual({ ok: true, data: {} });
    expect(await deliver(request('contact.create', { draft: { name: 'Ada Lovelace', company: 'BABBAGE ENGINES, Ltd.' } }), senders.panel)).toMatchObject({
      ok: true,
    });

    const marked = (await deliver(request('company.setTarget', { name: 'Babbage Engines', linkedinSlug: 'babbage-engines', target: true }), senders.panel)) as {
      ok: true;
      data: { id: number; nameKey: string };
    };
    expect(marked).toMatchObject({ ok: true, data: { nameKey: 'babbage engines', target: true, targetRank: 1 } });
    await vi.waitFor(() => expect(events).toContainEqual({ rapport: 1, event: 'companies-changed', keys: ['babbage engines'] }));

    const db = new RapportDatabase();
    try {
      expect(await db.companies.toArray()).toEqual([expect.objectContaining({ id: marked.data.id, linkedinSlug: 'babbage-engines', targetRank: 1 })]);
    } finally {
      db.close();
    }

    const view = (await deliver(request('sidebar.view', {}, SECRET), senders.frame)) as { ok: true; data: Record<string, unknown> };
    expect(view.data).toMatchObject({
      tabId: 7,
      context: companyContext,
      contact: null,
      company: { key: 'babbage engines', record: { id: marked.data.id, target: true }, people: [{ name: 'Ada Lovelace' }], targetCount: 1 },
    });

    // A content script may not mark targets.
    expect(await deliver(request('company.setTarget', { name: 'Mallory Inc', target: true }), senders.content)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });

  it('wires the interaction, commitment, pitch and settings services to the rapport database', async () => {
    startWorker();
    const events: BroadcastEvent[] = [];
    onBroadcast((event) => events.push(event));
    const created = (await deliver(request('contact.create', { draft: { name: 'Ada Lovelace', linkedinSlug: 'ada-lovelace' } }), senders.panel)) as {
      ok: true;
      data: { contact: { id: number } };
    };
    const id = created.data.contact.id;
    const when = Date.UTC(2025, 0, 2, 10);
    const logged = (await deliver(request('interaction.log', { contactId: id, kind: 'meeting', when, summary: 'Tea' }), senders.panel)) as {
      ok: true;
      data: { id: number };
    };
    expect(logged).toMatchObject({ ok: true, data: { contactId: id, kind: 'meeting', when, summary: 'Tea', source: 'manual' } });
    expect(await deliver(request('commitment.add', { contactId: id, text: 'Send the notes', due: when + 1 }), senders.panel)).toMatchObject({ ok: true });
    expect(await deliver(request('pitch.save', { audience: 'Recruiters', text: 'Hello' }), senders.panel)).toMatchObject({ ok: true });
    expect(await deliver(request('settings.update', { patch: { sidebarHost: 'side-panel' } }), senders.panel)).toMatchObject({
      ok: true,
      data: { sidebarHost: 'side-panel', snoozeMinutes: 24 * 60 },
    });

    const db = new RapportDatabase();
    try {
      expect(await db.interactions.toArray()).toEqual([expect.objectContaining({ id: logged.data.id, contactId: id, when })]);
      expect((await db.contacts.get(id))?.lastContacted).toBe(when);
      expect(await db.reminders.toArray()).toEqual([expect.objectContaining({ contactId: id, reason: 'commitment', status: 'open' })]);
      expect(await db.pitches.toArray()).toEqual([expect.objectContaining({ audience: 'Recruiters' })]);
      expect(await db.settings.get('app')).toEqual({ key: 'app', value: expect.objectContaining({ sidebarHost: 'side-panel' }) });
    } finally {
      db.close();
    }

    await vi.waitFor(() =>
      expect(events).toEqual(
        expect.arrayContaining([
          { rapport: 1, event: 'contacts-changed', ids: [id] },
          { rapport: 1, event: 'pitches-changed' },
          { rapport: 1, event: 'settings-changed' },
        ]),
      ),
    );

    // The sidebar on that profile gets the card in the same answer.
    expect(await deliver(request('page.register', { secret: SECRET, context }), senders.content)).toEqual({ ok: true, data: {} });
    const view = (await deliver(request('sidebar.view', {}, SECRET), senders.frame)) as { ok: true; data: Record<string, unknown> };
    expect(view.data).toMatchObject({
      contact: { id, lastContacted: when },
      card: { contact: { id }, interactions: [{ id: logged.data.id }], commitments: [{ text: 'Send the notes' }], pitches: [{ audience: 'Recruiters' }] },
    });

    // None of it is open to a content script.
    for (const [type, payload] of [
      ['interaction.log', { contactId: id, kind: 'call', when }],
      ['contact.card', { id }],
      ['settings.update', { patch: { sidebarHost: 'page' } }],
    ] as const) {
      expect(await deliver(request(type, payload), senders.content)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
  });

  it('stores contacts in the rapport database', async () => {
    startWorker();
    const draft = { name: 'Ada Lovelace', linkedinSlug: 'ada-lovelace' };
    const created = (await deliver(request('contact.create', { draft }), senders.panel)) as {
      ok: true;
      data: { contact: { id: number }; created: boolean };
    };
    expect(created).toMatchObject({ ok: true, data: { created: true, contact: { name: 'Ada Lovelace' } } });

    const db = new RapportDatabase();
    try {
      expect(await db.contacts.toArray()).toEqual([expect.objectContaining({ id: created.data.contact.id, linkedinSlug: 'ada-lovelace' })]);
    } finally {
      db.close();
    }

    // A content script may not write contacts.
    expect(await deliver(request('contact.create', { draft: { name: 'Mallory' } }), senders.content)).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
  });
});

describe('the toolbar menu', () => {
  const menus = () => (fakeBrowser.contextMenus as unknown as { entries: { id: string; contexts: string[] }[] }).entries;

  it('is created on the toolbar button at install, once even after an update, and opens the manager on a click', async () => {
    startWorker();
    expect(menus()).toEqual([]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await new Promise((done) => setTimeout(done, 0));
    expect(menus().map((m) => m.id)).toEqual(['rapport-contacts', 'rapport-review', 'rapport-duplicates', 'rapport-transfer', 'rapport-settings']);
    expect(menus().every((m) => m.contexts.join() === 'action')).toBe(true);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await (fakeBrowser.contextMenus.onClicked as unknown as { trigger(info: unknown): Promise<unknown> }).trigger({ menuItemId: 'rapport-review' });
    await new Promise((done) => setTimeout(done, 0));
    expect(create).toHaveBeenCalledWith({ url: `${origin}manager.html#view=review` });
  });
});
