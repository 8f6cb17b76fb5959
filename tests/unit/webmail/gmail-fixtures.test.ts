// @vitest-environment happy-dom
// Every Gmail fixture page (tests/fixtures/gmail/variants.json) read by the adapter: the route,
// each conversation row and its participants, the open thread, the compose forms.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gmail } from '../../../utils/webmail/gmail';
import type { MailPerson, PersonSlot } from '../../../utils/webmail/types';

interface ExpectedMessage {
  id: string;
  from: string | null;
  fromMe: boolean;
  recipients: string[];
  when?: string;
}
interface Variant {
  id: string;
  file: string;
  url: string;
  variant: string;
  expect: {
    route: unknown;
    rows: { thread: string; senders: string[] }[];
    skippedThreads: string[];
    thread?: { subject: string; messages: ExpectedMessage[] } | null;
    threadMessages?: number;
    composes?: { kind: 'inline-reply' | 'dialog'; subject: string; recipients: string[] }[];
  };
}

const dir = resolve(import.meta.dirname, '../../fixtures/gmail');
const { self, variants } = JSON.parse(readFileSync(resolve(dir, 'variants.json'), 'utf8')) as { self: string; variants: Variant[] };
const load = (file: string) => new DOMParser().parseFromString(readFileSync(resolve(dir, file), 'utf8'), 'text/html');

const show = (p: MailPerson) => `${p.name} <${p.email}>`;
const showSlots = (slots: PersonSlot[]) => slots.map((s) => show(s.person));

/** The legacy thread id of a conversation: on its head row or (split pane) a following part. */
function threadOf(row: Element): string | null {
  for (let tr: Element | null = row; tr && (tr === row || tr.matches('tr.apw')); tr = tr.nextElementSibling) {
    const id = tr.querySelector('[data-legacy-thread-id]')?.getAttribute('data-legacy-thread-id');
    if (id) return id;
  }
  return null;
}

/** "2026-11-18T09:41" in the test's zone (Europe/Stockholm). */
const local = (iso: string) => new Date(iso).getTime();

it('the tests run in the zone the dates are written for', () => {
  expect(process.env.TZ).toBe('Europe/Stockholm');
  expect(new Date(2026, 10, 18, 9, 41).getTimezoneOffset()).toBe(-60);
});

describe.each(variants)('$id — $variant', (variant) => {
  const doc = load(variant.file);
  const want = variant.expect;

  it('starts with a comment saying what it reproduces', () => {
    expect(readFileSync(resolve(dir, variant.file), 'utf8').startsWith('<!--\nGmail, ')).toBe(true);
  });

  it('is routed from its URL', () => {
    expect(gmail.route(new URL(variant.url))).toEqual(want.route);
  });

  it('names the user from the title', () => {
    expect(gmail.selfAddress(doc)).toBe(self);
  });

  it('reads every conversation row and its participants, the user left out', () => {
    const container = gmail.findListContainer(doc);
    expect(container?.getAttribute('role')).toBe('main');
    const rows = gmail.readRows(container!);
    expect(rows.map((r) => ({ thread: threadOf(r.row), senders: showSlots(r.senders) }))).toEqual(want.rows);
    for (const row of rows) {
      // The row returned is the one holding the sender cell, and every anchor is in it.
      expect(row.row.matches('tr.zA')).toBe(true);
      for (const slot of row.senders) {
        expect(row.row.contains(slot.anchor)).toBe(true);
        expect(slot.anchor.getAttribute('email')).toBe(slot.person.email);
      }
    }
    // Reading the whole document, or row by row, gives the same conversations.
    expect(gmail.readRows(doc).map((r) => r.row)).toEqual(rows.map((r) => r.row));
    for (const row of rows) expect(gmail.readRows(row.row).map((r) => r.row)).toEqual([row.row]);
  });

  it('skips drafts-only rows without throwing', () => {
    for (const thread of want.skippedThreads) {
      const subject = doc.querySelector(`[data-legacy-thread-id="${thread}"]`)!;
      expect(subject).not.toBeNull();
      expect(gmail.readRows(subject)).toEqual([]);
    }
  });

  it('resolves a part of a row (a subject, a snippet, a split-pane part) to its conversation', () => {
    for (const expected of want.rows) {
      const subject = doc.querySelector(`[data-legacy-thread-id="${expected.thread}"]`)!;
      const rows = gmail.readRows(subject);
      expect(rows).toHaveLength(1);
      expect(showSlots(rows[0]!.senders)).toEqual(expected.senders);
      const tr = subject.closest('tr')!;
      expect(gmail.readRows(tr)[0]?.row).toBe(rows[0]!.row);
    }
  });

  if (want.thread !== undefined || want.threadMessages !== undefined) {
    it('reads the open thread', () => {
      const thread = gmail.readThread(doc);
      if (want.thread === null) {
        expect(thread).toBeNull();
        expect(gmail.findThreadContainer(doc)).toBeNull();
        return;
      }
      expect(gmail.findThreadContainer(doc)?.getAttribute('role')).toBe('main');
      if (want.threadMessages !== undefined) {
        expect(thread?.messages).toHaveLength(want.threadMessages);
        return;
      }
      expect(thread!.subject).toBe(want.thread!.subject);
      expect(
        thread!.messages.map((m) => ({
          id: m.id,
          from: m.from ? show(m.from.person) : null,
          fromMe: m.fromMe,
          recipients: showSlots(m.recipients),
          ...(m.when !== undefined ? { when: m.when } : {}),
        })),
      ).toEqual(
        want.thread!.messages.map((m) => ({ ...m, ...(m.when ? { when: local(m.when) } : {}) })),
      );
      for (const message of thread!.messages) {
        // Badges go after the sender span itself, never into the body.
        if (message.from) expect(message.from.anchor.matches('span.gD[email]')).toBe(true);
        for (const slot of message.recipients) expect(slot.anchor.closest('.a3s, .ii')).toBeNull();
      }
    });
  }

  if (want.composes) {
    it('finds each compose form from its Send button and reads what it sends', () => {
      const sends = [...doc.querySelectorAll('[role="button"][data-tooltip^="Send"]')];
      expect(sends).toHaveLength(want.composes!.length);
      want.composes!.forEach((expected, i) => {
        const compose = gmail.composeForSend(sends[i]!, false);
        expect(compose).not.toBeNull();
        expect(compose!.matches(expected.kind === 'dialog' ? '[role="dialog"]' : 'div.M9')).toBe(true);
        const snapshot = gmail.readCompose(compose!);
        expect({ subject: snapshot?.subject, recipients: snapshot?.recipients.map(show) }).toEqual({
          subject: expected.subject,
          recipients: expected.recipients,
        });
        // The schedule-send arrow beside Send sends nothing.
        const arrow = sends[i]!.nextElementSibling!;
        expect(arrow.getAttribute('aria-label')).toBe('More send options');
        expect(gmail.composeForSend(arrow, false)).toBeNull();
        // Ctrl+Enter from the body or the subject sends the same form; a click there does not.
        const body = compose!.querySelector('[contenteditable="true"]')!;
        expect(gmail.composeForSend(body, true)).toBe(compose);
        expect(gmail.composeForSend(body, false)).toBeNull();
      });
    });
  }
});
