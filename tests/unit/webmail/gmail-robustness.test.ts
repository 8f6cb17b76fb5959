// @vitest-environment happy-dom
// The Gmail adapter only reads: no DOM writes, no layout reads, no HTML parsing — checked with
// tripwires on every fixture — and it never throws on random markup a hostile page could build,
// while everything it returns stays within the contract (valid lowercase addresses, caps).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { gmail } from '../../../utils/webmail/gmail';
import type { ListRow, MailPerson, OpenThread } from '../../../utils/webmail/types';

const SELF = 'mary.somerville@gmail.com';
const dir = resolve(import.meta.dirname, '../../fixtures/gmail');
const { variants } = JSON.parse(readFileSync(resolve(dir, 'variants.json'), 'utf8')) as { variants: { file: string }[] };
const load = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');

/** Everything the adapter offers, run over a whole document. */
function exercise(doc: Document) {
  const out: unknown[] = [gmail.selfAddress(doc), gmail.findListContainer(doc), gmail.findThreadContainer(doc), gmail.readThread(doc)];
  out.push(gmail.readRows(doc));
  for (const el of doc.querySelectorAll('*')) {
    out.push(gmail.readRows(el));
    const compose = gmail.composeForSend(el, false) ?? gmail.composeForSend(el, true);
    if (compose) out.push(gmail.readCompose(compose));
  }
  for (const el of doc.querySelectorAll('[role=dialog], .M9')) out.push(gmail.readCompose(el));
  return out;
}

/** The prototype in `el`'s chain that defines `key`. */
function owner(el: object, key: string): object {
  for (let proto = el; proto; proto = Object.getPrototypeOf(proto)) if (Object.getOwnPropertyDescriptor(proto, key)) return proto;
  throw new Error(`no ${key}`);
}

describe.each(variants)('$file', ({ file }) => {
  it('is read without DOM writes, layout reads or HTML parsing', async () => {
    const doc = load(file);
    const el = doc.body.firstElementChild!;
    const calls: string[] = [];
    const restore: (() => void)[] = [];
    const getters = ['innerText', 'outerText', 'offsetWidth', 'offsetHeight', 'offsetTop', 'offsetLeft', 'clientWidth', 'clientHeight', 'scrollWidth', 'scrollHeight', 'innerHTML', 'outerHTML'];
    for (const key of getters) {
      const proto = owner(el, key);
      const original = Object.getOwnPropertyDescriptor(proto, key)!;
      if (!original.get) continue;
      // A getter (and setter) that records the access instead of doing it; restored after.
      Object.defineProperty(proto, key, { configurable: true, get: () => calls.push(key), set: () => calls.push(`set ${key}`) });
      restore.push(() => Object.defineProperty(proto, key, original));
    }
    for (const key of ['getBoundingClientRect', 'getClientRects', 'insertAdjacentHTML', 'setAttribute', 'removeAttribute', 'append', 'remove']) {
      const proto = owner(el, key);
      const original = Object.getOwnPropertyDescriptor(proto, key)!;
      Object.defineProperty(proto, key, { configurable: true, writable: true, value: () => calls.push(key) });
      restore.push(() => Object.defineProperty(proto, key, original));
    }
    vi.spyOn(window, 'getComputedStyle').mockImplementation(() => {
      calls.push('getComputedStyle');
      return {} as CSSStyleDeclaration;
    });
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });

    let results: unknown[];
    try {
      results = exercise(doc);
    } finally {
      for (const undo of restore) undo();
    }

    await new Promise((done) => setTimeout(done, 0));
    mutations.push(...observer.takeRecords());
    expect(mutations).toEqual([]);
    observer.disconnect();
    expect(calls).toEqual([]);
    expect(results.length).toBeGreaterThan(100);
  });
});

// ---------------------------------------------------------------------------------------------
// Random markup

