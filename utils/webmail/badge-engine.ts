// Puts a "last contacted" badge next to every known sender of a mail list, and a chip next to
// every participant of an open thread, and keeps them true while the page changes.
//
// Cost rules (Gmail and Outlook users feel every millisecond):
// - observe the list and thread containers only, once found (the whole document only until then);
// - rows found in one burst of mutations are looked up in ONE message, and while it is out
//   new unknown senders wait for the next one (never one message per row);
// - a cache answers repeat senders without any message; it is dropped when the store changes;
// - only DOM writes (no layout reads), and none when a badge already shows the right thing.
import { addChipLabel, badgeView, type BadgeMatch } from './badge-text';
import { badgeHosts, createBadge, type Badge } from './badge-dom';
import type { MailAdapter, MailPerson, OpenThread, ThreadMessage } from './types';

export interface LookupAnswer {
  emails: (BadgeMatch | null)[];
  names: (BadgeMatch | null)[];
}

export interface BadgeEngineOptions {
  doc: Document;
  adapter: MailAdapter;
  lookup: (emails: string[], names: string[]) => Promise<LookupAnswer>;
  now: () => number;
  /** A badge or chip was clicked: show that person's card. */
  onOpen: (person: MailPerson, message: ThreadMessage | undefined) => void;
  /** The open thread was read (again) and its participants looked up. */
  onThread?: (thread: OpenThread) => void;
  /** Lookups that failed (the worker restarting): logged quietly, retried at the next change. */
  onError?: (error: unknown) => void;
}

/** Most keys one message carries (the contract's limit per list). */
const MAX_KEYS = 2_000;
/**
 * Work per task: badges drawn, and rows read, before yielding to the page. Huge bursts are
 * spread over several tasks; up to these sizes one batch is cheaper, because every batch of
 * new badges costs the page a relayout of its list (measured: npm run bench).
 */
const DRAWS_PER_TASK = 400;
const ROOTS_PER_TASK = 150;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const keyOf = (person: MailPerson) => (person.email ? `e:${person.email}` : `n:${person.name}`);

interface Slot {
  key: string;
  person: MailPerson;
  badge: Badge | null;
  /** Thread participants get an "add" chip when unknown; list senders get nothing. */
  inThread: boolean;
  message?: ThreadMessage;
}

