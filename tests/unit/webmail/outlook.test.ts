// @vitest-environment happy-dom
// The Outlook adapter on its own: URL routes, the user, rows, the conversation, compose and
// send detection, on small inline pages (the fixture pages are in outlook-fixtures.test.ts,
// dates in outlook-dates.test.ts, hostile markup in outlook-hostile.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { outlook, parsePerson, selfName } from '../../../utils/webmail/outlook';
import type { MailRoute } from '../../../utils/webmail/types';

function page(body: string, title = 'Mail - Mary Somerville - Outlook'): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

const ME = `<button type="button" aria-label="Account manager for Mary Somerville"></button>
  <div id="mectrl_currentAccount_secondary" hidden>mary.somerville@outlook.com</div>`;
const ME_BY_NAME = `<button type="button" aria-label="Account manager for Mary Somerville"></button>`;

function row(convid: string, senderLine: string, subject = 'A subject'): string {
  return `<div role="option" aria-selected="false" data-convid="${convid}" class="hcptT">
    <div class="XG5Jd"><div role="checkbox" aria-label="Select a conversation"></div>
      <div class="S2NDX"><div class="JtO8X"><div class="gy2aJ">${senderLine}</div></div>
        <div class="IjzWp"><span title="${subject}">${subject}</span><span title="Tue 11/17/2026 3:04 PM">3:04 PM</span></div>
      </div></div></div>`;
}
const list = (rows: string) => `<div role="listbox" aria-label="Message list">${rows}</div>`;
const senders = (doc: Document) => outlook.readRows(doc).map((r) => r.senders.map((s) => s.person));

const ITEM = 'AQQkADAwATM0MDAAMS1hNjk2LTU5ZjQtMDACLTAwCgAQAG/vRk0t/ExCo6LX1Ezmm+8=';
const ITEM_URL = 'AQQkADAwATM0MDAAMS1hNjk2LTU5ZjQtMDACLTAwCgAQAG%2FvRk0t%2FExCo6LX1Ezmm%2B8%3D';

