import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createClient, onBroadcast, RapportError } from '../../../utils/messages/client';
import type { Envelope } from '../../../utils/messages/contract';
import { createLightClient, sendRequest, type Send } from '../../../utils/messages/send';
import { adaContext, adaDraft, contentScript, createHarness, SECRET_7, sidebarFrame, sidePanel } from './harness';

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
      data: { tabId: 7, context: { ...adaContext, sources: undefined, missing: undefined }, contact: null, company: null, extra: 'x' },
    });
    const view = await createClient({ send })('sidebar.view', {});
    expect(view).toEqual({ tabId: 7, context: { ...adaContext, sources: {}, missing: [] }, contact: null, company: null });
    expect(view).not.toHaveProperty('extra');
  });

  it.each([
    ['ping without now', 'ping', { ok: true, data: { workerStartedAt: 1 } }],
    ['ping with a string time', 'ping', { ok: true, data: { workerStartedAt: 1, now: 'now' } }],
    ['ping without data', 'ping', { ok: true }],
    ['page.register without data', 'page.register', { ok: true }],
    ['contact.get with a string id', 'contact.get', { ok: true, data: { ...contact, id: '3' } }],
    ['contact.get with undefined data', 'contact.get', { ok: true, data: undefined }],
    ['contact.create without created', 'contact.create', { ok: true, data: { contact } }],
    ['sidebar.view without tabId', 'sidebar.view', { ok: true, data: { context: null, contact: null, company: null } }],
    ['sidebar.view without company', 'sidebar.view', { ok: true, data: { tabId: 7, context: null, contact: null } }],
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
    await expect(frame('sidebar.view', {})).resolves.toEqual({ tabId: 7, context: adaContext, contact: created, company: null });
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
});

describe('onBroadcast', () => {
  it('passes on valid broadcast events only, until stopped', async () => {
    const listener = vi.fn();
    const stop = onBroadcast(listener);
    const trigger = (message: unknown) => fakeBrowser.runtime.onMessage.trigger(message, {}, () => {});

    await trigger({ rapport: 1, event: 'tab-context-changed', tabId: 7 });
    await trigger({ rapport: 1, event: 'contacts-changed', ids: [1, 2] });
    await trigger({ rapport: 1, event: 'companies-changed', keys: ['acme'] });
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
    ]);

    // It never claims to answer, so requests to the worker are not captured by a page.
    const results = await trigger({ rapport: 1, event: 'tab-context-changed', tabId: 8 });
    expect(results).not.toContain(true);

    stop();
    await trigger({ rapport: 1, event: 'tab-context-changed', tabId: 9 });
    expect(listener).toHaveBeenCalledTimes(4);
    expect(fakeBrowser.runtime.onMessage.hasListeners()).toBe(false);
  });
});
