// @vitest-environment happy-dom
// The Gmail adapter on small hand-made documents: routes, the title, the date parser, rows,
// threads and compose forms — and the hostile or odd markup a mail page can hold.
import { describe, expect, it } from 'vitest';
import { gmail, parseAddress, parseGmailDate } from '../../../utils/webmail/gmail';
import type { MailPerson, PersonSlot } from '../../../utils/webmail/types';

const SELF = 'mary.somerville@gmail.com';
const ADA = 'ada@analytical.example';
const GRACE = 'grace@navy.example';
const ALAN = 'alan@bletchley.example';

function page(body: string, title = `Inbox (3) - ${SELF} - Gmail`): Document {
  const doc = new DOMParser().parseFromString(`<!doctype html><html><head><title></title></head><body>${body}</body></html>`, 'text/html');
  // Set through the DOM so any title (even one with markup-like text) arrives verbatim.
  doc.title = title;
  return doc;
}

const show = (p: MailPerson) => `${p.name} <${p.email}>`;
const showSlots = (slots: PersonSlot[]) => slots.map((s) => show(s.person));

const span = (email: string, name?: string, text = name ?? email, cls = 'yP') =>
  `<span class="bA4"><span class="${cls}" email="${email}"${name !== undefined ? ` name="${name}"` : ''}>${text}</span></span>`;
const row = (cell: string, extra = '', cls = 'zA yO') =>
  `<tr class="${cls}" role="row"><td class="oZ-x3 xY"></td><td class="yX xY"><div class="yW">${cell}</div></td><td class="xY a4W"><span data-legacy-thread-id="1">Subject</span>${extra}</td><td class="xW xY"><span title="Tue, Nov 17, 2026, 3:04 PM">Nov 17</span></td></tr>`;
const list = (...rows: string[]) => `<div role="main"><table class="F cf zt"><tbody>${rows.join('')}</tbody></table></div>`;

