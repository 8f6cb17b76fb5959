// @vitest-environment happy-dom
// The sent-mail confirmation in a mail page: one host in a closed shadow root, Undo, ×, and a
// timeout that waits while the user points at or focuses it. Time is faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showToast } from '../../../utils/webmail/toast';

let roots: Map<Element, ShadowRoot>;
const originalAttachShadow = Element.prototype.attachShadow;

beforeEach(() => {
  vi.useFakeTimers();
  roots = new Map();
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = originalAttachShadow.call(this, init);
    roots.set(this, root);
    return root;
  });
  document.body.innerHTML = '<main>page</main>';
});

afterEach(() => {
  vi.useRealTimers();
  for (const host of roots.keys()) host.remove();
});

/** The one toast shown: its host and the parts inside its closed root. */
function parts() {
  expect(roots.size).toBe(1);
  const [host, root] = [...roots][0]!;
  const [undo, close] = [...root.querySelectorAll('button')];
  return { host, root, box: root.querySelector('div')!, text: root.querySelector('p')!, undo: undo!, close: close! };
}

describe('showToast', () => {
  it('puts one host into <html>, its content in a closed shadow root', () => {
    const before = document.documentElement.children.length;
    showToast(document, 'Logged in Rapport: e-mail to Ada Lovelace', { onUndo: () => {} });
    const { host, root, box, text, undo, close } = parts();
    expect(host.parentNode).toBe(document.documentElement);
    expect(document.documentElement.children.length).toBe(before + 1);
    expect(host.shadowRoot).toBeNull();
    expect(root.mode).toBe('closed');
    expect(host.getAttributeNames().filter((name) => name !== 'style')).toEqual([]);
    expect(document.body.textContent).toBe('page'); // Nothing in the page's own tree.
    expect(box.getAttribute('role')).toBe('status');
    expect(text.textContent).toBe('Logged in Rapport: e-mail to Ada Lovelace');
    expect(undo.textContent).toBe('Undo');
    expect(undo.hidden).toBe(false);
    expect(close.getAttribute('aria-label')).toBe('Dismiss');
  });

  it('Undo calls onUndo and leaves the toast up', () => {
    const onUndo = vi.fn();
    showToast(document, 'Logged', { onUndo });
    const { host, undo } = parts();
    undo.click();
    expect(onUndo).toHaveBeenCalledTimes(1);
    expect(host.isConnected).toBe(true);
  });

  it('set(message, false) changes the text and hides Undo', () => {
    const toast = showToast(document, 'Logged', { onUndo: () => {} });
    const { text, undo } = parts();
    toast.set('Removed from Rapport.', false);
    expect(text.textContent).toBe('Removed from Rapport.');
    expect(undo.hidden).toBe(true);
  });

  it('without onUndo there is no Undo to show', () => {
    const toast = showToast(document, 'Logged');
    const { undo } = parts();
    expect(undo.hidden).toBe(true);
    toast.set('Still logged', true);
    expect(undo.hidden).toBe(true);
  });

  it('× removes it', () => {
    showToast(document, 'Logged', { onUndo: () => {} });
    const { host, close } = parts();
    close.click();
    expect(host.isConnected).toBe(false);
  });

  it('remove() removes it, and the timer then does nothing', () => {
    const toast = showToast(document, 'Logged', { timeoutMs: 1_000 });
    const { host } = parts();
    toast.remove();
    expect(host.isConnected).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('goes by itself after the timeout', () => {
    showToast(document, 'Logged', { timeoutMs: 5_000 });
    const { host } = parts();
    vi.advanceTimersByTime(4_999);
    expect(host.isConnected).toBe(true);
    vi.advanceTimersByTime(1);
    expect(host.isConnected).toBe(false);
  });

  it('the default timeout is 10 s', () => {
    showToast(document, 'Logged');
    const { host } = parts();
    vi.advanceTimersByTime(9_999);
    expect(host.isConnected).toBe(true);
    vi.advanceTimersByTime(1);
    expect(host.isConnected).toBe(false);
  });

  it('stays while hovered, and goes a full timeout after the pointer leaves', () => {
    showToast(document, 'Logged', { timeoutMs: 5_000 });
    const { host, box } = parts();
    vi.advanceTimersByTime(4_000);
    box.dispatchEvent(new MouseEvent('mouseenter'));
    vi.advanceTimersByTime(60_000);
    expect(host.isConnected).toBe(true);
    box.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(4_999);
    expect(host.isConnected).toBe(true);
    vi.advanceTimersByTime(1);
    expect(host.isConnected).toBe(false);
  });

  it('stays while focused', () => {
    showToast(document, 'Logged', { timeoutMs: 5_000, onUndo: () => {} });
    const { host, undo } = parts();
    undo.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    vi.advanceTimersByTime(60_000);
    expect(host.isConnected).toBe(true);
    undo.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    vi.advanceTimersByTime(5_000);
    expect(host.isConnected).toBe(false);
  });

  it('a new message while pointed at (the Undo answer) does not start the timeout under the pointer', () => {
    const toast = showToast(document, 'Logged', { timeoutMs: 5_000, onUndo: () => toast.set('Removed from Rapport.', false) });
    const { host, box, undo } = parts();
    box.dispatchEvent(new MouseEvent('mouseenter'));
    undo.click();
    vi.advanceTimersByTime(60_000);
    expect(host.isConnected).toBe(true);
    box.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(5_000);
    expect(host.isConnected).toBe(false);
  });

  it('leaving with the pointer while Undo still has focus keeps it up', () => {
    showToast(document, 'Logged', { timeoutMs: 5_000, onUndo: () => {} });
    const { host, box, undo } = parts();
    box.dispatchEvent(new MouseEvent('mouseenter'));
    undo.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    box.dispatchEvent(new MouseEvent('mouseleave'));
    vi.advanceTimersByTime(60_000);
    expect(host.isConnected).toBe(true);
    undo.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    vi.advanceTimersByTime(5_000);
    expect(host.isConnected).toBe(false);
  });
});
