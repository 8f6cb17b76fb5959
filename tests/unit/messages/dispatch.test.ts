import { Dexie } from 'dexie';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { SenderInfo } from '../../../utils/background/sender';
import { BUILT_IN_CONTACT_TYPES } from '../../../utils/model/contact';
import { DEFAULT_CADENCE_DAYS } from '../../../utils/model/settings';
import { ErrorAnswer, MESSAGE_TYPES, SidebarView, type ErrorCode, type MessageType } from '../../../utils/messages/contract';
import { validImport, validRestore, transferBad } from './transfer-fixtures';
import {
  adaContext,
  adaDraft,
  bobContext,
  enginesContext,
  contentScript,
  contentScript8,
  createHarness,
  createSessionArea,
  emptySender,
  extensionTab,
  noIdSender,
  otherExtension,
  otherExtensionContent,
  SECRET_7,
  SECRET_8,
  sidebarFrame,
  sidebarFrame8,
  sidePanel,
  T0,
  tablessContent,
  WORKER_STARTED_AT,
  WRONG_SECRET,
  type Harness,
} from './harness';

beforeEach(() => {
  Dexie.dependencies.indexedDB = new IDBFactory();
});

const long = (n: number, char = 'a') => char.repeat(n);

/** Asserts a typed error answer: exactly `{ ok: false, error }`, the code, and the issue paths. */
function expectError(answer: unknown, code: ErrorCode, paths?: string[], label = ''): ErrorAnswer {
  const shown = `${label} → ${JSON.stringify(answer)?.slice(0, 500)}`;
  const parsed = ErrorAnswer.safeParse(answer);
  expect(parsed.success, `not an error answer: ${shown}`).toBe(true);
  const error = parsed.data!;
  expect(Object.keys(answer as object).sort(), shown).toEqual(['error', 'ok']);
  expect(error.error.code, shown).toBe(code);
  expect(error.error.message.length, shown).toBeGreaterThan(0);
  if (paths === undefined) {
    expect(error.error.issues, shown).toBeUndefined();
  } else {
    expect(error.error.issues, shown).toBeDefined();
    expect([...new Set(error.error.issues!.map((i) => i.path))].sort(), shown).toEqual([...paths].sort());
    for (const issue of error.error.issues!) expect(issue.message.length, shown).toBeGreaterThan(0);
  }
  return error;
}

/** What chrome.runtime.sendMessage delivers: the message after a JSON round trip. */
const asChromeSends = (message: unknown): unknown => JSON.parse(JSON.stringify(message));

function expectOk(answer: unknown): unknown {
  expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
  return (answer as { data: unknown }).data;
}

/** Runs `body` and asserts that it wrote nothing: no table row, no session key, no broadcast. */
async function expectNoWrites(h: Harness, body: () => Promise<void>) {
  const before = await h.state();
  const counts = await h.counts();
  const broadcasts = h.broadcast.mock.calls.length;
  await body();
  expect(await h.counts()).toEqual(counts);
  expect(await h.state()).toEqual(before);
  expect(h.broadcast.mock.calls.length).toBe(broadcasts);
}

async function seedContact(h: Harness) {
  const answer = await h.send(sidePanel, 'contact.create', { draft: adaDraft });
  const data = expectOk(answer) as { contact: { id: number } };
  expect(data.contact.id).toBe(1);
  h.broadcast.mockClear();
}

const DAY = 24 * 60 * 60 * 1000;

/** Ada (contact 1) and interaction 1 with her. */
async function seedInteraction(h: Harness) {
  await seedContact(h);
  const logged = expectOk(
    await h.send(sidePanel, 'interaction.log', { contactId: 1, kind: 'meeting', when: T0 - DAY, summary: 'Coffee at the Society' }),
  ) as { id: number };
  expect(logged.id).toBe(1);
  h.broadcast.mockClear();
}

/** Ada (contact 1) and commitment (reminder) 1 to her. */
async function seedCommitment(h: Harness) {
  await seedContact(h);
  const added = expectOk(await h.send(sidePanel, 'commitment.add', { contactId: 1, text: 'Send the article', due: T0 + DAY })) as {
    id: number;
  };
  expect(added.id).toBe(1);
  h.broadcast.mockClear();
}

/** Ada (contact 1) and her duplicate Ada King (contact 2). */
async function seedDuplicates(h: Harness) {
  await seedContact(h);
  const answer = expectOk(await h.send(sidePanel, 'contact.create', { draft: { name: 'Ada King', company: 'Analytical Engines' } })) as {
    contact: { id: number };
  };
  expect(answer.contact.id).toBe(2);
  h.broadcast.mockClear();
}

/** Pitch 1. */
async function seedPitch(h: Harness) {
  const saved = expectOk(await h.send(sidePanel, 'pitch.save', { audience: 'Recruiters', text: 'I build engines.' })) as { id: number };
  expect(saved.id).toBe(1);
  h.broadcast.mockClear();
}

interface BadPayload {
  name: string;
  payload: unknown;
  /** The issue paths the answer must name. */
  paths: string[];
}

interface Fixture {
  /** A sender the type is meant for. */
  sender: SenderInfo;
  secret?: string;
  /** One valid payload. */
  payload: Record<string, unknown>;
  seed?: (h: Harness) => Promise<void>;
  /** Malformed payloads, each differing from the valid one in one place. */
  bad: BadPayload[];
}

const validContext = adaContext;
const withContext = (patch: Record<string, unknown>) => ({ secret: SECRET_7, context: { ...validContext, ...patch } });
const withDraft = (patch: Record<string, unknown>) => ({ draft: { ...adaDraft, ...patch } });
const withPatch = (patch: Record<string, unknown>) => ({ id: 1, patch });
const validTarget = { name: 'Analytical Engines', linkedinSlug: 'analytical-engines', target: true, rank: 1 };
const withTarget = (patch: Record<string, unknown>) => ({ ...validTarget, ...patch });
const validLog = {
  contactId: 1,
  kind: 'informational-interview',
  when: T0 - 2 * 60 * 60 * 1000,
  summary: 'Talked about the analytical engine',
  details: 'She suggested reading Menabrea.',
  debrief: { goals: 'yes', names: 'partly' },
};
const withLog = (patch: Record<string, unknown>) => ({ ...validLog, ...patch });
const withChange = (change: Record<string, unknown>) => ({ id: 1, change });
const restorable = {
  id: 5,
  contactId: 1,
  kind: 'call',
  when: T0 - 3 * DAY,
  summary: 'Phone call',
  source: 'manual',
  createdAt: T0 - 3 * DAY,
  updatedAt: T0 - 3 * DAY,
};
const withRestorable = (patch: Record<string, unknown>) => ({ interaction: { ...restorable, ...patch } });
const validCommitment = { contactId: 1, text: 'Send the article on Bernoulli numbers', due: T0 + 3 * DAY };
const withCommitment = (patch: Record<string, unknown>) => ({ ...validCommitment, ...patch });
const validPitch = { audience: 'Recruiters', text: 'I turn analytical engines into poetry.' };
const withPitch = (patch: Record<string, unknown>) => ({ ...validPitch, ...patch });
const withSettings = (patch: unknown) => ({ patch });
const validSent = {
  site: 'gmail',
  sendId: 'send-0123456789',
  subject: 'Following up',
  recipients: [{ email: 'ada@analytical.example', name: 'Ada Lovelace' }],
};
const withSent = (patch: Record<string, unknown>) => ({ ...validSent, ...patch });
const validMailLog = { contactId: 1, site: 'gmail', message: { id: '18c2a1f0e9d3b7a4', subject: 'Engines', when: T0 - DAY, fromMe: false } };
const withMailLog = (patch: Record<string, unknown>) => ({ ...validMailLog, ...patch });
const validManagerList = { query: 'coffee', filters: { overdue: false, notInTouchMonths: 3 }, sort: { by: 'name', dir: 'asc' } };
const withManagerList = (patch: Record<string, unknown>) => ({ ...validManagerList, ...patch });
const validBulk = { ids: [1], action: { kind: 'add-tag', tag: 'job-search' } };
const withBulk = (patch: Record<string, unknown>) => ({ ...validBulk, ...patch });
const withAction = (action: Record<string, unknown>) => ({ ids: [1], action });
const validFieldUndo = { undo: { kind: 'tags', at: T0, before: [{ id: 1, value: ['job-search'], updatedAt: T0 - DAY }] } };
const withFieldUndo = (patch: Record<string, unknown>) => ({ undo: { ...validFieldUndo.undo, ...patch } });
const deletedContact = { id: 42, name: 'Charles Babbage', emails: [], phones: [], tags: [], notes: '', createdAt: T0 - DAY, updatedAt: T0 - DAY };
const validDeleteUndo = { undo: { kind: 'delete', contacts: [deletedContact], interactions: [], reminders: [] } };
const withDeleteUndo = (patch: Record<string, unknown>) => ({ undo: { ...validDeleteUndo.undo, ...patch } });
const validMerge = { keepId: 1, mergeId: 2, picks: { name: 'keep', company: 'merge' } };
const survivorBefore = { id: 1, name: 'Ada Lovelace', emails: [], phones: [], tags: [], notes: '', createdAt: T0, updatedAt: T0 };
const validUnmerge = {
  undo: {
    kind: 'merge',
    at: T0,
    survivorUpdatedAt: T0,
    keep: survivorBefore,
    merge: deletedContact,
    movedInteractions: [],
    removedInteractions: [],
    movedReminders: [],
    introduced: [],
  },
};
const withUnmerge = (patch: Record<string, unknown>) => ({ undo: { ...validUnmerge.undo, ...patch } });
/** Bad ids for a payload `{ id }` (plus whatever else `rest` holds). */
const badIds = (rest: Record<string, unknown> = {}): BadPayload[] => [
  { name: 'no id', payload: { ...rest }, paths: ['id'] },
  { name: 'a string id', payload: { ...rest, id: '1' }, paths: ['id'] },
  { name: 'a zero id', payload: { ...rest, id: 0 }, paths: ['id'] },
  { name: 'a negative id', payload: { ...rest, id: -1 }, paths: ['id'] },
  { name: 'a fractional id', payload: { ...rest, id: 1.5 }, paths: ['id'] },
  { name: 'a null id', payload: { ...rest, id: null }, paths: ['id'] },
];
const withoutKey = <T extends Record<string, unknown>>(object: T, key: keyof T) => {
  const { [key]: _dropped, ...rest } = object;
  return rest;
};

/** Non-object payloads: every request is an object. */
const nonObjects: BadPayload[] = [
  { name: 'a string payload', payload: 'hello', paths: [''] },
  { name: 'a number payload', payload: 42, paths: [''] },
  { name: 'a null payload', payload: null, paths: [''] },
  { name: 'an array payload', payload: [], paths: [''] },
  { name: 'no payload', payload: undefined, paths: [''] },
];