describe('route', () => {
  const LIST: MailRoute = { view: 'list' };
  const OTHER: MailRoute = { view: 'other' };
  const thread = (threadId: string): MailRoute => ({ view: 'thread', threadId });
  const table: [string, MailRoute][] = [
    // outlook.live.com: /mail/0/
    ['https://outlook.live.com/mail/0/', LIST],
    ['https://outlook.live.com/mail/0', LIST],
    ['https://outlook.live.com/mail/0/inbox', LIST],
    ['https://outlook.live.com/mail/0/inbox/', LIST],
    [`https://outlook.live.com/mail/0/inbox/id/${ITEM_URL}`, thread(ITEM)],
    [`https://outlook.live.com/mail/0/inbox/id/${ITEM_URL}/`, thread(ITEM)],
    [`https://outlook.live.com/mail/0/inbox/id/${ITEM_URL}/sxs/AAMkAttachment`, thread(ITEM)],
    ['https://outlook.live.com/mail/0/inbox/id/', LIST],
    ['https://outlook.live.com/mail/0/sentitems', LIST],
    [`https://outlook.live.com/mail/0/sentitems/id/${ITEM_URL}`, thread(ITEM)],
    ['https://outlook.live.com/mail/0/archive', LIST],
    ['https://outlook.live.com/mail/0/junkemail', LIST],
    ['https://outlook.live.com/mail/0/deleteditems', LIST],
    ['https://outlook.live.com/mail/0/drafts', LIST],
    ['https://outlook.live.com/mail/0/folder/AQMkADAwATM0MDAAMS1hNjk2LTU5ZjQtMDACLTAwCgAuAAAD', LIST],
    [`https://outlook.live.com/mail/0/folder/AQMkADAwATM0MDAAMS1hNjk2/id/${ITEM_URL}`, thread(ITEM)],
    ['https://outlook.live.com/mail/0/folder/id', LIST],
    ['https://outlook.live.com/mail/0/search?q=ada%20lovelace', LIST],
    [`https://outlook.live.com/mail/0/search/id/${ITEM_URL}`, thread(ITEM)],
    ['https://outlook.live.com/mail/1/inbox', LIST],
    ['https://outlook.live.com/mail/0/deeplink/compose?to=ada%40analytical.example', OTHER],
    ['https://outlook.live.com/mail/0/compose', OTHER],
    ['https://outlook.live.com/mail/0/options/mail/layout', OTHER],
    ['https://outlook.live.com/calendar/0/view/month', OTHER],
    ['https://outlook.live.com/people/0/', OTHER],
    ['https://outlook.live.com/owa/?path=/mail/inbox', OTHER],
    ['https://OUTLOOK.LIVE.COM/Mail/0/Inbox', LIST],
    // outlook.office.com: /mail/
    ['https://outlook.office.com/mail/', LIST],
    ['https://outlook.office.com/mail', LIST],
    ['https://outlook.office.com/mail/inbox', LIST],
    [`https://outlook.office.com/mail/inbox/id/${ITEM_URL}`, thread(ITEM)],
    ['https://outlook.office.com/mail/sentitems', LIST],
    ['https://outlook.office.com/mail/?q=grace', LIST],
    ['https://outlook.office.com/mail/search/?q=grace', LIST],
    [`https://outlook.office.com/mail/search/id/${ITEM_URL}`, thread(ITEM)],
    ['https://outlook.office.com/mail/deeplink/compose', OTHER],
    [`https://outlook.office.com/mail/deeplink/read/${ITEM_URL}`, thread(ITEM)],
    ['https://outlook.office.com/mail/options/general/accounts', OTHER],
    ['https://outlook.office.com/calendar/view/week', OTHER],
    ['https://outlook.office.com/mail/team@contoso.example/inbox', LIST],
    [`https://outlook.office.com/mail/team%40contoso.example/inbox/id/${ITEM_URL}`, thread(ITEM)],
    // outlook.office365.com: /mail/
    ['https://outlook.office365.com/mail/', LIST],
    ['https://outlook.office365.com/mail/archive', LIST],
    [`https://outlook.office365.com/mail/inbox/id/${ITEM_URL}`, thread(ITEM)],
    ['https://outlook.office365.com/people/', OTHER],
    // Not Outlook.
    ['https://mail.google.com/mail/u/0/#inbox', OTHER],
    ['https://outlook.live.com.evil.example/mail/0/inbox', OTHER],
    ['https://outlook.com/mail/0/inbox', OTHER],
    // A malformed escape is kept as it is rather than thrown on.
    ['https://outlook.live.com/mail/0/inbox/id/AQQk%E0%A4%A', thread('AQQk%E0%A4%A')],
  ];

  it.each(table)('%s', (url, expected) => {
    expect(outlook.route(new URL(url))).toEqual(expected);
  });

  it('covers at least 25 URLs on all three hosts', () => {
    expect(table.length).toBeGreaterThanOrEqual(25);
    for (const host of ['outlook.live.com', 'outlook.office.com', 'outlook.office365.com']) {
      expect(table.some(([url, r]) => new URL(url).hostname === host && r.view === 'thread')).toBe(true);
    }
  });
});

describe('parsePerson', () => {
  it.each([
    ['Ada Lovelace <ada@analytical.example>', { name: 'Ada Lovelace', email: 'ada@analytical.example' }],
    ['Ada Lovelace<ADA@Analytical.example>', { name: 'Ada Lovelace', email: 'ada@analytical.example' }],
    ['"Lovelace, Ada" <ada@analytical.example>', { name: 'Lovelace, Ada', email: 'ada@analytical.example' }],
    ['Ada Lovelace (ada@analytical.example)', { name: 'Ada Lovelace', email: 'ada@analytical.example' }],
    ['ada@analytical.example', { name: 'ada@analytical.example', email: 'ada@analytical.example' }],
    ['<ada@analytical.example>', { name: 'ada@analytical.example', email: 'ada@analytical.example' }],
    ['Ada Lovelace', { name: 'Ada Lovelace' }],
    ['  Ada \n Lovelace ', { name: 'Ada Lovelace' }],
    ['Ada Lovelace <not an address>', { name: 'Ada Lovelace <not an address>' }],
    ['Ada Lovelace <ada@@x>', { name: 'Ada Lovelace' }],
  ])('%s', (text, expected) => {
    expect(parsePerson(text)).toEqual(expected);
  });

  it.each(['', '   ', ';', 'ada@', '@example.com', 'ada@analytical', null, undefined])('drops %s', (text) => {
    expect(parsePerson(text)).toBeUndefined();
  });
});

