import { z } from 'zod';
import {
  contract,
  Envelope,
  type Answer,
  type BroadcastEvent,
  type ErrorAnswer,
  type ErrorCode,
  type MessageType,
  type ParsedRequestOf,
  type ResponseOf,
} from '../messages/contract';
import { companyKey } from '../company-name';
import type { CompanyService } from './companies';
import type { ContactService } from './contacts';
import { RequestError } from './request-error';
import { classifySender, type SenderInfo, type SenderKind } from './sender';
import type { TabContexts } from './tab-contexts';

export interface DispatchDeps {
  contacts: ContactService;
  companies: CompanyService;
  tabs: TabContexts;
  extensionId: string;
  extensionOrigin: string;
  workerStartedAt: number;
  now: () => number;
  broadcast: (event: BroadcastEvent) => void;
  log?: (message: string, error?: unknown) => void;
}

/** The sender as a handler sees it: the tab it acts for, already authorised. */
interface Caller {
  sender: SenderKind;
  tabId?: number;
}

type Handlers = { [T in MessageType]: (request: ParsedRequestOf<T>, caller: Caller) => Promise<ResponseOf<T>> };

const fail = (code: ErrorCode, message: string, issues?: z.core.$ZodIssue[]): ErrorAnswer => ({
  ok: false,
  error: {
    code,
    message,
    ...(issues ? { issues: issues.map((i) => ({ path: i.path.join('.'), message: i.message })) } : {}),
  },
});

function requireTab(caller: Caller): number {
  if (caller.tabId === undefined) throw new RequestError('invalid-request', 'This request needs a tab.');
  return caller.tabId;
}

function createHandlers(deps: DispatchDeps): Handlers {
  const { contacts, companies, tabs } = deps;

  async function companyView(name: string | undefined) {
    const key = companyKey(name);
    if (!key) return null;
    const [record, people, targetCount] = await Promise.all([
      companies.byKey(key),
      contacts.atCompany(key),
      companies.targetCount(),
    ]);
    const summaries = people.map(({ id, name, headline, title, company }) => ({ id, name, headline, title, company }));
    return { key, record: record ?? null, people: summaries, targetCount };
  }

  return {
    async ping() {
      return { workerStartedAt: deps.workerStartedAt, now: deps.now() };
    },

    async 'page.register'({ secret, context }, caller) {
      const tabId = requireTab(caller);
      await tabs.set(tabId, { secret, context, updatedAt: deps.now() });
      deps.broadcast({ rapport: 1, event: 'tab-context-changed', tabId });
      return {};
    },

    async 'page.clear'({ secret }, caller) {
      const tabId = requireTab(caller);
      const record = await tabs.get(tabId);
      // Keep the secret: the same content script may mount its frame again on the next profile.
      await tabs.set(tabId, { secret, context: null, updatedAt: deps.now() });
      if (record?.context) deps.broadcast({ rapport: 1, event: 'tab-context-changed', tabId });
      return {};
    },

    async 'sidebar.view'(_request, caller) {
      const tabId = requireTab(caller);
      const context = (await tabs.get(tabId))?.context ?? null;
      const contact = context?.kind === 'linkedin-profile' ? await contacts.findBySlug(context.slug) : undefined;
      const company = context?.kind === 'linkedin-company' && context.ready ? await companyView(context.name) : null;
      return { tabId, context, contact: contact ?? null, company };
    },

    async 'contact.get'({ id }) {
      return (await contacts.get(id)) ?? null;
    },

    async 'contact.create'({ draft }) {
      const result = await contacts.create(draft);
      if (result.created) deps.broadcast({ rapport: 1, event: 'contacts-changed', ids: [result.contact.id] });
      return result;
    },

    async 'contact.update'({ id, patch }) {
      const contact = await contacts.update(id, patch);
      deps.broadcast({ rapport: 1, event: 'contacts-changed', ids: [id] });
      return contact;
    },

    async 'company.setTarget'(request) {
      const company = await companies.setTarget(request);
      deps.broadcast({ rapport: 1, event: 'companies-changed', keys: [company.nameKey] });
      return company;
    },

    async 'contact.setNotes'({ id, notes }) {
      const contact = await contacts.setNotes(id, notes);
      deps.broadcast({ rapport: 1, event: 'contacts-changed', ids: [id] });
      return contact;
    },
  };
}

/**
 * Validates, authorises and routes every message the worker receives. An invalid or
 * unauthorised message gets a typed error answer and writes nothing.
 */
export function createDispatcher(deps: DispatchDeps) {
  const handlers = createHandlers(deps);

  /** Resolves the tab a caller acts for, or refuses. */
  async function authorise(
    type: MessageType,
    envelope: Envelope,
    sender: SenderKind,
    payload: unknown,
  ): Promise<Caller | ErrorAnswer> {
    const { from } = contract[type];
    switch (sender.kind) {
      case 'unknown':
        return fail('forbidden', 'Unknown sender.');
      case 'content':
        if (from === 'extension') return fail('forbidden', `${type} is not available to content scripts.`);
        return { sender, tabId: sender.tabId };
      case 'embedded-page': {
        if (from === 'content') return fail('forbidden', `${type} is only for content scripts.`);
        // A frame inside a web page may have been embedded by that page: it must present the
        // secret the tab's content script registered for the frame it mounted.
        const record = await deps.tabs.get(sender.tabId);
        if (!envelope.secret || !record || record.secret !== envelope.secret) {
          return fail('forbidden', 'This frame was not opened by Rapport.');
        }
        const asked = (payload as { tabId?: unknown } | null)?.tabId;
        if (asked !== undefined && asked !== sender.tabId) return fail('forbidden', 'A frame may only ask for its own tab.');
        return { sender, tabId: sender.tabId };
      }
      case 'extension-page': {
        if (from === 'content') return fail('forbidden', `${type} is only for content scripts.`);
        const asked = (payload as { tabId?: unknown } | null)?.tabId;
        return { sender, tabId: typeof asked === 'number' ? asked : undefined };
      }
    }
  }

  return async function dispatch(message: unknown, senderInfo: SenderInfo): Promise<Answer<MessageType>> {
    const envelope = Envelope.safeParse(message);
    if (!envelope.success) return fail('invalid-request', 'Not a Rapport message.', envelope.error.issues);
    const { type, payload } = envelope.data;
    if (!Object.hasOwn(contract, type)) return fail('unknown-type', `Unknown message type "${type}".`);
    const messageType = type as MessageType;

    // Everything from here may touch storage (authorising an embedded frame reads its tab's
    // record): any failure must still become an answer, or the caller would wait forever.
    try {
      const sender = classifySender(senderInfo, deps.extensionId, deps.extensionOrigin);
      const caller = await authorise(messageType, envelope.data, sender, payload);
      if ('ok' in caller) return caller;

      const request = contract[messageType].request.safeParse(payload);
      if (!request.success) return fail('invalid-request', `Invalid ${type} request.`, request.error.issues);

      const handler = handlers[messageType] as (r: unknown, c: Caller) => Promise<unknown>;
      const data = await handler(request.data, caller);
      return { ok: true, data } as Answer<MessageType>;
    } catch (error) {
      if (error instanceof RequestError) return fail(error.code, error.message);
      if (error instanceof z.ZodError) return fail('invalid-request', `Invalid ${type} request.`, error.issues);
      deps.log?.(`${type} failed`, error);
      return fail('internal', 'Rapport could not complete this request.');
    }
  };
}
export type Dispatch = ReturnType<typeof createDispatcher>;