/** One valid payload per message type, with its malformed variants. */
const fixtures: Record<MessageType, Fixture> = {
  ping: {
    sender: contentScript,
    payload: {},
    bad: nonObjects,
  },
  'page.register': {
    sender: contentScript,
    payload: { secret: SECRET_7, context: validContext },
    bad: [
      ...nonObjects,
      { name: 'no secret', payload: { context: validContext }, paths: ['secret'] },
      { name: 'a numeric secret', payload: { secret: 12345, context: validContext }, paths: ['secret'] },
      { name: 'a too short secret', payload: { secret: long(31), context: validContext }, paths: ['secret'] },
      { name: 'a too long secret', payload: { secret: long(129), context: validContext }, paths: ['secret'] },
      { name: 'a secret with padding', payload: { secret: `${long(40)}==`, context: validContext }, paths: ['secret'] },
      { name: 'a secret with spaces', payload: { secret: `${long(20)} ${long(20)}`, context: validContext }, paths: ['secret'] },
      { name: 'no context', payload: { secret: SECRET_7 }, paths: ['context'] },
      { name: 'a null context', payload: { secret: SECRET_7, context: null }, paths: ['context'] },
      { name: 'an unknown context kind', payload: withContext({ kind: 'gmail-thread' }), paths: ['context.kind'] },
      { name: 'a non-url', payload: withContext({ url: 'not a url' }), paths: ['context.url'] },
      { name: 'a url beyond 2000 chars', payload: withContext({ url: `https://www.linkedin.com/in/ada/?q=${long(2000)}` }), paths: ['context.url'] },
      { name: 'an uppercase slug', payload: withContext({ slug: 'Ada-Lovelace' }), paths: ['context.slug'] },
      { name: 'a slug beyond 100 chars', payload: withContext({ slug: long(101) }), paths: ['context.slug'] },
      { name: 'a slug with a slash', payload: withContext({ slug: 'ada/lovelace' }), paths: ['context.slug'] },
      { name: 'a non-boolean ready', payload: withContext({ ready: 'yes' }), paths: ['context.ready'] },
      { name: 'a name beyond 200 chars', payload: withContext({ name: long(201) }), paths: ['context.name'] },
      { name: 'a blank name', payload: withContext({ name: '   ' }), paths: ['context.name'] },
      { name: 'a headline beyond 500 chars', payload: withContext({ headline: long(501) }), paths: ['context.headline'] },
      { name: 'an unknown field source', payload: withContext({ sources: { name: 'guess' } }), paths: ['context.sources.name'] },
      { name: 'too many missing fields', payload: withContext({ missing: Array.from({ length: 21 }, (_, i) => `f${i}`) }), paths: ['context.missing'] },
      { name: 'a missing field beyond 40 chars', payload: withContext({ missing: [long(41)] }), paths: ['context.missing.0'] },
    ],
  },
  'page.clear': {
    sender: contentScript,
    payload: { secret: SECRET_7 },
    bad: [
      ...nonObjects,
      { name: 'no secret', payload: {}, paths: ['secret'] },
      { name: 'a numeric secret', payload: { secret: 7 }, paths: ['secret'] },
      { name: 'a too short secret', payload: { secret: 'abc' }, paths: ['secret'] },
      { name: 'a too long secret', payload: { secret: long(129) }, paths: ['secret'] },
      { name: 'a secret with a dot', payload: { secret: `${long(40)}.` }, paths: ['secret'] },
    ],
  },
  'senders.lookup': {
    sender: contentScript,
    payload: { emails: ['ada@analytical.example'], names: ['Grace Hopper'] },
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no emails', payload: { names: [] }, paths: ['emails'] },
      { name: 'no names', payload: { emails: [] }, paths: ['names'] },
      { name: 'a string for emails', payload: { emails: 'ada@analytical.example', names: [] }, paths: ['emails'] },
      { name: 'a numeric address', payload: { emails: [42], names: [] }, paths: ['emails.0'] },
      { name: 'an address beyond 320 chars', payload: { emails: [`${long(320)}@x.se`], names: [] }, paths: ['emails.0'] },
      { name: 'a name beyond 200 chars', payload: { emails: [], names: [long(201)] }, paths: ['names.0'] },
      { name: 'more than 2000 addresses', payload: { emails: Array.from({ length: 2_001 }, (_, i) => `p${i}@x.se`), names: [] }, paths: ['emails'] },
      { name: 'more than 2000 names', payload: { emails: [], names: Array.from({ length: 2_001 }, (_, i) => `P ${i}`) }, paths: ['names'] },
    ],
  },
  'email.sent': {
    sender: contentScript,
    payload: validSent,
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no site', payload: withoutKey(validSent, 'site'), paths: ['site'] },
      { name: 'an unknown site', payload: withSent({ site: 'yahoo' }), paths: ['site'] },
      { name: 'no sendId', payload: withoutKey(validSent, 'sendId'), paths: ['sendId'] },
      { name: 'a short sendId', payload: withSent({ sendId: 'abc' }), paths: ['sendId'] },
      { name: 'a sendId with a colon', payload: withSent({ sendId: 'abcdefgh:1' }), paths: ['sendId'] },
      { name: 'a subject beyond 1000 chars', payload: withSent({ subject: long(1_001) }), paths: ['subject'] },
      { name: 'no recipients', payload: withSent({ recipients: [] }), paths: ['recipients'] },
      { name: 'a recipient without address', payload: withSent({ recipients: [{ name: 'Ada' }] }), paths: ['recipients.0.email'] },
      { name: 'more than 200 recipients', payload: withSent({ recipients: Array.from({ length: 201 }, (_, i) => ({ email: `p${i}@x.se` })) }), paths: ['recipients'] },
    ],
  },
  'email.unlog': {
    sender: contentScript,
    payload: { site: 'gmail', sendId: validSent.sendId },
    bad: [
      ...nonObjects,
      { name: 'no site', payload: { sendId: validSent.sendId }, paths: ['site'] },
      { name: 'no sendId', payload: { site: 'gmail' }, paths: ['sendId'] },
      { name: 'a sendId beyond 64 chars', payload: { site: 'gmail', sendId: long(65) }, paths: ['sendId'] },
    ],
  },
  'email.log': {
    sender: sidePanel,
    payload: validMailLog,
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no contactId', payload: withoutKey(validMailLog, 'contactId'), paths: ['contactId'] },
      { name: 'an unknown site', payload: withMailLog({ site: 'hotmail' }), paths: ['site'] },
      { name: 'no message', payload: withoutKey(validMailLog, 'message'), paths: ['message'] },
      { name: 'a blank message id', payload: withMailLog({ message: { ...validMailLog.message, id: '  ' } }), paths: ['message.id'] },
      { name: 'a message id beyond 300 chars', payload: withMailLog({ message: { ...validMailLog.message, id: long(301) } }), paths: ['message.id'] },
      { name: 'a subject beyond 1000 chars', payload: withMailLog({ message: { ...validMailLog.message, subject: long(1_001) } }), paths: ['message.subject'] },
      { name: 'a string date', payload: withMailLog({ message: { ...validMailLog.message, when: 'yesterday' } }), paths: ['message.when'] },
      { name: 'no fromMe', payload: withMailLog({ message: { id: 'm1', subject: 'Hi' } }), paths: ['message.fromMe'] },
    ],
  },
  'sidebar.view': {
    sender: sidePanel,
    payload: { tabId: 7 },
    bad: [
      ...nonObjects,
      { name: 'a string tabId', payload: { tabId: '7' }, paths: ['tabId'] },
      { name: 'a negative tabId', payload: { tabId: -1 }, paths: ['tabId'] },
      { name: 'a fractional tabId', payload: { tabId: 1.5 }, paths: ['tabId'] },
      { name: 'a NaN tabId', payload: { tabId: Number.NaN }, paths: ['tabId'] },
      { name: 'an unsafe integer tabId', payload: { tabId: 2 ** 60 }, paths: ['tabId'] },
      { name: 'a null tabId', payload: { tabId: null }, paths: ['tabId'] },
    ],
  },
  'contact.get': {
    sender: sidePanel,
    payload: { id: 1 },
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no id', payload: {}, paths: ['id'] },
      { name: 'a string id', payload: { id: '1' }, paths: ['id'] },
      { name: 'a zero id', payload: { id: 0 }, paths: ['id'] },
      { name: 'a negative id', payload: { id: -1 }, paths: ['id'] },
      { name: 'a fractional id', payload: { id: 1.5 }, paths: ['id'] },
    ],
  },
  'contact.create': {
    sender: sidePanel,
    payload: { draft: adaDraft },
    bad: [
      ...nonObjects,
      { name: 'no draft', payload: {}, paths: ['draft'] },
      { name: 'a string draft', payload: { draft: 'Ada' }, paths: ['draft'] },
      { name: 'no name', payload: { draft: { linkedinSlug: 'ada-lovelace' } }, paths: ['draft.name'] },
      { name: 'a numeric name', payload: withDraft({ name: 42 }), paths: ['draft.name'] },
      { name: 'a blank name', payload: withDraft({ name: '   ' }), paths: ['draft.name'] },
      { name: 'a name beyond 200 chars', payload: withDraft({ name: long(201) }), paths: ['draft.name'] },
      { name: 'a headline beyond 500 chars', payload: withDraft({ headline: long(501) }), paths: ['draft.headline'] },
      { name: 'a company beyond 200 chars', payload: withDraft({ company: long(201) }), paths: ['draft.company'] },
      { name: 'notes beyond 200000 chars', payload: withDraft({ notes: long(200_001) }), paths: ['draft.notes'] },
      { name: 'interests beyond 5000 chars', payload: withDraft({ interests: long(5_001) }), paths: ['draft.interests'] },
      { name: 'an invalid email', payload: withDraft({ emails: ['not-an-email'] }), paths: ['draft.emails.0'] },
      { name: 'too many emails', payload: withDraft({ emails: Array.from({ length: 21 }, (_, i) => `a${i}@example.com`) }), paths: ['draft.emails'] },
      { name: 'a phone beyond 40 chars', payload: withDraft({ phones: [long(41, '1')] }), paths: ['draft.phones.0'] },
      { name: 'an uppercase slug', payload: withDraft({ linkedinSlug: 'Ada-Lovelace' }), paths: ['draft.linkedinSlug'] },
      { name: 'a slug beyond 100 chars', payload: withDraft({ linkedinSlug: long(101) }), paths: ['draft.linkedinSlug'] },
      { name: 'a plain-http LinkedIn url', payload: withDraft({ linkedinUrl: 'http://www.linkedin.com/in/ada-lovelace/' }), paths: ['draft.linkedinUrl'] },
      { name: 'a javascript: url', payload: withDraft({ linkedinUrl: 'javascript:alert(1)' }), paths: ['draft.linkedinUrl'] },
      { name: 'a url beyond 500 chars', payload: withDraft({ linkedinUrl: `https://www.linkedin.com/in/${long(500)}` }), paths: ['draft.linkedinUrl'] },
      { name: 'too many tags', payload: withDraft({ tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }), paths: ['draft.tags'] },
      { name: 'a tag beyond 50 chars', payload: withDraft({ tags: [long(51)] }), paths: ['draft.tags.0'] },
      { name: 'a type beyond 40 chars', payload: withDraft({ type: long(41) }), paths: ['draft.type'] },
      { name: 'a zero cadence', payload: withDraft({ cadenceDays: 0 }), paths: ['draft.cadenceDays'] },
      { name: 'a zero introducer id', payload: withDraft({ introducedBy: 0 }), paths: ['draft.introducedBy'] },
      { name: 'a negative meeting date', payload: withDraft({ howWeMet: { date: -1 } }), paths: ['draft.howWeMet.date'] },
      { name: 'an event beyond 200 chars', payload: withDraft({ howWeMet: { event: long(201) } }), paths: ['draft.howWeMet.event'] },
      {
        name: 'several bad fields at once',
        payload: withDraft({ name: '', tags: [42] }),
        paths: ['draft.name', 'draft.tags.0'],
      },
    ],
  },
  'contact.update': {
    sender: sidePanel,
    payload: withPatch({ headline: 'Poetical scientist', title: 'Analyst' }),
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no id', payload: { patch: { headline: 'x' } }, paths: ['id'] },
      { name: 'a string id', payload: { id: '1', patch: { headline: 'x' } }, paths: ['id'] },
      { name: 'a zero id', payload: { id: 0, patch: { headline: 'x' } }, paths: ['id'] },
      { name: 'a fractional id', payload: { id: 1.5, patch: { headline: 'x' } }, paths: ['id'] },
      { name: 'no patch', payload: { id: 1 }, paths: ['patch'] },
      { name: 'a null patch', payload: { id: 1, patch: null }, paths: ['patch'] },
      { name: 'a string patch', payload: { id: 1, patch: 'headline' }, paths: ['patch'] },
      { name: 'an array patch', payload: { id: 1, patch: [] }, paths: ['patch'] },
      // The patch is strict: keys the contact does not have, and derived fields, are refused.
      { name: 'an unknown patch key', payload: withPatch({ nickname: 'Ada' }), paths: ['patch'] },
      { name: 'a misspelt patch key', payload: withPatch({ headLine: 'x' }), paths: ['patch'] },
      { name: 'a derived companyKey', payload: withPatch({ companyKey: 'acme' }), paths: ['patch'] },
      { name: 'an id in the patch', payload: withPatch({ id: 2 }), paths: ['patch'] },
      { name: 'timestamps in the patch', payload: withPatch({ createdAt: 0, updatedAt: 0 }), paths: ['patch'] },
      { name: 'lastContacted in the patch', payload: withPatch({ lastContacted: 1 }), paths: ['patch'] },
      { name: 'a numeric headline', payload: withPatch({ headline: 42 }), paths: ['patch.headline'] },
      // null is not malformed in a patch (it clears the field); a wrong type still is.
      { name: 'a boolean headline', payload: withPatch({ headline: true }), paths: ['patch.headline'] },
      { name: 'an object as the follow-up date', payload: withPatch({ nextFollowUp: {} }), paths: ['patch.nextFollowUp'] },
      { name: 'a blank name', payload: withPatch({ name: '   ' }), paths: ['patch.name'] },
      { name: 'a name beyond 200 chars', payload: withPatch({ name: long(201) }), paths: ['patch.name'] },
      { name: 'a headline beyond 500 chars', payload: withPatch({ headline: long(501) }), paths: ['patch.headline'] },
      { name: 'a company beyond 200 chars', payload: withPatch({ company: long(201) }), paths: ['patch.company'] },
      { name: 'a title beyond 200 chars', payload: withPatch({ title: long(201) }), paths: ['patch.title'] },
      { name: 'a location beyond 200 chars', payload: withPatch({ location: long(201) }), paths: ['patch.location'] },
      { name: 'notes beyond 200000 chars', payload: withPatch({ notes: long(200_001) }), paths: ['patch.notes'] },
      { name: 'numeric notes', payload: withPatch({ notes: 42 }), paths: ['patch.notes'] },
      { name: 'emails that are not a list', payload: withPatch({ emails: 'ada@example.com' }), paths: ['patch.emails'] },
      { name: 'an invalid email', payload: withPatch({ emails: ['ada@example.com', 'not-an-email'] }), paths: ['patch.emails.1'] },
      { name: 'too many tags', payload: withPatch({ tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }), paths: ['patch.tags'] },
      { name: 'a blank tag', payload: withPatch({ tags: [' '] }), paths: ['patch.tags.0'] },
      { name: 'an uppercase slug', payload: withPatch({ linkedinSlug: 'Ada-Lovelace' }), paths: ['patch.linkedinSlug'] },
      { name: 'a plain-http LinkedIn url', payload: withPatch({ linkedinUrl: 'http://www.linkedin.com/in/ada/' }), paths: ['patch.linkedinUrl'] },
      { name: 'a zero cadence', payload: withPatch({ cadenceDays: 0 }), paths: ['patch.cadenceDays'] },
      { name: 'a fractional cadence', payload: withPatch({ cadenceDays: 1.5 }), paths: ['patch.cadenceDays'] },
      { name: 'a negative follow-up date', payload: withPatch({ nextFollowUp: -1 }), paths: ['patch.nextFollowUp'] },
      { name: 'an event beyond 200 chars', payload: withPatch({ howWeMet: { event: long(201) } }), paths: ['patch.howWeMet.event'] },
      { name: 'an unknown key next to a bad field', payload: withPatch({ nickname: 'Ada', headline: 42 }), paths: ['patch', 'patch.headline'] },
    ],
  },
  'company.setTarget': {
    sender: sidePanel,
    payload: validTarget,
    bad: [
      ...nonObjects,
      { name: 'no name', payload: withoutKey(validTarget, 'name'), paths: ['name'] },
      { name: 'a numeric name', payload: withTarget({ name: 42 }), paths: ['name'] },
      { name: 'a blank name', payload: withTarget({ name: '   ' }), paths: ['name'] },
      { name: 'a name beyond 200 chars', payload: withTarget({ name: long(201) }), paths: ['name'] },
      { name: 'no target', payload: withoutKey(validTarget, 'target'), paths: ['target'] },
      { name: 'a string target', payload: withTarget({ target: 'true' }), paths: ['target'] },
      { name: 'a numeric target', payload: withTarget({ target: 1 }), paths: ['target'] },
      { name: 'a null target', payload: withTarget({ target: null }), paths: ['target'] },
      { name: 'rank 0', payload: withTarget({ rank: 0 }), paths: ['rank'] },
      { name: 'a negative rank', payload: withTarget({ rank: -1 }), paths: ['rank'] },
      { name: 'rank 1001', payload: withTarget({ rank: 1001 }), paths: ['rank'] },
      { name: 'a fractional rank', payload: withTarget({ rank: 1.5 }), paths: ['rank'] },
      { name: 'a string rank', payload: withTarget({ rank: '1' }), paths: ['rank'] },
      { name: 'a NaN rank', payload: withTarget({ rank: Number.NaN }), paths: ['rank'] },
      { name: 'a null rank', payload: withTarget({ rank: null }), paths: ['rank'] },
      { name: 'a blank LinkedIn slug', payload: withTarget({ linkedinSlug: ' ' }), paths: ['linkedinSlug'] },
      { name: 'a LinkedIn slug beyond 150 chars', payload: withTarget({ linkedinSlug: long(151) }), paths: ['linkedinSlug'] },
      { name: 'a numeric LinkedIn slug', payload: withTarget({ linkedinSlug: 1035 }), paths: ['linkedinSlug'] },
      { name: 'several bad fields at once', payload: { name: '', target: 'no', rank: 0 }, paths: ['name', 'target', 'rank'] },
    ],
  },
  'contact.setNotes': {
    sender: sidePanel,
    payload: { id: 1, notes: 'Met at the Analytical Society.' },
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no id', payload: { notes: 'x' }, paths: ['id'] },
      { name: 'a string id', payload: { id: '1', notes: 'x' }, paths: ['id'] },
      { name: 'a zero id', payload: { id: 0, notes: 'x' }, paths: ['id'] },
      { name: 'no notes', payload: { id: 1 }, paths: ['notes'] },
      { name: 'numeric notes', payload: { id: 1, notes: 42 }, paths: ['notes'] },
      { name: 'notes beyond 200000 chars', payload: { id: 1, notes: long(200_001) }, paths: ['notes'] },
    ],
  },
  'contact.card': {
    sender: sidePanel,
    payload: { id: 1 },
    seed: seedContact,
    bad: [...nonObjects, ...badIds()],
  },
  'contacts.search': {
    sender: sidePanel,
    payload: { query: 'ada', limit: 5 },
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no query', payload: { limit: 5 }, paths: ['query'] },
      { name: 'a numeric query', payload: { query: 42 }, paths: ['query'] },
      { name: 'a null query', payload: { query: null }, paths: ['query'] },
      { name: 'a query beyond 200 chars', payload: { query: long(201) }, paths: ['query'] },
      { name: 'limit 0', payload: { query: 'ada', limit: 0 }, paths: ['limit'] },
      { name: 'limit 51', payload: { query: 'ada', limit: 51 }, paths: ['limit'] },
      { name: 'a fractional limit', payload: { query: 'ada', limit: 2.5 }, paths: ['limit'] },
      { name: 'a string limit', payload: { query: 'ada', limit: '5' }, paths: ['limit'] },
      { name: 'a null limit', payload: { query: 'ada', limit: null }, paths: ['limit'] },
    ],
  },
  'interaction.log': {
    sender: sidePanel,
    payload: validLog,
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no contactId', payload: withoutKey(validLog, 'contactId'), paths: ['contactId'] },
      { name: 'a zero contactId', payload: withLog({ contactId: 0 }), paths: ['contactId'] },
      { name: 'a string contactId', payload: withLog({ contactId: '1' }), paths: ['contactId'] },
      { name: 'no kind', payload: withoutKey(validLog, 'kind'), paths: ['kind'] },
      { name: 'an unknown kind', payload: withLog({ kind: 'telegram' }), paths: ['kind'] },
      { name: 'a capitalised kind', payload: withLog({ kind: 'Call' }), paths: ['kind'] },
      { name: 'no when', payload: withoutKey(validLog, 'when'), paths: ['when'] },
      { name: 'a negative when', payload: withLog({ when: -1 }), paths: ['when'] },
      { name: 'a fractional when', payload: withLog({ when: T0 + 0.5 }), paths: ['when'] },
      { name: 'a when beyond the last date', payload: withLog({ when: 8.64e15 + 1 }), paths: ['when'] },
      { name: 'a string when', payload: withLog({ when: '2025-01-15' }), paths: ['when'] },
      { name: 'a null summary', payload: withLog({ summary: null }), paths: ['summary'] },
      { name: 'a numeric summary', payload: withLog({ summary: 42 }), paths: ['summary'] },
      { name: 'a summary beyond 1000 chars', payload: withLog({ summary: long(1_001) }), paths: ['summary'] },
      { name: 'details beyond 50000 chars', payload: withLog({ details: long(50_001) }), paths: ['details'] },
      { name: 'a debrief list', payload: withLog({ debrief: ['yes'] }), paths: ['debrief'] },
      { name: 'a debrief answer outside yes/partly/no', payload: withLog({ debrief: { goals: 'maybe' } }), paths: ['debrief.goals'] },
      { name: 'a debrief question id beyond 40 chars', payload: withLog({ debrief: { [long(41, 'q')]: 'yes' } }), paths: [`debrief.${long(41, 'q')}`] },
      { name: 'several bad fields at once', payload: withLog({ kind: 'x', when: -5, summary: 7 }), paths: ['kind', 'when', 'summary'] },
    ],
  },
  'interaction.update': {
    sender: sidePanel,
    payload: withChange({ summary: 'Tea, not coffee', when: T0 - 2 * DAY, kind: 'event' }),
    seed: seedInteraction,
    bad: [
      ...nonObjects,
      ...badIds({ change: { summary: 'x' } }),
      { name: 'no change', payload: { id: 1 }, paths: ['change'] },
      { name: 'a null change', payload: { id: 1, change: null }, paths: ['change'] },
      { name: 'a string change', payload: { id: 1, change: 'summary' }, paths: ['change'] },
      // Strict: who the interaction is with, and where it came from, cannot be changed.
      { name: 'a contactId in the change', payload: withChange({ contactId: 2 }), paths: ['change'] },
      { name: 'a source in the change', payload: withChange({ source: 'gmail' }), paths: ['change'] },
      { name: 'an externalId in the change', payload: withChange({ externalId: 'm-1' }), paths: ['change'] },
      { name: 'timestamps in the change', payload: withChange({ createdAt: 0 }), paths: ['change'] },
      { name: 'an unknown kind', payload: withChange({ kind: 'telegram' }), paths: ['change.kind'] },
      { name: 'a negative when', payload: withChange({ when: -1 }), paths: ['change.when'] },
      { name: 'a null when', payload: withChange({ when: null }), paths: ['change.when'] },
      { name: 'a summary beyond 1000 chars', payload: withChange({ summary: long(1_001) }), paths: ['change.summary'] },
      { name: 'details beyond 50000 chars', payload: withChange({ details: long(50_001) }), paths: ['change.details'] },
      { name: 'a bad debrief answer', payload: withChange({ debrief: { goals: 'YES' } }), paths: ['change.debrief.goals'] },
    ],
  },
  'interaction.delete': {
    sender: sidePanel,
    payload: { id: 1 },
    seed: seedInteraction,
    bad: [...nonObjects, ...badIds()],
  },
  'interaction.restore': {
    sender: sidePanel,
    payload: { interaction: restorable },
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no interaction', payload: {}, paths: ['interaction'] },
      { name: 'a null interaction', payload: { interaction: null }, paths: ['interaction'] },
      { name: 'an interaction id as the interaction', payload: { interaction: 5 }, paths: ['interaction'] },
      { name: 'no id', payload: { interaction: withoutKey(restorable, 'id') }, paths: ['interaction.id'] },
      { name: 'a zero id', payload: withRestorable({ id: 0 }), paths: ['interaction.id'] },
      { name: 'no contactId', payload: { interaction: withoutKey(restorable, 'contactId') }, paths: ['interaction.contactId'] },
      { name: 'an unknown kind', payload: withRestorable({ kind: 'telegram' }), paths: ['interaction.kind'] },
      { name: 'a negative when', payload: withRestorable({ when: -1 }), paths: ['interaction.when'] },
      { name: 'an unknown source', payload: withRestorable({ source: 'fax' }), paths: ['interaction.source'] },
      { name: 'a blank externalId', payload: withRestorable({ externalId: '  ' }), paths: ['interaction.externalId'] },
      { name: 'no createdAt', payload: { interaction: withoutKey(restorable, 'createdAt') }, paths: ['interaction.createdAt'] },
      { name: 'a bad debrief answer', payload: withRestorable({ debrief: { goals: 1 } }), paths: ['interaction.debrief.goals'] },
    ],
  },
  'commitment.add': {
    sender: sidePanel,
    payload: validCommitment,
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no contactId', payload: withoutKey(validCommitment, 'contactId'), paths: ['contactId'] },
      { name: 'a zero contactId', payload: withCommitment({ contactId: 0 }), paths: ['contactId'] },
      { name: 'no text', payload: withoutKey(validCommitment, 'text'), paths: ['text'] },
      { name: 'a blank text', payload: withCommitment({ text: '   ' }), paths: ['text'] },
      { name: 'a numeric text', payload: withCommitment({ text: 42 }), paths: ['text'] },
      { name: 'a text beyond 1000 chars', payload: withCommitment({ text: long(1_001) }), paths: ['text'] },
      { name: 'no due date', payload: withoutKey(validCommitment, 'due'), paths: ['due'] },
      { name: 'a negative due date', payload: withCommitment({ due: -1 }), paths: ['due'] },
      { name: 'a fractional due date', payload: withCommitment({ due: T0 + 0.25 }), paths: ['due'] },
      { name: 'a string due date', payload: withCommitment({ due: 'tomorrow' }), paths: ['due'] },
    ],
  },
  'commitment.setDone': {
    sender: sidePanel,
    payload: { id: 1, done: true },
    seed: seedCommitment,
    bad: [
      ...nonObjects,
      ...badIds({ done: true }),
      { name: 'no done', payload: { id: 1 }, paths: ['done'] },
      { name: 'a string done', payload: { id: 1, done: 'true' }, paths: ['done'] },
      { name: 'a numeric done', payload: { id: 1, done: 1 }, paths: ['done'] },
      { name: 'a null done', payload: { id: 1, done: null }, paths: ['done'] },
    ],
  },
  'commitment.delete': {
    sender: sidePanel,
    payload: { id: 1 },
    seed: seedCommitment,
    bad: [...nonObjects, ...badIds()],
  },
  'pitch.save': {
    sender: sidePanel,
    payload: validPitch,
    bad: [
      ...nonObjects,
      { name: 'no audience', payload: withoutKey(validPitch, 'audience'), paths: ['audience'] },
      { name: 'a blank audience', payload: withPitch({ audience: ' ' }), paths: ['audience'] },
      { name: 'an audience beyond 100 chars', payload: withPitch({ audience: long(101) }), paths: ['audience'] },
      { name: 'a numeric audience', payload: withPitch({ audience: 3 }), paths: ['audience'] },
      { name: 'no text', payload: withoutKey(validPitch, 'text'), paths: ['text'] },
      { name: 'a null text', payload: withPitch({ text: null }), paths: ['text'] },
      { name: 'a text beyond 5000 chars', payload: withPitch({ text: long(5_001) }), paths: ['text'] },
      { name: 'a zero id', payload: withPitch({ id: 0 }), paths: ['id'] },
      { name: 'a string id', payload: withPitch({ id: '1' }), paths: ['id'] },
      { name: 'a fractional id', payload: withPitch({ id: 1.5 }), paths: ['id'] },
    ],
  },
  'pitch.delete': {
    sender: sidePanel,
    payload: { id: 1 },
    seed: seedPitch,
    bad: [...nonObjects, ...badIds()],
  },
  'settings.get': {
    sender: sidePanel,
    payload: {},
    bad: nonObjects,
  },
  'companies.targets': {
    sender: sidePanel,
    payload: {},
    bad: nonObjects,
  },
  'pitches.list': {
    sender: sidePanel,
    payload: {},
    bad: nonObjects,
  },
  'import.preview': {
    sender: sidePanel,
    payload: { fileName: validImport.fileName, data: validImport.data },
    bad: [...nonObjects, ...transferBad.file({ fileName: validImport.fileName, data: validImport.data })],
  },
  'import.apply': {
    sender: sidePanel,
    payload: validImport,
    bad: [...nonObjects, ...transferBad.file(validImport), ...transferBad.apply(validImport, 'acceptOffered')],
  },
  'export.file': {
    sender: sidePanel,
    payload: { format: 'backup-json' },
    bad: [
      ...nonObjects,
      { name: 'no format', payload: {}, paths: ['format'] },
      { name: 'an unknown format', payload: { format: 'pdf' }, paths: ['format'] },
      { name: 'a numeric format', payload: { format: 1 }, paths: ['format'] },
    ],
  },
  'restore.preview': {
    sender: sidePanel,
    payload: { backupText: validRestore.backupText },
    bad: [...nonObjects, ...transferBad.backup({ backupText: validRestore.backupText })],
  },
  'restore.apply': {
    sender: sidePanel,
    payload: validRestore,
    bad: [...nonObjects, ...transferBad.backup(validRestore), ...transferBad.apply(validRestore, 'overwriteConflicts')],
  },
  'ticklers.list': {
    sender: sidePanel,
    payload: { contactId: 1 },
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'a string contactId', payload: { contactId: '1' }, paths: ['contactId'] },
      { name: 'a zero contactId', payload: { contactId: 0 }, paths: ['contactId'] },
      { name: 'a negative contactId', payload: { contactId: -1 }, paths: ['contactId'] },
      { name: 'a fractional contactId', payload: { contactId: 1.5 }, paths: ['contactId'] },
      { name: 'a null contactId', payload: { contactId: null }, paths: ['contactId'] },
    ],
  },
  'tickler.act': {
    sender: sidePanel,
    payload: { key: 'follow-up:1', action: 'done' },
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no key', payload: { action: 'done' }, paths: ['key'] },
      { name: 'a numeric key', payload: { key: 1, action: 'done' }, paths: ['key'] },
      { name: 'an unknown key kind', payload: { key: 'contact:1', action: 'done' }, paths: ['key'] },
      { name: 'a key without an id', payload: { key: 'follow-up:', action: 'done' }, paths: ['key'] },
      { name: 'a key with id 0', payload: { key: 'reminder:0', action: 'done' }, paths: ['key'] },
      { name: 'a key with trailing text', payload: { key: 'reminder:1,reminder:2', action: 'done' }, paths: ['key'] },
      { name: 'a key beyond 64 chars', payload: { key: `reminder:${long(60, '1')}`, action: 'done' }, paths: ['key'] },
      { name: 'no action', payload: { key: 'follow-up:1' }, paths: ['action'] },
      { name: 'an unknown action', payload: { key: 'follow-up:1', action: 'delete' }, paths: ['action'] },
      { name: 'an action object', payload: { key: 'follow-up:1', action: { type: 'done' } }, paths: ['action'] },
      { name: 'several bad fields at once', payload: { key: '', action: 'later' }, paths: ['key', 'action'] },
    ],
  },
  'settings.update': {
    sender: sidePanel,
    payload: withSettings({ snoozeMinutes: 30, sidebarHost: 'side-panel' }),
    bad: [
      ...nonObjects,
      { name: 'no patch', payload: {}, paths: ['patch'] },
      { name: 'a null patch', payload: { patch: null }, paths: ['patch'] },
      { name: 'an array patch', payload: { patch: [] }, paths: ['patch'] },
      // Strict: unknown settings are refused.
      { name: 'an unknown setting', payload: withSettings({ theme: 'dark' }), paths: ['patch'] },
      { name: 'an unknown setting next to a valid one', payload: withSettings({ snoozeMinutes: 30, sidebarhost: 'page' }), paths: ['patch'] },
      { name: 'a snooze below 5 minutes', payload: withSettings({ snoozeMinutes: 4 }), paths: ['patch.snoozeMinutes'] },
      { name: 'a snooze beyond 30 days', payload: withSettings({ snoozeMinutes: 60 * 24 * 30 + 1 }), paths: ['patch.snoozeMinutes'] },
      { name: 'a fractional snooze', payload: withSettings({ snoozeMinutes: 10.5 }), paths: ['patch.snoozeMinutes'] },
      // null is not malformed in a patch (it resets the setting); a wrong type still is.
      { name: 'a string snooze', payload: withSettings({ snoozeMinutes: '30' }), paths: ['patch.snoozeMinutes'] },
      { name: 'an unknown sidebar host', payload: withSettings({ sidebarHost: 'popup' }), paths: ['patch.sidebarHost'] },
      { name: 'a zero cadence', payload: withSettings({ cadenceDaysByType: { peer: 0 } }), paths: ['patch.cadenceDaysByType.peer'] },
      { name: 'a cadence beyond 10 years', payload: withSettings({ cadenceDaysByType: { peer: 3651 } }), paths: ['patch.cadenceDaysByType.peer'] },
      { name: 'cadences as a list', payload: withSettings({ cadenceDaysByType: [30] }), paths: ['patch.cadenceDaysByType'] },
      { name: 'too many custom types', payload: withSettings({ customContactTypes: Array.from({ length: 51 }, (_, i) => `t${i}`) }), paths: ['patch.customContactTypes'] },
      { name: 'a blank custom type', payload: withSettings({ customContactTypes: ['board', ' '] }), paths: ['patch.customContactTypes.1'] },
      { name: 'a custom type beyond 40 chars', payload: withSettings({ customContactTypes: [long(41)] }), paths: ['patch.customContactTypes.0'] },
      { name: 'half the quiet hours', payload: withSettings({ quietHours: { enabled: true } }), paths: ['patch.quietHours.startHour', 'patch.quietHours.endHour'] },
      { name: 'a quiet hour of 24', payload: withSettings({ quietHours: { enabled: true, startHour: 24, endHour: 8 } }), paths: ['patch.quietHours.startHour'] },
      { name: 'a string flag', payload: withSettings({ autoLogSentMail: 'yes' }), paths: ['patch.autoLogSentMail'] },
      { name: 'a numeric flag', payload: withSettings({ backupReminder: 1 }), paths: ['patch.backupReminder'] },
      { name: 'a negative digest hour', payload: withSettings({ digest: { enabled: true, hour: -1 } }), paths: ['patch.digest.hour'] },
      { name: 'a weekly goal beyond 100', payload: withSettings({ weeklyGoals: { newContacts: 101, followUps: 5 } }), paths: ['patch.weeklyGoals.newContacts'] },
    ],
  },
  'manager.list': {
    sender: sidePanel,
    payload: validManagerList,
    seed: seedInteraction,
    bad: [
      ...nonObjects,
      { name: 'no filters', payload: withoutKey(validManagerList, 'filters'), paths: ['filters'] },
      { name: 'no sort', payload: withoutKey(validManagerList, 'sort'), paths: ['sort'] },
      { name: 'a query beyond 200 chars', payload: withManagerList({ query: long(201) }), paths: ['query'] },
      { name: 'a numeric query', payload: withManagerList({ query: 3 }), paths: ['query'] },
      { name: 'an unknown sort column', payload: withManagerList({ sort: { by: 'notes', dir: 'asc' } }), paths: ['sort.by'] },
      { name: 'an unknown sort direction', payload: withManagerList({ sort: { by: 'name', dir: 'up' } }), paths: ['sort.dir'] },
      { name: 'an unknown filter', payload: withManagerList({ filters: { colour: 'red' } }), paths: ['filters'] },
      { name: 'a blank tag', payload: withManagerList({ filters: { tag: ' ' } }), paths: ['filters.tag'] },
      { name: 'a tag beyond 50 chars', payload: withManagerList({ filters: { tag: long(51) } }), paths: ['filters.tag'] },
      { name: 'a type beyond 40 chars', payload: withManagerList({ filters: { type: long(41) } }), paths: ['filters.type'] },
      { name: 'a company beyond 200 chars', payload: withManagerList({ filters: { company: long(201) } }), paths: ['filters.company'] },
      { name: 'a string targetsOnly', payload: withManagerList({ filters: { targetsOnly: 'yes' } }), paths: ['filters.targetsOnly'] },
      { name: 'a numeric overdue', payload: withManagerList({ filters: { overdue: 1 } }), paths: ['filters.overdue'] },
      { name: 'zero months', payload: withManagerList({ filters: { notInTouchMonths: 0 } }), paths: ['filters.notInTouchMonths'] },
      { name: 'months beyond 120', payload: withManagerList({ filters: { notInTouchMonths: 121 } }), paths: ['filters.notInTouchMonths'] },
      { name: 'fractional months', payload: withManagerList({ filters: { notInTouchMonths: 1.5 } }), paths: ['filters.notInTouchMonths'] },
      { name: 'a zero introducer', payload: withManagerList({ filters: { introducedBy: 0 } }), paths: ['filters.introducedBy'] },
      { name: 'a string includeArchived', payload: withManagerList({ filters: { includeArchived: 'true' } }), paths: ['filters.includeArchived'] },
    ],
  },
  'contacts.bulk': {
    sender: sidePanel,
    payload: validBulk,
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no ids', payload: withoutKey(validBulk, 'ids'), paths: ['ids'] },
      { name: 'no ids at all', payload: withBulk({ ids: [] }), paths: ['ids'] },
      { name: 'more than 10,000 ids', payload: withBulk({ ids: Array.from({ length: 10_001 }, (_, i) => i + 1) }), paths: ['ids'] },
      { name: 'a zero id', payload: withBulk({ ids: [1, 0] }), paths: ['ids.1'] },
      { name: 'a string id', payload: withBulk({ ids: ['1'] }), paths: ['ids.0'] },
      { name: 'no action', payload: withoutKey(validBulk, 'action'), paths: ['action'] },
      { name: 'an unknown action', payload: withAction({ kind: 'merge' }), paths: ['action.kind'] },
      { name: 'a blank tag', payload: withAction({ kind: 'add-tag', tag: ' ' }), paths: ['action.tag'] },
      { name: 'a tag beyond 50 chars', payload: withAction({ kind: 'remove-tag', tag: long(51) }), paths: ['action.tag'] },
      { name: 'no tag', payload: withAction({ kind: 'add-tag' }), paths: ['action.tag'] },
      { name: 'an extra field', payload: withAction({ kind: 'delete', ids: [2] }), paths: ['action'] },
      { name: 'a type beyond 40 chars', payload: withAction({ kind: 'set-type', type: long(41) }), paths: ['action.type'] },
      { name: 'no type', payload: withAction({ kind: 'set-type' }), paths: ['action.type'] },
      { name: 'a zero cadence', payload: withAction({ kind: 'set-cadence', days: 0 }), paths: ['action.days'] },
      { name: 'a cadence beyond 10 years', payload: withAction({ kind: 'set-cadence', days: 3651 }), paths: ['action.days'] },
      { name: 'a fractional cadence', payload: withAction({ kind: 'set-cadence', days: 1.5 }), paths: ['action.days'] },
      { name: 'a string archived', payload: withAction({ kind: 'archive', archived: 'yes' }), paths: ['action.archived'] },
      { name: 'a blank update', payload: withAction({ kind: 'log-update', summary: '  ', when: T0 }), paths: ['action.summary'] },
      { name: 'an update beyond 1000 chars', payload: withAction({ kind: 'log-update', summary: long(1001), when: T0 }), paths: ['action.summary'] },
      { name: 'an update without a date', payload: withAction({ kind: 'log-update', summary: 'Offer from Acme' }), paths: ['action.when'] },
      { name: 'a negative update date', payload: withAction({ kind: 'log-update', summary: 'Offer', when: -1 }), paths: ['action.when'] },
    ],
  },
  'contacts.bulkRestore': {
    sender: sidePanel,
    payload: validFieldUndo,
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no undo', payload: {}, paths: ['undo'] },
      { name: 'an unknown undo kind', payload: withFieldUndo({ kind: 'notes' }), paths: ['undo.kind'] },
      // A delete is undone by contacts.restore only.
      { name: 'a delete undo', payload: validDeleteUndo, paths: ['undo.kind'] },
      { name: 'no before', payload: { undo: { kind: 'tags', at: T0 } }, paths: ['undo.before'] },
      { name: 'a zero id', payload: withFieldUndo({ before: [{ id: 0, value: [], updatedAt: T0 }] }), paths: ['undo.before.0.id'] },
      { name: 'a string tag list', payload: withFieldUndo({ before: [{ id: 1, value: 'x', updatedAt: T0 }] }), paths: ['undo.before.0.value'] },
      { name: 'a bad cadence', payload: { undo: { kind: 'cadence', at: T0, before: [{ id: 1, value: 0, updatedAt: T0 }] } }, paths: ['undo.before.0.value'] },
      { name: 'a bad update id', payload: { undo: { kind: 'log-update', externalId: 'gmail:123', at: T0, before: [] } }, paths: ['undo.externalId'] },
    ],
  },
  'contacts.restore': {
    sender: sidePanel,
    payload: validDeleteUndo,
    bad: [
      ...nonObjects,
      { name: 'no undo', payload: {}, paths: ['undo'] },
      { name: 'a field undo', payload: validFieldUndo, paths: ['undo', 'undo.kind', 'undo.contacts', 'undo.interactions', 'undo.reminders'] },
      { name: 'no contacts', payload: withDeleteUndo({ contacts: [] }), paths: ['undo.contacts'] },
      { name: 'a contact without a name', payload: withDeleteUndo({ contacts: [{ ...deletedContact, name: '' }] }), paths: ['undo.contacts.0.name'] },
      { name: 'a contact without an id', payload: withDeleteUndo({ contacts: [withoutKey(deletedContact, 'id')] }), paths: ['undo.contacts.0.id'] },
      { name: 'a malformed interaction', payload: withDeleteUndo({ interactions: [{ id: 1 }] }), paths: ['undo.interactions.0.contactId', 'undo.interactions.0.kind', 'undo.interactions.0.when', 'undo.interactions.0.createdAt', 'undo.interactions.0.updatedAt'] },
      { name: 'reminders as an object', payload: withDeleteUndo({ reminders: {} }), paths: ['undo.reminders'] },
    ],
  },
  'updates.list': {
    sender: sidePanel,
    payload: { limit: 20 },
    bad: [
      ...nonObjects,
      { name: 'a zero limit', payload: { limit: 0 }, paths: ['limit'] },
      { name: 'a limit beyond 500', payload: { limit: 501 }, paths: ['limit'] },
      { name: 'a string limit', payload: { limit: '5' }, paths: ['limit'] },
    ],
  },
  'review.weekly': {
    sender: sidePanel,
    payload: { weeks: 12 },
    bad: [
      ...nonObjects,
      { name: 'zero weeks', payload: { weeks: 0 }, paths: ['weeks'] },
      { name: 'more than 52 weeks', payload: { weeks: 53 }, paths: ['weeks'] },
      { name: 'a fractional number of weeks', payload: { weeks: 1.5 }, paths: ['weeks'] },
      { name: 'a string number of weeks', payload: { weeks: '12' }, paths: ['weeks'] },
    ],
  },
  'backup.status': {
    sender: sidePanel,
    payload: {},
    bad: nonObjects,
  },
  'duplicates.list': {
    sender: sidePanel,
    payload: {},
    seed: seedDuplicates,
    bad: nonObjects,
  },
  'duplicates.dismiss': {
    sender: sidePanel,
    payload: { ids: [1, 2] },
    seed: seedDuplicates,
    bad: [
      ...nonObjects,
      { name: 'no ids', payload: {}, paths: ['ids'] },
      { name: 'one id', payload: { ids: [1] }, paths: ['ids'] },
      { name: 'three ids', payload: { ids: [1, 2, 3] }, paths: ['ids'] },
      { name: 'the same id twice', payload: { ids: [2, 2] }, paths: ['ids'] },
      { name: 'a zero id', payload: { ids: [0, 2] }, paths: ['ids.0'] },
      { name: 'a string id', payload: { ids: [1, '2'] }, paths: ['ids.1'] },
      { name: 'a string dismissed', payload: { ids: [1, 2], dismissed: 'yes' }, paths: ['dismissed'] },
    ],
  },
  'duplicates.compare': {
    sender: sidePanel,
    payload: { ids: [1, 2] },
    seed: seedDuplicates,
    bad: [
      ...nonObjects,
      { name: 'no ids', payload: {}, paths: ['ids'] },
      { name: 'the same id twice', payload: { ids: [1, 1] }, paths: ['ids'] },
      { name: 'a fractional id', payload: { ids: [1, 2.5] }, paths: ['ids.1'] },
    ],
  },
  'contacts.merge': {
    sender: sidePanel,
    payload: validMerge,
    seed: seedDuplicates,
    bad: [
      ...nonObjects,
      { name: 'no keepId', payload: withoutKey(validMerge, 'keepId'), paths: ['keepId'] },
      { name: 'no mergeId', payload: withoutKey(validMerge, 'mergeId'), paths: ['mergeId'] },
      { name: 'a zero keepId', payload: { ...validMerge, keepId: 0 }, paths: ['keepId'] },
      { name: 'a string mergeId', payload: { ...validMerge, mergeId: '2' }, paths: ['mergeId'] },
      { name: 'a contact merged with itself', payload: { ...validMerge, mergeId: 1 }, paths: ['mergeId'] },
      { name: 'picks as a list', payload: { ...validMerge, picks: ['name'] }, paths: ['picks'] },
      { name: 'a pick of an unknown field', payload: { ...validMerge, picks: { colour: 'keep' } }, paths: ['picks'] },
      { name: 'a pick of a derived field', payload: { ...validMerge, picks: { lastContacted: 'merge' } }, paths: ['picks'] },
      { name: 'an unknown side', payload: { ...validMerge, picks: { name: 'left' } }, paths: ['picks.name'] },
      { name: 'both names', payload: { ...validMerge, picks: { name: 'both' } }, paths: ['picks.name'] },
    ],
  },
  'contacts.unmerge': {
    sender: sidePanel,
    payload: validUnmerge,
    seed: seedContact,
    bad: [
      ...nonObjects,
      { name: 'no undo', payload: {}, paths: ['undo'] },
      { name: 'a bulk undo', payload: validDeleteUndo, paths: ['undo.kind', 'undo', 'undo.at', 'undo.survivorUpdatedAt', 'undo.keep', 'undo.merge', 'undo.movedInteractions', 'undo.removedInteractions', 'undo.movedReminders', 'undo.introduced'] },
      { name: 'a merged contact without a name', payload: withUnmerge({ merge: { ...deletedContact, name: '' } }), paths: ['undo.merge.name'] },
      { name: 'a malformed moved interaction', payload: withUnmerge({ movedInteractions: [{ id: 1 }] }), paths: ['undo.movedInteractions.0.contactId', 'undo.movedInteractions.0.kind', 'undo.movedInteractions.0.when', 'undo.movedInteractions.0.createdAt', 'undo.movedInteractions.0.updatedAt'] },
      { name: 'an introduced entry with extra fields', payload: withUnmerge({ introduced: [{ id: 3, updatedAt: T0, name: 'x' }] }), paths: ['undo.introduced.0'] },
      { name: 'no survivor stamp', payload: withUnmerge({ survivorUpdatedAt: undefined }), paths: ['undo.survivorUpdatedAt'] },
    ],
  },
};

