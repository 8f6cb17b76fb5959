// @vitest-environment happy-dom
// The badge engine on its own, with a tiny fake adapter (no Gmail or Outlook markup): how many
// lookups it sends, where badges go, and how it keeps them true while the page changes.
//
// Fake page: a list `<div data-list><table><tbody>` of `<tr data-row>` rows whose senders are
// `<span data-sender data-email="…" data-name="…">`; an open thread `<div data-thread>` of
// `<div data-message data-id="…" [data-from-me]>` holding `<span data-from …>` and
// `<span data-to …>` people.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBadgeEngine, type BadgeEngine, type LookupAnswer } from '../../../utils/webmail/badge-engine';
import type { BadgeMatch } from '../../../utils/webmail/badge-text';
import type { MailAdapter, MailPerson, MailRoute, OpenThread, PersonSlot, ThreadMessage } from '../../../utils/webmail/types';

const DAY = 86_400_000;
const NOW = new Date(2026, 5, 15, 12).getTime();

// ——— the fake adapter ———

function slotOf(el: Element): PersonSlot {
  const email = el.getAttribute('data-email')?.toLowerCase();
  return { anchor: el, person: { ...(email ? { email } : {}), name: el.getAttribute('data-name') ?? '' } };
}

function fakeAdapter(): MailAdapter & { currentRoute: MailRoute } {
  const adapter: MailAdapter & { currentRoute: MailRoute } = {
    site: 'gmail',
    currentRoute: { view: 'list' },
    route: () => adapter.currentRoute,
    selfAddress: () => 'me@example.com',
    findListContainer: (doc) => doc.querySelector('[data-list]'),
    readRows(root) {
      const rows = new Set<Element>();
      if (root instanceof Element) {
        const row = root.closest('[data-row]');
        if (row) rows.add(row);
      }
      root.querySelectorAll('[data-row]').forEach((row) => rows.add(row));
      return [...rows].map((row) => ({ row, senders: [...row.querySelectorAll('[data-sender]')].map(slotOf) }));
    },
    findThreadContainer: (doc) => doc.querySelector('[data-thread]'),
    readThread(doc) {
      const container = doc.querySelector('[data-thread]');
      if (!container) return null;
      const messages: ThreadMessage[] = [...container.querySelectorAll('[data-message]')].map((el) => {
        const from = el.querySelector('[data-from]');
        return {
          id: el.getAttribute('data-id')!,
          from: from ? slotOf(from) : null,
          recipients: [...el.querySelectorAll('[data-to]')].map(slotOf),
          fromMe: el.hasAttribute('data-from-me'),
        };
      });
      return { subject: container.querySelector('[data-subject]')?.textContent ?? '', messages };
    },
    composeForSend: () => null,
    readCompose: () => null,
  };
  return adapter;
}

// ——— page building ———

interface P {
  email?: string;
  name: string;
}
const ada: P = { email: 'ada@example.com', name: 'Ada Lovelace' };
const grace: P = { email: 'grace@example.com', name: 'Grace Hopper' };
const frank: P = { email: 'frank@example.com', name: 'Frank Known' };
const bob: P = { email: 'bob@example.com', name: 'Bob Builder' };
const eve: P = { email: 'eve@example.com', name: 'Eve Unknown' };
const carol: P = { name: 'Carol Byname' }; // a contact, matched by name
const dave: P = { name: 'Dave Noname' }; // not a contact
const me: P = { email: 'me@example.com', name: 'Me Myself' };

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const personHtml = (p: P, attr = 'data-sender') =>
  `<span ${attr}${p.email ? ` data-email="${esc(p.email)}"` : ''} data-name="${esc(p.name)}">${esc(p.name)}</span>`;
const rowHtml = (senders: P[], subject = 'Hello') =>
  `<tr data-row><td>${senders.map((s) => personHtml(s)).join(', ')}</td><td>${esc(subject)}</td></tr>`;

/** Rows, built off the page, to be inserted in one operation. */
function rowsFragment(rows: P[][]): DocumentFragment {
  const table = document.createElement('table');
  table.innerHTML = `<tbody>${rows.map((r) => rowHtml(r)).join('')}</tbody>`;
  const fragment = document.createDocumentFragment();
  fragment.append(...table.querySelectorAll('tr'));
  return fragment;
}