export function createBadgeEngine(options: BadgeEngineOptions) {
  const { doc, adapter } = options;
  /** key → the contact it matched, or null (not a contact). */
  const cache = new Map<string, BadgeMatch | null>();
  const slots = new Map<Element, Slot>();
  const pending = new Set<string>();
  /** Keys of the lookup that is out: a repeat sender seen meanwhile waits for its answer. */
  const asking = new Set<string>();
  let inFlight = false;
  let stopped = false;
  let listObserver: MutationObserver | null = null;
  let threadObserver: MutationObserver | null = null;
  let discovery: MutationObserver | null = null;
  let listContainer: Element | null = null;
  let threadContainer: Element | null = null;
  let threadTimer: ReturnType<typeof setTimeout> | undefined;
  let discoveryTimer: ReturnType<typeof setTimeout> | undefined;

  const drawQueue = new Map<Element, Slot>();
  let draining = false;
  /** Draws queued badges, a chunk per task. */
  async function drainDraws() {
    if (draining) return;
    draining = true;
    try {
      while (drawQueue.size && !stopped) {
        let n = 0;
        for (const [anchor, slot] of drawQueue) {
          drawQueue.delete(anchor);
          draw(anchor, slot);
          if (++n >= DRAWS_PER_TASK) break;
        }
        if (drawQueue.size) await nextTask();
      }
    } finally {
      draining = false;
    }
  }
  function queueDraw(anchor: Element, slot: Slot) {
    drawQueue.set(anchor, slot);
    void drainDraws();
  }

  function draw(anchor: Element, slot: Slot) {
    if (!anchor.isConnected) {
      slots.delete(anchor);
      return;
    }
    const match = cache.get(slot.key);
    if (match === undefined) return; // Not looked up yet.
    if (!match && !slot.inThread) {
      slot.badge?.remove();
      slot.badge = null;
      return;
    }
    if (!slot.badge) slot.badge = createBadge(anchor, () => options.onOpen(slot.person, slot.message));
    else slot.badge.reattach(anchor);
    if (match) slot.badge.show(badgeView(match, options.now()));
    else slot.badge.showAdd(addChipLabel(slot.person.name));
  }

  function track(anchor: Element, person: MailPerson, inThread: boolean, message?: ThreadMessage) {
    const key = keyOf(person);
    const existing = slots.get(anchor);
    if (existing && existing.key === key && existing.inThread === inThread) {
      existing.message = message ?? existing.message;
      queueDraw(anchor, existing);
      return;
    }
    existing?.badge?.remove();
    const slot: Slot = { key, person, badge: null, inThread, ...(message ? { message } : {}) };
    slots.set(anchor, slot);
    if (cache.has(key)) queueDraw(anchor, slot);
    else if (!asking.has(key)) pending.add(key);
  }

  async function flush() {
    if (inFlight || stopped || !pending.size) return;
    const keys = [...pending].slice(0, MAX_KEYS * 2);
    const emails = keys.filter((k) => k.startsWith('e:')).slice(0, MAX_KEYS);
    const names = keys.filter((k) => k.startsWith('n:')).slice(0, MAX_KEYS);
    for (const key of [...emails, ...names]) {
      pending.delete(key);
      asking.add(key);
    }
    inFlight = true;
    try {
      const answer = await options.lookup(
        emails.map((k) => k.slice(2)),
        names.map((k) => k.slice(2)),
      );
      emails.forEach((key, i) => cache.set(key, answer.emails[i] ?? null));
      names.forEach((key, i) => cache.set(key, answer.names[i] ?? null));
      const asked = new Set([...emails, ...names]);
      for (const [anchor, slot] of slots) if (asked.has(slot.key)) drawQueue.set(anchor, slot);
      void drainDraws();
    } catch (error) {
      // Keep them pending: the next change (or store signal) tries again.
      for (const key of [...emails, ...names]) pending.add(key);
      asking.clear();
      options.onError?.(error);
      inFlight = false;
      return;
    }
    asking.clear();
    inFlight = false;
    // Senders that appeared while the answer was out: one more message for all of them.
    if (pending.size) void flush();
    else if (threadContainer) notifyThread();
  }

  function scanList(root: ParentNode) {
    for (const row of adapter.readRows(root)) for (const slot of row.senders) track(slot.anchor, slot.person, false);
  }

  let lastThread: OpenThread | null = null;
  function scanThread() {
    const thread = adapter.readThread(doc);
    lastThread = thread;
    if (!thread) return;
    for (const message of thread.messages) {
      if (message.from && !message.fromMe) track(message.from.anchor, message.from.person, true, message);
      for (const recipient of message.recipients) track(recipient.anchor, recipient.person, true, message);
    }
  }

  function notifyThread() {
    if (lastThread && options.onThread) options.onThread(lastThread);
  }

  /** The roots of a mutation batch worth reading (our own badges left out). */
  function addedRoots(records: MutationRecord[]): Element[] {
    const roots: Element[] = [];
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1 || badgeHosts.has(node as Element)) continue;
        roots.push(node as Element);
      }
      // Text or attribute-free swaps inside a row (a sender span replaced) surface as the parent.
      if (record.type === 'childList' && record.removedNodes.length && record.target.nodeType === 1) {
        const target = record.target as Element;
        if (!badgeHosts.has(target)) roots.push(target);
      }
    }
    return roots;
  }

  /** Anchors the page dropped: forgotten, and their badges removed (a replaced span leaves ours behind). */
  function prune() {
    for (const [anchor, slot] of slots) {
      if (anchor.isConnected) continue;
      slot.badge?.remove();
      slots.delete(anchor);
    }
  }

  let scanning: Promise<void> = Promise.resolve();
  function onListMutations(records: MutationRecord[]) {
    if (records.some((record) => record.removedNodes.length)) prune();
    const roots = addedRoots(records);
    if (!roots.length) return;
    // Read in chunks (yielding between them), then ask once for everything the burst named.
    scanning = scanning.then(async () => {
      for (let i = 0; i < roots.length && !stopped; i += ROOTS_PER_TASK) {
        if (i) await nextTask();
        for (const root of roots.slice(i, i + ROOTS_PER_TASK)) if (root.isConnected) scanList(root);
      }
      void flush();
    });
  }

  function onThreadMutations(records: MutationRecord[]) {
    if (!addedRoots(records).length) return;
    // A thread re-renders in several steps (expanding a message): read it once they settle.
    clearTimeout(threadTimer);
    threadTimer = setTimeout(() => {
      prune();
      scanThread();
      void flush().then(() => !pending.size && !inFlight && notifyThread());
    }, 30);
  }

  /** Finds the containers; watches the document only while one is missing. */
  function attach() {
    if (stopped) return;
    const list = adapter.findListContainer(doc);
    if (list !== listContainer) {
      listObserver?.disconnect();
      listContainer = list;
      if (list) {
        listObserver = new MutationObserver(onMainMutations);
        listObserver.observe(list, { childList: true, subtree: true });
        scanList(list);
      }
    }
    const route = adapter.route(new URL(doc.location.href));
    const thread = route.view === 'thread' ? adapter.findThreadContainer(doc) : null;
    if (thread !== threadContainer) {
      threadObserver?.disconnect();
      threadContainer = thread;
      // The list observer already sees a thread rendered inside the list's container (Gmail).
      if (thread && !(listContainer && listContainer.contains(thread))) {
        threadObserver = new MutationObserver(onThreadMutations);
        threadObserver.observe(thread, { childList: true, subtree: true });
      }
    }
    if (thread) scanThread();
    else lastThread = null;
    void flush().then(() => !pending.size && !inFlight && notifyThread());
    const missing = !listContainer || (route.view === 'thread' && !threadContainer);
    if (missing && !discovery) {
      discovery = new MutationObserver(() => {
        clearTimeout(discoveryTimer);
        discoveryTimer = setTimeout(attach, 50);
      });
      discovery.observe(doc.documentElement, { childList: true, subtree: true });
    } else if (!missing && discovery) {
      discovery.disconnect();
      discovery = null;
    }
  }

  // Gmail renders the open thread inside the list's container: its mutations arrive there.
  function onMainMutations(records: MutationRecord[]) {
    onListMutations(records);
    if (threadContainer && listContainer?.contains(threadContainer)) onThreadMutations(records);
  }

  return {
    /** Starts: finds the containers and draws what is there. */
    start() {
      attach();
    },
    /** The URL changed (folder, search, list ↔ thread): look again. */
    routeChanged() {
      if (listContainer && !listContainer.isConnected) listContainer = null;
      if (threadContainer && !threadContainer.isConnected) threadContainer = null;
      attach();
      // The app swaps its content right after the URL: look once more when it has.
      setTimeout(attach, 120);
    },
    /** The store changed: every badge's answer may be stale. One message re-asks for all visible ones. */
    invalidate() {
      cache.clear();
      for (const [anchor, slot] of slots) {
        if (anchor.isConnected) pending.add(slot.key);
        else slots.delete(anchor);
      }
      void flush();
    },
    /** What the cache knows about a person (undefined: not looked up yet). */
    known(person: MailPerson): BadgeMatch | null | undefined {
      return cache.get(keyOf(person));
    },
    stop() {
      stopped = true;
      listObserver?.disconnect();
      threadObserver?.disconnect();
      discovery?.disconnect();
      clearTimeout(threadTimer);
      clearTimeout(discoveryTimer);
      drawQueue.clear();
      for (const slot of slots.values()) slot.badge?.remove();
      slots.clear();
    },
    /** For tests: how many places are tracked. */
    get trackedCount() {
      return slots.size;
    },
  };
}
export type BadgeEngine = ReturnType<typeof createBadgeEngine>;