describe('the user', () => {
  it('reads the address from the account flyout and the name from the account manager', () => {
    const doc = page(ME);
    expect(outlook.selfAddress(doc)).toBe('mary.somerville@outlook.com');
    expect(selfName(doc)).toBe('Mary Somerville');
  });

  it('has no address when the page shows only the name', () => {
    const doc = page(ME_BY_NAME);
    expect(outlook.selfAddress(doc)).toBeUndefined();
    expect(selfName(doc)).toBe('Mary Somerville');
  });

  it('falls back to the title: a name, or an address', () => {
    expect(selfName(page(''))).toBe('Mary Somerville');
    expect(outlook.selfAddress(page(''))).toBeUndefined();
    const byAddress = page('', 'Mail - Mary.Somerville@Outlook.com - Outlook');
    expect(outlook.selfAddress(byAddress)).toBe('mary.somerville@outlook.com');
    expect(selfName(byAddress)).toBeUndefined();
    expect(selfName(page('', 'Notes - on - the Engine - Mary Somerville - Outlook'))).toBe('Mary Somerville');
  });

  it('does not take a view name or a foreign title for the user', () => {
    expect(selfName(page('', 'Inbox - Outlook'))).toBeUndefined();
    expect(selfName(page('', 'Outlook'))).toBeUndefined();
    expect(selfName(page('', 'Mail - Grace Hopper - Gmail'))).toBeUndefined();
  });

  it('reads an address in the account manager label', () => {
    const doc = page(`<button aria-label="Account manager for Mary Somerville (mary.somerville@outlook.com)"></button>`);
    expect(outlook.selfAddress(doc)).toBe('mary.somerville@outlook.com');
    expect(selfName(doc)).toBe('Mary Somerville');
  });
});

describe('findListContainer', () => {
  it('is null before the list rendered, and ignores other listboxes', () => {
    expect(outlook.findListContainer(page(ME))).toBeNull();
    // The people picker's suggestions are a listbox too.
    expect(outlook.findListContainer(page(`<div role="listbox" aria-label="Suggested contacts"><div role="option">Ada</div></div>`))).toBeNull();
  });

  it('finds an empty message list by its label, and the one holding rows first', () => {
    const empty = page(`<div role="listbox" aria-label="Message list"></div>`);
    expect(outlook.findListContainer(empty)?.getAttribute('aria-label')).toBe('Message list');
    const doc = page(`<div role="listbox" id="picker"></div>${list(row('c1', '<span>Ada Lovelace</span>'))}`);
    expect(outlook.findListContainer(doc)?.getAttribute('aria-label')).toBe('Message list');
  });
});