function renderList(rows: P[][]): HTMLTableSectionElement {
  const list = document.createElement('div');
  list.setAttribute('data-list', '');
  list.innerHTML = '<table><tbody></tbody></table>';
  const tbody = list.querySelector('tbody')!;
  tbody.append(rowsFragment(rows));
  document.body.append(list);
  return tbody;
}

const tbody = () => document.querySelector<HTMLTableSectionElement>('[data-list] tbody')!;
const anchorsOf = (p: P) =>
  [...document.querySelectorAll('[data-sender],[data-from],[data-to]')].filter((el) =>
    p.email ? el.getAttribute('data-email') === p.email : !el.hasAttribute('data-email') && el.getAttribute('data-name') === p.name,
  );

// ——— closed shadow roots, captured as they are made ———

let shadows: Map<Element, ShadowRoot>;
const originalAttachShadow = Element.prototype.attachShadow;

interface Drawn {
  host: Element;
  button: HTMLButtonElement;
}
/** The badge right after `anchor`, or null. */
function badgeAfter(anchor: Element): Drawn | null {
  const next = anchor.nextSibling;
  if (!(next instanceof Element)) return null;
  const root = shadows.get(next);
  if (!root) return null;
  return { host: next, button: root.querySelector('button')! };
}
const hostsInPage = () => [...shadows.keys()].filter((host) => host.isConnected);

// ——— lookups ———

interface Deferred {
  emails: string[];
  names: string[];
  resolve: (answer: LookupAnswer) => void;
  reject: (error: unknown) => void;
}

function harness(options: { manual?: boolean } = {}) {
  const directory = new Map<string, BadgeMatch>();
  const know = (p: P, over: Partial<BadgeMatch> = {}) =>
    directory.set(p.email ? `e:${p.email}` : `n:${p.name}`, {
      contactId: directory.size + 1,
      name: p.name,
      lastContacted: NOW - 3 * DAY,
      match: p.email ? 'email' : 'name',
      ...over,
    });
  const answerFor = (emails: string[], names: string[]): LookupAnswer => ({
    emails: emails.map((e) => directory.get(`e:${e}`) ?? null),
    names: names.map((n) => directory.get(`n:${n}`) ?? null),
  });
  const out: Deferred[] = [];
  const lookup = vi.fn((emails: string[], names: string[]): Promise<LookupAnswer> => {
    if (!options.manual) return Promise.resolve(answerFor(emails, names));
    return new Promise((resolve, reject) => out.push({ emails, names, resolve, reject }));
  });
  /** Answers the oldest lookup still out, from the directory as it is now. */
  const answerNext = () => {
    const next = out.shift();
    if (!next) throw new Error('no lookup out');
    next.resolve(answerFor(next.emails, next.names));
  };
  const failNext = (error: unknown) => {
    const next = out.shift();
    if (!next) throw new Error('no lookup out');
    next.reject(error);
  };
  const adapter = fakeAdapter();
  const onOpen = vi.fn<(person: MailPerson, message: ThreadMessage | undefined) => void>();
  const onThread = vi.fn<(thread: OpenThread) => void>();
  const onError = vi.fn<(error: unknown) => void>();
  const engine = createBadgeEngine({ doc: document, adapter, lookup, now: () => NOW, onOpen, onThread, onError });
  engines.push(engine);
  return { directory, know, lookup, out, answerNext, failNext, adapter, onOpen, onThread, onError, engine };
}

/** Lets mutation observers, promise chains and zero-delay timers run (several rounds). */
async function settle(rounds = 6) {
  for (let i = 0; i < rounds; i++) await new Promise((done) => setTimeout(done, 0));
}

const sorted = (values: string[]) => [...values].sort();

let engines: BadgeEngine[] = [];

beforeEach(() => {
  engines = [];
  shadows = new Map();
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = originalAttachShadow.call(this, init);
    shadows.set(this, root);
    return root;
  });
  document.body.innerHTML = '';
});

