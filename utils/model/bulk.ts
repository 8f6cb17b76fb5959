import { z } from 'zod';
import { Id, Timestamp } from './common';
import { Contact, ContactType, Tag } from './contact';
import { Interaction } from './interaction';
import { Reminder } from './reminder';

/** At most this many contacts in one bulk action (the manager's list of 10,000, all selected). */
export const MAX_BULK = 10_000;

export const BulkIds = z.array(Id).min(1).max(MAX_BULK);

/** What a bulk action does to every selected contact. */
export const BulkAction = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add-tag'), tag: Tag }).strict(),
  z.object({ kind: z.literal('remove-tag'), tag: Tag }).strict(),
  z.object({ kind: z.literal('set-type'), type: ContactType.nullable() }).strict(),
  z.object({ kind: z.literal('set-cadence'), days: z.number().int().min(1).max(3650).nullable() }).strict(),
  z.object({ kind: z.literal('archive'), archived: z.boolean() }).strict(),
  z.object({ kind: z.literal('delete') }).strict(),
  /** "Keep your network informed": one interaction per contact, all sharing one `update:` externalId. */
  z.object({ kind: z.literal('log-update'), summary: z.string().trim().min(1).max(1_000), when: Timestamp }).strict(),
]);
export type BulkAction = z.infer<typeof BulkAction>;

/** One contact's value of a field before a bulk action (null: the field was absent). */
const before = <T extends z.ZodType>(value: T) => z.array(z.object({ id: Id, value, updatedAt: Timestamp }).strict()).max(MAX_BULK);

/**
 * What undoing a bulk action needs, as the worker answered it. Field actions carry the previous
 * values (`contacts.bulkRestore`); a delete carries the deleted records (`contacts.restore`).
 */
const fieldUndos = [
  /** `at`: when the action was stamped (a contact not touched since gets its old updatedAt back). */
  z.object({ kind: z.literal('tags'), at: Timestamp, before: before(z.array(Tag).max(100)) }).strict(),
  z.object({ kind: z.literal('type'), at: Timestamp, before: before(ContactType.nullable()) }).strict(),
  z.object({ kind: z.literal('cadence'), at: Timestamp, before: before(z.number().int().min(1).max(3650).nullable()) }).strict(),
  z.object({ kind: z.literal('archive'), at: Timestamp, before: before(Timestamp.nullable()) }).strict(),
  /** Undo of a "log an update": its interactions are removed. */
  z
    .object({
      kind: z.literal('log-update'),
      externalId: z.string().regex(/^update:[A-Za-z0-9]{8,40}$/, 'not an update id'),
      at: Timestamp,
      /** The contacts whose lastContacted the update moved, with their previous value. */
      before: before(Timestamp.nullable()),
    })
    .strict(),
] as const;
const deleteUndo = z
  .object({
    kind: z.literal('delete'),
    contacts: z.array(Contact).min(1).max(MAX_BULK),
    interactions: z.array(Interaction).max(1_000_000),
    reminders: z.array(Reminder).max(1_000_000),
  })
  .strict();

/** What `contacts.bulkRestore` applies: previous field values, or an update to take back. */
export const FieldUndo = z.discriminatedUnion('kind', [...fieldUndos]);
export type FieldUndo = z.infer<typeof FieldUndo>;
/** What `contacts.restore` puts back: the deleted contacts with their interactions and reminders, ids kept. */
export const DeleteUndo = deleteUndo;
export type DeleteUndo = z.infer<typeof DeleteUndo>;

/**
 * What undoing a bulk action needs, as the worker answered it. Field actions carry the previous
 * values (`contacts.bulkRestore`); a delete carries the deleted records (`contacts.restore`).
 */
export const UndoToken = z.discriminatedUnion('kind', [...fieldUndos, deleteUndo]);
export type UndoToken = z.infer<typeof UndoToken>;

export const BulkResult = z.object({ affected: z.number().int().min(0), undo: UndoToken });
export type BulkResult = z.infer<typeof BulkResult>;

/** One "log an update" sent to many: who was told what, and when. */
export const UpdateGroup = z.object({
  externalId: z.string(),
  summary: z.string(),
  when: Timestamp,
  contacts: z.array(z.object({ id: Id, name: z.string() })),
});
export type UpdateGroup = z.infer<typeof UpdateGroup>;
