// @vitest-environment happy-dom
// The opt-in auto-log's eye on the send button, with a fake adapter: a compose form is
// `<form data-compose>` with `<span data-rcpt data-email data-name>` recipients, a subject
// input and a `<button data-send>`. Time is faked: the watcher polls for the form to go.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchSends } from '../../../utils/webmail/send-watch';
import type { ComposeSnapshot, MailAdapter } from '../../../utils/webmail/types';

function fakeAdapter(): MailAdapter {
  return {
    site: 'gmail',
    route: () => ({ view: 'other' }),
    selfAddress: () => undefined,
    findListContainer: () => null,
    readRows: () => [],
    findThreadContainer: () => null,
    readThread: () => null,
    composeForSend(target, viaKeyboard) {
      if (viaKeyboard) return target.closest('[data-compose]');
      return target.closest('[data-send]')?.closest('[data-compose]') ?? null;
    },
    readCompose(compose) {
      const recipients = [...compose.querySelectorAll('[data-rcpt]')].map((el) => ({
        email: el.getAttribute('data-email')!,
        name: el.getAttribute('data-name') ?? '',
      }));
      if (!recipients.length) return null;
      return { subject: compose.querySelector<HTMLInputElement>('input[name=subject]')!.value, recipients };
    },
  };
}

function openCompose(subject = 'Lunch on Friday'): HTMLFormElement {
  const form = document.createElement('form');
  form.setAttribute('data-compose', '');
  form.innerHTML = [
    '<div class="to"><span data-rcpt data-email="ada@example.com" data-name="Ada Lovelace">Ada</span>',
    '<span data-rcpt data-email="grace@example.com" data-name="Grace Hopper">Grace</span></div>',
    '<input name="subject">',
    '<textarea name="body"></textarea>',
    '<button type="button" data-send><span class="icon">Send</span></button>',
    '<button type="button" data-discard>Discard</button>',
  ].join('');
  form.querySelector<HTMLInputElement>('input[name=subject]')!.value = subject;
  document.body.append(form);
  return form;
}

const SNAPSHOT: ComposeSnapshot = {
  subject: 'Lunch on Friday',
  recipients: [
    { email: 'ada@example.com', name: 'Ada Lovelace' },
    { email: 'grace@example.com', name: 'Grace Hopper' },
  ],
};

/** What the app does on a successful send: clears the form, then removes it. */
function appSends(form: HTMLFormElement) {
  form.querySelector<HTMLInputElement>('input[name=subject]')!.value = '';
  form.querySelectorAll('[data-rcpt]').forEach((el) => el.remove());
  form.remove();
}

let controller: AbortController;
let onSent: ReturnType<typeof vi.fn<(snapshot: ComposeSnapshot) => void>>;

beforeEach(() => {
  vi.useFakeTimers();
  document.body.innerHTML = '';
  controller = new AbortController();
  onSent = vi.fn<(snapshot: ComposeSnapshot) => void>();
});

