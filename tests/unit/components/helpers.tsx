// Shared fixtures for the component tests: schema-checked data, a recording fake `request`,
// hostile strings, and the clean-up every test needs (no vitest globals, so no auto-cleanup).
import { act, cleanup } from '@testing-library/preact';
import { afterEach, expect, vi } from 'vitest';
import type { z } from 'zod';
import { RapportError, type Request } from '../../../utils/messages/client';
import { CardData, CompanyView, contract, type MessageType, type RequestOf, type ResponseOf } from '../../../utils/messages/contract';
import { Company } from '../../../utils/model/company';
import { BUILT_IN_CONTACT_TYPES, Contact, ContactSummary } from '../../../utils/model/contact';
import { Interaction } from '../../../utils/model/interaction';
import { LinkedInCompanyContext, LinkedInProfileContext } from '../../../utils/model/page-context';
import { Pitch } from '../../../utils/model/pitch';
import { Reminder } from '../../../utils/model/reminder';
import { Settings } from '../../../utils/model/settings';

export const DAY = 24 * 60 * 60 * 1000;
/** Thursday 20 March 2025, 14:30 in Stockholm (vitest runs with TZ=Europe/Stockholm), ten days before DST starts. */
export const NOW = new Date(2025, 2, 20, 14, 30).getTime();

// ---------------------------------------------------------------------------------------------
// Fixtures: every one is parsed with the real schema (strict: an unknown key is an error), so a
// fixture that drifts from the model fails loudly instead of testing something that can't exist.

export function makeContact(over: Partial<z.input<typeof Contact>> = {}): Contact {
  return Contact.strict().parse({
    id: 1,
    name: 'Ada Lovelace',
    emails: [],
    phones: [],
    tags: [],
    notes: '',
    createdAt: NOW - 60 * DAY,
    updatedAt: NOW - DAY,
    ...over,
  });
}

export function makeSummary(over: Partial<z.input<typeof ContactSummary>> = {}): ContactSummary {
  return ContactSummary.strict().parse({ id: 2, name: 'Grace Hopper', ...over });
}

export function makeInteraction(over: Partial<z.input<typeof Interaction>> = {}): Interaction {
  return Interaction.strict().parse({
    id: 10,
    contactId: 1,
    kind: 'meeting',
    when: NOW - 2 * DAY,
    summary: 'Coffee about the data team',
    source: 'manual',
    createdAt: NOW - 2 * DAY,
    updatedAt: NOW - 2 * DAY,
    ...over,
  });
}

export function makeReminder(over: Partial<z.input<typeof Reminder>> = {}): Reminder {
  return Reminder.strict().parse({
    id: 20,
    contactId: 1,
    due: NOW + 3 * DAY,
    reason: 'commitment',
    text: 'Send her the article',
    status: 'open',
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    ...over,
  });
}

export function makePitch(over: Partial<z.input<typeof Pitch>> = {}): Pitch {
  return Pitch.strict().parse({
    id: 30,
    audience: 'recruiter',
    text: 'I build data pipelines that people trust.',
    createdAt: NOW - 10 * DAY,
    updatedAt: NOW - 10 * DAY,
    ...over,
  });
}

export function makeCard(over: Partial<z.input<typeof CardData>> = {}): CardData {
  return CardData.strict().parse({
    contact: makeContact(),
    interactions: [],
    commitments: [],
    introducer: null,
    introduced: [],
    allTags: [],
    contactTypes: [...BUILT_IN_CONTACT_TYPES],
    defaultCadenceDays: 90,
    pitches: [],
    ...over,
  });
}

export function makeProfileContext(over: Partial<z.input<typeof LinkedInProfileContext>> = {}): LinkedInProfileContext {
  return LinkedInProfileContext.strict().parse({
    kind: 'linkedin-profile',
    url: 'https://www.linkedin.com/in/ada-lovelace/',
    slug: 'ada-lovelace',
    ready: true,
    name: 'Ada Lovelace',
    sources: { name: 'json-ld' },
    missing: [],
    ...over,
  });
}

export function makeCompanyContext(over: Partial<z.input<typeof LinkedInCompanyContext>> = {}): LinkedInCompanyContext {
  return LinkedInCompanyContext.strict().parse({
    kind: 'linkedin-company',
    url: 'https://www.linkedin.com/company/analytical-engines/',
    slug: 'analytical-engines',
    ready: true,
    name: 'Analytical Engines',
    sources: { name: 'json-ld' },
    missing: [],
    ...over,
  });
}

export function makeCompany(over: Partial<z.input<typeof Company>> = {}): Company {
  return Company.strict().parse({
    id: 40,
    name: 'Analytical Engines',
    nameKey: 'analytical engines',
    linkedinSlug: 'analytical-engines',
    target: false,
    notes: '',
    createdAt: NOW - 5 * DAY,
    updatedAt: NOW - 5 * DAY,
    ...over,
  });
}

export function makeCompanyView(over: Partial<z.input<typeof CompanyView>> = {}): CompanyView {
  return CompanyView.strict().parse({ key: 'analytical engines', record: null, people: [], targetCount: 0, ...over });
}

// ---------------------------------------------------------------------------------------------
// The fake worker: records every request, checks each payload against the contract (as the
// worker would), answers through a handler, and checks the answer against the contract too.