afterEach(() => {
  for (const engine of engines) engine.stop();
  document.body.innerHTML = '';
});

// The 10-row list most tests start from.
const TEN_ROWS: P[][] = [[ada], [bob], [ada], [grace], [carol], [dave], [ada, frank], [eve], [bob], [grace]];

describe('first scan', () => {
  it('sends ONE lookup with the distinct keys, e-mails and names apart', async () => {
    const h = harness();
    h.know(ada);
    h.know(grace);
    h.know(frank);
    h.know(carol);
    renderList(TEN_ROWS);
    h.engine.start();
    await settle();

    expect(h.lookup).toHaveBeenCalledTimes(1);
    const [emails, names] = h.lookup.mock.calls[0]!;
    expect(sorted(emails)).toEqual(sorted([ada.email!, bob.email!, grace.email!, frank.email!, eve.email!]));
    expect(sorted(names)).toEqual(sorted([carol.name, dave.name]));
  });

  it('puts a badge right after every known sender and nothing after unknown ones', async () => {
    const h = harness();
    h.know(ada);
    h.know(grace, { lastContacted: NOW - 21 * DAY });
    h.know(frank);
    h.know(carol);
    renderList(TEN_ROWS);
    h.engine.start();
    await settle();

    for (const anchor of anchorsOf(ada)) expect(badgeAfter(anchor)?.button.textContent).toBe('3d');
    expect(anchorsOf(ada)).toHaveLength(3);
    for (const anchor of anchorsOf(grace)) {
      const badge = badgeAfter(anchor)!;
      expect(badge.button.textContent).toBe('3w');
      expect(badge.button.getAttribute('aria-label')).toBe('Last contacted 3 weeks ago · Rapport');
    }
    expect(badgeAfter(anchorsOf(frank)[0]!)?.button.textContent).toBe('3d');
    const carolBadge = badgeAfter(anchorsOf(carol)[0]!)!;
    expect(carolBadge.button.getAttribute('aria-label')).toBe('Last contacted 3 days ago, matched by name only · Rapport');
    expect(carolBadge.button.classList.contains('weak')).toBe(true);

    for (const p of [bob, eve, dave]) for (const anchor of anchorsOf(p)) expect(badgeAfter(anchor)).toBeNull();
    // 3 ada + 2 grace + frank + carol.
    expect(hostsInPage()).toHaveLength(7);
    expect(h.engine.known(ada)).toMatchObject({ name: 'Ada Lovelace' });
    expect(h.engine.known(bob)).toBeNull();
    expect(h.engine.known({ email: 'nobody@example.com', name: 'Nobody' })).toBeUndefined();
  });

  it('its own badge insertions trigger no lookup and no rescan', async () => {
    const h = harness();
    h.know(ada);
    h.know(grace);
    renderList(TEN_ROWS);
    const readRows = vi.spyOn(h.adapter, 'readRows');
    h.engine.start();
    await settle();
    expect(hostsInPage().length).toBeGreaterThan(0);
    await settle(12);
    expect(h.lookup).toHaveBeenCalledTimes(1);
    // The start scan only: the hosts it inserted were not read back as page changes.
    expect(readRows).toHaveBeenCalledTimes(1);
  });

  it('splits more than 2,000 addresses over several lookups, one at a time', async () => {
    const h = harness({ manual: true });
    const many: P[][] = Array.from({ length: 2_500 }, (_, i) => [{ email: `p${i}@example.com`, name: `P ${i}` }]);
    renderList(many);
    h.engine.start();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(1);
    expect(h.lookup.mock.calls[0]![0]).toHaveLength(2_000);
    h.answerNext();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(2);
    expect(h.lookup.mock.calls[1]![0]).toHaveLength(500);
    expect(new Set([...h.lookup.mock.calls[0]![0], ...h.lookup.mock.calls[1]![0]]).size).toBe(2_500);
  });
});