describe('readRows', () => {
  it('reads an address title, a name-only sender and an address as the text', () => {
    const doc = page(
      ME +
        list(
          row('c1', '<span title="ada@analytical.example">Ada Lovelace</span>') +
            row('c2', '<span>Grace Hopper</span>') +
            row('c3', '<span>deals@contoso.example</span>'),
        ),
    );
    expect(senders(doc)).toEqual([
      [{ name: 'Ada Lovelace', email: 'ada@analytical.example' }],
      [{ name: 'Grace Hopper' }],
      [{ name: 'deals@contoso.example', email: 'deals@contoso.example' }],
    ]);
  });

  it('gives separate participants separate anchors, the user left out by address', () => {
    const doc = page(
      ME +
        list(
          row(
            'c1',
            '<span title="mary.somerville@outlook.com">Mary S.</span><span>; </span><span title="ada@analytical.example">Ada Lovelace</span>;<span>Grace Hopper</span>',
          ),
        ),
    );
    const [read] = outlook.readRows(doc);
    expect(read!.senders.map((s) => [s.person, s.anchor.textContent])).toEqual([
      [{ name: 'Ada Lovelace', email: 'ada@analytical.example' }, 'Ada Lovelace'],
      [{ name: 'Grace Hopper' }, 'Grace Hopper'],
    ]);
  });

  it('leaves the user out by display name when no address is known, in any case', () => {
    const doc = page(ME_BY_NAME + list(row('c1', '<span>MARY  SOMERVILLE</span><span>; </span><span>Alan Turing</span>')));
    expect(senders(doc)).toEqual([[{ name: 'Alan Turing' }]]);
  });

  it('keeps someone who shares the user’s name but not the address', () => {
    const doc = page(ME + list(row('c1', '<span title="mary@elsewhere.example">Mary Somerville</span>')));
    expect(senders(doc)).toEqual([[{ name: 'Mary Somerville', email: 'mary@elsewhere.example' }]]);
  });

  it('reads one text naming several people as one slot: the first who is not the user', () => {
    const doc = page(ME + list(row('c1', '<span>Mary Somerville; Alan Turing; Dorothy Vaughan</span>')));
    const [read] = outlook.readRows(doc);
    expect(read!.senders).toHaveLength(1);
    expect(read!.senders[0]!.person).toEqual({ name: 'Alan Turing' });
  });

  it('pairs a title listing as many addresses as the text lists names, else reads names only', () => {
    const paired = page(ME + list(row('c1', '<span title="grace@navy.example; ada@analytical.example">Grace Hopper; Ada Lovelace</span>')));
    expect(senders(paired)).toEqual([[{ name: 'Grace Hopper', email: 'grace@navy.example' }]]);
    const unpaired = page(ME + list(row('c1', '<span title="ada@analytical.example">Grace Hopper; Ada Lovelace</span>')));
    expect(senders(unpaired)).toEqual([[{ name: 'Grace Hopper' }]]);
  });

  it('does not give one name two addresses', () => {
    const doc = page(ME + list(row('c1', '<span title="ada@analytical.example"><b title="grace@navy.example">Ada</b> Lovelace</span>')));
    expect(senders(doc)).toEqual([[{ name: 'Ada Lovelace' }]]);
  });

  it('stops at the subject: no separator, no participant', () => {
    const doc = page(
      ME +
        `<div role="listbox"><div role="option" data-convid="c1"><span title="ada@analytical.example">Ada Lovelace</span><span title="Grace Hopper">Grace Hopper is the subject</span></div></div>`,
    );
    expect(senders(doc)).toEqual([[{ name: 'Ada Lovelace', email: 'ada@analytical.example' }]]);
  });

  it('reads a mailto link and an aria-label "Name <address>"', () => {
    const doc = page(
      ME +
        list(
          row('c1', '<a href="mailto:Katherine@NASA.example?subject=x">Katherine Johnson</a>') +
            row('c2', '<span aria-label="Dorothy Vaughan &lt;dorothy@nasa.example&gt;">Dorothy Vaughan</span>'),
        ),
    );
    expect(senders(doc)).toEqual([
      [{ name: 'Katherine Johnson', email: 'katherine@nasa.example' }],
      [{ name: 'Dorothy Vaughan', email: 'dorothy@nasa.example' }],
    ]);
  });

  it('falls back to an address-titled element when the sender line has no text', () => {
    const doc = page(
      ME + `<div role="listbox"><div role="option" data-convid="c1"><div><span title="ada@analytical.example"></span></div></div></div>`,
    );
    const [read] = outlook.readRows(doc);
    expect(read!.senders.map((s) => s.person)).toEqual([{ name: 'ada@analytical.example', email: 'ada@analytical.example' }]);
  });

  it('reads rows under any root: a fragment, the list, a row, a part of a row', () => {
    const doc = page(ME + list(row('c1', '<span>Ada Lovelace</span>') + row('c2', '<span>Grace Hopper</span>')));
    const rows = [...doc.querySelectorAll('[role="option"]')];
    expect(outlook.readRows(doc.querySelector('[role="listbox"]')!)).toHaveLength(2);
    expect(outlook.readRows(rows[1]!).map((r) => r.row)).toEqual([rows[1]]);
    expect(outlook.readRows(rows[1]!.querySelector('span')!).map((r) => r.row)).toEqual([rows[1]]);
    const fragment = doc.createDocumentFragment();
    fragment.append(rows[0]!.cloneNode(true));
    expect(outlook.readRows(fragment).map((r) => r.senders[0]?.person.name)).toEqual(['Ada Lovelace']);
    // An element outside every row has no rows under it.
    expect(outlook.readRows(doc.querySelector('button')!)).toEqual([]);
  });

  it('ignores options without a conversation id (suggestions, group headers)', () => {
    const doc = page(ME + `<div role="listbox"><div role="option">Ada Lovelace</div></div>`);
    expect(outlook.readRows(doc)).toEqual([]);
  });
});

/** A reading pane around `messages`. */
function pane(messages: string, subject = 'Notes on the Analytical Engine'): string {
  return `<div id="ReadingPaneContainerId" role="main" aria-label="Reading Pane">
    <div role="heading" aria-level="2" id="CONV_0_SUBJECT"><span title="${subject}">${subject}</span></div>
    ${messages}</div>`;
}
const message = (header: string, attributes = '', body = 'Hello.') =>
  `<div aria-label="Email message" ${attributes}><div>${header}</div><div role="document" aria-label="Message body">${body}</div></div>`;

