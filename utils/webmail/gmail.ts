// The Gmail adapter: pure reading of Gmail's DOM (no writes, no layout reads, no innerHTML).
// The page is hostile territory — anyone who can send the user mail controls part of it — so
// every value is validated and capped, and odd markup yields less, never an exception.
import { COMPOSE, LIST, PAGE, THREAD } from './gmail-selectors';
import type { ComposeSnapshot, ListRow, MailAdapter, MailPerson, MailRoute, OpenThread, PersonSlot, ThreadMessage } from './types';

const MAX_NAME = 200;
const MAX_SUBJECT = 1_000;
const MAX_ID = 300;
const MAX_ADDRESS = 254;
/** Gmail lists a handful of participants per row; more is markup we don't trust. */
const MAX_PARTICIPANTS = 50;
const MAX_RECIPIENTS = 200;

/** zod's z.email() pattern, so every address read here passes the message contract. */
const ADDRESS = /^(?:[A-Za-z0-9_'+\-]+\.)*[A-Za-z0-9_'+\-]*[A-Za-z0-9_+-]@(?:[A-Za-z0-9][A-Za-z0-9\-]*\.)+[A-Za-z]{2,}$/;
/** Gmail wraps labels like "Send (Ctrl-Enter)" in bidi marks. */
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Whitespace-collapsed and capped; bounded work even on megabyte attribute values. */
function clean(value: string | null | undefined, max: number): string {
  if (!value) return '';
  let text = value.slice(0, max * 4 + 64).replace(BIDI, '').replace(/\s+/g, ' ').trim().slice(0, max);
  // Never leave half a surrogate pair at the cut.
  if (/[\ud800-\udbff]$/.test(text)) text = text.slice(0, -1);
  return text;
}

function address(value: string | null | undefined): string | undefined {
  const text = clean(value, MAX_ADDRESS + 1).toLowerCase();
  return text.length <= MAX_ADDRESS && ADDRESS.test(text) ? text : undefined;
}

const isMe = (name: string | null) => name !== null && name.trim().toLowerCase() === 'me';

function docOf(node: ParentNode): Document | null {
  return (node as Node).nodeType === 9 ? (node as Document) : (node as Node).ownerDocument;
}

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

/** Inside `scope`'s subtree, an ancestor-or-self of `el` matching `selector`. */
function within(el: Element, selector: string, scope: Element): boolean {
  const found = el.closest(selector);
  return found !== null && scope.contains(found);
}

// ---------------------------------------------------------------------------------------------
// Routes and the title

/** Hash views that are lists, with how many path segments their own parameter takes. */
const LIST_VIEWS: Record<string, number> = {
  inbox: 0, starred: 0, snoozed: 0, imp: 0, sent: 0, scheduled: 0, outbox: 0, drafts: 0, all: 0,
  spam: 0, trash: 0, chats: 0, label: 1, category: 1, search: 1, 'advanced-search': 1,
};
/** Gmail's thread ids in the hash: "FMfcgzQXJWxK…" (2018–2026) or 16 hex digits (older). */
const THREAD_ID = /^[A-Za-z0-9]{16,}$/;

export function gmailRoute(url: URL): MailRoute {
  if (url.hostname !== 'mail.google.com' || !/^\/mail\/(?:u\/\d{1,3}\/?)?$/.test(url.pathname)) return { view: 'other' };
  // "#inbox?compose=new": an open compose window rides on the hash as a query.
  const hash = url.hash.replace(/^#/, '').split('?')[0]!;
  if (hash === '') return { view: 'list' };
  const segments = hash.split('/');
  const params = LIST_VIEWS[segments[0]!.toLowerCase()];
  if (params === undefined) return { view: 'other' };
  const last = segments[segments.length - 1]!;
  // "#search/FMfcg…" searches for that text: the id must come after the view's own parameter.
  if (segments.length >= 2 + params && THREAD_ID.test(last)) return { view: 'thread', threadId: last };
  return params > 0 && !segments[1] ? { view: 'other' } : { view: 'list' };
}

/** "Inbox (3) - ada.l@example.com - Gmail" (Workspace: "… - Acme Mail"): the account address. */
export function gmailSelfAddress(doc: Document): string | undefined {
  const segments = (doc.title ?? '').slice(0, 4_000).split(' - ');
  for (let i = segments.length - 1; i >= 0; i--) {
    const found = address(segments[i]);
    if (found) return found;
  }
  return undefined;
}

/** The subject a thread page's title gives: everything before " - <address> - Gmail". */
function titleSubject(doc: Document): string {
  const segments = (doc.title ?? '').slice(0, 4_000).split(' - ');
  for (let i = segments.length - 1; i > 0; i--) {
    if (address(segments[i])) return clean(segments.slice(0, i).join(' - '), MAX_SUBJECT);
  }
  return clean(segments[0], MAX_SUBJECT);
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** "nov", "nov.", "sept", "november" → 10; anything else (incl. "no", "novel") → -1. */
function nameIndex(names: string[], word: string): number {
  const w = word.replace(/\.$/, '');
  return w.length >= 3 ? names.findIndex((name) => name.startsWith(w)) : -1;
}

const DATE_PATTERNS: { re: RegExp; order: 'mdy' | 'dmy' | 'ymd' }[] = [
  // "Nov 17, 2026" / "November 17th, 2026"
  { re: /^([a-z]+\.?) (\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/, order: 'mdy' },
  // "17 Nov 2026" / "17 November, 2026"
  { re: /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+\.?),? (\d{4})$/, order: 'dmy' },
  // "2026-11-17"
  { re: /^(\d{4})-(\d{2})-(\d{2})$/, order: 'ymd' },
];
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([ap])\.?m\.?)?$/;

/**
 * Gmail's date titles in English ("Tue, Nov 17, 2026, 3:04 PM", "17 Nov 2026, 15:04",
 * "Nov 17, 2026 at 3:04 PM") as local epoch ms. Numeric d/m orders are ambiguous and a date
 * without a time is imprecise: both give undefined — never a wrong date.
 */
export function parseGmailDate(text: string | null | undefined): number | undefined {
  if (!text || text.length > 200) return undefined;
  let s = text
    .replace(BIDI, '')
    .replace(/\([^)]*\)/g, ' ') // "(2 days ago)"
    .replace(/[\s\u00a0\u202f\u2009]+/g, ' ')
    .trim()
    .toLowerCase();
  // The weekday, checked against the date below.
  let weekday = -1;
  const wd = /^([a-z]+\.?),? /.exec(s);
  if (wd && nameIndex(WEEKDAYS, wd[1]!) >= 0 && nameIndex(MONTHS, wd[1]!) < 0) {
    weekday = nameIndex(WEEKDAYS, wd[1]!);
    s = s.slice(wd[0].length);
  }
  // Split date from time at the last ", " or " at " before the time.
  const split = /^(.*?)(?:,| at)? (\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?)$/.exec(s);
  if (!split) return undefined;
  const datePart = split[1]!.trim();
  const time = TIME.exec(split[2]!);
  if (!time) return undefined;

  let year = -1;
  let month = -1;
  let day = -1;
  for (const { re, order } of DATE_PATTERNS) {
    const m = re.exec(datePart);
    if (!m) continue;
    if (order === 'mdy') [month, day, year] = [nameIndex(MONTHS, m[1]!), Number(m[2]), Number(m[3])];
    else if (order === 'dmy') [day, month, year] = [Number(m[1]), nameIndex(MONTHS, m[2]!), Number(m[3])];
    else [year, month, day] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
    break;
  }
  if (month < 0 || month > 11 || day < 1 || day > 31 || year < 1970 || year > 2200) return undefined;

  let hour = Number(time[1]);
  const minute = Number(time[2]);
  const second = time[3] ? Number(time[3]) : 0;
  const meridiem = time[4];
  if (minute > 59 || second > 59) return undefined;
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) return undefined;

  const date = new Date(year, month, day, hour, minute, second);
  // Feb 30 rolls over into March: reject rather than move the date.
  if (date.getFullYear() !== year || date.getMonth() !== month || date.getDate() !== day) return undefined;
  if (weekday >= 0 && date.getDay() !== weekday) return undefined;
  return date.getTime();
}

