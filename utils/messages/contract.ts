import { z } from 'zod';
import { Id } from '../model/common';
import { BulkAction, BulkIds, BulkResult, DeleteUndo, FieldUndo, UpdateGroup } from '../model/bulk';
import { Company } from '../model/company';
import { Contact, ContactDraft, ContactPatch, ContactSummary } from '../model/contact';
import { DuplicateList, MergeComparison, MergePicks, MergeResult, MergeUndo } from '../model/duplicates';
import { Interaction, InteractionKind } from '../model/interaction';
import { ManagerList, ManagerListRequest } from '../model/manager';
import { MailMessage, MailSite, PageContext } from '../model/page-context';
import { Pitch } from '../model/pitch';
import { Reminder, ReminderReason } from '../model/reminder';
import { BackupStatus, ReviewRequest, WeeklyReview } from '../model/review';
import { Settings, SettingsPatch } from '../model/settings';
import {
  BackupText,
  ExportFile,
  ExportFormat,
  ImportFileRequest,
  ImportPreview,
  ImportResult,
  PlanHash,
  RestorePreview,
  RestoreResult,
  JobId,
  TransferProgress,
} from './transfer-schemas';

/**
 * The one declaration of every message that crosses a context boundary.
 *
 * `from` says who may send it:
 * - `content`: a content script on an annotated site (its tab is the sender's tab);
 * - `extension`: an extension page — the sidebar frame, the side panel, a standalone tab.
 *   A page embedded in a web page's tab must present that tab's frame secret.
 */
const declare = <Req extends z.ZodType, Res extends z.ZodType>(d: {
  from: 'content' | 'extension' | 'any';
  request: Req;
  response: Res;
}) => d;

/** A per-mount secret: created by the content script, registered with the worker, handed to its frame. */
export const FrameSecret = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/, 'not a frame secret');

/** A company page's card: the company, if recorded, and the people you know there. */
export const CompanyView = z.object({
  key: z.string(),
  record: Company.nullable(),
  people: z.array(ContactSummary),
  /** How many target employers the user has ranked (for the rank picker). */
  targetCount: z.number().int().min(0),
});
export type CompanyView = z.infer<typeof CompanyView>;

/** A target employer on the settings page: its rank (1 = most wanted) and how many contacts you have there. */
export const TargetCompany = z.object({
  name: z.string(),
  key: z.string(),
  rank: z.number().int().min(1),
  contacts: z.number().int().min(0),
});
export type TargetCompany = z.infer<typeof TargetCompany>;

/** Everything the sidebar's card shows about one contact, in one answer. */
export const CardData = z.object({
  contact: Contact,
  /** Newest first. */
  interactions: z.array(Interaction),
  /** Promises made to this contact, open ones first. */
  commitments: z.array(Reminder),
  introducer: ContactSummary.nullable(),
  /** People this contact introduced the user to. */
  introduced: z.array(ContactSummary),
  /** Every tag in use, for autocomplete. */
  allTags: z.array(z.string()),
  /** Built-in types, the user's own, and any in use. */
  contactTypes: z.array(z.string()),
  /** The keep-in-touch cadence that applies when the contact has none of its own. */
  defaultCadenceDays: z.number().int().positive(),
  pitches: z.array(Pitch),
});
export type CardData = z.infer<typeof CardData>;

const Timestamp = z.number().int().min(0).max(8.64e15);
const Summary = z.string().max(1_000);
const Debrief = Interaction.shape.debrief;

export const SidebarView = z.object({
  /** The tab the view is about, so the sidebar can pick its own broadcasts. */
  tabId: z.number().int(),
  context: PageContext.nullable(),
  contact: Contact.nullable(),
  /** The card of `contact`, in the same answer so a known person's card opens at once. */
  card: CardData.nullable(),
  company: CompanyView.nullable(),
  /** How `contact` was found for a mail page's person: by address, or by display name only (weaker). */
  match: z.enum(['email', 'name']).optional(),
});
export type SidebarView = z.infer<typeof SidebarView>;

