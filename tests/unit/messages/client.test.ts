import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, onBroadcast, RapportError } from '../../../utils/messages/client';
import type { Envelope } from '../../../utils/messages/contract';
import { createLightClient, sendRequest, type Send } from '../../../utils/messages/send';
import { adaContext, adaDraft, contentScript, createHarness, SECRET_7, sidebarFrame, sidePanel, T0 } from './harness';

beforeEach(() => {
  fakeBrowser.reset();
  Dexie.dependencies.indexedDB = new IDBFactory();
});

const SECRET = 'Frame_secret_of_the_right_shape_0123456789';

/** A `send` that records envelopes and answers with `answer`. */
function answering(answer: unknown) {
  const envelopes: Envelope[] = [];
  const send = vi.fn<Send>(async (envelope) => {
    envelopes.push(structuredClone(envelope));
    return structuredClone(answer);
  });
  return { send, envelopes };
}

async function rejection(promise: Promise<unknown>): Promise<RapportError> {
  const error = await promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RapportError);
  expect(error).toBeInstanceOf(Error);
  expect((error as RapportError).name).toBe('RapportError');
  return error as RapportError;
}

const contact = {
  id: 3,
  name: 'Ada Lovelace',
  emails: [],
  phones: [],
  tags: [],
  notes: '',
  createdAt: 1,
  updatedAt: 2,
};

const card = {
  contact,
  interactions: [],
  commitments: [],
  introducer: null,
  introduced: [],
  allTags: [],
  contactTypes: ['peer'],
  defaultCadenceDays: 90,
  pitches: [],
};
const interaction = { id: 1, contactId: 3, kind: 'call', when: 5, summary: '', source: 'manual', createdAt: 5, updatedAt: 5 };
const reminder = { id: 1, contactId: 3, due: 9, reason: 'commitment', text: 'Send it', status: 'open', createdAt: 5, updatedAt: 5 };