// ---------------------------------------------------------------------------------------------
// People

interface Reader {
  self: string | undefined;
}

/** The person a `span[email]`-like element names; undefined when its address is not one. */
function personOf(el: Element): (MailPerson & { me: boolean }) | undefined {
  const email = address(el.getAttribute('email'));
  if (!email) return undefined;
  const nameAttr = el.getAttribute('name');
  const name = clean(nameAttr, MAX_NAME) || clean(el.textContent, MAX_NAME) || email;
  return { email, name, me: isMe(nameAttr) };
}

/** Slots for `elements`, in order, one per address, the user left out. */
function slots(elements: Iterable<Element>, reader: Reader, max: number): PersonSlot[] {
  const out: PersonSlot[] = [];
  const seen = new Set<string>();
  for (const el of elements) {
    const person = personOf(el);
    if (!person || person.me || person.email === reader.self || seen.has(person.email!)) continue;
    seen.add(person.email!);
    out.push({ anchor: el, person: { email: person.email, name: person.name } });
    if (out.length >= max) break;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The list

/** The sender cell that belongs to this very `tr` (not to a row nested in it). */
function senderCellOf(tr: Element): Element | null {
  for (const selector of [LIST.senderCell, LIST.senderCellLoose]) {
    for (const cell of tr.querySelectorAll(selector)) if (cell.closest('tr') === tr) return cell;
  }
  // Classes gone: a row whose own cells name people is still a head row.
  for (const span of tr.querySelectorAll(LIST.participant)) if (span.closest('tr') === tr) return tr;
  return null;
}

/**
 * The head row of the conversation `tr` belongs to: itself, or (split pane) the `tr.apv`
 * a continuation row follows. Null for rows that name nobody.
 */
function headOf(tr: Element, heads: Map<Element, Element | null>): Element | null {
  const known = heads.get(tr);
  if (known !== undefined) return known;
  const part = tr.matches('tr.apw');
  // A plain part of a split row never holds the sender cell: don't look for one.
  let head: Element | null = !(part && !tr.matches(LIST.row)) && senderCellOf(tr) ? tr : null;
  if (!head && (part || !tr.matches(LIST.row))) {
    let prev = tr.previousElementSibling;
    for (let i = 0; i < 3 && prev; i++, prev = prev.previousElementSibling) {
      // The rows before were read already (document order): reuse what they resolved to.
      const before = heads.get(prev);
      if (before !== undefined) {
        head = before;
        break;
      }
      if (senderCellOf(prev)) {
        head = prev.matches('tr.apv') || part ? prev : null;
        break;
      }
    }
  }
  heads.set(tr, head);
  return head;
}

function candidateRows(root: ParentNode): Element[] {
  if (isElement(root)) {
    const own = root.closest(LIST.rowPart);
    if (own) return [own];
    // An unknown continuation row right after a split-pane head or another part.
    const tr = root.closest('tr');
    if (tr?.previousElementSibling?.matches('tr.apv, tr.apw')) return [tr];
  }
  return [...root.querySelectorAll(LIST.rowPart)];
}

export function readGmailRows(root: ParentNode): ListRow[] {
  const doc = docOf(root);
  const reader: Reader = { self: doc ? gmailSelfAddress(doc) : undefined };
  const rows: ListRow[] = [];
  const seen = new Set<Element>();
  const heads = new Map<Element, Element | null>();
  for (const tr of candidateRows(root)) {
    const head = headOf(tr, heads);
    if (!head || seen.has(head)) continue;
    seen.add(head);
    const cell = senderCellOf(head)!;
    const spans = [...cell.querySelectorAll(LIST.participant)].filter((span) => span.closest('tr') === head);
    const senders = slots(spans, reader, MAX_PARTICIPANTS);
    // A row naming nobody but the user still lists the conversation ("me (2)"): keep it with
    // no senders; rows with no known participant at all (drafts only) are skipped.
    if (spans.some((span) => personOf(span))) rows.push({ row: head, senders });
  }
  return rows;
}

export function findGmailListContainer(doc: Document): Element | null {
  const mains = [...doc.querySelectorAll(PAGE.main)];
  return mains.find((main) => main.querySelector(LIST.row)) ?? mains[0] ?? null;
}

// ---------------------------------------------------------------------------------------------
// The open thread

export function findGmailThreadContainer(doc: Document): Element | null {
  for (const main of doc.querySelectorAll(PAGE.main)) {
    if (main.querySelector(THREAD.messageLoose) || main.querySelector(THREAD.subject)) return main;
  }
  // No main region (markup changed): any rendered message means the body holds the thread.
  return doc.querySelector(THREAD.messageLoose) ? doc.body : null;
}

/** "#msg-f:1784…" → "msg-f:1784…"; else the legacy hex id; ids are printable ASCII, capped. */
function messageId(el: Element): string | undefined {
  for (const attr of ['data-message-id', 'data-legacy-message-id']) {
    const id = (el.getAttribute(attr) ?? '').trim().replace(/^#/, '');
    if (id.length <= MAX_ID && /^[\x21-\x7e]+$/.test(id)) return id;
  }
  return undefined;
}

function readMessage(el: Element, reader: Reader): ThreadMessage | null {
  const id = messageId(el);
  if (!id) return null;
  const header = (candidate: Element) => !within(candidate, THREAD.body, el);
  let senderEl: Element | null = null;
  for (const selector of [...THREAD.sender, THREAD.senderLoose]) {
    senderEl = [...el.querySelectorAll(selector)].find(header) ?? null;
    if (senderEl) break;
  }
  const sender = senderEl ? personOf(senderEl) : undefined;
  const fromMe = Boolean(sender && (sender.me || sender.email === reader.self));

  // Recipients by class first; by attribute (any other address span in the header) if none.
  const isRecipient = (candidate: Element) => candidate !== senderEl && header(candidate) && !within(candidate, 'h3', el);
  let recipientEls = [...el.querySelectorAll(THREAD.recipients)].filter(isRecipient);
  if (recipientEls.length === 0) recipientEls = [...el.querySelectorAll(LIST.participant)].filter(isRecipient);

  const dateEl = el.querySelector(THREAD.date) ?? el.querySelector(THREAD.dateLoose);
  const when = parseGmailDate(dateEl?.getAttribute('title')) ?? parseGmailDate(dateEl?.textContent);
  return {
    id,
    from: senderEl && sender ? { anchor: senderEl, person: { email: sender.email, name: sender.name } } : null,
    recipients: slots(recipientEls, reader, MAX_RECIPIENTS),
    fromMe,
    ...(when !== undefined ? { when } : {}),
  };
}

export function readGmailThread(doc: Document): OpenThread | null {
  const container = findGmailThreadContainer(doc);
  if (!container) return null;
  const reader: Reader = { self: gmailSelfAddress(doc) };
  let elements = [...container.querySelectorAll(THREAD.message)];
  if (elements.length === 0) elements = [...container.querySelectorAll(THREAD.messageLoose)];
  const messages: ThreadMessage[] = [];
  const ids = new Set<string>();
  for (const el of elements) {
    // Outermost only (a nested id is the same message or forged), and no draft being written.
    if (el.parentElement?.closest(THREAD.messageLoose) || el.closest(COMPOSE.inlineReply)) continue;
    const message = readMessage(el, reader);
    if (!message || ids.has(message.id)) continue;
    ids.add(message.id);
    messages.push(message);
  }
  if (messages.length === 0) return null;
  const subject = clean(container.querySelector(THREAD.subject)?.textContent, MAX_SUBJECT) || titleSubject(doc);
  return { subject, messages };
}

// ---------------------------------------------------------------------------------------------
// Compose and send

/** The compose form around `el`: an inline reply or a dialog that holds compose fields. */
function composeRoot(el: Element): Element | null {
  const root = el.closest(COMPOSE.inlineReply) ?? el.closest(COMPOSE.dialog);
  return root && root.querySelector(COMPOSE.formHint) ? root : null;
}

function isSendButton(button: Element): boolean {
  if (button.getAttribute('aria-disabled') === 'true' || button.hasAttribute('disabled')) return false;
  // A menu button (the schedule-send arrow) opens a menu; it sends nothing.
  if (button.getAttribute('aria-haspopup') === 'true' || button.getAttribute('aria-haspopup') === 'menu') return false;
  const labels = [button.getAttribute('data-tooltip'), button.getAttribute('aria-label')].map((l) => (l ?? '').slice(0, 200).replace(BIDI, ''));
  return labels.some((label) => COMPOSE.sendLabel.test(label) || COMPOSE.sendShortcut.test(label));
}

export function gmailComposeForSend(target: Element, viaKeyboard: boolean): Element | null {
  if (!isElement(target)) return null;
  const button = target.closest(COMPOSE.button);
  if (button && isSendButton(button)) {
    const root = composeRoot(button);
    // A "Send" look-alike inside the message being written (pasted or quoted markup) is text.
    return root && !within(button, COMPOSE.body, root) ? root : null;
  }
  if (!viaKeyboard) return null;
  const root = composeRoot(target);
  return root && within(target, COMPOSE.keyboardScope, root) ? root : null;
}

/** Splits on , ; and newlines outside quotes and angle brackets. */
function splitAddresses(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '<' && !quoted) angle = true;
    else if (ch === '>' && !quoted) angle = false;
    if (!quoted && !angle && (ch === ',' || ch === ';' || ch === '\n')) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

/** "Ada Lovelace <ada@…>", "\"Lovelace, Ada\" <ada@…>", "ada@…" → a person; else undefined. */
export function parseAddress(text: string): MailPerson | undefined {
  const angled = /^(.*?)<([^<>]*)>$/.exec(text.trim());
  const email = address(angled ? angled[2] : text.replace(/^"|"$/g, ''));
  if (!email) return undefined;
  const name = angled ? clean(angled[1]!.trim().replace(/^"(.*)"$/, '$1').replace(/\\(.)/g, '$1'), MAX_NAME) : '';
  return { email, name: name || email };
}

function fieldValue(el: Element): string {
  const value = (el as HTMLInputElement).value;
  return (typeof value === 'string' ? value : el.getAttribute('value') ?? '').slice(0, 20_000);
}

function chipPerson(chip: Element): MailPerson | undefined {
  const email = address(chip.getAttribute('email')) ?? address(chip.getAttribute('data-hovercard-id'));
  if (!email) return undefined;
  const text = clean(chip.querySelector(COMPOSE.chipName)?.textContent ?? chip.textContent, MAX_NAME * 2);
  const name =
    clean(chip.getAttribute('name'), MAX_NAME) ||
    clean(chip.getAttribute('data-name'), MAX_NAME) ||
    clean(text.split('<')[0], MAX_NAME) ||
    email;
  return { email, name: isMe(name) ? email : name };
}

export function readGmailCompose(compose: Element): ComposeSnapshot | null {
  if (!isElement(compose)) return null;
  const doc = compose.ownerDocument;
  const self = doc ? gmailSelfAddress(doc) : undefined;
  const found = new Map<string, MailPerson>();
  const add = (person: MailPerson | undefined) => {
    if (!person?.email || person.email === self || found.size >= MAX_RECIPIENTS) return;
    const known = found.get(person.email);
    // A chip's display name beats the bare address a hidden field repeats.
    if (!known) found.set(person.email, person);
    else if (known.name === known.email && person.name !== person.email) known.name = person.name;
  };
  for (const el of compose.querySelectorAll(`${COMPOSE.chips}, ${COMPOSE.fields}`)) {
    if (within(el, COMPOSE.body, compose)) continue;
    if (el.matches(COMPOSE.fields)) {
      for (const part of splitAddresses(fieldValue(el))) add(parseAddress(part));
    } else add(chipPerson(el));
  }
  if (found.size === 0) return null;

  const subjectEl = compose.querySelector(COMPOSE.subject) ?? compose.querySelector(COMPOSE.subjectHidden);
  let subject = subjectEl ? clean(fieldValue(subjectEl), MAX_SUBJECT) : '';
  // An inline reply without its own subject replies under the thread's.
  if (!subject && compose.matches(COMPOSE.inlineReply) && doc) subject = clean(doc.querySelector(THREAD.subject)?.textContent, MAX_SUBJECT);
  return { subject, recipients: [...found.values()] };
}

export const gmail: MailAdapter = {
  site: 'gmail',
  route: gmailRoute,
  selfAddress: gmailSelfAddress,
  findListContainer: findGmailListContainer,
  readRows: readGmailRows,
  findThreadContainer: findGmailThreadContainer,
  readThread: readGmailThread,
  composeForSend: gmailComposeForSend,
  readCompose: readGmailCompose,
};
