// What a webmail site adapter (Gmail, Outlook) tells the rest of Rapport. The adapters are the
// only files that know a site's DOM; everything here is plain data plus the elements a badge
// is placed after.

export type MailSite = 'gmail' | 'outlook';

/** A person as a mail page shows them. `email` is lowercase when present. */
export interface MailPerson {
  email?: string;
  /** The display name; may equal the address when the page shows nothing else. */
  name: string;
}

/** One place on the page that names a person: the badge goes right after `anchor`. */
export interface PersonSlot {
  anchor: Element;
  person: MailPerson;
}

/** One conversation in a message list. */
export interface ListRow {
  row: Element;
  /** Every participant the row names, in page order, the user ("me") left out. */
  senders: PersonSlot[];
}

/** One message of an open conversation. */
export interface ThreadMessage {
  /** The site's stable message id (Gmail's data-message-id / legacy id; Outlook's item id). */
  id: string;
  from: PersonSlot | null;
  /** To and cc as the page shows them, the user left out. */
  recipients: PersonSlot[];
  /** Sent by the user. */
  fromMe: boolean;
  /** Epoch ms, when the page gives a date that parses. */
  when?: number;
}

export interface OpenThread {
  subject: string;
  /** Oldest first, as the page lists them. */
  messages: ThreadMessage[];
}

/** A message being sent, read from its compose form at the moment the user sends it. */
export interface ComposeSnapshot {
  subject: string;
  recipients: MailPerson[];
}

export type MailRoute = { view: 'list' } | { view: 'thread'; threadId: string } | { view: 'other' };

export interface MailAdapter {
  site: MailSite;
  /** What the URL shows (Gmail routes by hash, Outlook by path). */
  route(url: URL): MailRoute;
  /** The user's own address, when the page tells it (Gmail's title), to leave them out. */
  selfAddress(doc: Document): string | undefined;
  /** The element whose subtree holds the message list(s), once the app rendered it. */
  findListContainer(doc: Document): Element | null;
  /** The rows at or under `root` (which may itself be a row or a part of one). */
  readRows(root: ParentNode): ListRow[];
  /** The element whose subtree holds the open conversation, once rendered. */
  findThreadContainer(doc: Document): Element | null;
  readThread(doc: Document): OpenThread | null;
  /**
   * When `target` (a click target) is a send control, the compose form it sends; else null.
   * Also used for the keyboard shortcut (Ctrl/⌘+Enter) with the focused element.
   */
  composeForSend(target: Element, viaKeyboard: boolean): Element | null;
  readCompose(compose: Element): ComposeSnapshot | null;
}