/** Envelope-level malformations, built around one valid payload of the given type. */
function badEnvelopes(type: MessageType, payload: unknown): { name: string; message: unknown; paths: string[] }[] {
  return [
    { name: 'the bare type string', message: type, paths: [''] },
    { name: 'a number', message: 1, paths: [''] },
    { name: 'null', message: null, paths: [''] },
    { name: 'undefined', message: undefined, paths: [''] },
    { name: 'an array', message: [1, type, payload], paths: [''] },
    { name: 'no rapport marker', message: { type, payload }, paths: ['rapport'] },
    { name: 'rapport version 2', message: { rapport: 2, type, payload }, paths: ['rapport'] },
    { name: 'rapport version 0', message: { rapport: 0, type, payload }, paths: ['rapport'] },
    { name: 'a string rapport version', message: { rapport: '1', type, payload }, paths: ['rapport'] },
    { name: 'no type', message: { rapport: 1, payload }, paths: ['type'] },
    { name: 'a numeric type', message: { rapport: 1, type: 3, payload }, paths: ['type'] },
    { name: 'a type beyond 64 chars', message: { rapport: 1, type: `${type}${long(64)}`, payload }, paths: ['type'] },
    { name: 'neither marker nor type', message: { payload }, paths: ['rapport', 'type'] },
    { name: 'a too short secret', message: { rapport: 1, type, payload, secret: 'short' }, paths: ['secret'] },
    { name: 'a too long secret', message: { rapport: 1, type, payload, secret: long(129) }, paths: ['secret'] },
    { name: 'a numeric secret', message: { rapport: 1, type, payload, secret: 42 }, paths: ['secret'] },
    { name: 'a secret with spaces', message: { rapport: 1, type, payload, secret: `${long(20)} ${long(20)}` }, paths: ['secret'] },
    { name: 'a null secret', message: { rapport: 1, type, payload, secret: null }, paths: ['secret'] },
  ];
}