/** A reminder due now (or overdue), as the popup and the contact page list it. */
export const DueItem = z.object({
  /** Stable key for acting on it: `cadence:<id>`, `follow-up:<id>`, `reminder:<id>`. */
  key: z.string(),
  contactId: Id.optional(),
  contactName: z.string().optional(),
  /** The contact's LinkedIn profile, when known (what "Open" opens first). */
  linkedinUrl: z.string().optional(),
  reason: ReminderReason,
  text: z.string(),
  due: z.number(),
});
export type DueItem = z.infer<typeof DueItem>;

const GoalProgress = z.object({ done: z.number().int().min(0), goal: z.number().int().min(0) });

export const TicklerList = z.object({
  /** Due and overdue, earliest first. */
  items: z.array(DueItem),
  /** This week's progress (the week starts Monday 00:00 local time). */
  goals: z.object({ weekStart: z.number(), newContacts: GoalProgress, conversations: GoalProgress, followUps: GoalProgress }),
});
export type TicklerList = z.infer<typeof TicklerList>;

/** What a mail list's badge shows about one sender who is a contact. */
export const SenderMatch = z.object({
  contactId: Id,
  name: z.string(),
  lastContacted: Timestamp.optional(),
  nextFollowUp: Timestamp.optional(),
  /** `name`: found by display name only — a weaker match, and said so in the badge. */
  match: z.enum(['email', 'name']),
  /** Several contacts share this display name (the most recently contacted is shown). */
  ambiguous: z.boolean().optional(),
});
export type SenderMatch = z.infer<typeof SenderMatch>;

/** A mail page's sending ids are made by the content script, one per message sent. */
const SendId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'not a send id');

/** Two different contacts (a duplicate pair). */
const TwoContacts = z.tuple([Id, Id]).refine(([a, b]) => a !== b, 'a pair needs two different contacts');

/** An item key as the scheduler makes them. */
export const TicklerKey = z.string().max(64).regex(/^(cadence|follow-up|reminder):[1-9]\d{0,15}$/, 'not a reminder key');
export const TicklerAction = z.enum(['done', 'snooze', 'dismiss']);

