// @vitest-environment happy-dom
// The interactive Gmail fixture app (tests/fixtures/gmail/app.html + assets/app.js), run in
// happy-dom and read by the adapter: the e2e tests rely on its markup matching the static
// fixtures, on addRows being one DOM operation, and on Send removing the compose form.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { gmail } from '../../../utils/webmail/gmail';

interface FixtureGmail {
  addRows(n: number, options?: { sender?: { name: string; email: string }; participants?: unknown[]; position?: 'top' | 'bottom' }): string[];
  setLayout(layout: 'default' | 'split'): void;
  openCompose(options: { to?: unknown[]; cc?: unknown[]; subject?: string; body?: string }): Element;
  sent: { to: string[]; cc: string[]; bcc: string[]; subject: string }[];
  scheduled: unknown[];
  setRenderDelay(ms: number): void;
  rendered(): Promise<void>;
}

const dir = resolve(import.meta.dirname, '../../fixtures/gmail');
const app = () => (window as unknown as { fixtureGmail: FixtureGmail }).fixtureGmail;
const senders = () => gmail.readRows(gmail.findListContainer(document)!).map((r) => r.senders.map((s) => s.person.email).join(','));

/**
 * What `act` does to `target`: the nodes it adds and how many insertion calls it makes on it
 * (happy-dom reports a fragment's children as one record each, so records can't be counted).
 */
async function mutations<T>(target: Element, act: () => T): Promise<{ added: number; inserts: number; result: T }> {
  let added = 0;
  const observer = new MutationObserver((records) => records.forEach((r) => (added += r.addedNodes.length)));
  observer.observe(target, { childList: true, subtree: true });
  let inserts = 0;
  let depth = 0;
  const spies = ['append', 'prepend', 'appendChild', 'insertBefore', 'replaceChildren', 'before', 'after'] as const;
  for (const name of spies) {
    const original = (target as unknown as Record<string, (...args: unknown[]) => unknown>)[name]!;
    // Only calls from outside count: happy-dom's append() calls insertBefore() itself.
    const spy = (...args: unknown[]) => {
      if (depth++ === 0) inserts++;
      try {
        return original.apply(target, args);
      } finally {
        depth--;
      }
    };
    Object.defineProperty(target, name, { configurable: true, value: spy });
  }
  try {
    const result = act();
    await new Promise((done) => setTimeout(done, 0));
    observer.takeRecords().forEach((r) => (added += r.addedNodes.length));
    return { added, inserts, result };
  } finally {
    observer.disconnect();
    for (const name of spies) delete (target as unknown as Record<string, unknown>)[name];
  }
}

async function go(hash: string) {
  location.hash = hash;
  await new Promise((done) => setTimeout(done, 0));
  await app().rendered();
}

beforeAll(() => {
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL('https://mail.google.com/mail/u/0/#inbox');
  // Without its <link>s: happy-dom would try to fetch the stylesheet.
  const html = readFileSync(resolve(dir, 'app.html'), 'utf8').replace(/<link [^>]*>/g, '');
  const page = new DOMParser().parseFromString(html, 'text/html');
  document.body.replaceChildren(...[...page.body.childNodes].map((node) => document.importNode(node, true)));
  // The app is plain browser JavaScript: run it as the page would.
  new Function(readFileSync(resolve(dir, 'assets/app.js'), 'utf8'))();
  app().setRenderDelay(0);
});