describe('createClient: ok answers', () => {
  it('resolves with the validated data', async () => {
    const { send } = answering({ ok: true, data: { workerStartedAt: 1, now: 2 } });
    const request = createClient({ send });
    await expect(request('ping', {})).resolves.toEqual({ workerStartedAt: 1, now: 2 });

    const get = createClient({ send: answering({ ok: true, data: contact }).send });
    await expect(get('contact.get', { id: 3 })).resolves.toEqual(contact);
    const none = createClient({ send: answering({ ok: true, data: null }).send });
    await expect(none('contact.get', { id: 3 })).resolves.toBeNull();
  });

  it('returns the parsed data (schema defaults applied, unknown keys stripped)', async () => {
    const { send } = answering({
      ok: true,
      data: { tabId: 7, context: { ...adaContext, sources: undefined, missing: undefined }, contact: null, card: null, company: null, extra: 'x' },
    });
    const view = await createClient({ send })('sidebar.view', {});
    expect(view).toEqual({ tabId: 7, context: { ...adaContext, sources: {}, missing: [] }, contact: null, card: null, company: null });
    expect(view).not.toHaveProperty('extra');
  });

  it('fills in the defaults of settings and cards (an older worker may answer less)', async () => {
    const settings = await createClient({ send: answering({ ok: true, data: { sidebarHost: 'side-panel' } }).send })('settings.get', {});
    expect(settings).toMatchObject({ sidebarHost: 'side-panel', snoozeMinutes: 24 * 60, customContactTypes: [], autoLogSentMail: false });
    const data = { ...card, interactions: [{ ...interaction, summary: undefined, source: undefined }] };
    const parsed = await createClient({ send: answering({ ok: true, data }).send })('contact.card', { id: 3 });
    expect(parsed?.interactions).toEqual([{ ...interaction, summary: '', source: 'manual' }]);
    await expect(createClient({ send: answering({ ok: true, data: null }).send })('contact.card', { id: 3 })).resolves.toBeNull();
  });

  it.each([
    ['ping without now', 'ping', { ok: true, data: { workerStartedAt: 1 } }],
    ['ping with a string time', 'ping', { ok: true, data: { workerStartedAt: 1, now: 'now' } }],
    ['ping without data', 'ping', { ok: true }],
    ['page.register without data', 'page.register', { ok: true }],
    ['contact.get with a string id', 'contact.get', { ok: true, data: { ...contact, id: '3' } }],
    ['contact.get with undefined data', 'contact.get', { ok: true, data: undefined }],
    ['contact.create without created', 'contact.create', { ok: true, data: { contact } }],
    ['sidebar.view without tabId', 'sidebar.view', { ok: true, data: { context: null, contact: null, card: null, company: null } }],
    ['sidebar.view without company', 'sidebar.view', { ok: true, data: { tabId: 7, context: null, contact: null, card: null } }],
    ['sidebar.view without card', 'sidebar.view', { ok: true, data: { tabId: 7, context: null, contact: null, company: null } }],
    ['sidebar.view with a card missing its pitches', 'sidebar.view', { ok: true, data: { tabId: 7, context: null, contact, card: { ...card, pitches: undefined }, company: null } }],
    ['contact.card with a zero cadence', 'contact.card', { ok: true, data: { ...card, defaultCadenceDays: 0 } }],
    ['contact.card without a cadence', 'contact.card', { ok: true, data: { ...card, defaultCadenceDays: undefined } }],
    ['contact.card with an interaction of an unknown kind', 'contact.card', { ok: true, data: { ...card, interactions: [{ ...interaction, kind: 'fax' }] } }],
    ['contacts.search with full contacts missing names', 'contacts.search', { ok: true, data: [{ id: 1 }] }],
    ['interaction.log without an id', 'interaction.log', { ok: true, data: { ...interaction, id: undefined } }],
    ['interaction.delete with null', 'interaction.delete', { ok: true, data: null }],
    ['commitment.add with an unknown reason', 'commitment.add', { ok: true, data: { ...reminder, reason: 'gossip' } }],
    ['pitch.save with a blank audience', 'pitch.save', { ok: true, data: { id: 1, audience: '', text: '', createdAt: 1, updatedAt: 1 } }],
    ['settings.get with an unknown sidebar host', 'settings.get', { ok: true, data: { sidebarHost: 'popup' } }],
    ['settings.update with a snooze of 1 minute', 'settings.update', { ok: true, data: { snoozeMinutes: 1 } }],
    [
      'sidebar.view with a negative target count',
      'sidebar.view',
      { ok: true, data: { tabId: 7, context: null, contact: null, company: { key: 'acme', record: null, people: [], targetCount: -1 } } },
    ],
    ['contact.setNotes with null', 'contact.setNotes', { ok: true, data: null }],
    ['contact.update with null', 'contact.update', { ok: true, data: null }],
    ['contact.update without a name', 'contact.update', { ok: true, data: { ...contact, name: undefined } }],
    ['company.setTarget without nameKey', 'company.setTarget', { ok: true, data: { id: 1, name: 'Acme', target: true, notes: '', createdAt: 1, updatedAt: 1 } }],
    ['company.setTarget with rank 0', 'company.setTarget', { ok: true, data: { id: 1, name: 'Acme', nameKey: 'acme', target: true, targetRank: 0, notes: '', createdAt: 1, updatedAt: 1 } }],
  ] as const)('a malformed ok answer is bad-answer: %s', async (_name, type, answer) => {
    const request = createClient({ send: answering(answer).send });
    const payloads = {
      ping: {},
      'page.register': { secret: SECRET, context: adaContext },
      'contact.get': { id: 3 },
      'contact.create': { draft: adaDraft },
      'sidebar.view': {},
      'contact.setNotes': { id: 3, notes: '' },
      'contact.update': { id: 3, patch: { headline: 'x' } },
      'company.setTarget': { name: 'Acme', target: true },
      'contact.card': { id: 3 },
      'contacts.search': { query: 'ada' },
      'interaction.log': { contactId: 3, kind: 'call', when: 5 },
      'interaction.delete': { id: 1 },
      'commitment.add': { contactId: 3, text: 'Send it', due: 9 },
      'pitch.save': { audience: 'Recruiters', text: '' },
      'settings.get': {},
      'settings.update': { patch: { snoozeMinutes: 10 } },
    } as const;
    const error = await rejection(request(type, payloads[type] as never));
    expect(error.code).toBe('bad-answer');
    expect(error.message).toContain(type);
  });

  it.each([
    ['undefined (no listener answered)', undefined],
    ['null', null],
    ['a string', 'ok'],
    ['ok as a string', { ok: 'true', data: {} }],
    ['an error without code', { ok: false, error: { message: 'x' } }],
    ['an error without message', { ok: false, error: { code: 'forbidden' } }],
    ['an error that is a string', { ok: false, error: 'forbidden' }],
  ])('a non-answer is bad-answer: %s', async (_name, answer) => {
    const error = await rejection(createClient({ send: answering(answer).send })('ping', {}));
    expect(error.code).toBe('bad-answer');
    expect(error.issues).toEqual([]);
  });
});