export const contract = {
  /** Liveness and worker-start detection. */
  ping: declare({
    from: 'any',
    request: z.object({}),
    response: z.object({ workerStartedAt: z.number(), now: z.number() }),
  }),
  /** The content script says who its tab's page is about (or that it is not about anyone). */
  'page.register': declare({
    from: 'content',
    request: z.object({ secret: FrameSecret, context: PageContext }),
    response: z.object({}),
  }),
  'page.clear': declare({
    from: 'content',
    request: z.object({ secret: FrameSecret }),
    response: z.object({}),
  }),
  /** The sidebar asks what its tab is about, and the matching contact. */
  /**
   * The senders of a mail list's rows, all at once (one message per burst of new rows). Answers
   * in request order: a match or null for each address and each display name.
   */
  'senders.lookup': declare({
    from: 'content',
    request: z.object({
      emails: z.array(z.string().max(320)).max(2_000),
      names: z.array(z.string().max(200)).max(2_000),
    }),
    response: z.object({ emails: z.array(SenderMatch.nullable()), names: z.array(SenderMatch.nullable()) }),
  }),
  /**
   * The user sent a message from a mail page. With auto-log on (off by default) it is logged
   * for every recipient who is a contact; `logged` says for whom, so the page can offer undo.
   */
  'email.sent': declare({
    from: 'content',
    request: z.object({
      site: MailSite,
      sendId: SendId,
      subject: z.string().max(1_000),
      recipients: z
        .array(z.object({ email: z.string().max(320), name: z.string().max(200).optional() }))
        .min(1)
        .max(200),
    }),
    response: z.object({
      logged: z.array(z.object({ interactionId: Id, contactId: Id, name: z.string() })),
    }),
  }),
  /** Undo of an auto-log, from the page's toast: only recent auto-logged sends can be removed. */
  'email.unlog': declare({
    from: 'content',
    request: z.object({ site: MailSite, sendId: SendId }),
    response: z.object({ removed: z.number().int().min(0) }),
  }),
  'sidebar.view': declare({
    from: 'extension',
    // tabId only from tab-less extension pages (the native side panel).
    request: z.object({ tabId: z.number().int().min(0).optional() }),
    response: SidebarView,
  }),
  'contact.get': declare({
    from: 'extension',
    request: z.object({ id: Id }),
    response: Contact.nullable(),
  }),
  /** Create a contact; for a LinkedIn profile already in the store, the existing contact is returned. */
  'contact.create': declare({
    from: 'extension',
    request: z.object({ draft: ContactDraft }),
    response: z.object({ contact: Contact, created: z.boolean() }),
  }),
  /** Changes exactly the fields given (the sidebar's "Update from page" never sends notes). */
  'contact.update': declare({
    from: 'extension',
    request: z.object({ id: Id, patch: ContactPatch }),
    response: Contact,
  }),
  /** The ranked target employers, best first, with how many contacts you have at each (the settings page). */
  'companies.targets': declare({
    from: 'extension',
    request: z.object({}),
    response: z.array(TargetCompany),
  }),
  /** Marks (or unmarks) a target employer, at a rank among the targets. */
  'company.setTarget': declare({
    from: 'extension',
    request: z.object({
      name: z.string().trim().min(1).max(200),
      linkedinSlug: z.string().trim().min(1).max(150).optional(),
      target: z.boolean(),
      rank: z.number().int().min(1).max(1000).optional(),
    }),
    response: Company,
  }),
  'contact.setNotes': declare({
    from: 'extension',
    request: z.object({ id: Id, notes: z.string().max(200_000) }),
    response: Contact,
  }),
  'contact.card': declare({
    from: 'extension',
    request: z.object({ id: Id }),
    response: CardData.nullable(),
  }),
  /** Contacts whose name matches, for the "introduced by" picker. */
  'contacts.search': declare({
    from: 'extension',
    request: z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(50).default(8) }),
    response: z.array(ContactSummary),
  }),
  'interaction.log': declare({
    from: 'extension',
    request: z.object({
      contactId: Id,
      kind: InteractionKind,
      when: Timestamp,
      summary: Summary.default(''),
      details: z.string().max(50_000).optional(),
      debrief: Debrief,
    }),
    response: Interaction,
  }),
  /** "Log this e-mail": once per message and contact (a second time answers the first log). */
  'email.log': declare({
    from: 'extension',
    request: z.object({ contactId: Id, site: MailSite, message: MailMessage }),
    response: z.object({ interaction: Interaction, created: z.boolean() }),
  }),
  'interaction.update': declare({
    from: 'extension',
    request: z.object({
      id: Id,
      change: z
        .object({
          kind: InteractionKind.optional(),
          when: Timestamp.optional(),
          summary: Summary.optional(),
          details: z.string().max(50_000).optional(),
          debrief: Debrief,
        })
        .strict(),
    }),
    response: Interaction,
  }),
  /** Deletes and answers the deleted interaction, which `interaction.restore` puts back (undo). */
  'interaction.delete': declare({
    from: 'extension',
    request: z.object({ id: Id }),
    response: Interaction,
  }),
  'interaction.restore': declare({
    from: 'extension',
    request: z.object({ interaction: Interaction }),
    response: Interaction,
  }),
  'commitment.add': declare({
    from: 'extension',
    request: z.object({ contactId: Id, text: z.string().trim().min(1).max(1_000), due: Timestamp }),
    response: Reminder,
  }),
  'commitment.setDone': declare({
    from: 'extension',
    request: z.object({ id: Id, done: z.boolean() }),
    response: Reminder,
  }),
  'commitment.delete': declare({
    from: 'extension',
    request: z.object({ id: Id }),
    response: Reminder,
  }),
  'pitch.save': declare({
    from: 'extension',
    request: z.object({ id: Id.optional(), audience: z.string().trim().min(1).max(100), text: z.string().max(5_000) }),
    response: Pitch,
  }),
  'pitch.delete': declare({
    from: 'extension',
    request: z.object({ id: Id }),
    response: Pitch,
  }),
  /** Every elevator pitch (the settings page). */
  'pitches.list': declare({
    from: 'extension',
    request: z.object({}),
    response: z.array(Pitch),
  }),
  /** The reminders due now (all, or one contact's) and this week's goal progress. */
  'ticklers.list': declare({
    from: 'extension',
    request: z.object({ contactId: Id.optional() }),
    response: TicklerList,
  }),
  /** Done, snooze (for settings.snoozeMinutes) or dismiss a pending reminder; `acted` is false when it was no longer pending. */
  'tickler.act': declare({
    from: 'extension',
    request: z.object({ key: TicklerKey, action: TicklerAction }),
    response: z.object({ acted: z.boolean() }),
  }),
  'settings.get': declare({
    from: 'extension',
    request: z.object({}),
    response: Settings,
  }),
  'settings.update': declare({
    from: 'extension',
    request: z.object({ patch: SettingsPatch }),
    response: Settings,
  }),
  /** What importing a file (LinkedIn Connections.csv, Google/Outlook CSV, vCard, any CSV) would do. Writes nothing. */
  'import.preview': declare({
    from: 'extension',
    request: ImportFileRequest,
    response: ImportPreview,
  }),
  /** Writes the previewed import in one transaction; refused if the plan is no longer `planHash`. */
  'import.apply': declare({
    from: 'extension',
    request: ImportFileRequest.extend({
      planHash: PlanHash,
      /** Take the file's differing headline, company, title and location too. */
      acceptOffered: z.boolean().default(false),
    }),
    response: ImportResult,
  }),
  /** A whole-store export as text, for the page to save as a file. */
  'export.file': declare({
    from: 'extension',
    request: z.object({ format: ExportFormat }),
    response: ExportFile,
  }),
  /** What restoring a JSON backup would do. Writes nothing. */
  'restore.preview': declare({
    from: 'extension',
    request: z.object({ backupText: BackupText, job: JobId.optional() }),
    response: RestorePreview,
  }),
  /** Restores the previewed backup in one transaction; conflicts keep the existing record unless overwritten. */
  'restore.apply': declare({
    from: 'extension',
    request: z.object({
      backupText: BackupText,
      planHash: PlanHash,
      overwriteConflicts: z.boolean().default(false),
      job: JobId.optional(),
    }),
    response: RestoreResult,
  }),
  /** The manager page's list: every contact filtered, searched (full text) and sorted; small rows. */
  'manager.list': declare({
    from: 'extension',
    request: ManagerListRequest,
    response: ManagerList,
  }),
  /**
   * One action on many contacts (the manager's selection), in one transaction: all or nothing
   * (an unknown id writes nothing). `affected` counts the contacts it changed; `undo` is what
   * `contacts.bulkRestore` (field actions, "log an update") or `contacts.restore` (delete) takes back.
   */
  'contacts.bulk': declare({
    from: 'extension',
    request: z.object({ ids: BulkIds, action: BulkAction }),
    response: BulkResult,
  }),
  /** Undo of a bulk field action or "log an update": the previous values come back. */
  'contacts.bulkRestore': declare({
    from: 'extension',
    request: z.object({ undo: FieldUndo }),
    response: z.object({ restored: z.number().int().min(0) }),
  }),
  /** Undo of a bulk delete: the contacts, their interactions and reminders come back with their ids. */
  'contacts.restore': declare({
    from: 'extension',
    request: z.object({ undo: DeleteUndo }),
    response: z.object({ restored: z.number().int().min(0) }),
  }),
  /** The recent updates logged to many contacts at once: who was told what, and when; newest first. */
  'updates.list': declare({
    from: 'extension',
    request: z.object({ limit: z.number().int().min(1).max(500).default(50) }),
    response: z.array(UpdateGroup),
  }),
  /** Contacts that are probably the same person, with the reasons; dismissed pairs left out. */
  'duplicates.list': declare({
    from: 'extension',
    request: z.object({}),
    response: DuplicateList,
  }),
  /** "Not the same person": remembered (or, with `dismissed: false`, forgotten). Answers how many pairs are dismissed. */
  'duplicates.dismiss': declare({
    from: 'extension',
    request: z.object({ ids: TwoContacts, dismissed: z.boolean().default(true) }),
    response: z.object({ dismissed: z.number().int().min(0) }),
  }),
  /** Two contacts in full, side by side, with what each would bring into a merge. */
  'duplicates.compare': declare({
    from: 'extension',
    request: z.object({ ids: TwoContacts }),
    response: MergeComparison,
  }),
  /**
   * Merges `mergeId` into `keepId` in one transaction: `picks` says whose value each differing
   * field keeps (unnamed fields take the default); tags, notes, interactions, reminders and
   * introductions are combined. `undo` is what `contacts.unmerge` takes back.
   */
  'contacts.merge': declare({
    from: 'extension',
    request: z
      .object({ keepId: Id, mergeId: Id, picks: MergePicks.default({}) })
      .refine((r) => r.keepId !== r.mergeId, { path: ['mergeId'], message: 'a contact cannot be merged with itself' }),
    response: MergeResult,
  }),
  /** Undo of a merge: both contacts as they were, with their ids, interactions, reminders and introductions. */
  'contacts.unmerge': declare({
    from: 'extension',
    request: z.object({ undo: MergeUndo }),
    response: z.object({ restored: z.array(Id) }),
  }),
  /** The manager's weekly review: the last `weeks` weeks' counts against the goals, this week's who, next week's due. */
  'review.weekly': declare({
    from: 'extension',
    request: ReviewRequest,
    response: WeeklyReview,
  }),
  /** When the last JSON backup was exported (null: never) and whether the weekly backup reminder is on. */
  'backup.status': declare({
    from: 'extension',
    request: z.object({}),
    response: BackupStatus,
  }),
} as const;