describe('rows added later', () => {
  it('100 rows in one DOM operation: one more lookup, for the keys not cached only', async () => {
    const h = harness();
    h.know(ada);
    h.know(grace);
    renderList(TEN_ROWS);
    h.engine.start();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(1);

    const fresh: P[] = Array.from({ length: 40 }, (_, i) => ({ email: `new${i}@example.com`, name: `New ${i}` }));
    h.know(fresh[0]!);
    h.know(fresh[7]!);
    const rows: P[][] = Array.from({ length: 100 }, (_, i) =>
      i % 5 === 0 ? [ada] : i % 5 === 1 ? [bob, grace] : i % 5 === 2 ? [{ name: 'Zoe Byname' }] : [fresh[i % 40]!],
    );
    tbody().append(rowsFragment(rows));
    await settle();

    expect(h.lookup).toHaveBeenCalledTimes(2);
    const [emails, names] = h.lookup.mock.calls[1]!;
    expect(sorted(emails)).toEqual(sorted([...new Set(rows.flat().filter((p) => p.email?.startsWith('new')).map((p) => p.email!))]));
    expect(names).toEqual(['Zoe Byname']);
    expect(emails).not.toContain(ada.email);
    expect(emails).not.toContain(bob.email);

    for (const anchor of anchorsOf(ada)) expect(badgeAfter(anchor)).not.toBeNull();
    for (const anchor of anchorsOf(fresh[7]!)) expect(badgeAfter(anchor)?.button.textContent).toBe('3d');
    for (const anchor of anchorsOf(fresh[1]!)) expect(badgeAfter(anchor)).toBeNull();
  });

  it('rows with cached senders only: no lookup at all, badges drawn', async () => {
    const h = harness();
    h.know(ada);
    h.know(grace);
    renderList(TEN_ROWS);
    h.engine.start();
    await settle();
    const before = hostsInPage().length;

    tbody().append(rowsFragment([[ada], [grace, bob], [dave], [ada]]));
    await settle();

    expect(h.lookup).toHaveBeenCalledTimes(1);
    expect(hostsInPage()).toHaveLength(before + 3);
    for (const anchor of [...anchorsOf(ada), ...anchorsOf(grace)]) expect(badgeAfter(anchor)?.button.textContent).toBe('3d');
    for (const anchor of [...anchorsOf(bob), ...anchorsOf(dave)]) expect(badgeAfter(anchor)).toBeNull();
  });

  it('at most one lookup in flight: rows added in 3 tasks meanwhile go in ONE next lookup', async () => {
    const h = harness({ manual: true });
    h.know(ada);
    const x: P = { email: 'x@example.com', name: 'X' };
    const y: P = { name: 'Y Byname' };
    const z: P = { email: 'z@example.com', name: 'Z' };
    h.know(x);
    h.know(y);
    renderList([[ada]]);
    h.engine.start();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(1);

    tbody().append(rowsFragment([[x]]));
    await settle();
    tbody().append(rowsFragment([[y, ada]]));
    await settle();
    tbody().append(rowsFragment([[z], [x]]));
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(1); // Still the first one out.

    h.answerNext();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(2);
    const [emails, names] = h.lookup.mock.calls[1]!;
    expect(sorted(emails)).toEqual(sorted([x.email!, z.email!]));
    expect(names).toEqual([y.name]);
    expect(badgeAfter(anchorsOf(ada)[0]!)).not.toBeNull();
    expect(badgeAfter(anchorsOf(x)[0]!)).toBeNull(); // Not answered yet.

    h.answerNext();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(2);
    for (const anchor of [...anchorsOf(x), ...anchorsOf(y), ...anchorsOf(ada)]) expect(badgeAfter(anchor)).not.toBeNull();
    expect(badgeAfter(anchorsOf(z)[0]!)).toBeNull();
  });
});