describe('route', () => {
  const ID = 'FMfcgzQXJWxKdHxwTVbBhZmQkhbjqHPr';
  const cases: [string, ReturnType<typeof gmail.route>][] = [
    ['https://mail.google.com/mail/u/0/#inbox', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#', { view: 'list' }],
    ['https://mail.google.com/mail/', { view: 'list' }],
    ['https://mail.google.com/mail/u/1/#starred', { view: 'list' }],
    ['https://mail.google.com/mail/u/12/#sent', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#label/Foo+Bar', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#label/Work%2FJobs', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#category/social', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#search/from%3Aada+lunch', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#all', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#imp', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#snoozed', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#spam', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#inbox/p2', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#Inbox', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/?ui=2&view=btop#inbox', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#inbox?compose=CllgCJZZQbzXqRtTpnLBVrHsgQkNLKmvTbpJ', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#advanced-search/from=ada&subset=all&within=1d&query=lunch', { view: 'list' }],
    // A search for thread-id-looking text is still a search.
    [`https://mail.google.com/mail/u/0/#search/${ID}`, { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#label/FMfcgzQXJWxKdHxwTVbB', { view: 'list' }],
    ['https://mail.google.com/mail/u/0/#inbox/short123', { view: 'list' }],
    [`https://mail.google.com/mail/u/0/#inbox/${ID}`, { view: 'thread', threadId: ID }],
    [`https://mail.google.com/mail/#inbox/${ID}`, { view: 'thread', threadId: ID }],
    [`https://mail.google.com/mail/u/0/#label/Jobs/${ID}`, { view: 'thread', threadId: ID }],
    [`https://mail.google.com/mail/u/0/#label/Work/Jobs/${ID}`, { view: 'thread', threadId: ID }],
    [`https://mail.google.com/mail/u/0/#search/ada/${ID}`, { view: 'thread', threadId: ID }],
    [`https://mail.google.com/mail/u/0/#category/promotions/${ID}`, { view: 'thread', threadId: ID }],
    [`https://mail.google.com/mail/u/0/#inbox/${ID}?compose=new`, { view: 'thread', threadId: ID }],
    ['https://mail.google.com/mail/u/0/#sent/15f0e1d2c3b4a596', { view: 'thread', threadId: '15f0e1d2c3b4a596' }],
    ['https://mail.google.com/mail/u/0/#settings/general', { view: 'other' }],
    ['https://mail.google.com/mail/u/0/#settings/filters', { view: 'other' }],
    ['https://mail.google.com/mail/u/0/#contacts', { view: 'other' }],
    ['https://mail.google.com/mail/u/0/#chat/home', { view: 'other' }],
    [`https://mail.google.com/mail/u/0/#apps/${ID}`, { view: 'other' }],
    ['https://mail.google.com/mail/u/0/#label', { view: 'other' }],
    ['https://mail.google.com/chat/u/0/#chat/home', { view: 'other' }],
    ['https://mail.google.com/mail/u/0/h/1a2b3c/?f=1', { view: 'other' }],
    ['https://mail.google.com/mail/u/x/#inbox', { view: 'other' }],
    ['https://www.google.com/mail/u/0/#inbox', { view: 'other' }],
    ['https://mail.google.com.evil.example/mail/u/0/#inbox', { view: 'other' }],
  ];
  it.each(cases)('%s', (url, expected) => {
    expect(gmail.route(new URL(url))).toEqual(expected);
  });
  it('has a table of at least 25 URLs', () => expect(cases.length).toBeGreaterThanOrEqual(25));
});

describe('selfAddress', () => {
  it.each([
    ['Inbox (3) - ada.l@example.com - Gmail', 'ada.l@example.com'],
    ['Search results - grace@navy.example - Gmail', GRACE],
    ['Inbox (1,234) - Mary.Somerville@Gmail.com - Gmail', SELF],
    ['Inbox - mary@acme.example - Acme Corp Mail', 'mary@acme.example'],
    [`Re: from bob@other.example - ${SELF} - Gmail`, SELF],
    [`Budget - Q3 - draft - ${SELF} - Gmail`, SELF],
  ])('%s', (title, expected) => {
    expect(gmail.selfAddress(page('', title))).toBe(expected);
  });
  it.each(['Gmail', '', 'Inbox - not-an-address - Gmail', 'Inbox - a@b - Gmail', `Inbox - ${'x'.repeat(300)}@example.com - Gmail`])(
    'none in %j',
    (title) => expect(gmail.selfAddress(page('', title))).toBeUndefined(),
  );
});

describe('parseGmailDate (local time, Europe/Stockholm)', () => {
  const at = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();
  it.each([
    ['Tue, Nov 17, 2026, 3:04 PM', at(2026, 11, 17, 15, 4)],
    ['17 Nov 2026, 15:04', at(2026, 11, 17, 15, 4)],
    ['Nov 17, 2026, 3:04 PM', at(2026, 11, 17, 15, 4)],
    ['Tue, 17 Nov 2026, 15:04', at(2026, 11, 17, 15, 4)],
    ['Tue, Nov 17, 2026 at 3:04 PM', at(2026, 11, 17, 15, 4)],
    ['Tuesday, November 17, 2026 at 3:04:27 PM', at(2026, 11, 17, 15, 4, 27)],
    ['Nov 17, 2026, 3:04\u202fPM', at(2026, 11, 17, 15, 4)],
    ['Nov\u00a017,\u00a02026,\u00a03:04\u00a0PM', at(2026, 11, 17, 15, 4)],
    ['Nov 17, 2026, 12:05 AM', at(2026, 11, 17, 0, 5)],
    ['Nov 17, 2026, 12:05 PM', at(2026, 11, 17, 12, 5)],
    ['Sept 3, 2026, 9:00 am', at(2026, 9, 3, 9, 0)],
    ['3 Sept 2026, 09:00', at(2026, 9, 3, 9, 0)],
    ['Nov 17, 2026, 3:04 p.m.', at(2026, 11, 17, 15, 4)],
    ['Nov 17, 2026, 3:04 PM (2 days ago)', at(2026, 11, 17, 15, 4)],
    ['\u202aTue, Nov 17, 2026, 3:04 PM\u202c', at(2026, 11, 17, 15, 4)],
    ['2026-11-17 15:04', at(2026, 11, 17, 15, 4)],
    ['Dec 31, 2026, 11:59 PM', at(2026, 12, 31, 23, 59)],
    ['Feb 29, 2028, 1:00 PM', at(2028, 2, 29, 13, 0)],
  ])('%j', (text, expected) => {
    expect(parseGmailDate(text)).toBe(expected);
  });

  it('is local time on both sides of a daylight-saving change', () => {
    // Stockholm moves from UTC+1 to UTC+2 on 29 March 2026.
    expect(parseGmailDate('Mar 28, 2026, 3:30 AM')).toBe(Date.UTC(2026, 2, 28, 2, 30));
    expect(parseGmailDate('Mar 29, 2026, 3:30 AM')).toBe(Date.UTC(2026, 2, 29, 1, 30));
  });

  it.each([
    '',
    '3:04 PM',
    'Yesterday, 3:04 PM',
    '11/17/2026, 3:04 PM',
    '17/11/2026 15:04',
    '17.11.2026 15:04',
    'Nov 17, 2026',
    'Feb 30, 2026, 1:00 PM',
    'Feb 29, 2026, 1:00 PM',
    'Nov 17, 2026, 13:04 PM',
    'Nov 17, 2026, 0:04 AM',
    'Nov 17, 2026, 3:64 PM',
    '17 Nov 2026, 24:00',
    'Novel 17, 2026, 3:04 PM',
    'No 17, 2026, 3:04 PM',
    'Wed, Nov 17, 2026, 3:04 PM',
    'Nov 17, 26, 3:04 PM',
    'Nov 17, 1969, 3:04 PM',
    'Nov 17, 2026, 3:04 PM GMT+1',
    '17 Nov 2026 15:04 extra',
    '2026-13-01 10:00',
    '<script>alert(1)</script>',
    `Nov 17, 2026, 3:04 PM ${'('.repeat(5_000)}`,
    'x'.repeat(10_000),
  ])('undefined for %j', (text) => {
    expect(parseGmailDate(text)).toBeUndefined();
  });

  it('undefined for missing input', () => {
    expect(parseGmailDate(undefined)).toBeUndefined();
    expect(parseGmailDate(null)).toBeUndefined();
  });
});

describe('readRows', () => {
  it('reads participants in order, de-duplicated, the user left out by name="me" and by address', () => {
    const doc = page(
      list(
        row(`${span(ADA, 'Ada Lovelace', 'Ada')}, ${span(SELF, 'me')}, ${span(GRACE, 'Grace Hopper', 'Grace')} <span class="bx0">3</span>`),
        row(`${span(ADA, 'Ada L.')}, ${span(SELF, 'Mary Somerville')}, ${span(ADA, 'Ada Lovelace')}`),
        row(`${span('Alan@Bletchley.EXAMPLE', undefined, 'Alan T.')}`),
        row(`${span('unnamed@shop.example', undefined, '  ')}`),
      ),
    );
    expect(gmail.readRows(doc).map((r) => showSlots(r.senders))).toEqual([
      ['Ada Lovelace <ada@analytical.example>', 'Grace Hopper <grace@navy.example>'],
      ['Ada L. <ada@analytical.example>'],
      ['Alan T. <alan@bletchley.example>'],
      ['unnamed@shop.example <unnamed@shop.example>'],
    ]);
  });

  it('leaves out name="me" even when the title names no one', () => {
    const doc = page(list(row(`${span('someone@else.example', 'me')}, ${span(ADA, 'Ada')}`)), 'Gmail');
    expect(gmail.readRows(doc).map((r) => showSlots(r.senders))).toEqual([['Ada <ada@analytical.example>']]);
  });

  it('keeps a me-only row (no senders) and skips rows naming nobody', () => {
    const doc = page(
      list(
        row(`${span(SELF, 'me')} <span class="bx0">2</span>`),
        row('<font color="#DD4B39">Draft</font>'),
        row(''),
        '<tr class="zA yO"><td>no sender cell at all</td></tr>',
        row(span('not-an-address', 'Eve')),
      ),
    );
    const rows = gmail.readRows(doc);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.senders).toEqual([]);
  });

  it('finds the row from inside it, from the row itself and from its tbody', () => {
    const doc = page(list(row(span(ADA, 'Ada')), row(span(GRACE, 'Grace'))));
    const [first, second] = [...doc.querySelectorAll('tr.zA')];
    const inner = second!.querySelector('span[email]')!;
    expect(gmail.readRows(inner).map((r) => r.row)).toEqual([second]);
    expect(gmail.readRows(first!).map((r) => r.row)).toEqual([first]);
    expect(gmail.readRows(doc.querySelector('tbody')!).map((r) => r.row)).toEqual([first, second]);
    expect(gmail.readRows(doc.querySelector('td.xW span')!).map((r) => r.row)).toEqual([first]);
    // An element with no rows around or under it.
    expect(gmail.readRows(doc.createElement('div'))).toEqual([]);
  });

  it('reads a split-pane conversation once, as its head row, whatever part is given', () => {
    const split = (cell: string, partClass: string) =>
      `<tr class="zA yO apv"><td class="yX xY"><div class="yW">${cell}</div></td><td class="xW xY"></td></tr>` +
      `<tr class="${partClass}"><td class="a4W"><span class="subject">Subject</span></td></tr>` +
      `<tr class="${partClass}"><td><span class="snippet">Snippet</span></td></tr>`;
    for (const partClass of ['apw', 'zA yO apw']) {
      const doc = page(list(split(span(ADA, 'Ada'), partClass), split(span(GRACE, 'Grace'), partClass)));
      const heads = [...doc.querySelectorAll('tr.apv')];
      const rows = gmail.readRows(doc.querySelector('[role=main]')!);
      expect(rows.map((r) => r.row)).toEqual(heads);
      expect(rows.map((r) => showSlots(r.senders))).toEqual([['Ada <ada@analytical.example>'], ['Grace <grace@navy.example>']]);
      // A part (or something in it) maps to its own conversation's head.
      const snippets = doc.querySelectorAll('.snippet');
      expect(gmail.readRows(snippets[1]!).map((r) => r.row)).toEqual([heads[1]]);
      expect(gmail.readRows(snippets[0]!.closest('tr')!).map((r) => r.row)).toEqual([heads[0]]);
    }
  });

  it('does not read a conversation twice when rows are nested (forged markup)', () => {
    const inner = `<table><tbody>${row(span(GRACE, 'Grace'))}</tbody></table>`;
    const doc = page(list(row(span(ADA, 'Ada'), inner)));
    const rows = gmail.readRows(doc);
    expect(rows.map((r) => showSlots(r.senders))).toEqual([['Ada <ada@analytical.example>'], ['Grace <grace@navy.example>']]);
    expect(new Set(rows.map((r) => r.row)).size).toBe(2);
  });

  it('drops invalid addresses, caps absurd names and keeps markup-like names as plain text', () => {
    const long = 'N'.repeat(10_000);
    const scripty = '<img src=x onerror="alert(1)">';
    const doc = page(list(row('<span class="yP">placeholder</span>')));
    const cell = doc.querySelector('div.yW')!;
    cell.replaceChildren();
    const add = (email: string | null, name: string | null, text = '') => {
      const el = doc.createElement('span');
      if (email !== null) el.setAttribute('email', email);
      if (name !== null) el.setAttribute('name', name);
      el.textContent = text;
      cell.append(el);
    };
    add('javascript:alert(1)', 'Eve');
    add('eve@', 'Eve');
    add('a b@evil.example', 'Eve');
    add(`${'x'.repeat(300)}@evil.example`, 'Eve');
    add('<b>@evil.example', 'Eve');
    add(null, 'No address');
    add('long@names.example', long);
    add('script@names.example', scripty);
    add('text@names.example', null, `  Text   ${'T'.repeat(10_000)}`);
    add(` ${ADA.toUpperCase()} `, 'Ada');
    const images = doc.querySelectorAll('img').length;
    const [r] = gmail.readRows(doc);
    expect(r!.senders.map((s) => s.person.email)).toEqual(['long@names.example', 'script@names.example', 'text@names.example', ADA]);
    expect(r!.senders[0]!.person.name).toBe('N'.repeat(200));
    expect(r!.senders[1]!.person.name).toBe(scripty);
    expect(r!.senders[2]!.person.name).toHaveLength(200);
    expect(r!.senders[2]!.person.name.startsWith('Text TTT')).toBe(true);
    expect(doc.querySelectorAll('img').length).toBe(images);
  });

  it('caps the participants of one row', () => {
    const many = Array.from({ length: 300 }, (_, i) => span(`p${i}@crowd.example`, `P${i}`)).join(', ');
    const [r] = gmail.readRows(page(list(row(many))));
    expect(r!.senders).toHaveLength(50);
    expect(r!.senders[49]!.person.email).toBe('p49@crowd.example');
  });

  it('reads rows that are not in a document yet, with no title to go by', () => {
    const doc = page(list(row(`${span(SELF, 'Mary')}, ${span(ADA, 'Ada')}`)), 'Gmail');
    const fragment = doc.createDocumentFragment();
    fragment.append(doc.querySelector('tbody')!);
    expect(gmail.readRows(fragment).map((r) => showSlots(r.senders))).toEqual([
      ['Mary <mary.somerville@gmail.com>', 'Ada <ada@analytical.example>'],
    ]);
  });

  it('falls back to attribute signals when the cell classes change', () => {
    const doc = page(list(`<tr class="zA yO"><td class="q1"><div class="q2">${span(ADA, 'Ada')}, ${span(SELF, 'me')}</div></td></tr>`));
    expect(gmail.readRows(doc).map((r) => showSlots(r.senders))).toEqual([['Ada <ada@analytical.example>']]);
  });
});

describe('findListContainer', () => {
  it('is the main region holding rows, else the main region, else null', () => {
    const doc = page(`<div role="main" id="empty"></div><div role="main" id="list">${list(row(span(ADA, 'Ada')))}</div>`);
    expect(gmail.findListContainer(doc)?.id).toBe('list');
    expect(gmail.findListContainer(page('<div role="main" id="m">Loading…</div>'))?.id).toBe('m');
    expect(gmail.findListContainer(page('<div id="loading">Loading…</div>'))).toBeNull();
  });
});

const message = (attrs: string, inner: string) => `<div role="listitem"><div class="adn ads" ${attrs}>${inner}</div></div>`;
const header = (email: string, name: string, to = '', date = 'Tue, Nov 17, 2026, 3:04 PM') =>
  `<div class="gE iv gt"><table><tbody><tr><td class="gF"><h3 class="iw"><span class="qu"><span class="gD" email="${email}" name="${name}"><span>${name}</span></span></span></h3></td>` +
  `<td class="gH"><span class="g3" title="${date}">${date}</span></td></tr><tr><td><span class="hb">${to}</span></td></tr></tbody></table></div>`;
const thread = (messages: string, subject = 'Lunch') => `<div role="main"><h2 class="hP">${subject}</h2><div role="list">${messages}</div></div>`;

describe('readThread', () => {
  it('reads ids, senders, recipients and dates; the user is fromMe and never a recipient', () => {
    const doc = page(
      thread(
        message('data-message-id="#msg-f:1" data-legacy-message-id="aa"', header(ADA, 'Ada Lovelace', `to <span class="g2" email="${SELF}" name="me">me</span>, <span class="g2" email="${GRACE}" name="Grace Hopper">Grace</span>`)) +
          message('data-legacy-message-id="bb"', header(SELF, 'Mary Somerville', `to <span class="g2" email="${ADA}" name="Ada Lovelace">Ada</span>`, '17 Nov 2026, 16:00')) +
          message('data-message-id="msg-f:3"', header(GRACE, 'Grace Hopper', '', 'sometime')),
      ),
      `Lunch - ${SELF} - Gmail`,
    );
    const t = gmail.readThread(doc)!;
    expect(t.subject).toBe('Lunch');
    expect(
      t.messages.map((m) => ({ id: m.id, from: m.from && show(m.from.person), fromMe: m.fromMe, to: showSlots(m.recipients), when: m.when })),
    ).toEqual([
      { id: 'msg-f:1', from: 'Ada Lovelace <ada@analytical.example>', fromMe: false, to: ['Grace Hopper <grace@navy.example>'], when: new Date(2026, 10, 17, 15, 4).getTime() },
      { id: 'bb', from: 'Mary Somerville <mary.somerville@gmail.com>', fromMe: true, to: ['Ada Lovelace <ada@analytical.example>'], when: new Date(2026, 10, 17, 16, 0).getTime() },
      { id: 'msg-f:3', from: 'Grace Hopper <grace@navy.example>', fromMe: false, to: [], when: undefined },
    ]);
    expect('when' in t.messages[2]!).toBe(false);
    expect(gmail.findThreadContainer(doc)?.getAttribute('role')).toBe('main');
  });

  it('takes the subject from the title when the heading is missing, and caps it', () => {
    const msg = message('data-message-id="m1"', header(ADA, 'Ada'));
    expect(gmail.readThread(page(`<div role="main">${msg}</div>`, `Re: Q3 - budget - ${SELF} - Gmail`))?.subject).toBe('Re: Q3 - budget');
    expect(gmail.readThread(page(`<div role="main">${msg}</div>`, 'Lunch - Gmail'))?.subject).toBe('Lunch');
    expect(gmail.readThread(page(thread(msg, 'S'.repeat(5_000))))?.subject).toHaveLength(1_000);
  });

  it('ignores people named in message bodies (untrusted mail content)', () => {
    const body = `<div class="ii gt"><div class="a3s aiL"><span class="gD" email="eve@evil.example" name="Eve">Eve</span><span class="hb"><span class="g2" email="mallory@evil.example" name="Mallory">M</span></span></div></div>`;
    const doc = page(thread(message('data-message-id="m1"', body) + message('data-message-id="m2"', header(ADA, 'Ada') + body)));
    const t = gmail.readThread(doc)!;
    expect(t.messages.map((m) => [m.id, m.from && m.from.person.email, m.recipients.length])).toEqual([
      ['m1', null, 0],
      ['m2', ADA, 0],
    ]);
  });

  it('skips messages without a usable id or in a draft, and reads a nested or repeated id once', () => {
    const doc = page(
      thread(
        message(`data-message-id="${'x'.repeat(10_000)}"`, header(ADA, 'Ada')) +
          message(`data-message-id="${'x'.repeat(10_000)}" data-legacy-message-id="legacy1"`, header(ADA, 'Ada')) +
          message('data-message-id="has space"', header(GRACE, 'Grace')) +
          message('data-message-id=""', header(GRACE, 'Grace')) +
          message('data-message-id="m2"', header(GRACE, 'Grace') + `<div class="adn" data-message-id="m2-inner">${header(ALAN, 'Alan')}</div>`) +
          message('data-message-id="m2"', header(GRACE, 'Grace')) +
          // A draft being written in the thread is not a message of it.
          `<div class="M9">${message('data-message-id="draft1"', header(SELF, 'Mary'))}</div>`,
      ),
    );
    expect(gmail.readThread(doc)!.messages.map((m) => m.id)).toEqual(['legacy1', 'm2']);
  });

  it('counts collapsed messages that have an id and a sender, not the bundle of hidden ones', () => {
    const collapsed = `<div class="kv"><div class="adn ads" data-message-id="#msg-f:9"><span class="qu"><span class="gD" email="${ALAN}" name="Alan Turing">Alan Turing</span></span><span class="g3" title="Nov 17, 2026, 3:04 PM"></span></div></div>`;
    const doc = page(thread(`${collapsed}<div class="kQ" role="button"><span class="adw">3</span></div>${message('data-message-id="m2"', header(ADA, 'Ada'))}`));
    expect(gmail.readThread(doc)!.messages.map((m) => [m.id, m.from?.person.name])).toEqual([
      ['msg-f:9', 'Alan Turing'],
      ['m2', 'Ada'],
    ]);
  });

  it('is null with no conversation on the page', () => {
    expect(gmail.readThread(page(list(row(span(ADA, 'Ada')))))).toBeNull();
    expect(gmail.findThreadContainer(page(list(row(span(ADA, 'Ada')))))).toBeNull();
    expect(gmail.readThread(page('<div role="main"><h2 class="hP">Loading</h2></div>'))).toBeNull();
  });

  it('falls back to any address span for recipients when the classes change', () => {
    const inner = `<h3><span class="gD" email="${ADA}" name="Ada">Ada</span></h3><div class="q9">to <span email="${GRACE}" name="Grace">Grace</span>, <span email="${SELF}" name="Mary">Mary</span></div>`;
    const t = gmail.readThread(page(thread(message('data-message-id="m1"', inner))))!;
    expect(showSlots(t.messages[0]!.recipients)).toEqual(['Grace <grace@navy.example>']);
    expect(t.messages[0]!.from?.anchor.getAttribute('email')).toBe(ADA);
  });
});

const sendButton = (label = 'Send \u202a(Ctrl-Enter)\u202c', extra = '') =>
  `<div class="T-I J-J5-Ji aoO v7 T-I-atl L3" role="button" data-tooltip="${label}" aria-label="${label}" ${extra}><span class="inner">Send</span></div>`;
const scheduleArrow = '<div class="T-I J-J5-Ji hG T-I-atl L3" role="button" aria-haspopup="true" data-tooltip="More send options" aria-label="More send options"></div>';
const compose = (fields: string, buttons = sendButton() + scheduleArrow, body = 'Hello') =>
  `<div class="nH Hd" role="dialog"><form class="bAs">${fields}</form><div class="Am Al editable" contenteditable="true" role="textbox">${body}</div><table class="IZ"><tbody><tr><td class="gU Up">${buttons}</td><td><div role="button" aria-label="Discard draft" class="og"></div></td></tr></tbody></table></div>`;

describe('composeForSend', () => {
  it('is the compose form for a click on Send (or inside it), and nothing else', () => {
    const doc = page(compose('<input name="subjectbox" value="Hi"><input name="to" type="hidden" value="ada@analytical.example">'));
    const dialog = doc.querySelector('[role=dialog]')!;
    const send = doc.querySelector('[data-tooltip^="Send"]')!;
    expect(gmail.composeForSend(send, false)).toBe(dialog);
    expect(gmail.composeForSend(send.querySelector('.inner')!, false)).toBe(dialog);
    expect(gmail.composeForSend(doc.querySelector('[aria-label="More send options"]')!, false)).toBeNull();
    expect(gmail.composeForSend(doc.querySelector('[aria-label="Discard draft"]')!, false)).toBeNull();
    expect(gmail.composeForSend(doc.querySelector('input[name=subjectbox]')!, false)).toBeNull();
  });

  it('is the form for Ctrl/⌘+Enter from its fields or body, not from elsewhere', () => {
    const doc = page(`${compose('<input name="subjectbox" value="Hi"><input aria-label="To recipients" value="">')}<div role="main"><input id="search"></div>`);
    const dialog = doc.querySelector('[role=dialog]')!;
    expect(gmail.composeForSend(doc.querySelector('[contenteditable]')!, true)).toBe(dialog);
    expect(gmail.composeForSend(doc.querySelector('input[name=subjectbox]')!, true)).toBe(dialog);
    expect(gmail.composeForSend(doc.querySelector('[aria-label="To recipients"]')!, true)).toBe(dialog);
    expect(gmail.composeForSend(doc.querySelector('#search')!, true)).toBeNull();
    expect(gmail.composeForSend(doc.body, true)).toBeNull();
  });

  it.each([
    ['disabled (aria)', sendButton(undefined, 'aria-disabled="true"')],
    ['disabled (attribute)', sendButton(undefined, 'disabled')],
    ['a menu', sendButton('Send', 'aria-haspopup="true"')],
    ['"Sending…"', sendButton('Sending…')],
    ['"Sender options"', sendButton('Sender options')],
    ['"Schedule send"', '<div role="menuitem" aria-label="Schedule send">Schedule send</div>'],
    ['unlabelled', '<div role="button">Send</div>'],
  ])('is null for a send control that is %s', (_, buttons) => {
    const doc = page(compose('<input name="subjectbox" value="Hi">', buttons));
    expect(gmail.composeForSend(doc.querySelector('td.gU [role]')!, false)).toBeNull();
  });

  it.each([
    ['Send + archive', 'Send + archive'],
    ['German', 'Senden \u202a(Strg-Eingabetaste)\u202c'],
    ['Swedish', 'Skicka \u202a(Ctrl-Enter)\u202c'],
    ['only the shortcut', 'Envío \u202a(⌘Enter)\u202c'],
  ])('recognises Send labelled %s', (_, label) => {
    const doc = page(compose('<input name="subjectbox" value="Hi">', sendButton(label)));
    expect(gmail.composeForSend(doc.querySelector('td.gU [role]')!, false)).toBe(doc.querySelector('[role=dialog]'));
  });

  it('is null for a Send button outside any compose form, or forged inside the body', () => {
    const feedback = page(`<div role="dialog" aria-label="Send feedback"><p>Tell us more</p>${sendButton('Send')}</div>`);
    expect(gmail.composeForSend(feedback.querySelector('[role=button]')!, false)).toBeNull();
    const loose = page(`<div role="main">${sendButton()}</div>`);
    expect(gmail.composeForSend(loose.querySelector('[role=button]')!, false)).toBeNull();
    const forged = page(compose('<input name="subjectbox" value="Hi">', '', sendButton('Send')));
    expect(gmail.composeForSend(forged.querySelector('[contenteditable] [role=button]')!, false)).toBeNull();
  });

  it('picks the inline reply rather than a dialog around it', () => {
    const doc = page(`<div role="dialog" id="outer"><div class="M9" id="reply"><form><input type="hidden" name="to" value="${ADA}"></form>${sendButton()}</div></div>`);
    expect(gmail.composeForSend(doc.querySelector('[role=button]')!, false)?.id).toBe('reply');
  });
});

describe('readCompose', () => {
  it('reads chips of both eras, typed and hidden addresses, de-duplicated in page order', () => {
    const doc = page(
      compose(
        `<div class="afV" data-hovercard-id="${GRACE}" data-name="Grace Hopper" role="option"><div class="akl">Grace Hopper</div></div>` +
          `<div class="vR"><span class="vN" email="${ADA.toUpperCase()}"><div class="vT">Ada Lovelace</div><div class="vM" role="button" aria-label="Remove"></div></span><input type="hidden" name="to" value="Ada Lovelace <${ADA}>"></div>` +
          `<input aria-label="To recipients" value="katherine.johnson@nasa.example; &quot;Turing, Alan&quot; <${ALAN}>, not-an-address,,">` +
          `<textarea name="cc">${GRACE}\nDorothy Vaughan &lt;dorothy.vaughan@nasa.example&gt;</textarea>` +
          `<input name="bcc" type="hidden" value="${SELF}, Me Myself <${SELF.toUpperCase()}>">` +
          `<input name="subjectbox" value="  Lunch   on Friday?  ">`,
      ),
    );
    const snapshot = gmail.readCompose(doc.querySelector('[role=dialog]')!)!;
    expect(snapshot.subject).toBe('Lunch on Friday?');
    expect(snapshot.recipients.map(show)).toEqual([
      'Grace Hopper <grace@navy.example>',
      'Ada Lovelace <ada@analytical.example>',
      'katherine.johnson@nasa.example <katherine.johnson@nasa.example>',
      'Turing, Alan <alan@bletchley.example>',
      'Dorothy Vaughan <dorothy.vaughan@nasa.example>',
    ]);
  });

  it('prefers a chip name to the bare address an input gave first', () => {
    const doc = page(compose(`<input type="hidden" name="to" value="${ADA}"><span email="${ADA}"><div class="vT">Ada Lovelace</div></span>`));
    expect(gmail.readCompose(doc.querySelector('[role=dialog]')!)!.recipients.map(show)).toEqual(['Ada Lovelace <ada@analytical.example>']);
  });

  it('reads a value the user typed after the page was built (the live value, not the attribute)', () => {
    const doc = page(compose('<input aria-label="To recipients" value=""><input name="subjectbox" value="">'));
    (doc.querySelector('[aria-label="To recipients"]') as HTMLInputElement).value = 'Grace <grace@navy.example>';
    (doc.querySelector('[name=subjectbox]') as HTMLInputElement).value = 'Typed subject';
    expect(gmail.readCompose(doc.querySelector('[role=dialog]')!)).toEqual({
      subject: 'Typed subject',
      recipients: [{ email: GRACE, name: 'Grace' }],
    });
  });

  it('ignores people named in the body, quoted text and invalid chips; null without recipients', () => {
    const doc = page(
      compose(
        `<span email="javascript:alert(1)">Eve</span><div data-hovercard-id="117234987123498">Profile</div><input name="subjectbox" value="Hi">`,
        sendButton(),
        `<span email="eve@evil.example">Eve</span><div class="gmail_quote"><span email="mallory@evil.example">M</span></div>`,
      ),
    );
    expect(gmail.readCompose(doc.querySelector('[role=dialog]')!)).toBeNull();
  });

  it('leaves the user out, caps names, subjects and the number of recipients', () => {
    const chips = Array.from({ length: 250 }, (_, i) => `<span email="p${i}@crowd.example" name="${i === 0 ? 'N'.repeat(5_000) : `P${i}`}"></span>`).join('');
    const doc = page(compose(`<span email="${SELF}" name="Mary">Mary</span>${chips}<input name="subjectbox" value="${'S'.repeat(5_000)}">`));
    const snapshot = gmail.readCompose(doc.querySelector('[role=dialog]')!)!;
    expect(snapshot.recipients).toHaveLength(200);
    expect(snapshot.recipients[0]).toEqual({ email: 'p0@crowd.example', name: 'N'.repeat(200) });
    expect(snapshot.subject).toHaveLength(1_000);
  });

  it('gives an inline reply without a subject field the thread subject', () => {
    const doc = page(`<div role="main"><h2 class="hP">Lunch</h2><div class="M9"><form><span email="${ADA}" name="Ada">Ada</span></form></div></div>`);
    expect(gmail.readCompose(doc.querySelector('.M9')!)).toEqual({ subject: 'Lunch', recipients: [{ email: ADA, name: 'Ada' }] });
  });
});

describe('parseAddress', () => {
  it.each([
    ['ada@analytical.example', { email: ADA, name: ADA }],
    ['Ada Lovelace <Ada@Analytical.example>', { email: ADA, name: 'Ada Lovelace' }],
    ['"Lovelace, Ada" <ada@analytical.example>', { email: ADA, name: 'Lovelace, Ada' }],
    ['"Ada \\"AL\\" Lovelace" <ada@analytical.example>', { email: ADA, name: 'Ada "AL" Lovelace' }],
    ['<ada@analytical.example>', { email: ADA, name: ADA }],
  ])('%j', (text, expected) => expect(parseAddress(text)).toEqual(expected));

  it.each(['', 'Ada', 'Ada <>', '<<<>>>', '"unterminated <ada@analytical.example', 'a@b', 'ada@analytical.example>'])('nothing in %j', (text) => {
    expect(parseAddress(text)).toBeUndefined();
  });
});
