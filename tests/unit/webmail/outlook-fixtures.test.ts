// @vitest-environment happy-dom
// Every static Outlook fixture (tests/fixtures/outlook/variants.json) read by the adapter:
// route, the user, each row's participants, the open conversation and the compose forms,
// exactly as listed there.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outlook, selfName } from '../../../utils/webmail/outlook';
import type { MailPerson, PersonSlot } from '../../../utils/webmail/types';

interface Person {
  name: string;
  email?: string;
}
interface Variant {
  id: string;
  file: string;
  url: string;
  what: string;
  expect: {
    route: unknown;
    selfAddress?: string;
    selfName?: string;
    listContainer: 'listbox' | 'section';
    rows: { convid: string; senders: Person[] }[];
    thread: null | {
      subject: string;
      messages: { id: string; from: Person | null; recipients: Person[]; fromMe: boolean; when?: string }[];
    };
    compose?: { what: string; subject: string; recipients: Person[] }[];
  };
}

const dir = resolve(import.meta.dirname, '../../fixtures/outlook');
const { variants } = JSON.parse(readFileSync(resolve(dir, 'variants.json'), 'utf8')) as { variants: Variant[] };
const load = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');

const plain = (who: MailPerson): Person => (who.email === undefined ? { name: who.name } : { name: who.name, email: who.email });
const people = (slots: PersonSlot[]) => slots.map((slot) => plain(slot.person));
/** Local "2026-11-17T15:04:00" → epoch ms (the test runs in Europe/Stockholm). */
const local = (iso: string) => new Date(iso).getTime();

it('lists every fixture file', () => {
  expect(variants.map((v) => v.file).sort()).toEqual(
    ['compose.html', 'list-live.html', 'list-office.html', 'reading-pane.html', 'search-results.html'].sort(),
  );
});

describe.each(variants)('$id — $what', (variant) => {
  const doc = load(variant.file);
  const want = variant.expect;

  it('routes its URL', () => {
    expect(outlook.route(new URL(variant.url))).toEqual(want.route);
  });

  it('knows the user', () => {
    expect(outlook.selfAddress(doc)).toBe(want.selfAddress);
    expect(selfName(doc)).toBe(want.selfName);
  });

  it('finds the list container', () => {
    const container = outlook.findListContainer(doc);
    expect(container).not.toBeNull();
    if (want.listContainer === 'section') expect(container!.getAttribute('data-app-section')).toBe('MessageList');
    else expect(container!.getAttribute('role')).toBe('listbox');
  });

  it('reads every row’s participants, each at its own anchor inside the row', () => {
    const rows = outlook.readRows(outlook.findListContainer(doc)!);
    expect(rows.map((row) => ({ convid: row.row.getAttribute('data-convid'), senders: people(row.senders) }))).toEqual(want.rows);
    for (const { row, senders } of rows) {
      const anchors = senders.map((slot) => slot.anchor);
      expect(new Set(anchors).size).toBe(anchors.length);
      for (const slot of senders) {
        expect(row.contains(slot.anchor)).toBe(true);
        expect(slot.anchor.textContent).toContain(slot.person.name.split(',')[0]!);
      }
    }
    // The whole document reads the same rows.
    expect(outlook.readRows(doc).length).toBe(want.rows.length);
  });

  it('reads one row from an element inside it', () => {
    const row = doc.querySelectorAll('[role="option"][data-convid]')[0]!;
    const inner = row.querySelector('span')!;
    const read = outlook.readRows(inner);
    expect(read).toHaveLength(1);
    expect(read[0]!.row).toBe(row);
    expect(people(read[0]!.senders)).toEqual(want.rows[0]!.senders);
  });

  it('reads the open conversation', () => {
    const container = outlook.findThreadContainer(doc);
    const thread = outlook.readThread(doc);
    if (want.thread === null) {
      expect(container).toBeNull();
      expect(thread).toBeNull();
      return;
    }
    expect(container).not.toBeNull();
    expect(thread).not.toBeNull();
    expect(thread!.subject).toBe(want.thread.subject);
    const derivedDate = (id: string) => id.replace(/\|(\d{4}-\d\d-\d\dT[\d:]+)$/, (_, iso: string) => `|${local(iso)}`);
    expect(
      thread!.messages.map((message) => ({
        id: message.id,
        from: message.from && plain(message.from.person),
        recipients: people(message.recipients),
        fromMe: message.fromMe,
        when: message.when,
      })),
    ).toEqual(
      want.thread.messages.map((message) => ({
        ...message,
        id: derivedDate(message.id),
        when: message.when === undefined ? undefined : local(message.when),
      })),
    );
    for (const message of thread!.messages) {
      for (const slot of [message.from, ...message.recipients]) {
        if (!slot) continue;
        expect(container!.contains(slot.anchor)).toBe(true);
        // Nothing is ever read from a message body.
        expect(slot.anchor.closest('[role="document"]')).toBeNull();
      }
    }
  });

  it('reads each compose form from its Send button', () => {
    const sends = [...doc.querySelectorAll('button[aria-label="Send"]')];
    expect(sends).toHaveLength(want.compose?.length ?? 0);
    sends.forEach((send, i) => {
      const compose = outlook.composeForSend(send.querySelector('span') ?? send, false);
      expect(compose).not.toBeNull();
      const snapshot = outlook.readCompose(compose!);
      expect(snapshot).toEqual({ subject: want.compose![i]!.subject, recipients: want.compose![i]!.recipients });
      // The split half opens a menu: never a send.
      const options = compose!.querySelector('[aria-label="Send options"]')!;
      expect(outlook.composeForSend(options, false)).toBeNull();
      // Ctrl+Enter in the body sends the same form; a click in it does not.
      const body = compose!.querySelector('[contenteditable="true"][aria-label^="Message body"]')!;
      expect(outlook.composeForSend(body.firstElementChild ?? body, true)).toBe(compose);
      expect(outlook.composeForSend(body, false)).toBeNull();
    });
  });
});