export type Contract = typeof contract;
export type MessageType = keyof Contract;
export type RequestOf<T extends MessageType> = z.input<Contract[T]['request']>;
export type ParsedRequestOf<T extends MessageType> = z.output<Contract[T]['request']>;
export type ResponseOf<T extends MessageType> = z.output<Contract[T]['response']>;

export const MESSAGE_TYPES = Object.keys(contract) as MessageType[];

/** The envelope every request travels in. */
export const Envelope = z.object({
  rapport: z.literal(1),
  type: z.string().max(64),
  payload: z.unknown(),
  /** Present when the sender is a sidebar frame embedded in a web page. */
  secret: FrameSecret.optional(),
});
export type Envelope = z.infer<typeof Envelope>;

export const ERROR_CODES = ['invalid-request', 'unknown-type', 'forbidden', 'not-found', 'internal'] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const ErrorAnswer = z.object({
  ok: z.literal(false),
  error: z.object({
    code: ErrorCode,
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorAnswer = z.infer<typeof ErrorAnswer>;
export type Answer<T extends MessageType> = { ok: true; data: ResponseOf<T> } | ErrorAnswer;

/** Events the worker broadcasts to extension pages (never to web pages). */
export const BroadcastEvent = z.discriminatedUnion('event', [
  z.object({ rapport: z.literal(1), event: z.literal('tab-context-changed'), tabId: z.number().int() }),
  z.object({ rapport: z.literal(1), event: z.literal('contacts-changed'), ids: z.array(Id) }),
  z.object({ rapport: z.literal(1), event: z.literal('companies-changed'), keys: z.array(z.string()) }),
  z.object({ rapport: z.literal(1), event: z.literal('pitches-changed') }),
  z.object({ rapport: z.literal(1), event: z.literal('settings-changed') }),
  /** The reminders were recomputed: what is due may have changed. */
  z.object({ rapport: z.literal(1), event: z.literal('ticklers-changed') }),
  /** How far an import or restore the page started (by its job id) has got. */
  z.object({ rapport: z.literal(1), event: z.literal('transfer-progress') }).extend(TransferProgress.shape),
]);
export type BroadcastEvent = z.infer<typeof BroadcastEvent>;