afterEach(() => {
  controller.abort();
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('watchSends', () => {
  it('reports the snapshot read at click time, only once the form is gone', () => {
    watchSends(document, fakeAdapter(), onSent, controller.signal);
    const form = openCompose();
    form.querySelector<HTMLElement>('[data-send] .icon')!.click();
    vi.advanceTimersByTime(1_000);
    expect(onSent).not.toHaveBeenCalled(); // Still open: maybe refused.

    appSends(form); // Emptied before removal: the snapshot was taken already.
    vi.advanceTimersByTime(200);
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(onSent).toHaveBeenCalledWith(SNAPSHOT);
    vi.advanceTimersByTime(10_000);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it('sees the click even when the app stops it from bubbling', () => {
    watchSends(document, fakeAdapter(), onSent, controller.signal);
    const form = openCompose();
    const send = form.querySelector<HTMLElement>('[data-send]')!;
    send.addEventListener('click', (event) => {
      event.stopPropagation();
      appSends(form);
    });
    send.click();
    vi.advanceTimersByTime(200);
    expect(onSent).toHaveBeenCalledWith(SNAPSHOT);
  });

  it('a form that stays open past the timeout is never reported', () => {
    watchSends(document, fakeAdapter(), onSent, controller.signal);
    const form = openCompose();
    form.querySelector<HTMLElement>('[data-send]')!.click();
    vi.advanceTimersByTime(6_500);
    form.remove(); // Closed much later (discarded, say): not a send.
    vi.advanceTimersByTime(10_000);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('after a refused send timed out, a new send of the same form is watched again', () => {
    watchSends(document, fakeAdapter(), onSent, controller.signal);
    const form = openCompose();
    const send = form.querySelector<HTMLElement>('[data-send]')!;
    send.click();
    vi.advanceTimersByTime(6_500);
    send.click();
    appSends(form);
    vi.advanceTimersByTime(200);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it('Ctrl+Enter and ⌘+Enter in the form send; plain Enter does not', () => {
    watchSends(document, fakeAdapter(), onSent, controller.signal);
    const first = openCompose('First');
    const body = first.querySelector('textarea')!;
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true }));
    first.remove();
    vi.advanceTimersByTime(1_000);
    expect(onSent).not.toHaveBeenCalled();

    const second = openCompose('Second');
    second.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    appSends(second);
    vi.advanceTimersByTime(200);
    expect(onSent).toHaveBeenCalledTimes(1);
    expect(onSent.mock.calls[0]![0].subject).toBe('Second');

    const third = openCompose('Third');
    third.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', metaKey: true, bubbles: true }));
    appSends(third);
    vi.advanceTimersByTime(200);
    expect(onSent).toHaveBeenCalledTimes(2);
    expect(onSent.mock.calls[1]![0].subject).toBe('Third');
  });

  it('a double click reports once', () => {
    watchSends(document, fakeAdapter(), onSent, controller.signal);
    const form = openCompose();
    const send = form.querySelector<HTMLElement>('[data-send]')!;
    send.click();
    vi.advanceTimersByTime(50);
    send.click();
    appSends(form);
    vi.advanceTimersByTime(1_000);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it('clicks elsewhere, and a form with nothing to log, report nothing', () => {
    watchSends(document, fakeAdapter(), onSent, controller.signal);
    const form = openCompose();
    form.querySelector<HTMLElement>('[data-discard]')!.click();
    form.querySelector<HTMLElement>('textarea')!.click();
    form.remove();
    const empty = openCompose();
    empty.querySelectorAll('[data-rcpt]').forEach((el) => el.remove());
    empty.querySelector<HTMLElement>('[data-send]')!.click();
    empty.remove();
    vi.advanceTimersByTime(1_000);
    expect(onSent).not.toHaveBeenCalled();
  });

  it('an adapter that throws: no report, no throw, and the page keeps working', () => {
    const adapter = fakeAdapter();
    adapter.readCompose = () => {
      throw new TypeError('odd markup');
    };
    const composeForSend = vi.fn<MailAdapter['composeForSend']>(() => {
      throw new TypeError('odd markup');
    });
    const other = new AbortController();
    watchSends(document, { ...adapter, composeForSend }, onSent, other.signal);
    watchSends(document, adapter, onSent, controller.signal);
    const form = openCompose();
    const pageHandler = vi.fn();
    const send = form.querySelector<HTMLElement>('[data-send]')!;
    send.addEventListener('click', pageHandler);
    const errors: unknown[] = [];
    const onError = (event: Event) => errors.push(event);
    window.addEventListener('error', onError);
    expect(() => send.click()).not.toThrow();
    expect(() =>
      form.querySelector('textarea')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true })),
    ).not.toThrow();
    window.removeEventListener('error', onError);
    expect(composeForSend).toHaveBeenCalledTimes(2);
    expect(pageHandler).toHaveBeenCalledTimes(1);
    expect(errors).toEqual([]);
    appSends(form);
    vi.advanceTimersByTime(1_000);
    expect(onSent).not.toHaveBeenCalled();
    other.abort();
  });

  it('stops listening when the signal aborts, and drops a watch in progress', () => {
    watchSends(document, fakeAdapter(), onSent, controller.signal);
    const watched = openCompose('Watched');
    watched.querySelector<HTMLElement>('[data-send]')!.click();
    controller.abort();
    vi.advanceTimersByTime(200);
    appSends(watched);
    const later = openCompose('Later');
    later.querySelector<HTMLElement>('[data-send]')!.click();
    appSends(later);
    vi.advanceTimersByTime(1_000);
    expect(onSent).not.toHaveBeenCalled();
  });
});