function unknownTypes(type: MessageType): string[] {
  return [`${type}.x`, type.toUpperCase(), ` ${type}`, `${type} `, '__proto__', 'constructor', 'toString', 'hasOwnProperty', ''];
}

describe('the fixtures', () => {
  it('give every message type in the contract a valid payload and malformed variants', () => {
    expect(Object.keys(fixtures).sort()).toEqual([...MESSAGE_TYPES].sort());
    for (const type of MESSAGE_TYPES) expect(fixtures[type].bad.length, type).toBeGreaterThan(0);
  });

  it.each(MESSAGE_TYPES)('%s: the valid payload is accepted from its sender', async (type) => {
    const h = createHarness();
    const fixture = fixtures[type];
    await fixture.seed?.(h);
    expectOk(await h.send(fixture.sender, type, fixture.payload, fixture.secret));
  });
});

describe('malformed messages get a typed error and write nothing', () => {
  it.each(MESSAGE_TYPES)('%s: malformed envelopes', async (type) => {
    const h = createHarness();
    const fixture = fixtures[type];
    await fixture.seed?.(h);
    await expectNoWrites(h, async () => {
      for (const { name, message, paths } of badEnvelopes(type, fixture.payload)) {
        const answer = await h.dispatch(message, fixture.sender);
        expectError(answer, 'invalid-request', paths, name);
      }
    });
  });

  it.each(MESSAGE_TYPES)('%s: unknown types', async (type) => {
    const h = createHarness();
    const fixture = fixtures[type];
    await fixture.seed?.(h);
    await expectNoWrites(h, async () => {
      for (const unknown of unknownTypes(type)) {
        const answer = await h.send(fixture.sender, unknown, fixture.payload, fixture.secret);
        expectError(answer, 'unknown-type', undefined, JSON.stringify(unknown));
      }
    });
  });

  it.each(MESSAGE_TYPES)('%s: malformed payloads', async (type) => {
    const h = createHarness();
    const fixture = fixtures[type];
    await fixture.seed?.(h);
    await expectNoWrites(h, async () => {
      for (const { name, payload, paths } of fixture.bad) {
        const answer = await h.send(fixture.sender, type, payload, fixture.secret);
        expectError(answer, 'invalid-request', paths, name);
      }
    });
  });

  it.each(MESSAGE_TYPES)('%s: malformed payloads from an unauthorised sender are refused without detail', async (type) => {
    const h = createHarness();
    await fixtures[type].seed?.(h);
    await expectNoWrites(h, async () => {
      for (const { payload } of fixtures[type].bad) {
        expectError(await h.send(otherExtension, type, payload), 'forbidden');
      }
    });
  });

  it('accepts strings exactly at the schema limits', async () => {
    const h = createHarness();
    const atLimits = {
      ...adaContext,
      url: `https://www.linkedin.com/in/ada/?q=${long(2000 - 'https://www.linkedin.com/in/ada/?q='.length)}`,
      name: long(200),
      headline: long(500),
      missing: Array.from({ length: 20 }, () => long(40)),
    };
    expect(atLimits.url).toHaveLength(2000);
    expectOk(await h.send(contentScript, 'page.register', { secret: long(128, 'Q'), context: atLimits }));
    expectOk(await h.send(contentScript, 'page.clear', { secret: long(32, 'q') }));
    const created = expectOk(
      await h.send(sidePanel, 'contact.create', { draft: { name: long(200), notes: long(200_000), interests: long(5_000) } }),
    ) as { contact: { id: number } };
    expectOk(await h.send(sidePanel, 'contact.setNotes', { id: created.contact.id, notes: long(200_000, 'n') }));
    expectOk(
      await h.send(sidePanel, 'contact.update', {
        id: created.contact.id,
        patch: { name: long(200, 'm'), headline: long(500), company: long(200), title: long(200), location: long(200), notes: long(200_000) },
      }),
    );
    expectOk(await h.send(sidePanel, 'company.setTarget', { name: long(200, 'c'), linkedinSlug: long(150), target: true, rank: 1000 }));
    expectOk(await h.send(sidePanel, 'company.setTarget', { name: 'x', target: true, rank: 1 }));

    const id = created.contact.id;
    expectOk(await h.send(sidePanel, 'contacts.search', { query: long(200), limit: 50 }));
    expectOk(await h.send(sidePanel, 'contacts.search', { query: '', limit: 1 }));
    const logged = expectOk(
      await h.send(sidePanel, 'interaction.log', {
        contactId: id,
        kind: 'other',
        when: 8.64e15,
        summary: long(1_000),
        details: long(50_000),
        debrief: { [long(40, 'q')]: 'no' },
      }),
    ) as { id: number };
    expectOk(await h.send(sidePanel, 'interaction.log', { contactId: id, kind: 'call', when: 0 }));
    expectOk(await h.send(sidePanel, 'interaction.update', { id: logged.id, change: { summary: long(1_000, 's'), details: long(50_000, 'd') } }));
    expectOk(await h.send(sidePanel, 'commitment.add', { contactId: id, text: long(1_000), due: 8.64e15 }));
    // The text is trimmed before its length is checked.
    expectOk(await h.send(sidePanel, 'commitment.add', { contactId: id, text: `  ${long(1_000)}  `, due: 0 }));
    expectOk(await h.send(sidePanel, 'pitch.save', { audience: long(100), text: long(5_000) }));
    expectOk(await h.send(sidePanel, 'pitch.save', { audience: 'x', text: '' }));
    expectOk(
      await h.send(sidePanel, 'settings.update', {
        patch: {
          snoozeMinutes: 5,
          customContactTypes: Array.from({ length: 50 }, () => long(40)),
          cadenceDaysByType: { peer: 1, alumni: 3650 },
          quietHours: { enabled: true, startHour: 0, endHour: 23 },
          weeklyGoals: { newContacts: 0, followUps: 100 },
        },
      }),
    );
    expectOk(await h.send(sidePanel, 'settings.update', { patch: { snoozeMinutes: 60 * 24 * 30 } }));
  });
});

