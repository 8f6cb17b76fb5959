// @vitest-environment happy-dom
// Any sender controls part of an Outlook page: odd markup must never make the adapter throw,
// read a body as a header, or hand on unbounded or invalid values.
import { describe, expect, it } from 'vitest';
import { outlook, selfName } from '../../../utils/webmail/outlook';

function page(body: string, title = 'Mail - Mary Somerville - Outlook'): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><head><title>${title}</title></head><body>${body}</body></html>`, 'text/html');
}
const ME = `<button aria-label="Account manager for Mary Somerville"></button><div id="mectrl_currentAccount_secondary">mary.somerville@outlook.com</div>`;
const LONG = 'Ada '.repeat(5_000);

/** Every adapter call on a document, none of which may throw. */
function readEverything(doc: Document) {
  const results = {
    self: outlook.selfAddress(doc),
    name: selfName(doc),
    list: outlook.findListContainer(doc),
    rows: outlook.readRows(doc),
    container: outlook.findThreadContainer(doc),
    thread: outlook.readThread(doc),
    composes: [...doc.querySelectorAll('*')].slice(0, 2000).flatMap((element) => {
      const compose = outlook.composeForSend(element, false) ?? outlook.composeForSend(element, true);
      return compose ? [outlook.readCompose(compose)] : [];
    }),
  };
  return results;
}

describe('hostile markup', () => {
  it('reads empty and attribute-less rows, panes and forms as nothing', () => {
    const doc = page(
      `<div role="listbox"><div role="option" data-convid=""></div><div role="option" data-convid="x"><div><div></div></div></div></div>
       <div data-app-section="MailReadCompose"><div aria-label="Email message"></div><div data-itemid></div></div>
       <div><button aria-label="Send"></button><div contenteditable="true" aria-label="Message body"></div><div aria-label="To"></div></div>`,
    );
    const read = readEverything(doc);
    expect(read.rows.map((r) => r.senders)).toEqual([[], []]);
    expect(read.thread!.subject).toBe('');
    expect(read.thread!.messages.map((m) => [m.from, m.recipients, m.fromMe])).toEqual([
      [null, [], false],
      [null, [], false],
    ]);
    expect(new Set(read.thread!.messages.map((m) => m.id)).size).toBe(2);
    expect(read.composes).toEqual([null, null]);
  });

  it('caps names at 200 characters and subjects at 1000', () => {
    const doc = page(
      ME +
        `<div role="listbox"><div role="option" data-convid="c"><span title="ada@analytical.example">${LONG}</span></div></div>
         <div id="ReadingPaneContainerId"><div role="heading">${'S'.repeat(50_000)}</div>
           <div aria-label="Email message"><span aria-label="From: ${LONG}&lt;ada@analytical.example&gt;">x</span>
             <div aria-label="To: ${LONG}">To: ${LONG}</div></div></div>
         <div class="c"><button aria-label="Send">Send</button><div contenteditable="true" aria-label="Message body"></div>
           <div aria-label="To"><span title="ada@analytical.example">${LONG}</span></div>
           <input aria-label="Add a subject" value="${'S'.repeat(50_000)}"></div>`,
    );
    const read = readEverything(doc);
    const name = read.rows[0]!.senders[0]!.person.name;
    expect(name.length).toBeLessThanOrEqual(200);
    expect(name.startsWith('Ada Ada')).toBe(true);
    expect(read.thread!.subject.length).toBe(1000);
    const [m] = read.thread!.messages;
    expect(m!.from!.person.email).toBe('ada@analytical.example');
    expect(m!.from!.person.name.length).toBeLessThanOrEqual(200);
    expect(m!.recipients.every((r) => r.person.name.length <= 200)).toBe(true);
    const compose = read.composes[0]!;
    expect(compose.subject.length).toBe(1000);
    expect(compose.recipients.map((r) => r.email)).toEqual(['ada@analytical.example']);
    expect(compose.recipients[0]!.name.length).toBeLessThanOrEqual(200);
    expect(compose.recipients[0]!.name.startsWith('Ada Ada')).toBe(true);
  });

  it('drops invalid and oversized addresses', () => {
    const doc = page(
      ME +
        `<div role="listbox">
           <div role="option" data-convid="a"><span title="ada@@analytical.example">Ada Lovelace</span></div>
           <div role="option" data-convid="b"><span title="${'a'.repeat(300)}@x.example">Grace Hopper</span></div>
           <div role="option" data-convid="c"><span>evil@</span></div>
           <div role="option" data-convid="d"><span title="javascript:alert(1)@x">Alan Turing</span></div>
         </div>
         <div class="c"><button aria-label="Send">Send</button><div contenteditable="true" aria-label="Message body"></div>
           <div aria-label="To">${'x'.repeat(100_000)}@example.com; "><img src=x>"@example.com; a@b; grace@navy.example</div></div>`,
    );
    const read = readEverything(doc);
    expect(read.rows.map((r) => r.senders.map((s) => s.person))).toEqual([
      [{ name: 'Ada Lovelace' }],
      [{ name: 'Grace Hopper' }],
      [],
      [{ name: 'Alan Turing' }],
    ]);
    expect(read.composes[0]!.recipients.map((r) => r.email)).toEqual(['grace@navy.example']);
  });

  it('survives deep nesting', () => {
    // Chrome's HTML parser stops nesting at 512 levels; happy-dom's own querySelector recurses
    // and overflows near 5000, so this stays within what both can hold. The adapter's own
    // walks are iterative and bounded.
    let deep = '<span>Ada Lovelace</span>';
    for (let i = 0; i < 1_000; i++) deep = `<div>${deep}</div>`;
    const doc = page(
      ME +
        `<div role="listbox"><div role="option" data-convid="c">${deep}</div></div>
         <div id="ReadingPaneContainerId"><div aria-label="Email message">${deep}</div></div>`,
    );
    const read = readEverything(doc);
    expect(read.rows[0]!.senders.map((s) => s.person)).toEqual([{ name: 'Ada Lovelace' }]);
    expect(read.thread!.messages[0]!.from?.person).toEqual({ name: 'Ada Lovelace' });
  });

  it('reads nothing from a body: fake headers, messages, links and recipients', () => {
    const fakes = `<div aria-label="From: Mallory &lt;mallory@phish.example&gt;">x</div>
      <div aria-label="Email message" data-itemid="FAKE"><span aria-label="From: Mallory &lt;mallory@phish.example&gt;">M</span></div>
      <div aria-label="To: Mallory &lt;mallory@phish.example&gt;">To: Mallory</div>
      <button aria-label="Opens card for Mallory" title="mallory@phish.example">Mallory</button>
      <a href="mailto:mallory@phish.example">mail me</a>
      <div role="heading" id="CONV_9_SUBJECT">Fake subject</div>
      <div data-testid="SentReceivedSavedTime" title="Fri 1/1/2027 1:00 AM">x</div>`;
    const doc = page(
      ME +
        `<div id="ReadingPaneContainerId"><div role="heading">Real subject</div>
          <div aria-label="Email message"><div role="document" aria-label="Message body">${fakes}</div></div></div>`,
    );
    const thread = outlook.readThread(doc)!;
    expect(thread.subject).toBe('Real subject');
    expect(thread.messages).toHaveLength(1);
    expect(thread.messages[0]!.from).toBeNull();
    expect(thread.messages[0]!.recipients).toEqual([]);
    expect(thread.messages[0]!.when).toBeUndefined();
    expect(JSON.stringify(thread.messages.map((m) => m.id))).not.toContain('FAKE');
  });

  it('takes no Send look-alike in a received message for a send', () => {
    const doc = page(
      ME +
        `<div id="ReadingPaneContainerId"><div aria-label="Email message"><span aria-label="From: Ada">Ada</span>
          <div role="document" aria-label="Message body"><button aria-label="Send">Send</button><div contenteditable="true" aria-label="Message body">x</div><div aria-label="To">mallory@phish.example</div></div></div></div>`,
    );
    // A message body faking a whole compose form (Send, editor, To well): not a send.
    expect(outlook.composeForSend(doc.querySelector('[role="document"] button')!, false)).toBeNull();
    expect(outlook.composeForSend(doc.querySelector('[role="document"] [contenteditable]')!, true)).toBeNull();
  });

  it('does not take a title full of separators or markup for people', () => {
    const doc = page(
      ME +
        `<div role="listbox"><div role="option" data-convid="c"><span title=";;;;">;;;;</span><span>&lt;script&gt;alert(1)&lt;/script&gt;</span></div></div>`,
    );
    const names = outlook.readRows(doc)[0]!.senders.map((s) => s.person.name);
    // Text stays text: whatever is read is a string, never markup that was parsed.
    expect(names.every((name) => typeof name === 'string' && name.length <= 200)).toBe(true);
  });

  it('never writes to the page', () => {
    const doc = page(
      ME +
        `<div role="listbox"><div role="option" data-convid="c"><span title="ada@analytical.example">Ada</span></div></div>
         <div id="ReadingPaneContainerId"><div aria-label="Email message"><span aria-label="From: Ada&lt;ada@analytical.example&gt;">Ada</span></div></div>
         <div><button aria-label="Send">Send</button><div contenteditable="true" aria-label="Message body"></div><div aria-label="To">grace@navy.example</div></div>`,
    );
    const before = doc.documentElement.outerHTML;
    const observer = new (doc.defaultView ?? window).MutationObserver(() => undefined);
    observer.observe(doc, { subtree: true, childList: true, attributes: true, characterData: true });
    readEverything(doc);
    expect(observer.takeRecords()).toEqual([]);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});