type Handler<T extends MessageType> = (payload: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>;
export type Handlers = { [T in MessageType]?: Handler<T> };
export interface Call {
  type: MessageType;
  payload: unknown;
}

/** Plausible answers for the messages the card sends; tests override the ones they care about. */
const defaultHandlers: Handlers = {
  'contact.update': ({ id, patch }) => makeContact({ id, ...defined(patch) }),
  'contact.setNotes': ({ id, notes }) => makeContact({ id, notes }),
  'contact.create': ({ draft }) => ({ contact: makeContact({ ...defined(draft), id: 99 }), created: true }),
  'contacts.search': () => [],
  'interaction.log': (p) => makeInteraction({ id: 500, contactId: p.contactId, kind: p.kind, when: p.when, summary: p.summary ?? '' }),
  'interaction.update': ({ id, change }) => makeInteraction({ id, ...defined(change) }),
  'interaction.delete': ({ id }) => makeInteraction({ id }),
  'interaction.restore': ({ interaction }) => makeInteraction(interaction),
  'commitment.add': ({ contactId, text, due }) => makeReminder({ id: 700, contactId, text, due }),
  'commitment.setDone': ({ id, done }) => makeReminder({ id, status: done ? 'done' : 'open' }),
  'pitch.save': ({ id, audience, text }) => makePitch({ id: id ?? 800, audience, text }),
  'pitch.delete': ({ id }) => makePitch({ id }),
  'settings.get': () => Settings.parse({}),
  'ticklers.list': () => ({
    items: [],
    goals: { weekStart: NOW - 3 * DAY, newContacts: { done: 0, goal: 5 }, conversations: { done: 0, goal: 3 }, followUps: { done: 0, goal: 5 } },
  }),
  'tickler.act': () => ({ acted: true }),
  'settings.update': ({ patch }) => Settings.parse(patch),
  'company.setTarget': ({ name, target, rank }) => makeCompany({ name, target, ...(rank ? { targetRank: rank } : {}) }),
};

/** The fields a patch sets (null and undefined clear, so they are left out of the answer). */
function defined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as {
    [K in keyof T]: Exclude<T[K], null>;
  };
}

/** Payloads the contract refuses; checked (and emptied) after every test. */
let refused: { type: string; payload: unknown; issues: string[] }[] = [];

export function fakeRequest(overrides: Handlers = {}) {
  const calls: Call[] = [];
  const handlers: Handlers = { ...defaultHandlers, ...overrides };
  let refusalsExpected = false;
  const request: Request = async <T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> => {
    calls.push({ type, payload });
    const checked = contract[type].request.safeParse(payload);
    if (!checked.success) {
      const issues = checked.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
      if (!refusalsExpected) refused.push({ type, payload, issues: issues.map((i) => `${i.path}: ${i.message}`) });
      // The worker's answer to an invalid request (see utils/background/dispatch.ts).
      throw new RapportError('invalid-request', `Invalid ${type} request.`, issues);
    }
    const handler = handlers[type] as Handler<T> | undefined;
    if (!handler) throw new Error(`fake worker: no handler for ${type}`);
    const answer = await handler(payload);
    return contract[type].response.parse(answer) as ResponseOf<T>;
  };
  return {
    request,
    calls,
    /** Replaces the handler of one message type. */
    on<T extends MessageType>(type: T, handler: Handler<T>) {
      (handlers as Record<string, unknown>)[type] = handler;
    },
    /** The payloads sent with one message type, in order. */
    sent<T extends MessageType>(type: T): RequestOf<T>[] {
      return calls.filter((c) => c.type === type).map((c) => c.payload as RequestOf<T>);
    },
    types: () => calls.map((c) => c.type),
    /** For what the user typed and the worker rightly refuses (an invalid e-mail): not a component bug. */
    expectRefusals() {
      refusalsExpected = true;
    },
  };
}
export type FakeRequest = ReturnType<typeof fakeRequest>;

/** A promise the test settles. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets settled promises and the re-renders they cause run (works with fake timers too). */
export async function settle() {
  await act(async () => {
    for (let i = 0; i < 50; i++) await Promise.resolve();
  });
}

// ---------------------------------------------------------------------------------------------
// Hostile text: must always render as text.

export const HOSTILE = {
  img: '<img src=x onerror=alert(1)>',
  script: '<script>alert("pwned")</script>',
  rtl: 'مرحبا \u202Egnp.exe\u202C שלום',
  emoji: '👩🏽‍💻 Ada 🎉🇸🇪',
};
/** Ten thousand characters, for the fields whose schema allows that many. */
export const LONG = `${'Lorem ipsum dolor sit amet. '.repeat(357)}THE END`.slice(-10_000);

/** No element was created from text. */
export function expectNoInjectedElements(root: ParentNode = document.body) {
  expect(root.querySelector('img, script, iframe, object, embed')).toBeNull();
}

/** Stubs navigator.clipboard.writeText (happy-dom's needs permissions). */
export function stubClipboard(writeText: (text: string) => Promise<void> = async () => {}) {
  const spy = vi.fn(writeText);
  Object.defineProperty(navigator, 'clipboard', { value: { writeText: spy }, configurable: true });
  return spy;
}

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  const seen = refused;
  refused = [];
  expect(seen, 'a component sent a payload the contract refuses').toEqual([]);
});