type Outcome = 'allowed' | 'forbidden';

interface SenderCase {
  name: string;
  sender: SenderInfo;
  secret?: string;
  expect: Record<'any' | 'content' | 'extension', Outcome>;
}

const A: Outcome = 'allowed';
const F: Outcome = 'forbidden';

const senderCases: SenderCase[] = [
  { name: 'a content script', sender: contentScript, expect: { any: A, content: A, extension: F } },
  { name: 'the sidebar frame with its tab secret', sender: sidebarFrame, secret: SECRET_7, expect: { any: A, content: F, extension: A } },
  { name: 'the sidebar frame without a secret', sender: sidebarFrame, expect: { any: F, content: F, extension: F } },
  { name: 'the sidebar frame with a wrong secret', sender: sidebarFrame, secret: WRONG_SECRET, expect: { any: F, content: F, extension: F } },
  { name: "the sidebar frame with another tab's secret", sender: sidebarFrame, secret: SECRET_8, expect: { any: F, content: F, extension: F } },
  { name: "a frame in tab 8 with tab 7's secret", sender: sidebarFrame8, secret: SECRET_7, expect: { any: F, content: F, extension: F } },
  { name: 'the side panel', sender: sidePanel, expect: { any: A, content: F, extension: A } },
  { name: 'a top-level extension tab', sender: extensionTab, expect: { any: A, content: F, extension: A } },
  { name: 'another extension', sender: otherExtension, expect: { any: F, content: F, extension: F } },
  { name: "another extension's content script", sender: otherExtensionContent, expect: { any: F, content: F, extension: F } },
  { name: 'another extension with our secret', sender: otherExtension, secret: SECRET_7, expect: { any: F, content: F, extension: F } },
  { name: 'a sender without id', sender: noIdSender, expect: { any: F, content: F, extension: F } },
  { name: 'a content script without tab', sender: tablessContent, expect: { any: F, content: F, extension: F } },
  { name: 'an empty sender', sender: emptySender, expect: { any: F, content: F, extension: F } },
];