describe('invalidate', () => {
  it('re-asks every visible key in one lookup and updates badges in place', async () => {
    const h = harness();
    h.know(ada);
    h.know(grace);
    h.know(carol);
    renderList(TEN_ROWS);
    h.engine.start();
    await settle();
    const graceHosts = anchorsOf(grace).map((a) => badgeAfter(a)!.host);
    expect(graceHosts).toHaveLength(2);
    // A row that left the page is not asked about again.
    anchorsOf(eve)[0]!.closest('tr')!.remove();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(1);

    h.directory.delete(`e:${ada.email}`); // No longer a contact.
    h.know(grace, { lastContacted: NOW }); // Just talked.
    h.know(bob); // New contact.
    h.engine.invalidate();
    await settle();

    expect(h.lookup).toHaveBeenCalledTimes(2);
    const [emails, names] = h.lookup.mock.calls[1]!;
    expect(sorted(emails)).toEqual(sorted([ada.email!, bob.email!, grace.email!, frank.email!]));
    expect(sorted(names)).toEqual(sorted([carol.name, dave.name]));

    for (const anchor of anchorsOf(ada)) expect(badgeAfter(anchor)).toBeNull();
    anchorsOf(grace).forEach((anchor, i) => {
      const badge = badgeAfter(anchor)!;
      expect(badge.host).toBe(graceHosts[i]); // Same element: changed in place.
      expect(badge.button.textContent).toBe('0d');
      expect(badge.button.getAttribute('aria-label')).toBe('Last contacted today · Rapport');
    });
    for (const anchor of anchorsOf(bob)) expect(badgeAfter(anchor)?.button.textContent).toBe('3d');
    // 2 grace + 2 bob + carol.
    expect(hostsInPage()).toHaveLength(5);
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(2);
  });
});

describe('the page re-rendering', () => {
  it('a replaced sender span gets its badge back, once', async () => {
    const h = harness();
    h.know(ada);
    renderList([[ada], [bob]]);
    h.engine.start();
    await settle();
    const old = anchorsOf(ada)[0]!;
    const row = old.closest('tr')!;
    expect(badgeAfter(old)).not.toBeNull();

    const replacement = document.createElement('span');
    replacement.setAttribute('data-sender', '');
    replacement.setAttribute('data-email', ada.email!);
    replacement.setAttribute('data-name', ada.name);
    replacement.textContent = ada.name;
    old.replaceWith(replacement);
    await settle();

    expect(badgeAfter(replacement)?.button.textContent).toBe('3d');
    expect(row.querySelectorAll('span').length).toBe(2); // The sender and one badge host: no stale one left.
    expect(hostsInPage()).toHaveLength(1);
    expect(h.lookup).toHaveBeenCalledTimes(1);
  });

  it('a row whose cell is rebuilt gets its badge back', async () => {
    const h = harness();
    h.know(ada);
    renderList([[ada], [bob]]);
    h.engine.start();
    await settle();
    const cell = anchorsOf(ada)[0]!.closest('td')!;
    cell.innerHTML = personHtml(ada);
    await settle();
    expect(badgeAfter(anchorsOf(ada)[0]!)?.button.textContent).toBe('3d');
    expect(hostsInPage()).toHaveLength(1);
    expect(h.lookup).toHaveBeenCalledTimes(1);
  });

  it('a badge the page moved away is put back after its anchor', async () => {
    const h = harness();
    h.know(ada);
    renderList([[ada]]);
    h.engine.start();
    await settle();
    const anchor = anchorsOf(ada)[0]!;
    const host = badgeAfter(anchor)!.host;
    // The page inserts something between the sender and the badge: the badge follows its anchor again.
    const label = document.createElement('b');
    anchor.after(label);
    await settle();
    expect(anchor.nextSibling).toBe(host);
    expect(host.nextSibling).toBe(label);
    expect(hostsInPage()).toHaveLength(1);
  });
});

describe('rows leaving the page', () => {
  it('are forgotten (no detached rows kept alive) and not asked about again', async () => {
    const h = harness();
    h.know(ada);
    renderList(TEN_ROWS);
    h.engine.start();
    await settle();
    expect(h.engine.trackedCount).toBe(11); // 10 rows, one with two senders.
    const rows = [...tbody().querySelectorAll('tr')];
    for (const row of rows.slice(0, 5)) row.remove();
    await settle();
    expect(h.engine.trackedCount).toBe(6);
    expect(h.lookup).toHaveBeenCalledTimes(1);
  });
});