// Building 500 rows is slow in happy-dom (not in Chromium): generous time under parallel load.
describe('the Gmail fixture app', { timeout: 20_000 }, () => {
  it('renders the inbox like list-default.html, titled like Gmail', () => {
    expect(document.title).toBe('Inbox (4) - mary.somerville@gmail.com - Gmail');
    expect(gmail.selfAddress(document)).toBe('mary.somerville@gmail.com');
    expect(gmail.route(new URL(location.href))).toEqual({ view: 'list' });
    expect(senders()).toEqual([
      'ada@analytical.example',
      'grace@navy.example',
      'ada@analytical.example,grace@navy.example,alan@bletchley.example',
      'news@shop.example',
      '',
      'katherine.johnson@nasa.example',
      'alan@bletchley.example',
      'dorothy.vaughan@nasa.example',
      'billing@cloud.example',
      'katherine.johnson@nasa.example,alan@bletchley.example,dorothy.vaughan@nasa.example',
      'updates@jobs.example',
    ]);
  });

  it('adds rows in one DOM operation, each a distinct conversation, cycling known and unknown people', async () => {
    const tbody = document.querySelector('table.F > tbody')!;
    const changes = await mutations(tbody, () => app().addRows(500, { position: 'bottom' }));
    const ids = changes.result;
    expect([changes.inserts, changes.added]).toEqual([1, 500]);
    expect(new Set(ids).size).toBe(500);
    expect(ids.every((id) => gmail.route(new URL(`https://mail.google.com/mail/u/0/#inbox/${id}`)).view === 'thread')).toBe(true);
    const rows = senders();
    expect(rows).toHaveLength(511);
    expect(new Set(rows.slice(11)).size).toBe(10);
    expect(rows.slice(11)).toContain('news@shop.example');
    expect(rows.slice(11)).toContain('ada@analytical.example');
    app().addRows(2, { sender: { name: 'Grace Hopper', email: 'grace@navy.example' } });
    expect(senders().slice(0, 2)).toEqual(['grace@navy.example', 'grace@navy.example']);
    app().addRows(1, { participants: [{ name: 'Alan Turing', email: 'alan@bletchley.example' }, 'me'], position: 'top' });
    expect(senders()[0]).toBe('alan@bletchley.example');
  });

  it('replaces the list in the same main region when the folder changes', async () => {
    const main = gmail.findListContainer(document);
    await go('#label/Jobs');
    expect(gmail.findListContainer(document)).toBe(main);
    expect(document.title).toBe('Jobs - mary.somerville@gmail.com - Gmail');
    expect(senders()).toEqual(['katherine.johnson@nasa.example', 'updates@jobs.example', 'talent@recruit.example']);
    await go('#search/computable');
    expect(document.title).toBe('Search results - mary.somerville@gmail.com - Gmail');
    expect(senders()).toEqual(['katherine.johnson@nasa.example,alan@bletchley.example,dorothy.vaughan@nasa.example']);
  });

  it('opens a conversation from its row, in place of the list, like thread.html', async () => {
    await go('#inbox');
    const row = [...document.querySelectorAll('tr.zA')].find((tr) => tr.textContent!.includes('Lunch and the Analytical Engine'))!;
    (row.querySelector('td.a4W') as HTMLElement).click();
    await new Promise((done) => setTimeout(done, 0));
    await app().rendered();
    expect(gmail.route(new URL(location.href))).toEqual({ view: 'thread', threadId: 'FMfcgzQXJWxKdHxwTVbBhZmQkhbjqHPr' });
    expect(document.title).toBe('Lunch and the Analytical Engine - mary.somerville@gmail.com - Gmail');
    expect(document.querySelectorAll('tr.zA')).toHaveLength(0);
    expect(gmail.findThreadContainer(document)).toBe(gmail.findListContainer(document));
    const thread = gmail.readThread(document)!;
    expect(thread.subject).toBe('Lunch and the Analytical Engine');
    expect(thread.messages.map((m) => [m.id, m.from?.person.email, m.fromMe, m.recipients.map((r) => r.person.email)])).toEqual([
      ['msg-f:1816690334215577610', 'ada@analytical.example', false, []],
      ['1936a1c00b7d44e2', 'grace@navy.example', false, []],
      ['msg-a:r-4419820366551029873', 'mary.somerville@gmail.com', true, ['ada@analytical.example', 'grace@navy.example', 'katherine.johnson@nasa.example']],
      ['msg-f:1816901183620034417', 'alan@bletchley.example', false, ['ada@analytical.example', 'dorothy.vaughan@nasa.example']],
    ]);
    expect(thread.messages.every((m) => typeof m.when === 'number')).toBe(true);
    // The bundle of older messages expands in place.
    (document.querySelector('.kQ') as HTMLElement).click();
    expect(gmail.readThread(document)!.messages).toHaveLength(6);
  });

  it('sends an inline reply: the form reads right, then leaves the page', async () => {
    const replyAll = [...document.querySelectorAll('.amn [role=link]')].find((el) => el.textContent === 'Reply all') as HTMLElement;
    replyAll.click();
    const send = document.querySelector('.M9 [data-tooltip^="Send"]')!;
    const compose = gmail.composeForSend(send, false)!;
    expect(compose.matches('div.M9')).toBe(true);
    expect(gmail.readCompose(compose)).toEqual({
      subject: 'Re: Lunch and the Analytical Engine',
      recipients: [
        { email: 'alan@bletchley.example', name: 'Alan Turing' },
        { email: 'ada@analytical.example', name: 'Ada Lovelace' },
        { email: 'dorothy.vaughan@nasa.example', name: 'Dorothy Vaughan' },
      ],
    });
    (send as HTMLElement).click();
    expect(compose.isConnected).toBe(false);
    expect(app().sent.at(-1)).toMatchObject({ to: ['Alan Turing <alan@bletchley.example>'], subject: 'Re: Lunch and the Analytical Engine' });
    const last = gmail.readThread(document)!.messages.at(-1)!;
    expect([last.fromMe, last.recipients.map((r) => r.person.email)]).toEqual([true, ['alan@bletchley.example', 'ada@analytical.example', 'dorothy.vaughan@nasa.example']]);
  });

  it('opens a compose window whose Send (not the schedule arrow) sends and closes it', () => {
    const dialog = app().openCompose({ to: ['Grace Hopper <grace@navy.example>', 'ada@analytical.example'], subject: 'Hello' });
    const typed = dialog.querySelector('input[aria-label="To recipients"]') as HTMLInputElement;
    typed.value = 'katherine.johnson@nasa.example';
    const send = dialog.querySelector('[data-tooltip^="Send"]') as HTMLElement;
    expect(gmail.composeForSend(send.nextElementSibling!, false)).toBeNull();
    expect(gmail.composeForSend(send, false)).toBe(dialog);
    expect(gmail.composeForSend(dialog.querySelector('[contenteditable]')!, true)).toBe(dialog);
    expect(gmail.readCompose(dialog)).toEqual({
      subject: 'Hello',
      recipients: [
        { email: 'grace@navy.example', name: 'Grace Hopper' },
        { email: 'ada@analytical.example', name: 'ada@analytical.example' },
        { email: 'katherine.johnson@nasa.example', name: 'katherine.johnson@nasa.example' },
      ],
    });
    send.click();
    expect(dialog.isConnected).toBe(false);
    expect(app().sent.at(-1)).toMatchObject({ to: ['Grace Hopper <grace@navy.example>', 'ada@analytical.example', 'katherine.johnson@nasa.example'], subject: 'Hello' });
  });

  it('keeps a compose window with no recipient open (Gmail refuses to send it)', () => {
    const dialog = app().openCompose({ subject: 'Nobody' });
    const before = app().sent.length;
    (dialog.querySelector('[data-tooltip^="Send"]') as HTMLElement).click();
    expect(dialog.isConnected).toBe(true);
    expect(app().sent.length).toBe(before);
    expect(document.querySelector('[role=alertdialog]')?.textContent).toContain('Please specify at least one recipient.');
  });

  it('splits each conversation over several rows in the vertical split, read once each', async () => {
    await go('#inbox');
    const before = senders().length;
    app().setLayout('split');
    const rows = gmail.readRows(gmail.findListContainer(document)!);
    expect(rows).toHaveLength(before);
    expect(rows.every((r) => r.row.matches('tr.zA.apv'))).toBe(true);
    expect(document.querySelectorAll('tr.apw').length).toBeGreaterThan(before);
    const tbody = document.querySelector('table.F > tbody')!;
    const added = await mutations(tbody, () => app().addRows(3));
    expect([added.inserts, added.added]).toEqual([1, 9]);
    expect(gmail.readRows(tbody)).toHaveLength(before + 3);
    // Selecting a conversation opens it in the reading pane beside the list.
    await go('#inbox/FMfcgzQXJWxKdHxwTVbBhZmQkhbjqHPr');
    expect(gmail.readRows(document)).toHaveLength(before + 3);
    expect(gmail.readThread(document)?.subject).toBe('Lunch and the Analytical Engine');
    app().setLayout('default');
  });
});