const FROM: Record<MessageType, 'any' | 'content' | 'extension'> = {
  ping: 'any',
  'page.register': 'content',
  'page.clear': 'content',
  'senders.lookup': 'content',
  'email.sent': 'content',
  'email.unlog': 'content',
  'email.log': 'extension',
  'sidebar.view': 'extension',
  'contact.get': 'extension',
  'contact.create': 'extension',
  'contact.update': 'extension',
  'companies.targets': 'extension',
  'company.setTarget': 'extension',
  'contact.setNotes': 'extension',
  'contact.card': 'extension',
  'contacts.search': 'extension',
  'interaction.log': 'extension',
  'interaction.update': 'extension',
  'interaction.delete': 'extension',
  'interaction.restore': 'extension',
  'commitment.add': 'extension',
  'commitment.setDone': 'extension',
  'commitment.delete': 'extension',
  'pitch.save': 'extension',
  'pitch.delete': 'extension',
  'pitches.list': 'extension',
  'settings.get': 'extension',
  'settings.update': 'extension',
  'ticklers.list': 'extension',
  'tickler.act': 'extension',
  'import.preview': 'extension',
  'import.apply': 'extension',
  'export.file': 'extension',
  'restore.preview': 'extension',
  'restore.apply': 'extension',
  'manager.list': 'extension',
  'contacts.bulk': 'extension',
  'contacts.bulkRestore': 'extension',
  'contacts.restore': 'extension',
  'updates.list': 'extension',
  'review.weekly': 'extension',
  'backup.status': 'extension',
  'duplicates.list': 'extension',
  'duplicates.dismiss': 'extension',
  'duplicates.compare': 'extension',
  'contacts.merge': 'extension',
  'contacts.unmerge': 'extension',
};

/** Tab 7 (Ada, with a contact) and tab 8 (Bob) registered by their content scripts. */
async function seedTabs(h: Harness) {
  expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: adaContext }));
  expectOk(await h.send(contentScript8, 'page.register', { secret: SECRET_8, context: bobContext }));
  await seedContact(h);
  h.broadcast.mockClear();
}

/** Nothing of the seeded data may leak into a refusal. */
function expectNothingLearnt(answer: unknown) {
  const text = JSON.stringify(answer);
  for (const secret of ['ada', 'Ada', 'Lovelace', 'bob', 'Bob', 'linkedin', 'Analytical', SECRET_7, SECRET_8]) {
    expect(text).not.toContain(secret);
  }
  expect(answer).not.toHaveProperty('data');
}

describe('authorisation', () => {
  it('covers every message type', () => {
    expect(Object.keys(FROM).sort()).toEqual([...MESSAGE_TYPES].sort());
  });

  describe.each(senderCases)('$name', (senderCase) => {
    it.each(MESSAGE_TYPES)('%s', async (type) => {
      const h = createHarness();
      await seedTabs(h);
      // The records the valid payload refers to (contact 1 again is a no-op: same profile).
      await fixtures[type].seed?.(h);
      h.broadcast.mockClear();
      const expected = senderCase.expect[FROM[type]];
      const payload = fixtures[type].payload;
      if (expected === 'forbidden') {
        await expectNoWrites(h, async () => {
          const answer = await h.send(senderCase.sender, type, payload, senderCase.secret);
          expectError(answer, 'forbidden');
          expectNothingLearnt(answer);
        });
      } else {
        expectOk(await h.send(senderCase.sender, type, payload, senderCase.secret));
      }
    });
  });

  it('the declared `from` of each type matches the table above', async () => {
    const { contract } = await import('../../../utils/messages/contract');
    for (const type of MESSAGE_TYPES) expect(contract[type].from, type).toBe(FROM[type]);
  });

  it("an embedded frame with its secret gets its own tab's view", async () => {
    const h = createHarness();
    await seedTabs(h);
    const view = expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7)) as Record<string, unknown>;
    expect(view).toMatchObject({ tabId: 7, context: adaContext, contact: { id: 1, name: 'Ada Lovelace' } });
    const own = expectOk(await h.send(sidebarFrame, 'sidebar.view', { tabId: 7 }, SECRET_7));
    expect(own).toEqual(view);
    const view8 = expectOk(await h.send(sidebarFrame8, 'sidebar.view', {}, SECRET_8));
    expect(view8).toEqual({ tabId: 8, context: bobContext, contact: null, card: null, company: null });
  });

  it('an embedded frame asking for another tab is refused, even with its own secret', async () => {
    const h = createHarness();
    await seedTabs(h);
    await expectNoWrites(h, async () => {
      for (const tabId of [8, 0, 9999]) {
        const answer = await h.send(sidebarFrame, 'sidebar.view', { tabId }, SECRET_7);
        expectError(answer, 'forbidden');
        expectNothingLearnt(answer);
      }
      // With the other tab's secret as well.
      const answer = await h.send(sidebarFrame, 'sidebar.view', { tabId: 8 }, SECRET_8);
      expectError(answer, 'forbidden');
      expectNothingLearnt(answer);
    });
  });

  it('an embedded frame is refused before its tab is registered', async () => {
    const h = createHarness();
    await expectNoWrites(h, async () => {
      expectError(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7), 'forbidden');
      expectError(await h.send(sidebarFrame, 'ping', {}, SECRET_7), 'forbidden');
    });
  });

  it("a frame's secret stops working once its content script registers a new one", async () => {
    const h = createHarness();
    await seedTabs(h);
    const fresh = 'Fresh_secret_for_the_next_mount_000000000';
    expectOk(await h.send(contentScript, 'page.register', { secret: fresh, context: adaContext }));
    expectError(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7), 'forbidden');
    expect(expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, fresh))).toMatchObject({ tabId: 7 });
  });

  it('a top-level extension page may ask for any tab explicitly', async () => {
    const h = createHarness();
    await seedTabs(h);
    expect(expectOk(await h.send(sidePanel, 'sidebar.view', { tabId: 7 }))).toMatchObject({
      tabId: 7,
      context: adaContext,
      contact: { id: 1, linkedinSlug: 'ada-lovelace' },
    });
    expect(expectOk(await h.send(sidePanel, 'sidebar.view', { tabId: 8 }))).toEqual({ tabId: 8, context: bobContext, contact: null, card: null, company: null });
    expect(expectOk(await h.send(extensionTab, 'sidebar.view', { tabId: 8 }))).toEqual({ tabId: 8, context: bobContext, contact: null, card: null, company: null });
    expect(expectOk(await h.send(sidePanel, 'sidebar.view', { tabId: 42 }))).toEqual({ tabId: 42, context: null, contact: null, card: null, company: null });
  });

  it('a top-level extension page must name the tab it asks about', async () => {
    const h = createHarness();
    await seedTabs(h);
    await expectNoWrites(h, async () => {
      expectError(await h.send(sidePanel, 'sidebar.view', {}), 'invalid-request');
      // Its own tab is not implied: an extension page in tab 9 still names the tab.
      expectError(await h.send(extensionTab, 'sidebar.view', {}), 'invalid-request');
    });
  });

  it("a content script only touches its own tab's record", async () => {
    const h = createHarness();
    await seedTabs(h);
    const before = h.area.data.get('tab:7');
    expectOk(await h.send(contentScript8, 'page.clear', { secret: SECRET_8 }));
    expect(h.area.data.get('tab:7')).toEqual(before);
    expect(await h.tabs.get(8)).toMatchObject({ secret: SECRET_8, context: null });
    // A tabId in a content script's payload changes nothing.
    expectOk(await h.send(contentScript8, 'page.register', { secret: SECRET_8, context: bobContext, tabId: 7 }));
    expect(h.area.data.get('tab:7')).toEqual(before);
  });
});

