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
import { BUILT_IN_CONTACT_TYPES, type Contact } from '../model/contact';
import type { Settings } from '../model/settings';
import type { BulkService } from './bulk';
import type { MergeService } from './merge';
import type { CommitmentService } from './commitments';
import type { CompanyService } from './companies';
import type { ContactService } from './contacts';
import type { InteractionService } from './interactions';
import type { MailService } from './mail';
import type { ManagerService } from './manager';
import type { PitchService } from './pitches';
import type { BackupReminder } from './backup-reminder';
import type { ReviewService } from './review';
import type { SettingsService } from './settings';
import { RequestError } from './request-error';
import { classifySender, type SenderInfo, type SenderKind } from './sender';
import type { TabContexts } from './tab-contexts';
import type { Ticklers } from './ticklers';
import type { TransferService } from './transfer';
import { createProgressReporter, silentProgress } from './transfer-progress';

export interface DispatchDeps {
  contacts: ContactService;
  companies: CompanyService;
  interactions: InteractionService;
  mail: MailService;
  /**
   * The manager page's list (cached in memory). The dispatcher invalidates it on every
   * `contacts-changed` it broadcasts; other broadcasters (the ticklers) must do the same.
   */
  manager?: ManagerService;
  commitments: CommitmentService;
  pitches: PitchService;
  settings: SettingsService;
  tabs: TabContexts;
  /** The follow-up reminders: listing what is due and acting on it. */
  ticklers: Pick<Ticklers, 'list' | 'actAndWake'>;
  extensionId: string;
  extensionOrigin: string;
  workerStartedAt: number;
  now: () => number;
  broadcast: (event: BroadcastEvent) => void;
  /**
   * Called after every write that can change what is due (contacts, interactions,
   * commitments, settings): the ticklers recompute. Must not rely on the worker living on.
   */
  afterWrite?: () => void;
  /** Mirrors what content scripts need of the settings (which host shows the sidebar). */
  onSettingsChanged?: (settings: Settings) => void;
  /** Import, export and restore (the manager page). */
  transfer?: TransferService;
  /** Bulk actions on the manager's selection, and their undo. */
  bulk?: BulkService;
  /** Duplicate suggestions, merging two contacts, and its undo. */
  merge?: MergeService;
  /** The manager's weekly review. */
  review?: ReviewService;
  /** The weekly backup reminder: told when a JSON backup is exported; says when the last one was. */
  backup?: Pick<BackupReminder, 'recordBackup' | 'status'>;
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

/** A file's bytes as the page sent them (base64: Chrome's messaging is JSON). */
function fromBase64(data: string): Uint8Array {
  let binary: string;
  try {
    binary = atob(data);
  } catch {
    throw new RequestError('invalid-request', 'The file data is not valid base64.');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function requireTab(caller: Caller): number {
  if (caller.tabId === undefined) throw new RequestError('invalid-request', 'This request needs a tab.');
  return caller.tabId;
}

function createHandlers(deps: DispatchDeps): Handlers {
  const { contacts, companies, interactions, commitments, pitches, settings, tabs } = deps;
  const summary = ({ id, name, headline, title, company }: Contact) => ({ id, name, headline, title, company });
  const changed = (...ids: number[]) => deps.broadcast({ rapport: 1, event: 'contacts-changed', ids: [...new Set(ids)] });
  const bulk = () => {
    if (!deps.bulk) throw new RequestError('internal', 'Bulk actions are not available.');
    return deps.bulk;
  };
  const merger = () => {
    if (!deps.merge) throw new RequestError('internal', 'Merging is not available.');
    return deps.merge;
  };
  const transfer = () => {
    if (!deps.transfer) throw new RequestError('internal', 'Import and export are not available.');
    return deps.transfer;
  };
  /** The page that gave a job id hears how far its import or restore has got. */
  const progressOf = (job: string | undefined) =>
    job === undefined
      ? silentProgress
      : createProgressReporter(job, (p) => deps.broadcast({ rapport: 1, event: 'transfer-progress', ...p }), deps.now);

  async function card(contact: Contact) {
    const [log, promises, introducer, introduced, allTags, typesInUse, prefs, pitchList] = await Promise.all([
      interactions.forContact(contact.id),
      commitments.forContact(contact.id),
      contact.introducedBy ? contacts.get(contact.introducedBy) : undefined,
      contacts.introducedBy(contact.id),
      contacts.allTags(),
      contacts.typesInUse(),
      settings.get(),
      pitches.list(),
    ]);
    const byType = prefs.cadenceDaysByType;
    // Own keys only: a custom type may be any label, "constructor" included.
    const cadenceOf = (type: string) => (Object.hasOwn(byType, type) ? byType[type] : undefined);
    return {
      contact,
      interactions: log,
      commitments: promises,
      introducer: introducer ? summary(introducer) : null,
      introduced: introduced.map(summary),
      allTags,
      contactTypes: [...new Set([...BUILT_IN_CONTACT_TYPES, ...prefs.customContactTypes, ...typesInUse])],
      defaultCadenceDays: cadenceOf(contact.type ?? 'other') ?? cadenceOf('other') ?? 365,
      pitches: pitchList,
    };
  }

  async function companyView(name: string | undefined) {
    const key = companyKey(name);
    if (!key) return null;
    const [record, people, targetCount] = await Promise.all([
      companies.byKey(key),
      contacts.atCompany(key),
      companies.targetCount(),
    ]);
    const summaries = people.map(summary);
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
      if (context?.kind === 'mail-person') {
        const found = await deps.mail.findPerson(context);
        const contact = found?.contact ?? null;
        return {
          tabId,
          context,
          contact,
          card: contact ? await card(contact) : null,
          company: null,
          ...(found ? { match: found.match } : {}),
        };
      }
      const contact = context?.kind === 'linkedin-profile' ? await contacts.findBySlug(context.slug) : undefined;
      const company = context?.kind === 'linkedin-company' && context.ready ? await companyView(context.name) : null;
      return { tabId, context, contact: contact ?? null, card: contact ? await card(contact) : null, company };
    },

    async 'contact.get'({ id }) {
      return (await contacts.get(id)) ?? null;
    },

    async 'contact.create'({ draft }) {
      const result = await contacts.create(draft);
      if (result.created) changed(result.contact.id, ...(result.contact.introducedBy ? [result.contact.introducedBy] : []));
      return result;
    },

    async 'contact.update'({ id, patch }) {
      const before = await contacts.get(id);
      const contact = await contacts.update(id, patch);
      // Introductions are shown on both cards: tell the old and the new introducer too.
      const introducers = [before?.introducedBy, contact.introducedBy].filter((x): x is number => x !== undefined);
      changed(id, ...introducers);
      return contact;
    },

    async 'companies.targets'() {
      return companies.targets();
    },

    async 'company.setTarget'(request) {
      const company = await companies.setTarget(request);
      deps.broadcast({ rapport: 1, event: 'companies-changed', keys: [company.nameKey] });
      return company;
    },

    async 'contact.setNotes'({ id, notes }) {
      const contact = await contacts.setNotes(id, notes);
      changed(id);
      return contact;
    },

    async 'contact.card'({ id }) {
      const contact = await contacts.get(id);
      return contact ? card(contact) : null;
    },

    async 'contacts.search'({ query, limit }) {
      return (await contacts.search(query, limit)).map(summary);
    },

    async 'interaction.log'(input) {
      const { interaction } = await interactions.log({ ...input, source: 'manual' });
      changed(interaction.contactId);
      return interaction;
    },

    async 'senders.lookup'({ emails, names }) {
      // Measured by the benchmark in the worker itself (a mark in the worker's own timeline).
      const started = performance.now();
      const answer = await deps.mail.lookup(emails, names);
      performance.measure('rapport:senders.lookup', { start: started, end: performance.now() });
      return answer;
    },

    async 'email.log'({ contactId, site, message }) {
      const result = await deps.mail.logMessage(contactId, site, message);
      if (result.created) changed(contactId);
      return result;
    },

    async 'email.sent'(request) {
      const logged = await deps.mail.logSent(request);
      const fresh = logged.filter((l) => l.created);
      if (fresh.length) changed(...fresh.map((l) => l.contact.id));
      return {
        logged: logged.map(({ interaction, contact }) => ({ interactionId: interaction.id, contactId: contact.id, name: contact.name })),
      };
    },

    async 'email.unlog'({ site, sendId }) {
      const removed = await deps.mail.unlogSent(site, sendId);
      if (removed.length) changed(...removed.map((i) => i.contactId));
      return { removed: removed.length };
    },

    async 'interaction.update'({ id, change }) {
      const interaction = await interactions.update(id, change);
      changed(interaction.contactId);
      return interaction;
    },

    async 'interaction.delete'({ id }) {
      const interaction = await interactions.remove(id);
      changed(interaction.contactId);
      return interaction;
    },

    async 'interaction.restore'({ interaction }) {
      const restored = await interactions.restore(interaction);
      changed(restored.contactId);
      return restored;
    },

    async 'commitment.add'({ contactId, text, due }) {
      const reminder = await commitments.add(contactId, text, due);
      changed(contactId);
      return reminder;
    },

    async 'commitment.setDone'({ id, done }) {
      const reminder = await commitments.setDone(id, done);
      if (reminder.contactId) changed(reminder.contactId);
      return reminder;
    },

    async 'commitment.delete'({ id }) {
      const reminder = await commitments.remove(id);
      if (reminder.contactId) changed(reminder.contactId);
      return reminder;
    },

    async 'pitch.save'(input) {
      const pitch = await pitches.save(input);
      deps.broadcast({ rapport: 1, event: 'pitches-changed' });
      return pitch;
    },

    async 'pitch.delete'({ id }) {
      const pitch = await pitches.remove(id);
      deps.broadcast({ rapport: 1, event: 'pitches-changed' });
      return pitch;
    },

    async 'pitches.list'() {
      return pitches.list();
    },

    async 'ticklers.list'({ contactId }) {
      return deps.ticklers.list({ contactId });
    },

    async 'tickler.act'({ key, action }) {
      const acted = await deps.ticklers.actAndWake([key], action);
      return { acted: acted.includes(key) };
    },

    async 'settings.get'() {
      return settings.get();
    },

    async 'settings.update'({ patch }) {
      const next = await settings.update(patch);
      deps.onSettingsChanged?.(next);
      deps.broadcast({ rapport: 1, event: 'settings-changed' });
      return next;
    },

    async 'import.preview'({ fileName, data, mapping, job }) {
      return transfer().previewImport(fileName, fromBase64(data), mapping, progressOf(job));
    },

    async 'import.apply'({ fileName, data, mapping, planHash, acceptOffered, job }) {
      const result = await transfer().applyImport(fileName, fromBase64(data), mapping, planHash, { acceptOffered }, progressOf(job));
      if (result.created.length || result.updated.length) changed(...result.created, ...result.updated);
      return result;
    },

    async 'export.file'({ format }) {
      const service = transfer();
      const day = new Date(deps.now()).toISOString().slice(0, 10);
      switch (format) {
        case 'backup-json': {
          const text = await service.exportBackup();
          // For the backup reminder ("last backup 3 days ago"); failing to note it must not cost the backup.
          await deps.backup?.recordBackup().catch((error: unknown) => deps.log?.('could not record the backup time', error));
          return { fileName: `rapport-backup-${day}.json`, mimeType: 'application/json', text };
        }
        case 'contacts-csv':
          return { fileName: `rapport-contacts-${day}.csv`, mimeType: 'text/csv;charset=utf-8', text: await service.exportContactsCsv() };
        case 'interactions-csv':
          return {
            fileName: `rapport-interactions-${day}.csv`,
            mimeType: 'text/csv;charset=utf-8',
            text: await service.exportInteractionsCsv(),
          };
        case 'vcard':
          return { fileName: `rapport-contacts-${day}.vcf`, mimeType: 'text/vcard;charset=utf-8', text: await service.exportVcard() };
      }
    },

    async 'restore.preview'({ backupText, job }) {
      return transfer().previewRestore(backupText, progressOf(job));
    },

    async 'restore.apply'({ backupText, planHash, overwriteConflicts, job }) {
      const result = await transfer().applyRestore(backupText, planHash, { overwriteConflicts }, progressOf(job));
      if (result.contactIds.length) changed(...result.contactIds);
      if (result.companyKeys.length) deps.broadcast({ rapport: 1, event: 'companies-changed', keys: result.companyKeys });
      if (result.tables.includes('pitches')) deps.broadcast({ rapport: 1, event: 'pitches-changed' });
      if (result.tables.includes('settings')) {
        deps.onSettingsChanged?.(await settings.get());
        deps.broadcast({ rapport: 1, event: 'settings-changed' });
      }
      return result;
    },

    async 'manager.list'(request) {
      if (!deps.manager) throw new RequestError('internal', 'The contact list is not available.');
      return deps.manager.list(request);
    },

    // Bulk actions broadcast every affected id (not an empty "everything" list): open cards
    // match their own id in it; the manager's cache drops itself beyond 500 ids.
    async 'contacts.bulk'({ ids, action }) {
      const result = await bulk().bulk(ids, action);
      if (result.affected) changed(...ids);
      return result;
    },

    async 'contacts.bulkRestore'({ undo }) {
      const restored = await bulk().bulkRestore(undo);
      if (restored.length) changed(...restored);
      return { restored: restored.length };
    },

    async 'contacts.restore'({ undo }) {
      const restored = await bulk().restore(undo);
      changed(...restored);
      return { restored: restored.length };
    },

    async 'updates.list'({ limit }) {
      return bulk().updates(limit);
    },

    async 'duplicates.list'() {
      return merger().list();
    },

    async 'duplicates.dismiss'({ ids, dismissed }) {
      return { dismissed: await merger().dismiss(ids[0], ids[1], dismissed) };
    },

    async 'duplicates.compare'({ ids }) {
      return merger().compare(ids[0], ids[1]);
    },

    // Both ids, and everyone whose card names either (introductions), hear of a merge.
    async 'contacts.merge'({ keepId, mergeId, picks }) {
      const result = await merger().merge(keepId, mergeId, picks);
      const { keep, merge } = result.undo;
      const introducers = [keep.introducedBy, merge.introducedBy, result.contact.introducedBy].filter((x): x is number => x !== undefined);
      changed(keepId, mergeId, ...result.undo.introduced.map((c) => c.id), ...introducers);
      return result;
    },

    async 'contacts.unmerge'({ undo }) {
      const restored = await merger().unmerge(undo);
      const introducers = [undo.keep.introducedBy, undo.merge.introducedBy].filter((x): x is number => x !== undefined);
      changed(...restored, ...introducers);
      return { restored };
    },

    async 'review.weekly'({ weeks }) {
      if (!deps.review) throw new RequestError('internal', 'The weekly review is not available.');
      return deps.review.weekly({ weeks });
    },

    async 'backup.status'() {
      if (!deps.backup) throw new RequestError('internal', 'The backup status is not available.');
      return deps.backup.status();
    },
  };
}

/** The requests whose writes can change what reminders are due (the ticklers recompute after them). */
export const TICKLER_WRITES: ReadonlySet<MessageType> = new Set<MessageType>([
  'contact.create',
  'contact.update',
  'interaction.log',
  'email.log',
  'email.sent',
  'email.unlog',
  'interaction.update',
  'interaction.delete',
  'interaction.restore',
  'commitment.add',
  'commitment.setDone',
  'commitment.delete',
  'settings.update',
  'import.apply',
  'restore.apply',
  'contacts.bulk',
  'contacts.bulkRestore',
  'contacts.restore',
  'contacts.merge',
  'contacts.unmerge',
]);

/**
 * Validates, authorises and routes every message the worker receives. An invalid or
 * unauthorised message gets a typed error answer and writes nothing.
 */
export function createDispatcher(deps: DispatchDeps) {
  // Every change to contacts makes the manager's cached list stale.
  const handlers = createHandlers({
    ...deps,
    broadcast(event) {
      if (event.event === 'contacts-changed') deps.manager?.invalidate(event.ids);
      deps.broadcast(event);
    },
  });

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
      if (TICKLER_WRITES.has(messageType)) {
        try {
          deps.afterWrite?.();
        } catch (error) {
          deps.log?.('afterWrite failed', error);
        }
      }
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
