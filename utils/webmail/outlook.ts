// Outlook on the web (outlook.live.com, outlook.office.com, outlook.office365.com): who a page
// names, read from the DOM only. Pure reading: no writes, no layout reads, no innerHTML. The
// page is hostile (any sender controls part of it), so every reader caps what it reads, drops
// what does not parse and never throws on odd markup. Selectors live in outlook-selectors.ts.
import { ACCOUNT, COMPOSE, LIST, OUTLOOK_HOSTS, PANE, PATHS, PERSON_HINTS } from './outlook-selectors';
import type {
  ComposeSnapshot,
  ListRow,
  MailAdapter,
  MailPerson,
  MailRoute,
  OpenThread,
  PersonSlot,
  ThreadMessage,
} from './types';

const NAME_MAX = 200;
const SUBJECT_MAX = 1000;
const ID_MAX = 1000;
/** What is read of any attribute or text before a regex sees it, so hostile values cost nothing. */
const SCAN_MAX = 2000;
/** Elements visited per row or per header walk; real rows have a few dozen. */
const WALK_MAX = 3000;

// ---------------------------------------------------------------------------------------------
// Text and addresses

/** Zero-width and bidi marks: Outlook puts LRM/RLM into dates and names. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g;

function clean(value: string | null | undefined, max = SCAN_MAX): string {
  if (typeof value !== 'string' || !value) return '';
  return value
    .slice(0, max * 4)
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, max);
}

/** A simple address check: enough to drop junk, not an RFC 5322 parser. */
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,63}$/i;
/** Candidate addresses inside free text; each is checked with EMAIL. */
const EMAIL_IN_TEXT = /[^\s@<>()[\]\\,;:"]+@[a-z0-9.-]+/gi;

function asEmail(value: string | null | undefined): string | undefined {
  if (typeof value !== 'string') return undefined;
  const candidate = value
    .trim()
    .replace(/^mailto:/i, '')
    .replace(/^['".]+|['".]+$/g, '')
    .toLowerCase();
  return candidate.length <= 254 && EMAIL.test(candidate) ? candidate : undefined;
}

/** Every valid address in a string, in order, without repeats. */
function emailsIn(value: string | null | undefined): string[] {
  const text = clean(value);
  if (!text.includes('@')) return [];
  const found: string[] = [];
  for (const match of text.matchAll(EMAIL_IN_TEXT)) {
    const email = asEmail(match[0]);
    if (email && !found.includes(email)) found.push(email);
  }
  return found;
}

/** A display name: trimmed, unquoted, capped; must have a letter or digit. */
function asName(value: string | null | undefined): string | undefined {
  const name = clean(value, NAME_MAX * 2)
    .replace(/^["'\s]+|["'\s;,]+$/g, '')
    .trim()
    .slice(0, NAME_MAX)
    .trim();
  return /[\p{L}\p{N}]/u.test(name) ? name : undefined;
}

function person(name: string | undefined, email: string | undefined): MailPerson | undefined {
  const shown = name ?? email;
  if (!shown) return undefined;
  return email ? { email, name: shown } : { name: shown };
}

/**
 * One person as text: "Ada Lovelace <ada@x>", "Ada Lovelace<ada@x>", "Ada (ada@x)", "ada@x" or
 * a bare display name. A text with an "@" that is no valid address is dropped.
 */
export function parsePerson(raw: string | null | undefined): MailPerson | undefined {
  if (typeof raw !== 'string' || raw.length > 100_000) return undefined;
  const whole = raw.replace(INVISIBLE, '').trim();
  if (!whole) return undefined;
  // "… <address>" read from the end (the address survives a very long name), without a
  // regex that could backtrack on long input.
  const close = whole[whole.length - 1];
  const opener = close === '>' ? '<' : close === ')' ? '(' : close === ']' ? '[' : undefined;
  const open = opener ? whole.lastIndexOf(opener) : -1;
  const inside = open >= 0 ? whole.slice(open + 1, -1).trim() : '';
  if (inside.includes('@') && inside.length <= 300 && !/[\s<>()[\]]/.test(inside)) {
    const email = asEmail(inside);
    const name = asName(whole.slice(0, open));
    return email ? person(name && !asEmail(name) ? name : undefined, email) : person(name, undefined);
  }
  const text = clean(whole);
  const email = asEmail(text);
  if (email) return person(undefined, email);
  if (text.includes('@')) return undefined;
  return person(asName(text), undefined);
}

function nameKey(name: string | undefined): string {
  return clean(name).normalize('NFKC').toLowerCase();
}

// ---------------------------------------------------------------------------------------------
// DOM helpers (reading only)

function isElement(node: unknown): node is Element {
  return typeof node === 'object' && node !== null && (node as Node).nodeType === 1;
}

function documentOf(root: ParentNode): Document | null {
  const node = root as Node;
  return node.nodeType === 9 ? (node as Document) : node.ownerDocument;
}

/** A direct text child with a letter or digit (not just separators or whitespace). */
function hasOwnWords(element: Element): boolean {
  for (const node of element.childNodes) {
    if (node.nodeType === 3 && /[\p{L}\p{N}]/u.test(node.textContent ?? '')) return true;
  }
  return false;
}

/**
 * The first element under `scope`, in document order, that holds words of its own, skipping
 * the subtrees `skip` matches or `exclude` rejects. Iterative and bounded: a hostile page can
 * nest deeper than the call stack.
 */
function firstTextElement(scope: Element, skip: string, exclude?: (element: Element) => boolean): Element | null {
  const stack: Element[] = [...scope.children].reverse();
  for (let visited = 0; stack.length && visited < WALK_MAX; visited++) {
    const element = stack.pop()!;
    if (element.matches(skip) || exclude?.(element)) continue;
    if (hasOwnWords(element)) return element;
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
  }
  return null;
}

function sameText(a: Element, b: Element): boolean {
  return clean(a.textContent) === clean(b.textContent);
}

/** Down through wrappers that hold nothing but one child with the same text. */
function innermost(element: Element): Element {
  let current = element;
  for (let depth = 0; depth < 50; depth++) {
    const only = current.children.length === 1 ? current.children[0]! : null;
    if (!only || hasOwnWords(current) || only.matches(LIST.skip) || !sameText(only, current)) break;
    current = only;
  }
  return current;
}

/** Addresses in the attributes (title, aria-label, mailto href) of `element` and its descendants. */
function attributeEmails(element: Element, skipOwnLabel = false): string[] {
  const found: string[] = [];
  const add = (values: string[]) => values.forEach((email) => found.includes(email) || found.push(email));
  const elements = [element, ...[...element.querySelectorAll(PERSON_HINTS)].slice(0, 200)];
  for (const each of elements) {
    add(emailsIn(each.getAttribute('title')));
    if (!(skipOwnLabel && each === element)) add(emailsIn(each.getAttribute('aria-label')));
    const href = each.getAttribute('href');
    if (href && /^\s*mailto:/i.test(href)) add(emailsIn(safeDecode(href.replace(/^\s*mailto:/i, '').split('?')[0]!)));
  }
  return found;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

// ---------------------------------------------------------------------------------------------
// The user

interface Self {
  address?: string;
  name?: string;
}

/** "Mail - Mary Somerville - Outlook" → "Mary Somerville"; needs a view part and the suffix. */
function titleAccount(doc: Document): string | undefined {
  const title = clean(doc.title, 500);
  if (!ACCOUNT.titleSuffix.test(title)) return undefined;
  const parts = title.replace(ACCOUNT.titleSuffix, '').split(/\s+[-–—]\s+/);
  return parts.length >= 2 ? clean(parts[parts.length - 1]) || undefined : undefined;
}

/** The user's display name: account manager button, account flyout, then the title. */
export function selfName(doc: Document): string | undefined {
  const manager = doc.querySelector(ACCOUNT.accountManager);
  const label = clean(manager?.getAttribute('aria-label')).replace(ACCOUNT.accountManagerPrefix, '');
  const candidates = [label, clean(doc.querySelector(ACCOUNT.meControlName)?.textContent), titleAccount(doc)];
  for (const candidate of candidates) {
    // "Mary Somerville (mary@…)" names her too; a bare address is no name.
    const parsed = parsePerson(candidate);
    if (parsed && parsed.name !== parsed.email) return parsed.name;
  }
  return undefined;
}

function selfAddress(doc: Document): string | undefined {
  const flyout = asEmail(clean(doc.querySelector(ACCOUNT.meControlAddress)?.textContent));
  if (flyout) return flyout;
  const manager = doc.querySelector(ACCOUNT.accountManager);
  if (manager) {
    const found = attributeEmails(manager);
    for (const image of manager.querySelectorAll('img[alt]')) found.push(...emailsIn(image.getAttribute('alt')));
    if (found[0]) return found[0];
  }
  return asEmail(titleAccount(doc));
}

function readSelf(doc: Document | null): Self {
  if (!doc) return {};
  const address = selfAddress(doc);
  const name = selfName(doc);
  return { ...(address ? { address } : {}), ...(name ? { name } : {}) };
}

/** By address when both sides have one; else by display name (or the name shown as the address). */
function isSelf(who: MailPerson, self: Self): boolean {
  if (who.email && self.address) return who.email === self.address;
  if (!who.email && self.address && asEmail(who.name) === self.address) return true;
  return Boolean(self.name) && nameKey(who.name) === nameKey(self.name);
}

// ---------------------------------------------------------------------------------------------
// Routes

function thread(rawId: string | undefined): MailRoute {
  const id = rawId ? safeDecode(rawId).slice(0, ID_MAX) : '';
  return id.trim() ? { view: 'thread', threadId: id } : { view: 'list' };
}

function route(url: URL): MailRoute {
  if (!(OUTLOOK_HOSTS as readonly string[]).includes(url.hostname.toLowerCase())) return { view: 'other' };
  const segments = url.pathname.split('/').filter(Boolean);
  if (segments[0]?.toLowerCase() !== 'mail') return { view: 'other' };
  let rest = segments.slice(1);
  // A mailbox index (`/mail/0/` on live) or a shared mailbox (`/mail/team@contoso.com/`).
  if (rest[0] !== undefined && (/^\d+$/.test(rest[0]) || safeDecode(rest[0]).includes('@'))) rest = rest.slice(1);
  const first = rest[0]?.toLowerCase();
  if (first === PATHS.deeplink) {
    return rest[1]?.toLowerCase() === PATHS.deeplinkRead && rest[2] ? thread(rest[2]) : { view: 'other' };
  }
  if (first && (PATHS.otherSections as readonly string[]).includes(first)) return { view: 'other' };
  // `/id/<ItemID>` anywhere after the folder; a folder id right after `folder/` is not it.
  for (let i = 0; i < rest.length; i++) {
    if (rest[i]!.toLowerCase() === PATHS.itemMarker && rest[i - 1]?.toLowerCase() !== 'folder') return thread(rest[i + 1]);
  }
  // Folders (inbox, sentitems, archive, folder/<id>, search…) and anything unknown under
  // /mail: a list; the list container decides whether one is really shown.
  return { view: 'list' };
}

// ---------------------------------------------------------------------------------------------
// The message list

function findListContainer(doc: Document): Element | null {
  const boxes = [...doc.querySelectorAll(LIST.listbox)];
  const box =
    boxes.find((candidate) => candidate.querySelector(LIST.row)) ??
    boxes.find((candidate) => candidate.closest(LIST.section)) ??
    boxes.find((candidate) => /message list/i.test(candidate.getAttribute('aria-label') ?? ''));
  if (!box) return null;
  // The business layout keeps its section (tabs + list) while a tab switch may swap the list.
  return box.closest(LIST.section) ?? box;
}

function rowsUnder(root: ParentNode): Element[] {
  if (isElement(root)) {
    const row = root.closest(LIST.row);
    if (row) return [row];
  }
  return [...root.querySelectorAll(LIST.row)];
}

const SEPARATOR = /^[\s;,]+$/;
/** Times, dates and day words shown in the sender's place by some layouts: not people. */
const NOT_A_NAME = /^(?:\d{1,2}:\d{2}\b|\d{1,4}[/.-]\d{1,2}\b|(?:today|yesterday)\b)/i;

/**
 * The people one element names. An element listing several ("Ada Lovelace; Grace Hopper" in one
 * text) yields all of them; the caller keeps only the first who is not the user.
 */
function unitPeople(anchor: Element, attributesFrom: Element = anchor): MailPerson[] {
  const text = clean(anchor.textContent);
  if (!text || NOT_A_NAME.test(text) || /^\[.*\]$/.test(text)) return [];
  const names = text.split(';').map((part) => part.trim()).filter(Boolean);
  const addresses = attributeEmails(attributesFrom);
  if (names.length <= 1) {
    const shown = parsePerson(names[0]);
    if (shown?.email) return [shown];
    // One address in the attributes belongs to the one name; several would be a guess.
    const email = addresses.length === 1 ? addresses[0] : undefined;
    const who = person(shown?.name, email);
    return who ? [who] : [];
  }
  const people = names.map((name) => parsePerson(name));
  // A title listing as many addresses as the text lists names pairs them up, in order.
  const paired = addresses.length === names.length;
  return people.flatMap((who, i) => {
    if (!who) return [];
    if (who.email || !paired) return [who];
    return [person(who.name, addresses[i])!];
  });
}

/**
 * The participants a row names. The sender line is the row's first text (Outlook shows the
 * sender before the subject in every layout seen); further participants are the elements
 * that follow it, each after a ";". One element naming several people gets one slot only
 * (the first who is not the user): several slots on one anchor would stack their badges.
 */
function rowSenders(row: Element, self: Self): PersonSlot[] {
  const slots: PersonSlot[] = [];
  let sawPerson = false;
  const take = (anchor: Element, attributesFrom: Element): boolean => {
    const people = unitPeople(anchor, attributesFrom);
    if (!people.length) return false;
    sawPerson = true;
    const other = people.find((who) => !isSelf(who, self));
    if (other) slots.push({ anchor, person: other });
    return true;
  };

  const first = firstTextElement(row, LIST.skip);
  if (first) {
    // Mixed inline content (a search highlight: <span><mark>Ada</mark> Lovelace</span>) is one unit.
    let unit = first;
    while (unit.parentElement && unit.parentElement !== row && hasOwnWords(unit.parentElement)) unit = unit.parentElement;
    // Wrappers around the unit share its text; participants are the wrapper's siblings.
    let outer = unit;
    while (outer.parentElement && outer.parentElement !== row && sameText(outer.parentElement, outer)) outer = outer.parentElement;

    let needSeparator = false;
    let started = false;
    const sawSeparator = (text: string) => /[;,]\s*$/.test(text);
    for (let node: Node | null = outer, steps = 0; node && steps < 200; node = node.nextSibling, steps++) {
      const text = clean(node.textContent);
      if (node === outer) {
        // Wrappers may carry the title (<span title="ada@…"><mark>Ada</mark></span>).
        started = take(unit, outer);
        needSeparator = started && !sawSeparator(text);
        if (!started && !/^\[.*\]$/.test(text)) break;
        continue;
      }
      if (!isElement(node)) {
        if (!text) continue;
        if (SEPARATOR.test(text)) needSeparator = false;
        else break;
        continue;
      }
      if (node.matches(LIST.skip) || !text) continue;
      if (SEPARATOR.test(text)) {
        needSeparator = false;
        continue;
      }
      if (needSeparator) break;
      const took = take(innermost(node), node);
      // A "[Draft]" label before the names does not end the line; anything else does.
      if (!took && !(!started && /^\[.*\]$/.test(text))) break;
      if (took) started = true;
      needSeparator = took && !sawSeparator(text);
    }
  }

  if (!sawPerson) {
    // No readable sender line: an element whose title is an address (the real sender span).
    for (const candidate of row.querySelectorAll('[title*="@"]')) {
      if (candidate.closest(LIST.skip)) continue;
      const email = asEmail(clean(candidate.getAttribute('title')));
      if (!email) continue;
      const shown = parsePerson(candidate.textContent);
      const who = person(shown && !shown.email ? shown.name : undefined, email)!;
      if (!isSelf(who, self)) slots.push({ anchor: candidate, person: who });
      break;
    }
  }
  return slots;
}

function readRows(root: ParentNode): ListRow[] {
  const self = readSelf(documentOf(root));
  return rowsUnder(root).map((row) => ({ row, senders: rowSenders(row, self) }));
}

// ---------------------------------------------------------------------------------------------
// The open conversation

/** Outermost message elements of the pane, leaving out quoted copies in bodies and compose forms. */
function messageElements(pane: Element): Element[] {
  return [...pane.querySelectorAll(PANE.message)].filter((element) => {
    const enclosing = element.parentElement?.closest(PANE.message);
    if (enclosing && pane.contains(enclosing)) return false;
    const body = element.closest(PANE.body);
    return !(body && pane.contains(body));
  });
}

function findThreadContainer(doc: Document): Element | null {
  for (const pane of doc.querySelectorAll(PANE.container)) {
    if (messageElements(pane).length) return pane;
  }
  return null;
}

/** Inside `scope` but not inside one of its message bodies (which the sender wrote). */
function inHeader(element: Element, scope: Element): boolean {
  const body = element.closest(PANE.body);
  return !body || !scope.contains(body) || body === scope;
}

function subjectText(element: Element): string {
  const titled = element.hasAttribute('title') ? element : element.querySelector('[title]');
  const title = clean(titled?.getAttribute('title'), SUBJECT_MAX);
  const text = clean(element.textContent, SUBJECT_MAX);
  // A span[title] holds the full subject when the text is cut; ignore titles that say something else.
  return title && (!text || title.startsWith(text.replace(/…$/, ''))) ? title : text;
}

function readSubject(pane: Element, messages: Element[]): string {
  const usable = (element: Element) =>
    inHeader(element, pane) && !element.closest(LIST.row) && !element.closest(COMPOSE.body);
  const outsideMessages = (element: Element) => !messages.some((message) => message.contains(element));
  const byId = [...pane.querySelectorAll(PANE.subjectById)].filter(usable);
  const headings = [...pane.querySelectorAll(PANE.heading)].filter(usable);
  for (const candidate of [...byId, ...headings.filter(outsideMessages), ...headings]) {
    const subject = subjectText(candidate);
    if (subject) return subject;
  }
  return '';
}

function slotFor(anchor: Element, who: MailPerson | undefined): PersonSlot | null {
  return who ? { anchor, person: who } : null;
}

/** A persona button or addressed element: its name, its address (maybe in the next "<…>"), its anchor. */
function personaSlot(element: Element): PersonSlot | null {
  const label = clean(element.getAttribute('aria-label'));
  const labelName = PANE.personaPrefix.test(label) ? label.replace(PANE.personaPrefix, '') : undefined;
  const shown = parsePerson(element.textContent);
  let email = (labelName && asEmail(labelName)) || shown?.email || attributeEmails(element, true)[0];
  let anchor = element;
  const next = element.nextElementSibling;
  if (!email && next) {
    const beside = /^<\s*([^<>\s]+)\s*>$/.exec(clean(next.textContent));
    const nextEmail = asEmail(beside?.[1]);
    if (nextEmail) {
      email = nextEmail;
      anchor = next;
    }
  }
  const fromLabel = labelName && !asEmail(labelName) ? parsePerson(labelName) : undefined;
  const name = fromLabel?.name ?? (shown && shown.name !== shown.email ? shown.name : undefined);
  return slotFor(anchor, person(name && !name.includes('@') ? name : undefined, email));
}

function readFrom(message: Element, lines: Element[]): PersonSlot | null {
  const header = (element: Element) =>
    inHeader(element, message) && !lines.some((line) => line.contains(element));
  const fromElement = [...message.querySelectorAll(PANE.from)].find(header);
  if (fromElement) {
    const labelled = parsePerson((fromElement.getAttribute('aria-label') ?? '').replace(/^\s*From:\s*/i, ''));
    if (labelled?.email) return slotFor(fromElement, labelled);
    const inside = attributeEmails(fromElement, true)[0] ?? emailsIn(fromElement.textContent)[0];
    const who = person(labelled?.name ?? parsePerson(fromElement.textContent)?.name, inside);
    if (who) return slotFor(fromElement, who);
  }
  const persona = [...message.querySelectorAll(PANE.persona)].find(header);
  if (persona) return personaSlot(persona);
  const mailto = [...message.querySelectorAll('a[href]')].find(
    (link) => header(link) && /^\s*mailto:/i.test(link.getAttribute('href') ?? ''),
  );
  if (mailto) return personaSlot(mailto);
  const titled = [...message.querySelectorAll('[title*="@"]')].find(
    (element) => header(element) && asEmail(clean(element.getAttribute('title'))),
  );
  if (titled) return personaSlot(titled);
  // A collapsed item: the sender's name is its first text.
  const first = firstTextElement(
    message,
    LIST.skip,
    (element) => element.matches(PANE.body) || element.matches(PANE.date) || lines.includes(element),
  );
  const who = first ? unitPeople(first)[0] : undefined;
  return first && who ? slotFor(first, who) : null;
}

/** "To: Mary Somerville; Grace Hopper": one slot per element naming a person, else the label. */
function readLine(line: Element, self: Self): PersonSlot[] {
  const candidates = [...line.querySelectorAll(`${PANE.persona}, [title], a[href]`)].filter((element) => {
    if (PANE.personaPrefix.test(element.getAttribute('aria-label') ?? '')) return true;
    if (emailsIn(element.getAttribute('title')).length) return true;
    return /^\s*mailto:/i.test(element.getAttribute('href') ?? '');
  });
  const units = candidates.filter((element) => !candidates.some((other) => other !== element && other.contains(element)));
  if (units.length) {
    return units
      .map((unit) => personaSlot(unit))
      .filter((slot): slot is PersonSlot => slot !== null && !isSelf(slot.person, self));
  }
  // One text for everyone: one slot (badges on a shared anchor would stack), the first not the user.
  const label = clean(line.getAttribute('aria-label')).replace(/^(?:To|Cc|Bcc):\s*/i, '');
  const listed = label.split(';').map((part) => parsePerson(part)).filter((who): who is MailPerson => Boolean(who));
  const other = listed.find((who) => !isSelf(who, self));
  return other ? [{ anchor: line, person: other }] : [];
}

function dateOf(message: Element): { when?: number; text: string } {
  const element = [...message.querySelectorAll(PANE.date)].find((candidate) => inHeader(candidate, message));
  if (!element) return { text: '' };
  const texts = [element.getAttribute('title'), element.getAttribute('datetime'), element.textContent].map((value) =>
    clean(value, 200),
  );
  for (const text of texts) {
    const when = parseOutlookDate(text);
    if (when !== undefined) return { when, text };
  }
  return { text: texts.find(Boolean) ?? '' };
}

interface ReadMessage extends Omit<ThreadMessage, 'id'> {
  attributeId: string;
  dateText: string;
}

function readMessage(element: Element, self: Self): ReadMessage {
  const lines = [...element.querySelectorAll(PANE.recipientLines)].filter((line) => inHeader(line, element));
  const outerLines = lines.filter((line) => !lines.some((other) => other !== line && other.contains(line)));
  const from = readFrom(element, outerLines);
  const recipients = outerLines.flatMap((line) => readLine(line, self));
  const { when, text } = dateOf(element);
  return {
    attributeId: clean(element.getAttribute(PANE.itemIdAttribute), ID_MAX),
    from,
    recipients,
    fromMe: Boolean(from && isSelf(from.person, self)),
    ...(when !== undefined ? { when } : {}),
    dateText: text,
  };
}

function urlThreadId(doc: Document): string | undefined {
  try {
    const where = route(new URL(doc.URL));
    return where.view === 'thread' ? where.threadId : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Each message's id: its item-id attribute when the page has one; else one derived from the
 * sender and the parsed date (stable while the conversation grows and items collapse); a
 * lone undated message takes the URL's item id; the last resort adds the page position.
 */
function messageIds(read: ReadMessage[], urlId: string | undefined): string[] {
  return read.map((message, index) => {
    if (message.attributeId) return message.attributeId;
    const sender = message.from?.person.email ?? nameKey(message.from?.person.name);
    if (message.when !== undefined) return `derived:${sender}|${message.when}`;
    if (read.length === 1 && urlId) return urlId;
    return `derived:${sender}|${message.dateText}|#${index}`;
  });
}

function readThread(doc: Document): OpenThread | null {
  const pane = findThreadContainer(doc);
  if (!pane) return null;
  const self = readSelf(doc);
  const elements = messageElements(pane);
  let read = elements.map((element) => readMessage(element, self));
  // Outlook lists newest first by default; the contract is oldest first. Turn the list round
  // when the dates it shows say it is newest first.
  const dated = read.filter((message) => message.when !== undefined).map((message) => message.when!);
  const descending =
    dated.length >= 2 && dated.every((when, i) => i === 0 || when <= dated[i - 1]!) && dated[0]! > dated[dated.length - 1]!;
  if (descending) read = [...read].reverse();
  const ids = messageIds(read, urlThreadId(doc));
  const messages: ThreadMessage[] = read.map(({ attributeId: _id, dateText: _text, ...message }, i) => ({
    id: ids[i]!,
    ...message,
  }));
  return { subject: readSubject(pane, elements), messages };
}

// ---------------------------------------------------------------------------------------------
// Compose

function isDisabled(element: Element): boolean {
  return Boolean(element.closest('[disabled], [aria-disabled="true"]'));
}

/** A Send button by its label, enabled or not: not its split "Send options" half, not a menu. */
function isSendLabelled(element: Element): boolean {
  if (element.hasAttribute('aria-haspopup') || element.hasAttribute('aria-expanded')) return false;
  if (element.getAttribute('data-testid') === COMPOSE.sendTestId) return true;
  const label =
    clean(element.getAttribute('aria-label'), 100) || clean(element.getAttribute('title'), 100) || clean(element.textContent, 100);
  return COMPOSE.sendLabel.test(label);
}

const sendControls = (scope: Element) => [...scope.querySelectorAll(COMPOSE.sendCandidates)].slice(0, 500).filter(isSendLabelled);

/** A compose form: the nearest ancestor of its body that holds a Send button (enabled or not). */
function rootOfBody(body: Element): Element | null {
  let current = body.parentElement;
  for (let depth = 0; current && depth < 60; depth++, current = current.parentElement) {
    if (current.querySelectorAll(COMPOSE.body).length > 1) return null;
    if (sendControls(current).length) return current;
  }
  return null;
}

/**
 * The form an enabled Send button sends: the nearest ancestor holding one compose body, if
 * that body's own form is this very ancestor (a Send elsewhere on the page is not its Send).
 */
function rootOfSend(control: Element): Element | null {
  if (isDisabled(control)) return null;
  let current = control.parentElement;
  for (let depth = 0; current && depth < 60; depth++, current = current.parentElement) {
    const bodies = current.querySelectorAll(COMPOSE.body);
    if (bodies.length > 1) return null;
    if (bodies.length === 1) return rootOfBody(bodies[0]!) === current ? current : null;
  }
  return null;
}

/** Inside a received message: a Send look-alike there is the sender's, not Outlook's. */
function inReceivedBody(element: Element): boolean {
  const body = element.closest(PANE.receivedBody);
  return Boolean(body && !body.closest('[contenteditable="true"], [contenteditable=""]'));
}

function composeForSend(target: Element, viaKeyboard: boolean): Element | null {
  if (!isElement(target) || inReceivedBody(target)) return null;
  const control = target.closest(COMPOSE.sendCandidates);
  if (control && isSendLabelled(control)) return rootOfSend(control);
  if (viaKeyboard) {
    const body = target.closest(COMPOSE.body);
    const root = body && rootOfBody(body);
    // Ctrl+Enter sends only when the form's Send is enabled.
    return root && sendControls(root).some((send) => !isDisabled(send)) ? root : null;
  }
  return null;
}

/** Every text node under `root`, bounded. */
function textNodes(root: Element): string[] {
  const texts: string[] = [];
  const stack: Node[] = [root];
  for (let visited = 0; stack.length && visited < WALK_MAX; visited++) {
    const node = stack.pop()!;
    if (node.nodeType === 3) texts.push(node.textContent ?? '');
    else for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  return texts;
}

/** People in one text: "Name <addr>" pairs and bare addresses. */
function peopleInText(value: string): MailPerson[] {
  const text = clean(value);
  if (!text.includes('@')) return [];
  const found: MailPerson[] = [];
  for (const part of text.split(';')) {
    const whole = parsePerson(part);
    if (whole?.email) found.push(whole);
    else for (const email of emailsIn(part)) found.push(person(undefined, email)!);
  }
  return found;
}

function readCompose(compose: Element): ComposeSnapshot | null {
  if (!isElement(compose)) return null;
  const doc = compose.ownerDocument;
  const self = readSelf(doc);
  const recipients = new Map<string, MailPerson>();
  const add = (who: MailPerson) => {
    if (!who.email || isSelf(who, self)) return;
    const known = recipients.get(who.email);
    // A real name beats the address standing in for one.
    if (!known || (known.name === known.email && who.name !== who.email)) recipients.set(who.email, who);
  };
  for (const well of compose.querySelectorAll(COMPOSE.wells)) {
    // Chips: the address in a title or aria-label, the name in the label or the chip's text.
    for (const element of [...well.querySelectorAll(PERSON_HINTS)].slice(0, 500)) {
      for (const attribute of ['title', 'aria-label', 'href']) {
        const value = element.getAttribute(attribute);
        if (!value?.includes('@')) continue;
        const listed = parsePerson(value.replace(/^\s*mailto:/i, ''));
        const text = asName(element.textContent);
        for (const email of emailsIn(value)) {
          const fromValue = listed?.email === email && listed.name !== email ? listed.name : undefined;
          const name = fromValue ?? (text && !text.includes('@') ? text : undefined);
          add(person(name, email)!);
        }
      }
    }
    // "Name <addr>" spans and addresses typed but not yet resolved.
    for (const text of textNodes(well)) peopleInText(text).forEach(add);
    const inputs = well.matches(COMPOSE.wellInputs) ? [well] : [...well.querySelectorAll(COMPOSE.wellInputs)];
    for (const input of inputs) peopleInText((input as HTMLInputElement).value ?? '').forEach(add);
  }
  if (!recipients.size) return null;
  const subjectInput = compose.querySelector(COMPOSE.subject) as HTMLInputElement | null;
  // An inline reply has no subject field: it answers the conversation shown around it.
  let subject = subjectInput ? clean(subjectInput.value, SUBJECT_MAX) : '';
  if (!subjectInput) {
    const pane = compose.closest(PANE.container);
    if (pane) subject = readSubject(pane, messageElements(pane));
  }
  return { subject, recipients: [...recipients.values()] };
}

// ---------------------------------------------------------------------------------------------
// Dates

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4,
  thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

function localTime(y: number, m: number, d: number, h: number, min: number, s: number): number | undefined {
  if (y < 1900 || y > 2199) return undefined;
  const date = new Date(y, m - 1, d, h, min, s);
  const same =
    date.getFullYear() === y &&
    date.getMonth() === m - 1 &&
    date.getDate() === d &&
    date.getHours() === h &&
    date.getMinutes() === min;
  // Feb 30 rolls over and a time in a daylight-saving gap moves: neither is what the page said.
  return same ? date.getTime() : undefined;
}

/**
 * A date as Outlook shows it, in the browser's zone: "Tue 11/17/2026 3:04 PM",
 * "Tue, 17 Nov 2026 15:04", "Tuesday, November 17, 2026 3:04 PM", "17/11/2026 15:04",
 * "17.11.2026 15:04", "2026-11-17 15:04", ISO timestamps. A numeric date whose day and month
 * could swap is read only when a weekday or a day above 12 settles it; anything else
 * (relative days, no year, leftovers) is undefined — never a wrong date.
 */
export function parseOutlookDate(text: string | null | undefined): number | undefined {
  // A date text is short; a long one is something else (and is not worth scanning).
  if (typeof text !== 'string' || text.length > 10_000) return undefined;
  let s = text.trim();
  if (s.length > 200) return undefined;
  s = s
    .replace(INVISIBLE, '')
    .replace(/[\u00a0\u202f]/g, ' ')
    .trim()
    .toLowerCase();
  if (!s) return undefined;

  const iso = /^(\d{4})-(\d{2})-(\d{2})t(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (iso) {
    const [y, mo, d, h, mi, sec] = iso.slice(1, 7).map((part) => Number(part ?? 0)) as [
      number, number, number, number, number, number,
    ];
    if (!iso[7]) return localTime(y, mo, d, h, mi, sec);
    const parsed = Date.parse(s.toUpperCase());
    return Number.isFinite(parsed) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h <= 23 && mi <= 59 ? parsed : undefined;
  }

  let hour = 0;
  let minute = 0;
  let second = 0;
  const time = /(?:^|\s)(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([ap])\.?\s?m\.?)?(?=[\s,]|$)/.exec(s);
  if (time) {
    hour = Number(time[1]);
    minute = Number(time[2]);
    second = Number(time[3] ?? 0);
    if (minute > 59 || second > 59) return undefined;
    if (time[4]) {
      if (hour < 1 || hour > 12) return undefined;
      hour = (hour % 12) + (time[4] === 'p' ? 12 : 0);
    } else if (hour > 23) return undefined;
    s = `${s.slice(0, time.index)} ${s.slice(time.index + time[0].length)}`;
  }

  const tokens = s
    .replace(/,/g, ' ')
    .split(/\s+/)
    .filter((token) => token && token !== 'at');
  let weekday: number | undefined;
  const firstWord = tokens[0]?.replace(/\.$/, '');
  if (firstWord !== undefined && firstWord in WEEKDAYS) {
    weekday = WEEKDAYS[firstWord];
    tokens.shift();
  }

  let candidates: [number, number, number][] = [];
  if (tokens.length === 1) {
    const numeric = /^(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})$/.exec(tokens[0]!);
    if (!numeric) return undefined;
    const [a, b, c] = [numeric[1]!, numeric[3]!, numeric[4]!];
    if (a.length === 4 && c.length <= 2) candidates = [[Number(a), Number(b), Number(c)]];
    else if (c.length === 4 && a.length <= 2) {
      const year = Number(c);
      // Dotted dates are day first wherever they are used (de, ru, fi, nb, da, pl, cs, tr).
      candidates =
        numeric[2] === '.'
          ? [[year, Number(b), Number(a)]]
          : [
              [year, Number(a), Number(b)],
              [year, Number(b), Number(a)],
            ];
    } else return undefined;
  } else if (tokens.length === 3) {
    const [p, q, r] = tokens.map((token) => token.replace(/\.$/, '')) as [string, string, string];
    if (!/^\d{4}$/.test(r)) return undefined;
    if (/^\d{1,2}$/.test(p) && q in MONTHS) candidates = [[Number(r), MONTHS[q]!, Number(p)]];
    else if (p in MONTHS && /^\d{1,2}$/.test(q)) candidates = [[Number(r), MONTHS[p]!, Number(q)]];
    else return undefined;
  } else return undefined;

  const results = new Set<number>();
  for (const [y, m, d] of candidates) {
    if (m < 1 || m > 12) continue;
    const when = localTime(y, m, d, hour, minute, second);
    if (when === undefined) continue;
    if (weekday !== undefined && new Date(when).getDay() !== weekday) continue;
    results.add(when);
  }
  return results.size === 1 ? [...results][0] : undefined;
}

// ---------------------------------------------------------------------------------------------

export const outlook: MailAdapter = {
  site: 'outlook',
  route,
  selfAddress,
  findListContainer,
  readRows,
  findThreadContainer,
  readThread,
  composeForSend,
  readCompose,
};