describe('happy paths', () => {
  it('ping answers the worker start and the current time', async () => {
    const h = createHarness();
    expect(expectOk(await h.send(contentScript, 'ping', {}))).toEqual({ workerStartedAt: WORKER_STARTED_AT, now: T0 });
    h.advance(5);
    expect(expectOk(await h.send(sidePanel, 'ping', {}))).toEqual({ workerStartedAt: WORKER_STARTED_AT, now: T0 + 5 });
    expect(h.broadcast).not.toHaveBeenCalled();
  });

  it('page.register then sidebar.view returns the context and no contact', async () => {
    const h = createHarness();
    expect(expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: adaContext }))).toEqual({});
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'tab-context-changed', tabId: 7 }]]);
    expect(await h.tabs.get(7)).toEqual({ secret: SECRET_7, context: adaContext, updatedAt: T0 });
    expect([...h.area.data.keys()]).toEqual(['tab:7']);

    const view = expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7));
    expect(view).toEqual({ tabId: 7, context: adaContext, contact: null, card: null, company: null });
    expect(await h.counts()).toMatchObject({ contacts: 0 });
  });

  it('page.register fills in the context defaults', async () => {
    const h = createHarness();
    const { sources: _s, missing: _m, ...bare } = adaContext;
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: bare }));
    expect((await h.tabs.get(7))?.context).toEqual({ ...bare, sources: {}, missing: [] });
  });

  it('contact.create creates once per LinkedIn profile', async () => {
    const h = createHarness();
    const first = expectOk(await h.send(sidePanel, 'contact.create', { draft: adaDraft })) as {
      contact: Record<string, unknown> & { id: number };
      created: boolean;
    };
    expect(first.created).toBe(true);
    expect(first.contact).toMatchObject({
      ...adaDraft,
      id: expect.any(Number),
      companyKey: 'analytical engines',
      emails: [],
      phones: [],
      tags: [],
      notes: '',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'contacts-changed', ids: [first.contact.id] }]]);

    h.advance(1000);
    const again = expectOk(
      await h.send(sidePanel, 'contact.create', { draft: { ...adaDraft, name: 'A. Lovelace', notes: 'other' } }),
    ) as { contact: Record<string, unknown>; created: boolean };
    expect(again.created).toBe(false);
    expect(again.contact).toEqual(first.contact);
    expect(await h.db.contacts.count()).toBe(1);
    expect(await h.db.contacts.get(first.contact.id)).toMatchObject({ name: 'Ada Lovelace', notes: '', updatedAt: T0 });
    // Nothing changed, so nothing is announced.
    expect(h.broadcast).toHaveBeenCalledTimes(1);
  });

  it('contact.create without a LinkedIn slug always creates, and de-duplicates list fields', async () => {
    const h = createHarness();
    const draft = { name: 'Grace Hopper', emails: ['Grace@Example.com', 'grace@example.com'], tags: ['navy', 'navy', 'cobol'] };
    const a = expectOk(await h.send(sidePanel, 'contact.create', { draft })) as { contact: { id: number; emails: string[]; tags: string[] } };
    const b = expectOk(await h.send(sidePanel, 'contact.create', { draft })) as { contact: { id: number }; created: boolean };
    expect(b.created).toBe(true);
    expect(b.contact.id).not.toBe(a.contact.id);
    expect(a.contact.emails).toEqual(['grace@example.com']);
    expect(a.contact.tags).toEqual(['navy', 'cobol']);
    expect(await h.db.contacts.count()).toBe(2);
  });

  it('sidebar.view returns the contact once it exists', async () => {
    const h = createHarness();
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: adaContext }));
    const created = expectOk(await h.send(sidebarFrame, 'contact.create', { draft: adaDraft }, SECRET_7)) as {
      contact: Record<string, unknown>;
    };
    const view = expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7));
    expect(view).toEqual({
      tabId: 7,
      context: adaContext,
      contact: created.contact,
      // The new contact's card: nothing logged yet, no type (so the 'other' cadence).
      card: {
        contact: created.contact,
        interactions: [],
        commitments: [],
        introducer: null,
        introduced: [],
        allTags: [],
        contactTypes: [...BUILT_IN_CONTACT_TYPES],
        defaultCadenceDays: DEFAULT_CADENCE_DAYS.other,
        pitches: [],
      },
      company: null,
    });
    expect(SidebarView.safeParse(view).success).toBe(true);
  });

  it('contact.get returns the contact, or null', async () => {
    const h = createHarness();
    await seedContact(h);
    expect(expectOk(await h.send(sidePanel, 'contact.get', { id: 1 }))).toMatchObject({ id: 1, name: 'Ada Lovelace' });
    expect(expectOk(await h.send(sidePanel, 'contact.get', { id: 2 }))).toBeNull();
  });

  it('contact.setNotes stores the notes, bumps updatedAt and announces the change', async () => {
    const h = createHarness();
    await seedContact(h);
    h.advance(60_000);
    const updated = expectOk(await h.send(sidePanel, 'contact.setNotes', { id: 1, notes: 'Prefers letters.\nFollow up in May.' }));
    expect(updated).toMatchObject({ id: 1, name: 'Ada Lovelace', notes: 'Prefers letters.\nFollow up in May.', createdAt: T0, updatedAt: T0 + 60_000 });
    expect(await h.db.contacts.get(1)).toEqual(updated);
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'contacts-changed', ids: [1] }]]);
    expect(await h.db.contacts.count()).toBe(1);
  });

  it('contact.setNotes never moves updatedAt backwards', async () => {
    const h = createHarness();
    await seedContact(h);
    h.advance(-5_000);
    const updated = expectOk(await h.send(sidePanel, 'contact.setNotes', { id: 1, notes: 'clock went back' })) as { updatedAt: number };
    expect(updated.updatedAt).toBe(T0);
  });

  it('contact.setNotes on a missing contact is not-found and writes nothing', async () => {
    const h = createHarness();
    await seedContact(h);
    await expectNoWrites(h, async () => {
      const answer = expectError(await h.send(sidePanel, 'contact.setNotes', { id: 99, notes: 'x' }), 'not-found');
      expect(answer.error.message).toContain('99');
    });
  });

  it('page.clear clears the context but keeps the frame secret', async () => {
    const h = createHarness();
    await seedTabs(h);
    h.advance(10);
    expect(expectOk(await h.send(contentScript, 'page.clear', { secret: SECRET_7 }))).toEqual({});
    expect(await h.tabs.get(7)).toEqual({ secret: SECRET_7, context: null, updatedAt: T0 + 10 });
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'tab-context-changed', tabId: 7 }]]);
    expect(expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7))).toEqual({ tabId: 7, context: null, contact: null, card: null, company: null });
    // Tab 8 is untouched.
    expect((await h.tabs.get(8))?.context).toEqual(bobContext);

    // Clearing an already clear tab announces nothing.
    h.broadcast.mockClear();
    expectOk(await h.send(contentScript, 'page.clear', { secret: SECRET_7 }));
    expect(h.broadcast).not.toHaveBeenCalled();
  });

  it('page.clear on a tab never registered stores the secret for the frame to come', async () => {
    const h = createHarness();
    expectOk(await h.send(contentScript, 'page.clear', { secret: SECRET_7 }));
    expect(h.broadcast).not.toHaveBeenCalled();
    expect(expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7))).toEqual({ tabId: 7, context: null, contact: null, card: null, company: null });
  });
});