describe('route changes', () => {
  it('opening a thread after start draws its chips', async () => {
    const h = harness();
    h.know(ada);
    renderList([[ada]]);
    h.engine.start();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(1);

    h.adapter.currentRoute = { view: 'thread', threadId: 't9' };
    const thread = document.createElement('div');
    thread.setAttribute('data-thread', '');
    thread.innerHTML = `<div data-message data-id="m1">${personHtml(ada, 'data-from')} to ${personHtml(bob, 'data-to')}</div>`;
    document.body.append(thread);
    h.engine.routeChanged();
    await settle();
    expect(badgeAfter(thread.querySelector('[data-from]')!)?.button.textContent).toBe('3d');
    expect(badgeAfter(thread.querySelector('[data-to]')!)?.button.textContent).toBe('+');
    expect(h.lookup).toHaveBeenCalledTimes(2);
    expect(h.lookup.mock.calls[1]).toEqual([[bob.email], []]); // Ada was cached.
    expect(h.onThread).toHaveBeenCalled();
    expect(h.onThread.mock.lastCall![0].messages.map((m) => m.id)).toEqual(['m1']);
  });
});

describe('failed lookups', () => {
  it('keeps the keys pending, reports the error and retries them at the next change', async () => {
    const h = harness({ manual: true });
    h.know(ada);
    h.know(grace);
    renderList([[ada], [bob]]);
    h.engine.start();
    await settle();
    const error = new Error('worker restarting');
    h.failNext(error);
    await settle();
    expect(h.onError).toHaveBeenCalledWith(error);
    expect(hostsInPage()).toHaveLength(0);
    expect(h.lookup).toHaveBeenCalledTimes(1); // No retry loop on its own.

    tbody().append(rowsFragment([[grace]]));
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(2);
    expect(sorted(h.lookup.mock.calls[1]![0])).toEqual(sorted([ada.email!, bob.email!, grace.email!]));
    h.answerNext();
    await settle();
    expect(badgeAfter(anchorsOf(ada)[0]!)).not.toBeNull();
    expect(badgeAfter(anchorsOf(grace)[0]!)).not.toBeNull();
    expect(badgeAfter(anchorsOf(bob)[0]!)).toBeNull();
  });
});

describe('clicking a badge', () => {
  it('calls onOpen with the person and lets no click reach the row', async () => {
    const h = harness();
    h.know(ada);
    renderList([[ada]]);
    h.engine.start();
    await settle();
    const anchor = anchorsOf(ada)[0]!;
    const row = anchor.closest('tr')!;
    const onRow = vi.fn();
    for (const type of ['click', 'mousedown', 'mouseup', 'pointerdown']) row.addEventListener(type, onRow);
    document.addEventListener('click', onRow);

    const { button } = badgeAfter(anchor)!;
    for (const type of ['pointerdown', 'mousedown', 'mouseup']) button.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true }));
    const click = new MouseEvent('click', { bubbles: true, composed: true, cancelable: true });
    button.dispatchEvent(click);

    expect(h.onOpen).toHaveBeenCalledTimes(1);
    expect(h.onOpen).toHaveBeenCalledWith({ email: ada.email, name: ada.name }, undefined);
    expect(onRow).not.toHaveBeenCalled();
    expect(click.defaultPrevented).toBe(true);
    document.removeEventListener('click', onRow);
  });

  it('Enter opens too, other keys do nothing; no key reaches the row', async () => {
    const h = harness();
    h.know(ada);
    renderList([[ada]]);
    h.engine.start();
    await settle();
    const anchor = anchorsOf(ada)[0]!;
    const onRow = vi.fn();
    anchor.closest('tr')!.addEventListener('keydown', onRow);
    const { button } = badgeAfter(anchor)!;
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true }));
    expect(h.onOpen).not.toHaveBeenCalled();
    button.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    expect(h.onOpen).toHaveBeenCalledTimes(1);
    expect(onRow).not.toHaveBeenCalled();
  });
});