describe('error answers', () => {
  it('become a RapportError with code, message and issues', async () => {
    const issues = [
      { path: 'draft.name', message: 'Too small' },
      { path: '', message: 'Invalid input' },
    ];
    const { send } = answering({ ok: false, error: { code: 'invalid-request', message: 'Invalid contact.create request.', issues } });
    const error = await rejection(createClient({ send })('contact.create', { draft: adaDraft }));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('Invalid contact.create request.');
    expect(error.issues).toEqual(issues);
  });

  it.each(['forbidden', 'not-found', 'unknown-type', 'internal'] as const)('keep the %s code, with no issues', async (code) => {
    const { send } = answering({ ok: false, error: { code, message: `a ${code} message` } });
    for (const request of [createClient({ send }), createLightClient({ send })]) {
      const error = await rejection(request('contact.get', { id: 1 }));
      expect(error.code).toBe(code);
      expect(error.message).toBe(`a ${code} message`);
      expect(error.issues).toEqual([]);
    }
  });

  it('ignore issues that are not a list', async () => {
    const { send } = answering({ ok: false, error: { code: 'invalid-request', message: 'm', issues: 'nope' } });
    const error = await rejection(sendRequest('ping', {}, { send }));
    expect(error.issues).toEqual([]);
  });
});

describe('an unreachable worker', () => {
  it('a rejected send is unreachable, for both clients', async () => {
    const send = vi.fn<Send>(() => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.')));
    for (const request of [createClient({ send }), createLightClient({ send })]) {
      const error = await rejection(request('ping', {}));
      expect(error.code).toBe('unreachable');
      expect(error.message).toContain('Receiving end does not exist');
    }
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('a send that throws synchronously is unreachable too', async () => {
    const send: Send = () => {
      throw new Error('Extension context invalidated.');
    };
    const error = await rejection(createClient({ send })('ping', {}));
    expect(error.code).toBe('unreachable');
    expect(error.message).toContain('Extension context invalidated');
  });
});

describe('the envelope', () => {
  it('carries the secret only when one is given', async () => {
    const withSecret = answering({ ok: true, data: { workerStartedAt: 1, now: 2 } });
    await createClient({ send: withSecret.send, secret: SECRET })('ping', {});
    expect(withSecret.envelopes).toEqual([{ rapport: 1, type: 'ping', payload: {}, secret: SECRET }]);

    for (const options of [{}, { secret: undefined }, { secret: '' }]) {
      const without = answering({ ok: true, data: { workerStartedAt: 1, now: 2 } });
      await createClient({ ...options, send: without.send })('ping', {});
      expect(without.envelopes).toEqual([{ rapport: 1, type: 'ping', payload: {} }]);
      expect(Object.hasOwn(without.envelopes[0]!, 'secret')).toBe(false);
    }
  });

  it('wraps the payload unchanged, for the light client too', async () => {
    const { send, envelopes } = answering({ ok: true, data: {} });
    await createLightClient({ send, secret: SECRET })('page.register', { secret: SECRET_7, context: adaContext });
    expect(envelopes).toEqual([
      { rapport: 1, type: 'page.register', payload: { secret: SECRET_7, context: adaContext }, secret: SECRET },
    ]);
  });

  it('goes through browser.runtime.sendMessage by default', async () => {
    const received: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener((message: unknown, _sender: unknown, sendResponse: (r: unknown) => void) => {
      received.push(message);
      sendResponse({ ok: true, data: { workerStartedAt: 10, now: 20 } });
      return true;
    });
    await expect(createClient({ secret: SECRET })('ping', {})).resolves.toEqual({ workerStartedAt: 10, now: 20 });
    expect(received).toEqual([{ rapport: 1, type: 'ping', payload: {}, secret: SECRET }]);
  });

  it('with no worker listening, the default send is unreachable', async () => {
    const error = await rejection(createClient()('ping', {}));
    expect(error.code).toBe('unreachable');
  });
});

describe('the light client', () => {
  it('trusts ok answers without validating them', async () => {
    const odd = { whatever: true };
    const { send } = answering({ ok: true, data: odd });
    await expect(createLightClient({ send })('ping', {})).resolves.toEqual(odd);
  });
});

describe('against the real dispatcher', () => {
  it('round-trips typed answers and typed errors', async () => {
    const h = createHarness();
    const panel = createClient({ send: (envelope) => h.dispatch(envelope, sidePanel) });
    const content = createLightClient({ send: (envelope) => h.dispatch(envelope, contentScript) });
    const frame = createClient({ secret: SECRET_7, send: (envelope) => h.dispatch(envelope, sidebarFrame) });
    const stranger = createClient({ send: (envelope) => h.dispatch(envelope, sidebarFrame) });

    await expect(content('page.register', { secret: SECRET_7, context: adaContext })).resolves.toEqual({});
    const { contact: created, created: isNew } = await frame('contact.create', { draft: adaDraft });
    expect(isNew).toBe(true);
    const view = await frame('sidebar.view', {});
    expect(view).toMatchObject({ tabId: 7, context: adaContext, contact: created, company: null });
    expect(view.card).toMatchObject({ contact: created, interactions: [], commitments: [], introducer: null, pitches: [] });
    await expect(panel('contact.setNotes', { id: created.id, notes: 'hi' })).resolves.toMatchObject({ id: created.id, notes: 'hi' });

    const invalid = await rejection(panel('contact.create', { draft: { ...adaDraft, name: '' } }));
    expect(invalid.code).toBe('invalid-request');
    expect(invalid.issues.map((i) => i.path)).toEqual(['draft.name']);

    const forbidden = await rejection(stranger('sidebar.view', {}));
    expect(forbidden.code).toBe('forbidden');

    const missing = await rejection(panel('contact.setNotes', { id: 99, notes: '' }));
    expect(missing.code).toBe('not-found');

    const updated = await panel('contact.update', { id: created.id, patch: { title: 'Analyst' } });
    expect(updated).toMatchObject({ id: created.id, title: 'Analyst', notes: 'hi', headline: adaDraft.headline });
    const strict = await rejection(panel('contact.update', { id: created.id, patch: { notes: 'x', nickname: 'Ada' } as never }));
    expect(strict.code).toBe('invalid-request');
    expect(strict.issues.map((i) => i.path)).toEqual(['patch']);

    const company = await panel('company.setTarget', { name: 'Analytical Engines Ltd', linkedinSlug: 'analytical-engines', target: true });
    expect(company).toMatchObject({ name: 'Analytical Engines Ltd', nameKey: 'analytical engines', target: true, targetRank: 1 });
    const badRank = await rejection(panel('company.setTarget', { name: 'Acme', target: true, rank: 0 }));
    expect(badRank.issues.map((i) => i.path)).toEqual(['rank']);
  });

  it('round-trips the card, the log, commitments, pitches and settings', async () => {
    const h = createHarness();
    const panel = createClient({ send: (envelope) => h.dispatch(envelope, sidePanel) });
    const { contact: ada } = await panel('contact.create', { draft: { ...adaDraft, type: 'mentor', tags: ['maths'] } });

    const logged = await panel('interaction.log', { contactId: ada.id, kind: 'call', when: T0 - 1_000 });
    expect(logged).toMatchObject({ contactId: ada.id, kind: 'call', summary: '', source: 'manual' });
    const promise = await panel('commitment.add', { contactId: ada.id, text: 'Send the notes', due: T0 + 1_000 });
    const pitch = await panel('pitch.save', { audience: 'Engineers', text: 'Hello' });
    const settings = await panel('settings.update', { patch: { cadenceDaysByType: { mentor: 21 } } });
    expect(settings.cadenceDaysByType).toEqual({ mentor: 21 });

    const card = await panel('contact.card', { id: ada.id });
    expect(card).toEqual({
      contact: { ...ada, lastContacted: T0 - 1_000 },
      interactions: [logged],
      commitments: [promise],
      introducer: null,
      introduced: [],
      allTags: ['maths'],
      contactTypes: expect.arrayContaining(['mentor', 'peer']),
      defaultCadenceDays: 21,
      pitches: [pitch],
    });
    await expect(panel('contact.card', { id: 99 })).resolves.toBeNull();
    await expect(panel('contacts.search', { query: 'LOVE' })).resolves.toEqual([
      { id: ada.id, name: ada.name, headline: ada.headline, company: ada.company },
    ]);

    const deleted = await panel('interaction.delete', { id: logged.id });
    expect(deleted).toEqual(logged);
    await expect(panel('interaction.restore', { interaction: deleted })).resolves.toEqual(logged);
    const missing = await rejection(panel('interaction.delete', { id: 99 }));
    expect(missing.code).toBe('not-found');

    await expect(panel('commitment.setDone', { id: promise.id, done: true })).resolves.toMatchObject({ status: 'done', completedAt: T0 });
    await expect(panel('pitch.delete', { id: pitch.id })).resolves.toEqual(pitch);
    await expect(panel('settings.get', {})).resolves.toEqual(settings);
  });
});

describe('onBroadcast', () => {
  it('passes on valid broadcast events only, until stopped', async () => {
    const listener = vi.fn();
    const stop = onBroadcast(listener);
    const trigger = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, {}, () => {});

    await trigger({ rapport: 1, event: 'tab-context-changed', tabId: 7 });
    await trigger({ rapport: 1, event: 'contacts-changed', ids: [1, 2] });
    await trigger({ rapport: 1, event: 'companies-changed', keys: ['acme'] });
    await trigger({ rapport: 1, event: 'pitches-changed' });
    await trigger({ rapport: 1, event: 'settings-changed' });
    await trigger({ rapport: 1, event: 'contacts-changed', ids: ['1'] });
    await trigger({ rapport: 1, event: 'companies-changed', keys: [1] });
    await trigger({ rapport: 2, event: 'tab-context-changed', tabId: 7 });
    await trigger({ rapport: 1, event: 'something-else' });
    await trigger({ rapport: 1, type: 'ping', payload: {} });
    await trigger(null);
    expect(listener.mock.calls).toEqual([
      [{ rapport: 1, event: 'tab-context-changed', tabId: 7 }],
      [{ rapport: 1, event: 'contacts-changed', ids: [1, 2] }],
      [{ rapport: 1, event: 'companies-changed', keys: ['acme'] }],
      [{ rapport: 1, event: 'pitches-changed' }],
      [{ rapport: 1, event: 'settings-changed' }],
    ]);

    // It never claims to answer, so requests to the worker are not captured by a page.
    const results = await trigger({ rapport: 1, event: 'tab-context-changed', tabId: 8 });
    expect(results).not.toContain(true);

    stop();
    await trigger({ rapport: 1, event: 'tab-context-changed', tabId: 9 });
    expect(listener).toHaveBeenCalledTimes(6);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