describe('company pages, contact updates and target employers', () => {
  /** Ada (Analytical Engines, Ltd.) is contact 1; add colleagues and strangers. */
  async function seedPeople(h: Harness) {
    await seedContact(h);
    const drafts = [
      { name: 'Charles Babbage', company: 'ANALYTICAL ENGINES GmbH', title: 'Founder', notes: 'private notes', emails: ['cb@example.com'] },
      { name: 'Mary Somerville', company: 'Analytical Engines' },
      { name: 'Archibald Archived', company: 'Analytical Engines Inc.', archivedAt: T0 - 1 },
      { name: 'Grace Hopper', company: 'US Navy' },
    ];
    for (const draft of drafts) expectOk(await h.send(sidePanel, 'contact.create', { draft }));
    h.broadcast.mockClear();
  }

  const viewOf = async (h: Harness) => {
    const data = expectOk(await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7));
    // The answer is valid under the contract the sidebar validates against.
    expect(SidebarView.safeParse(data).success).toBe(true);
    return data as SidebarView;
  };

  it('sidebar.view on a company page: the key, no record yet, the people you know there, the target count', async () => {
    const h = createHarness();
    await seedPeople(h);
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: enginesContext }));
    expect(await viewOf(h)).toEqual({
      tabId: 7,
      context: enginesContext,
      contact: null,
      card: null,
      company: {
        key: 'analytical engines',
        record: null,
        // Sorted by name, archived people left out, summaries only (no notes, no e-mails).
        people: [
          { id: 1, name: 'Ada Lovelace', headline: 'Analyst of engines', company: 'Analytical Engines, Ltd.' },
          { id: 2, name: 'Charles Babbage', title: 'Founder', company: 'ANALYTICAL ENGINES GmbH' },
          { id: 3, name: 'Mary Somerville', company: 'Analytical Engines' },
        ],
        targetCount: 0,
      },
    });
    expect(JSON.stringify((await viewOf(h)).company)).not.toMatch(/private notes|cb@example\.com|Archibald|Grace/);
  });

  it('sidebar.view on a company page returns the record once it is a target', async () => {
    const h = createHarness();
    await seedPeople(h);
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: enginesContext }));
    expectOk(await h.send(sidePanel, 'company.setTarget', { name: 'Babbage Works', target: true }));
    const record = expectOk(await h.send(sidePanel, 'company.setTarget', { name: 'Analytical Engines Ltd', linkedinSlug: 'analytical-engines', target: true, rank: 1 }));
    const view = await viewOf(h);
    expect(view.company).toMatchObject({ key: 'analytical engines', record, targetCount: 2 });
    expect(view.company!.record).toMatchObject({ name: 'Analytical Engines Ltd', nameKey: 'analytical engines', target: true, targetRank: 1, linkedinSlug: 'analytical-engines' });
    expect(view.company!.people.map((p) => p.name)).toEqual(['Ada Lovelace', 'Charles Babbage', 'Mary Somerville']);
  });

  it('a company page nobody works at, and one whose app has not shown it yet', async () => {
    const h = createHarness();
    await seedPeople(h);
    const other = { ...enginesContext, url: 'https://www.linkedin.com/company/difference-engines/', slug: 'difference-engines', name: 'Difference Engines' };
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: other }));
    expect((await viewOf(h)).company).toEqual({ key: 'difference engines', record: null, people: [], targetCount: 0 });

    const pending = { kind: 'linkedin-company', url: enginesContext.url, slug: enginesContext.slug, ready: false, sources: {}, missing: [] };
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: pending }));
    expect(await viewOf(h)).toEqual({ tabId: 7, context: pending, contact: null, card: null, company: null });
  });

  it('a profile page has no company part, even when the person works somewhere known', async () => {
    const h = createHarness();
    await seedPeople(h);
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: adaContext }));
    expect(await viewOf(h)).toMatchObject({ contact: { id: 1 }, card: { contact: { id: 1 } }, company: null });
  });

  it('contact.update changes exactly the patch, announces contacts-changed, and sidebar.view shows it', async () => {
    const h = createHarness();
    await seedContact(h);
    expectOk(await h.send(sidePanel, 'contact.setNotes', { id: 1, notes: 'Keep these notes.' }));
    h.broadcast.mockClear();
    h.advance(1_000);
    const updated = expectOk(await h.send(sidePanel, 'contact.update', { id: 1, patch: { company: 'Babbage Works', title: 'Analyst' } }));
    expect(updated).toMatchObject({
      id: 1,
      name: 'Ada Lovelace',
      headline: 'Analyst of engines',
      company: 'Babbage Works',
      companyKey: 'babbage works',
      title: 'Analyst',
      notes: 'Keep these notes.',
      createdAt: T0,
      updatedAt: T0 + 1_000,
    });
    expect(await h.db.contacts.get(1)).toEqual(updated);
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'contacts-changed', ids: [1] }]]);

    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: adaContext }));
    expect((await viewOf(h)).contact).toEqual(updated);
  });

  it('contact.update on a missing contact is not-found and writes nothing', async () => {
    const h = createHarness();
    await seedContact(h);
    await expectNoWrites(h, async () => {
      const answer = expectError(await h.send(sidePanel, 'contact.update', { id: 99, patch: { headline: 'x' } }), 'not-found');
      expect(answer.error.message).toContain('99');
    });
  });

  it("contact.update to another contact's LinkedIn profile is invalid-request and writes nothing", async () => {
    const h = createHarness();
    await seedContact(h);
    expectOk(await h.send(sidePanel, 'contact.create', { draft: { name: 'Bob Babbage', linkedinSlug: 'bob-babbage' } }));
    h.broadcast.mockClear();
    await expectNoWrites(h, async () => {
      const answer = expectError(await h.send(sidePanel, 'contact.update', { id: 2, patch: { linkedinSlug: 'ada-lovelace', headline: 'x' } }), 'invalid-request');
      expect(answer.error.message).toContain('Ada Lovelace');
    });
  });

  it('contact.update may not remove the name (the stored record must stay a contact)', async () => {
    const h = createHarness();
    await seedContact(h);
    await expectNoWrites(h, async () => {
      expectError(await h.send(sidePanel, 'contact.update', { id: 1, patch: { name: undefined } }), 'invalid-request', ['name']);
    });
  });

  it('contact.update with name null passes the contract but is refused by the service: invalid-request, nothing written', async () => {
    const h = createHarness();
    await seedContact(h);
    await expectNoWrites(h, async () => {
      // The issue path is the stored record's `name`, not `patch.name`: the contract let null through.
      expectError(await h.send(sidePanel, 'contact.update', { id: 1, patch: { name: null } }), 'invalid-request', ['name'], 'name null');
      const overJson = await h.dispatch(asChromeSends({ rapport: 1, type: 'contact.update', payload: { id: 1, patch: { name: null, headline: 'x' } } }), sidePanel);
      expectError(overJson, 'invalid-request', ['name'], 'name null over JSON');
    });
    expect(await h.db.contacts.get(1)).toMatchObject({ name: 'Ada Lovelace', headline: 'Analyst of engines' });
  });

  describe('contact.update: null clears a field, also after the JSON trip Chrome messaging makes', () => {
    const DAY_MS = 24 * 60 * 60 * 1000;
    /** Ada (1) with a follow-up and an introducer (2, Grace); answers Ada's stored record. */
    async function seedAdaWithEverything(h: Harness) {
      await seedContact(h);
      expectOk(await h.send(sidePanel, 'contact.create', { draft: { name: 'Grace Hopper' } }));
      expectOk(
        await h.send(sidePanel, 'contact.update', {
          id: 1,
          patch: { nextFollowUp: T0 + 7 * DAY_MS, introducedBy: 2, cadenceDays: 30, title: 'Analyst', notes: 'Keep these notes.' },
        }),
      );
      h.broadcast.mockClear();
      const stored = await h.db.contacts.get(1);
      expect(stored).toMatchObject({ nextFollowUp: T0 + 7 * DAY_MS, introducedBy: 2, linkedinSlug: 'ada-lovelace' });
      return stored!;
    }

    it.each([
      ['nextFollowUp', { nextFollowUp: null }],
      ['introducedBy', { introducedBy: null }],
      ['linkedinSlug and linkedinUrl', { linkedinSlug: null, linkedinUrl: null }],
    ])('%s: removed from the stored record, every other field kept', async (_, patch) => {
      const h = createHarness();
      const before = await seedAdaWithEverything(h);
      h.advance(1_000);
      const message = asChromeSends({ rapport: 1, type: 'contact.update', payload: { id: 1, patch } });
      // The nulls survive the trip (undefined would not).
      expect((message as { payload: { patch: unknown } }).payload.patch).toStrictEqual(patch);
      const updated = expectOk(await h.dispatch(message, sidePanel));
      const expected: Record<string, unknown> = { ...before, updatedAt: T0 + 1_000 };
      for (const key of Object.keys(patch)) delete expected[key];
      expect(updated).toStrictEqual(expected);
      expect(await h.db.contacts.get(1)).toStrictEqual(expected);
      for (const key of Object.keys(patch)) expect(await h.db.contacts.get(1), key).not.toHaveProperty(key);
      // The introducer (2) is announced too: before the change, or still, its card lists Ada.
      expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'contacts-changed', ids: [1, 2] }]]);
    });

    it('the cleared LinkedIn profile no longer finds the contact, and the cleared introducer no longer lists it', async () => {
      const h = createHarness();
      await seedAdaWithEverything(h);
      expectOk(await h.send(sidePanel, 'contact.update', { id: 1, patch: { linkedinSlug: null, linkedinUrl: null, introducedBy: null } }));
      expect(await h.db.contacts.where('linkedinSlug').equals('ada-lovelace').count()).toBe(0);
      expect(await h.db.contacts.where('introducedBy').equals(2).count()).toBe(0);
      // Another contact may now take the profile.
      expectOk(await h.send(sidePanel, 'contact.update', { id: 2, patch: { linkedinSlug: 'ada-lovelace' } }));
    });

    it('undefined, by contrast, is dropped by the JSON trip and clears nothing', async () => {
      const h = createHarness();
      const before = await seedAdaWithEverything(h);
      h.advance(1_000);
      const message = asChromeSends({ rapport: 1, type: 'contact.update', payload: { id: 1, patch: { nextFollowUp: undefined } } });
      expect((message as { payload: { patch: unknown } }).payload.patch).toStrictEqual({});
      expect(expectOk(await h.dispatch(message, sidePanel))).toStrictEqual({ ...before, updatedAt: T0 + 1_000 });
    });
  });

  it('settings.update with snoozeMinutes null resets it to the default, after the JSON trip too', async () => {
    const h = createHarness();
    expectOk(await h.send(sidePanel, 'settings.update', { patch: { snoozeMinutes: 30, sidebarHost: 'side-panel' } }));
    h.broadcast.mockClear();
    const message = asChromeSends({ rapport: 1, type: 'settings.update', payload: { patch: { snoozeMinutes: null } } });
    const next = expectOk(await h.dispatch(message, sidePanel));
    expect(next).toMatchObject({ snoozeMinutes: 24 * 60, sidebarHost: 'side-panel' });
    expect(await h.db.settings.get('app')).toMatchObject({ value: { snoozeMinutes: 24 * 60, sidebarHost: 'side-panel' } });
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'settings-changed' }]]);
    // A null setting is not stored as null.
    expect(Object.values((await h.db.settings.get('app'))!.value)).not.toContain(null);
  });

  it('company.setTarget announces companies-changed with the key, and ranks the targets', async () => {
    const h = createHarness();
    const first = expectOk(await h.send(sidePanel, 'company.setTarget', { name: 'Acme, Inc.', target: true }));
    expect(first).toMatchObject({ id: 1, name: 'Acme, Inc.', nameKey: 'acme', target: true, targetRank: 1, notes: '', createdAt: T0, updatedAt: T0 });
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'companies-changed', keys: ['acme'] }]]);

    h.broadcast.mockClear();
    expectOk(await h.send(sidePanel, 'company.setTarget', { name: 'Babbage Works', target: true, rank: 1 }));
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'companies-changed', keys: ['babbage works'] }]]);
    expect((await h.db.companies.orderBy('targetRank').toArray()).map((c) => [c.nameKey, c.targetRank])).toEqual([
      ['babbage works', 1],
      ['acme', 2],
    ]);

    h.broadcast.mockClear();
    const unmarked = expectOk(await h.send(sidePanel, 'company.setTarget', { name: 'ACME GmbH', target: false }));
    expect(unmarked).toMatchObject({ id: 1, name: 'Acme, Inc.', target: false });
    expect(unmarked).not.toHaveProperty('targetRank');
    expect(h.broadcast.mock.calls).toEqual([[{ rapport: 1, event: 'companies-changed', keys: ['acme'] }]]);
    expect(await h.db.companies.count()).toBe(2);
  });

  it('company.setTarget with a name that normalises to nothing is invalid-request and writes nothing', async () => {
    const h = createHarness();
    await expectNoWrites(h, async () => {
      expectError(await h.send(sidePanel, 'company.setTarget', { name: '—!?', target: true }), 'invalid-request');
    });
  });

  it('a failing company store answers internal', async () => {
    const h = createHarness({
      companies: (real) => ({
        ...real,
        targetCount: () => Promise.reject(new Error('IndexedDB gone at /internal')),
      }),
    });
    await seedContact(h);
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: enginesContext }));
    const answer = await h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7);
    expect(answer).toEqual({ ok: false, error: { code: 'internal', message: 'Rapport could not complete this request.' } });
    expect(h.log).toHaveBeenCalledWith('sidebar.view failed', expect.any(Error));
  });
});

describe('unexpected failures', () => {
  const internal = { ok: false, error: { code: 'internal', message: 'Rapport could not complete this request.' } };

  it('a handler throwing an unexpected error answers internal and leaks nothing', async () => {
    const boom = new Error('boom: /home/user/secret/path.ts');
    boom.stack = 'Error: boom\n    at get (/home/user/secret/path.ts:1:1)';
    const h = createHarness({
      contacts: (real) => ({
        ...real,
        get: async () => {
          throw boom;
        },
      }),
    });
    const answer = await h.send(sidePanel, 'contact.get', { id: 1 });
    expect(answer).toEqual(internal);
    expect(JSON.stringify(answer)).not.toMatch(/boom|secret|path\.ts|at get/);
    expect(h.log).toHaveBeenCalledWith('contact.get failed', boom);
  });

  it('a non-Error throw answers internal too', async () => {
    const h = createHarness({
      contacts: (real) => ({
        ...real,
        create: () => Promise.reject('a string rejection with /private/detail'),
      }),
    });
    const answer = await h.send(sidePanel, 'contact.create', { draft: adaDraft });
    expect(answer).toEqual(internal);
    expect(h.broadcast).not.toHaveBeenCalled();
  });

  it('a failing session store answers internal instead of never answering', async () => {
    const area = createSessionArea();
    const h = createHarness({ area });
    expectOk(await h.send(contentScript, 'page.register', { secret: SECRET_7, context: adaContext }));
    area.get = async () => {
      throw new Error('session storage unavailable at /internal');
    };
    // Once while authorising an embedded frame, once inside a handler.
    await expect(h.send(sidebarFrame, 'sidebar.view', {}, SECRET_7)).resolves.toEqual(internal);
    await expect(h.send(sidePanel, 'sidebar.view', { tabId: 7 })).resolves.toEqual(internal);
    expect(h.log).toHaveBeenCalledTimes(2);
  });
});