const ADDRESS = /^(?:[a-z0-9_'+\-]+\.)*[a-z0-9_'+\-]*[a-z0-9_+-]@(?:[a-z0-9][a-z0-9\-]*\.)+[a-z]{2,}$/;

const TAGS = [
  ['tr', 'zA yO'], ['tr', 'zA zE apv'], ['tr', 'apw'], ['td', 'yX xY'], ['div', 'yW'], ['span', 'yP'], ['span', 'gD'], ['span', 'g2'],
  ['span', 'hb'], ['div', 'adn ads'], ['h3', 'iw'], ['h2', 'hP'], ['div', 'M9'], ['div', 'kv'], ['div', 'ii'], ['form', ''],
  ['input', ''], ['textarea', ''], ['table', 'F'], ['tbody', ''], ['font', ''], ['div', 'afV'], ['div', 'a3s'], ['div', ''],
] as const;
const ATTRS = ['email', 'name', 'role', 'data-message-id', 'data-legacy-message-id', 'data-hovercard-id', 'data-name', 'data-tooltip', 'aria-label', 'aria-disabled', 'aria-haspopup', 'value', 'title', 'contenteditable'];
const VALUE = fc.oneof(
  fc.constantFrom(
    'ada@analytical.example', 'ADA@Analytical.Example', SELF, 'me', 'Me', 'Send', 'Send \u202a(Ctrl-Enter)\u202c', 'More send options',
    'main', 'dialog', 'button', 'true', 'to', 'cc', 'subjectbox', '#msg-f:1', 'Tue, Nov 17, 2026, 3:04 PM', '"A, B" <b@c.example>; d@e.example',
    '<img src=x onerror=alert(1)>', 'javascript:alert(1)', 'a@b', '@', '', ' ',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.integer({ min: 0, max: 3000 }).map((n) => 'x'.repeat(n)),
);

interface Node_ {
  tag: number;
  attrs: [number, string][];
  text: string;
  children: readonly Node_[];
}
const tree: fc.Arbitrary<Node_> = fc.letrec<{ node: Node_ }>((tie) => ({
  node: fc.record({
    tag: fc.nat({ max: TAGS.length - 1 }),
    attrs: fc.array(fc.tuple(fc.nat({ max: ATTRS.length - 1 }), VALUE), { maxLength: 4 }),
    text: fc.oneof(fc.constant(''), VALUE),
    children: fc.oneof({ maxDepth: 6, depthIdentifier: 'tree' }, fc.constant<Node_[]>([]), fc.array(tie('node'), { maxLength: 4 })),
  }),
})).node;

function build(doc: Document, node: Node_): Element {
  const [tag, cls] = TAGS[node.tag]!;
  const el = doc.createElement(tag);
  if (cls) el.setAttribute('class', cls);
  for (const [a, v] of node.attrs) el.setAttribute(ATTRS[a]!, v);
  if (node.text) el.append(doc.createTextNode(node.text));
  for (const child of node.children) el.append(build(doc, child));
  return el;
}

function checkPerson(p: MailPerson) {
  expect(p.email).toMatch(ADDRESS);
  expect(p.name.length).toBeGreaterThan(0);
  expect(p.name.length).toBeLessThanOrEqual(200);
}

function checkRows(rows: ListRow[]) {
  expect(new Set(rows.map((r) => r.row)).size).toBe(rows.length);
  for (const row of rows) {
    const emails = row.senders.map((s) => s.person.email);
    expect(new Set(emails).size).toBe(emails.length);
    expect(emails).not.toContain(SELF);
    row.senders.forEach((s) => checkPerson(s.person));
  }
}

function checkThread(thread: OpenThread | null) {
  if (!thread) return;
  expect(thread.subject.length).toBeLessThanOrEqual(1_000);
  expect(new Set(thread.messages.map((m) => m.id)).size).toBe(thread.messages.length);
  for (const m of thread.messages) {
    expect(m.id).toMatch(/^[\x21-\x7e]{1,300}$/);
    if (m.from) checkPerson(m.from.person);
    m.recipients.forEach((r) => checkPerson(r.person));
    expect(m.recipients.map((r) => r.person.email)).not.toContain(SELF);
    if (m.when !== undefined) expect(Number.isFinite(m.when)).toBe(true);
  }
}

describe('random markup', () => {
  it('never throws, and what it reads stays valid', () => {
    fc.assert(
      fc.property(fc.array(tree, { minLength: 1, maxLength: 4 }), fc.boolean(), (trees, inMain) => {
        const doc = new DOMParser().parseFromString('<!doctype html><html><head><title></title></head><body></body></html>', 'text/html');
        doc.title = `Inbox - ${SELF} - Gmail`;
        const host = inMain ? doc.body.appendChild(doc.createElement('div')) : doc.body;
        if (inMain) host.setAttribute('role', 'main');
        for (const t of trees) host.append(build(doc, t));

        checkRows(gmail.readRows(doc));
        checkThread(gmail.readThread(doc));
        for (const el of doc.body.querySelectorAll('*')) {
          checkRows(gmail.readRows(el));
          for (const keyboard of [false, true]) {
            const compose = gmail.composeForSend(el, keyboard);
            if (!compose) continue;
            const snapshot = gmail.readCompose(compose);
            if (!snapshot) continue;
            expect(snapshot.subject.length).toBeLessThanOrEqual(1_000);
            expect(snapshot.recipients.length).toBeGreaterThan(0);
            snapshot.recipients.forEach(checkPerson);
            expect(snapshot.recipients.map((r) => r.email)).not.toContain(SELF);
          }
          gmail.readCompose(el);
        }
      }),
      { numRuns: 300 },
    );
  });
});