describe('an open thread', () => {
  function renderThread() {
    const thread = document.createElement('div');
    thread.setAttribute('data-thread', '');
    thread.innerHTML = [
      '<h2 data-subject>Lunch?</h2>',
      `<div data-message data-id="m1">${personHtml(ada, 'data-from')} to ${personHtml(bob, 'data-to')} ${personHtml(grace, 'data-to')}</div>`,
      `<div data-message data-id="m2" data-from-me>${personHtml(me, 'data-from')} to ${personHtml(ada, 'data-to')} ${personHtml(dave, 'data-to')}</div>`,
    ].join('');
    document.body.append(thread);
    return thread;
  }

  it('known participants get an age badge, unknown ones an add chip, the user none', async () => {
    const h = harness({ manual: true });
    h.know(ada);
    h.know(grace, { nextFollowUp: NOW - DAY });
    h.adapter.currentRoute = { view: 'thread', threadId: 't1' };
    renderList([[ada]]);
    renderThread();
    h.engine.start();
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(1);
    expect(h.onThread).not.toHaveBeenCalled(); // Not before the answer.
    // The sender of the user's own message is not asked about.
    const [emails, names] = h.lookup.mock.calls[0]!;
    expect(sorted(emails)).toEqual(sorted([ada.email!, bob.email!, grace.email!]));
    expect(names).toEqual([dave.name]);

    h.answerNext();
    await settle();
    const thread = document.querySelector('[data-thread]')!;
    const [m1, m2] = [...thread.querySelectorAll('[data-message]')];
    const adaFrom = badgeAfter(m1!.querySelector('[data-from]')!)!;
    expect(adaFrom.button.textContent).toBe('3d');
    expect(adaFrom.button.getAttribute('aria-label')).toBe('Last contacted 3 days ago · Rapport');
    const bobChip = badgeAfter(m1!.querySelector(`[data-email="${bob.email}"]`)!)!;
    expect(bobChip.button.textContent).toBe('+');
    expect(bobChip.button.getAttribute('aria-label')).toBe('Add Bob Builder to Rapport · Rapport');
    expect(bobChip.button.classList.contains('add')).toBe(true);
    const graceBadge = badgeAfter(m1!.querySelector(`[data-email="${grace.email}"]`)!)!;
    expect(graceBadge.button.classList.contains('due')).toBe(true);
    expect(graceBadge.button.getAttribute('aria-label')).toBe('Last contacted 3 days ago, follow-up 1 day overdue · Rapport');

    expect(badgeAfter(m2!.querySelector('[data-from]')!)).toBeNull(); // The user's own message.
    expect(badgeAfter(m2!.querySelector(`[data-email="${ada.email}"]`)!)?.button.textContent).toBe('3d');
    const daveChip = badgeAfter(m2!.querySelector('[data-to]:not([data-email])')!)!;
    expect(daveChip.button.getAttribute('aria-label')).toBe('Add Dave Noname to Rapport · Rapport');

    // In the list, an unknown sender has no chip; a known one has its badge.
    expect(badgeAfter(document.querySelector('[data-list] [data-sender]')!)).not.toBeNull();

    expect(h.onThread).toHaveBeenCalled();
    const seen = h.onThread.mock.calls[0]![0];
    expect(seen.subject).toBe('Lunch?');
    expect(seen.messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    // What the content script needs at that moment: the latest sender looked up.
    expect(h.engine.known(ada)).not.toBeUndefined();
    expect(h.out).toHaveLength(0);
  });

  it("clicking a chip opens that person with the chip's message", async () => {
    const h = harness();
    h.adapter.currentRoute = { view: 'thread', threadId: 't1' };
    renderList([]);
    renderThread();
    h.engine.start();
    await settle();
    const chip = badgeAfter(document.querySelector(`[data-message][data-id="m1"] [data-email="${bob.email}"]`)!)!;
    chip.button.click();
    expect(h.onOpen).toHaveBeenCalledTimes(1);
    const [person, message] = h.onOpen.mock.calls[0]!;
    expect(person).toEqual({ email: bob.email, name: bob.name });
    expect(message?.id).toBe('m1');
  });

  it('a message expanded later gets its chips', async () => {
    const h = harness();
    h.know(ada);
    h.adapter.currentRoute = { view: 'thread', threadId: 't1' };
    renderList([]);
    const thread = renderThread();
    h.engine.start();
    await settle();
    const calls = h.onThread.mock.calls.length;
    expect(calls).toBeGreaterThan(0);
    const m3 = document.createElement('div');
    m3.setAttribute('data-message', '');
    m3.setAttribute('data-id', 'm3');
    m3.innerHTML = `${personHtml(frank, 'data-from')} to ${personHtml(ada, 'data-to')}`;
    thread.append(m3);
    await vi.waitFor(() => expect(badgeAfter(m3.querySelector('[data-from]')!)?.button.textContent).toBe('+'));
    expect(badgeAfter(m3.querySelector('[data-to]')!)?.button.textContent).toBe('3d');
    expect(h.lookup).toHaveBeenCalledTimes(2);
    expect(h.lookup.mock.calls[1]).toEqual([[frank.email], []]);
    await vi.waitFor(() => expect(h.onThread.mock.calls.length).toBeGreaterThan(calls));
    expect(h.onThread.mock.lastCall![0].messages.map((m) => m.id)).toEqual(['m1', 'm2', 'm3']);
  });
});

describe('finding the containers', () => {
  it('a list rendered after start is found; then only the list is observed', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const h = harness();
    h.know(ada);
    h.engine.start();
    await settle();
    expect(h.lookup).not.toHaveBeenCalled();
    expect(observe.mock.calls.map(([target]) => target)).toEqual([document.documentElement]);
    const discovery = observe.mock.contexts[0];

    // The app renders its shell, then the list.
    const shell = document.createElement('main');
    document.body.append(shell);
    await settle();
    const list = document.createElement('div');
    list.setAttribute('data-list', '');
    list.innerHTML = `<table><tbody>${rowHtml([ada])}${rowHtml([bob])}</tbody></table>`;
    shell.append(list);

    await vi.waitFor(() => expect(badgeAfter(anchorsOf(ada)[0]!)).not.toBeNull());
    expect(h.lookup).toHaveBeenCalledTimes(1);
    expect(observe.mock.calls.map(([target]) => target)).toEqual([document.documentElement, list]);
    expect(disconnect.mock.contexts).toContain(discovery);

    // Changes outside the list are not watched any more.
    const readRows = vi.spyOn(h.adapter, 'readRows');
    document.body.append(document.createElement('aside'));
    await settle();
    await new Promise((done) => setTimeout(done, 80));
    expect(readRows).not.toHaveBeenCalled();
  });
});