describe('readThread', () => {
  it('is null without a reading pane or without messages in it', () => {
    expect(outlook.readThread(page(ME))).toBeNull();
    const empty = page(ME + `<div id="ReadingPaneContainerId"><span>Select an item to read</span></div>`);
    expect(outlook.findThreadContainer(empty)).toBeNull();
    expect(outlook.readThread(empty)).toBeNull();
  });

  it('reads "From: Name<email>", To and Cc lines, and the date', () => {
    const doc = page(
      ME +
        pane(
          message(
            `<span aria-label="From: Ada Lovelace&lt;ada@analytical.example&gt;">Ada Lovelace</span>
             <div aria-label="To: Mary Somerville; Grace Hopper">To: <button aria-label="Opens card for Mary Somerville">Mary Somerville</button>; <button aria-label="Opens card for Grace Hopper" title="grace@navy.example">Grace Hopper</button></div>
             <div aria-label="Cc: Katherine Johnson">Cc: <span title="katherine@nasa.example">Katherine Johnson</span></div>
             <div aria-label="Bcc: Alan Turing">Bcc: <a href="mailto:alan@bletchley.example">Alan Turing</a></div>
             <div data-testid="SentReceivedSavedTime">Tue 11/17/2026 3:04 PM</div>`,
            'data-itemid="item-1"',
          ),
        ),
    );
    const thread = outlook.readThread(doc)!;
    expect(thread.subject).toBe('Notes on the Analytical Engine');
    expect(thread.messages).toHaveLength(1);
    const [m] = thread.messages;
    expect(m!.id).toBe('item-1');
    expect(m!.from?.person).toEqual({ name: 'Ada Lovelace', email: 'ada@analytical.example' });
    expect(m!.from?.anchor.getAttribute('aria-label')).toMatch(/^From:/);
    expect(m!.recipients.map((r) => [r.person, r.anchor.textContent])).toEqual([
      [{ name: 'Grace Hopper', email: 'grace@navy.example' }, 'Grace Hopper'],
      [{ name: 'Katherine Johnson', email: 'katherine@nasa.example' }, 'Katherine Johnson'],
      [{ name: 'Alan Turing', email: 'alan@bletchley.example' }, 'Alan Turing'],
    ]);
    expect(m!.fromMe).toBe(false);
    expect(m!.when).toBe(new Date(2026, 10, 17, 15, 4).getTime());
  });

  it('reads a persona button with the address in a sibling "<…>", anchored at the address', () => {
    const doc = page(
      ME +
        pane(
          message(
            `<button aria-label="Opens card for Grace Hopper">Grace Hopper</button><span>&lt;grace@navy.example&gt;</span>
             <div aria-label="To: Mary Somerville">To: Mary Somerville</div>`,
          ),
        ),
    );
    const [m] = outlook.readThread(doc)!.messages;
    expect(m!.from?.person).toEqual({ name: 'Grace Hopper', email: 'grace@navy.example' });
    expect(m!.from?.anchor.textContent).toBe('<grace@navy.example>');
    expect(m!.recipients).toEqual([]);
  });

  it('marks the user’s own messages, by address or by name', () => {
    const byAddress = page(ME + pane(message(`<span aria-label="From: Someone Else&lt;mary.somerville@outlook.com&gt;">x</span>`)));
    expect(outlook.readThread(byAddress)!.messages[0]!.fromMe).toBe(true);
    const byName = page(ME_BY_NAME + pane(message(`<button aria-label="Opens card for Mary Somerville">Mary Somerville</button>`)));
    expect(outlook.readThread(byName)!.messages[0]!.fromMe).toBe(true);
    expect(outlook.readThread(byName)!.messages[0]!.from?.person).toEqual({ name: 'Mary Somerville' });
  });

  it('reads one plain-text recipient line as one slot, the first who is not the user', () => {
    const doc = page(
      ME + pane(message(`<span aria-label="From: Ada Lovelace">Ada Lovelace</span><div aria-label="To: Mary Somerville; Grace Hopper; Alan Turing">To: Mary Somerville; Grace Hopper; Alan Turing</div>`)),
    );
    const [m] = outlook.readThread(doc)!.messages;
    expect(m!.from?.person).toEqual({ name: 'Ada Lovelace' });
    expect(m!.recipients.map((r) => r.person)).toEqual([{ name: 'Grace Hopper' }]);
  });

  it('keeps page order when it is oldest first, and turns newest-first round', () => {
    const at = (date: string, from: string) =>
      message(`<span aria-label="From: ${from}">${from}</span><div data-testid="SentReceivedSavedTime" title="${date}">x</div>`);
    const oldestFirst = page(ME + pane(at('Mon 11/16/2026 9:00 AM', 'Ada Lovelace') + at('Tue 11/17/2026 9:00 AM', 'Grace Hopper')));
    expect(outlook.readThread(oldestFirst)!.messages.map((m) => m.from?.person.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    const newestFirst = page(ME + pane(at('Tue 11/17/2026 9:00 AM', 'Grace Hopper') + at('Mon 11/16/2026 9:00 AM', 'Ada Lovelace')));
    expect(outlook.readThread(newestFirst)!.messages.map((m) => m.from?.person.name)).toEqual(['Ada Lovelace', 'Grace Hopper']);
    // Undated messages give no order to trust: page order.
    const undated = page(ME + pane(at('Yesterday', 'Grace Hopper') + at('Today', 'Ada Lovelace')));
    expect(outlook.readThread(undated)!.messages.map((m) => m.from?.person.name)).toEqual(['Grace Hopper', 'Ada Lovelace']);
  });

  it('gives every message its own id: attribute, then sender and date, then position', () => {
    const doc = page(
      ME +
        pane(
          message(`<span aria-label="From: Ada Lovelace&lt;ada@analytical.example&gt;">A</span>`, 'data-itemid="AAMk-1"') +
            message(`<span aria-label="From: Ada Lovelace&lt;ada@analytical.example&gt;">A</span><div data-testid="SentReceivedSavedTime">Tue 11/17/2026 3:04 PM</div>`) +
            message(`<span aria-label="From: Grace Hopper">G</span><div data-testid="SentReceivedSavedTime">3:04 PM</div>`) +
            message(`<span aria-label="From: Grace Hopper">G</span>`),
        ),
    );
    const ids = outlook.readThread(doc)!.messages.map((m) => m.id);
    expect(ids).toEqual([
      'AAMk-1',
      `derived:ada@analytical.example|${new Date(2026, 10, 17, 15, 4).getTime()}`,
      'derived:grace hopper|3:04 PM|#2',
      'derived:grace hopper||#3',
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  describe('with the page’s URL', () => {
    const happy = () => (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM;
    afterEach(() => {
      document.body.replaceChildren();
      happy().setURL('about:blank');
    });

    it('gives a lone undated message the URL’s item id', () => {
      happy().setURL(`https://outlook.live.com/mail/0/inbox/id/${ITEM_URL}`);
      document.title = 'Mail - Mary Somerville - Outlook';
      const parsed = page(ME + pane(message(`<span aria-label="From: Ada Lovelace">Ada</span>`)));
      document.body.replaceChildren(...[...parsed.body.childNodes].map((node) => document.importNode(node, true)));
      const thread = outlook.readThread(document)!;
      expect(thread.messages.map((m) => m.id)).toEqual([ITEM]);
      expect(outlook.selfAddress(document)).toBe('mary.somerville@outlook.com');
    });
  });

  it('reads a collapsed item’s sender from its first text', () => {
    const doc = page(
      ME +
        pane(
          `<div aria-label="Email from Grace Hopper" aria-expanded="false"><div><span>Grace Hopper</span><span data-testid="SentReceivedSavedTime" title="Mon 11/16/2026 9:00 AM">Mon</span></div><div>Preview text…</div></div>`,
        ),
    );
    const [m] = outlook.readThread(doc)!.messages;
    expect(m!.from?.person).toEqual({ name: 'Grace Hopper' });
    expect(m!.when).toBe(new Date(2026, 10, 16, 9, 0).getTime());
  });

  it('finds the subject in a business pane and prefers the full title of a cut text', () => {
    const doc = page(
      ME +
        `<div data-app-section="MailReadCompose"><div role="heading" aria-level="2"><span title="A very long subject that the pane cuts">A very long subject…</span></div>${message('<span aria-label="From: Ada Lovelace">Ada</span>')}</div>`,
    );
    expect(outlook.findThreadContainer(doc)?.getAttribute('data-app-section')).toBe('MailReadCompose');
    expect(outlook.readThread(doc)!.subject).toBe('A very long subject that the pane cuts');
  });
});

/** A compose surface: toolbar with the split Send button, wells, subject, body. */
function compose(wells: string, options: { send?: string; subject?: string | null } = {}): string {
  const send = options.send ?? `<button type="button" aria-label="Send" title="Send (Ctrl+Enter)"><span>Send</span></button>`;
  const subject =
    options.subject === null ? '' : `<input aria-label="Add a subject" placeholder="Add a subject" value="${options.subject ?? 'Dinner'}">`;
  return `<div class="compose"><div role="toolbar"><div>${send}<button type="button" aria-label="Send options" aria-haspopup="menu" aria-expanded="false">v</button></div><button aria-label="Discard">Discard</button></div>
    ${wells}${subject}
    <div aria-label="Message body, press Alt+F10 to exit" role="textbox" contenteditable="true"><div>Hi</div></div></div>`;
}
const to = (content: string) => `<button aria-label="To">To</button><div aria-label="To" role="textbox" contenteditable="true">${content}</div>`;

describe('composeForSend', () => {
  const root = (doc: Document) => doc.querySelector('.compose');

  it('answers the compose form for its Send button, by label, title or test id', () => {
    for (const send of [
      `<button aria-label="Send"><span>Send</span></button>`,
      `<button title="Send (Ctrl+Enter)"><i></i></button>`,
      `<div role="button" data-testid="ComposeSendButton"><span>Envoyer</span></div>`,
      `<button>Send</button>`,
    ]) {
      const doc = page(ME + compose(to('ada@analytical.example'), { send }));
      const target = doc.querySelector('.compose [role="toolbar"] > div > :first-child')!;
      expect(outlook.composeForSend(target.firstElementChild ?? target, false), send).toBe(root(doc));
    }
  });

  it('does not count the split dropdown, a disabled Send, other buttons or a Send outside compose', () => {
    const doc = page(ME + compose(to('ada@analytical.example')) + `<button aria-label="Send">Send</button>`);
    expect(outlook.composeForSend(doc.querySelector('[aria-label="Send options"]')!, false)).toBeNull();
    expect(outlook.composeForSend(doc.querySelector('[aria-label="Discard"]')!, false)).toBeNull();
    expect(outlook.composeForSend(doc.querySelector('body > button[aria-label="Send"]')!, false)).toBeNull();
    for (const send of [
      `<button aria-label="Send" disabled>Send</button>`,
      `<button aria-label="Send" aria-disabled="true"><span>Send</span></button>`,
      `<button aria-label="Send later">Send later</button>`,
      `<button aria-label="Send" aria-haspopup="menu">Send</button>`,
    ]) {
      const disabled = page(ME + compose(to('ada@analytical.example'), { send }));
      const button = disabled.querySelector('[role="toolbar"] > div > :first-child')!;
      expect(outlook.composeForSend(button.firstElementChild ?? button, false), send).toBeNull();
      expect(outlook.composeForSend(disabled.querySelector('[contenteditable][aria-label^="Message body"] div')!, true), send).toBeNull();
    }
    // A form whose Send is disabled is not sent by a Send elsewhere on the page.
    const stray = page(ME + compose(to('ada@analytical.example'), { send: '<button aria-label="Send" disabled>Send</button>' }) + '<button aria-label="Send">Send</button>');
    expect(outlook.composeForSend(stray.querySelector('body > button[aria-label="Send"]')!, false)).toBeNull();
    expect(outlook.composeForSend(stray.querySelector('[aria-label^="Message body"] div')!, true)).toBeNull();
  });

  it('answers for Ctrl+Enter only from the body', () => {
    const doc = page(ME + compose(to('ada@analytical.example')));
    const body = doc.querySelector('[aria-label^="Message body"] div')!;
    expect(outlook.composeForSend(body, true)).toBe(root(doc));
    expect(outlook.composeForSend(body, false)).toBeNull();
    expect(outlook.composeForSend(doc.querySelector('div[aria-label="To"]')!, true)).toBeNull();
    // A received message's body has the same label but is not editable.
    const reading = page(ME + pane(message('<span aria-label="From: Ada">Ada</span>')));
    expect(outlook.composeForSend(reading.querySelector('[role="document"]')!, true)).toBeNull();
  });

  it('picks the right form when a page has two', () => {
    const doc = page(ME + `<div id="a">${compose(to('ada@analytical.example'))}</div><div id="b">${compose(to('grace@navy.example'))}</div>`);
    const sendB = doc.querySelector('#b button[aria-label="Send"]')!;
    expect(outlook.readCompose(outlook.composeForSend(sendB, false)!)!.recipients).toEqual([
      { name: 'grace@navy.example', email: 'grace@navy.example' },
    ]);
  });
});

describe('readCompose', () => {
  const snapshot = (html: string, head = ME) => {
    const doc = page(head + html);
    return outlook.readCompose(doc.querySelector('.compose')!);
  };

  it('reads chips, "Name <address>" text and typed addresses from To, Cc and Bcc; lowercase, once each', () => {
    const result = snapshot(
      compose(
        to(`<span title="Ada@Analytical.example"><span>Ada Lovelace</span></span><span>Grace Hopper &lt;grace@navy.example&gt;</span>katherine@nasa.example; ADA@analytical.example;`) +
          `<div aria-label="Cc" contenteditable="true"><div role="button" aria-label="Dorothy Vaughan (dorothy@nasa.example)"><span>Dorothy Vaughan</span></div></div>` +
          `<input aria-label="Bcc" value="alan@bletchley.example; grace@navy.example">`,
        { subject: 'Dinner at the Royal Society' },
      ),
    );
    expect(result).toEqual({
      subject: 'Dinner at the Royal Society',
      recipients: [
        { name: 'Ada Lovelace', email: 'ada@analytical.example' },
        { name: 'Grace Hopper', email: 'grace@navy.example' },
        { name: 'katherine@nasa.example', email: 'katherine@nasa.example' },
        { name: 'Dorothy Vaughan', email: 'dorothy@nasa.example' },
        { name: 'alan@bletchley.example', email: 'alan@bletchley.example' },
      ],
    });
  });

  it('upgrades a bare address to the name a later chip gives it', () => {
    const result = snapshot(compose(to(`ada@analytical.example;`) + `<div aria-label="Cc"><span title="ada@analytical.example">Ada Lovelace</span></div>`));
    expect(result!.recipients).toEqual([{ name: 'Ada Lovelace', email: 'ada@analytical.example' }]);
  });

  it('drops invalid addresses, the user, and the address-book buttons; null without recipients', () => {
    expect(snapshot(compose(to('')))).toBeNull();
    expect(snapshot(compose(to('not-an-address@; @x.example; ada@')))).toBeNull();
    expect(snapshot(compose(to('<span title="mary.somerville@outlook.com">Mary Somerville</span>'))), 'the user alone').toBeNull();
    // Known by name only: the chip's name gives the user away.
    expect(snapshot(compose(to('<span title="mary.s@contoso.example">Mary Somerville</span>')), ME_BY_NAME)).toBeNull();
    expect(
      snapshot(compose(`<button aria-label="To" title="ada@analytical.example">To</button>` + to('grace@navy.example')))!.recipients,
    ).toEqual([{ name: 'grace@navy.example', email: 'grace@navy.example' }]);
  });

  it('does not read the body or the quoted original', () => {
    const result = snapshot(
      compose(to('grace@navy.example')).replace('<div>Hi</div>', '<div>From: Ada Lovelace &lt;ada@analytical.example&gt;</div>'),
    );
    expect(result!.recipients.map((r) => r.email)).toEqual(['grace@navy.example']);
  });

  it('takes an inline reply’s subject from the conversation around it', () => {
    const doc = page(ME + pane(message('<span aria-label="From: Ada Lovelace">Ada</span>') + compose(to('ada@analytical.example'), { subject: null })));
    const send = doc.querySelector('button[aria-label="Send"]')!;
    expect(outlook.readCompose(outlook.composeForSend(send, false)!)!.subject).toBe('Notes on the Analytical Engine');
    // Outside a pane and without a subject field: empty.
    expect(snapshot(compose(to('ada@analytical.example'), { subject: null }))!.subject).toBe('');
  });

  it('reads the subject as typed (the property), not the initial attribute', () => {
    const doc = page(ME + compose(to('ada@analytical.example'), { subject: 'Draft' }));
    (doc.querySelector('input[aria-label="Add a subject"]') as HTMLInputElement).value = '  Typed   subject ';
    expect(outlook.readCompose(doc.querySelector('.compose')!)!.subject).toBe('Typed subject');
  });
});