describe('stop', () => {
  it('removes every badge and disconnects its observers', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    const h = harness();
    h.know(ada);
    h.know(grace);
    renderList(TEN_ROWS);
    h.engine.start();
    await settle();
    expect(hostsInPage().length).toBeGreaterThan(0);
    const observers = observe.mock.contexts;

    h.engine.stop();
    expect(hostsInPage()).toHaveLength(0);
    expect(h.engine.trackedCount).toBe(0);
    for (const observer of observers) expect(disconnect.mock.contexts).toContain(observer);
    for (const anchor of anchorsOf(ada)) expect(badgeAfter(anchor)).toBeNull();

    tbody().append(rowsFragment([[ada], [{ email: 'new@example.com', name: 'New' }]]));
    await settle();
    expect(h.lookup).toHaveBeenCalledTimes(1);
    expect(hostsInPage()).toHaveLength(0);
  });
});

describe('the host element', () => {
  it('carries no id, class or attribute but style, and its shadow root is closed', async () => {
    const h = harness();
    h.know(ada);
    renderList([[ada]]);
    h.engine.start();
    await settle();
    const { host, button } = badgeAfter(anchorsOf(ada)[0]!)!;
    expect(host.tagName).toBe('SPAN');
    // No attribute a page script could key on (at most an inline style).
    expect(host.getAttributeNames().filter((name) => name !== 'style')).toEqual([]);
    expect(host.id).toBe('');
    expect(host.className).toBe('');
    expect(host.shadowRoot).toBeNull();
    expect(host.childNodes).toHaveLength(0); // Everything is inside the shadow root.
    expect(button.type).toBe('button');
  });
});
