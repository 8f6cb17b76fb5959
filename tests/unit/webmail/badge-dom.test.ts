// @vitest-environment happy-dom
// One badge on its own: a closed shadow root with one button, one shared stylesheet per
// document (a <style> element when a constructed sheet cannot be built or adopted), no DOM
// write when nothing changed, and page events swallowed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { badgeHosts, createBadge } from '../../../utils/webmail/badge-dom';
import type { BadgeView } from '../../../utils/webmail/badge-text';

let roots: Map<Element, ShadowRoot>;
const originalAttachShadow = Element.prototype.attachShadow;

beforeEach(() => {
  roots = new Map();
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = originalAttachShadow.call(this, init);
    roots.set(this, root);
    return root;
  });
  document.body.innerHTML = '<p><span id="a">Ada</span> and <span id="b">Bob</span></p>';
});

const view = (over: Partial<BadgeView> = {}): BadgeView => ({ text: '3d', label: 'Last contacted 3 days ago · Rapport', due: false, weak: false, ...over });
const anchor = (id: string, doc: Document = document) => doc.getElementById(id)!;
const buttonOf = (host: Element) => roots.get(host)!.querySelector('button')!;

describe('createBadge', () => {
  it('puts a bare host right after the anchor, closed, with a button inside', () => {
    const badge = createBadge(anchor('a'), () => {});
    expect(anchor('a').nextSibling).toBe(badge.host);
    expect(badge.host.getAttributeNames().filter((name) => name !== 'style')).toEqual([]);
    expect(badge.host.id).toBe('');
    expect(badge.host.className).toBe('');
    expect(badge.host.shadowRoot).toBeNull();
    expect(badgeHosts.has(badge.host)).toBe(true);
    const root = roots.get(badge.host)!;
    expect(root.mode).toBe('closed');
    expect(root.querySelectorAll('button')).toHaveLength(1);
  });

  it('shows a view: text, label, title and classes', () => {
    const badge = createBadge(anchor('a'), () => {});
    badge.show(view({ due: true, weak: true, text: '2w', label: 'L · Rapport' }));
    const button = buttonOf(badge.host);
    expect(button.textContent).toBe('2w');
    expect(button.getAttribute('aria-label')).toBe('L · Rapport');
    expect(button.title).toBe('L · Rapport');
    expect(button.className).toBe('due weak');
    badge.show(view());
    expect(button.className).toBe('');
    expect(button.textContent).toBe('3d');
  });

  it('writes nothing when the view did not change', () => {
    const badge = createBadge(anchor('a'), () => {});
    badge.show(view());
    const button = buttonOf(badge.host);
    const setAttribute = vi.spyOn(button, 'setAttribute');
    const observer = new MutationObserver(() => {});
    observer.observe(roots.get(badge.host)!, { subtree: true, childList: true, attributes: true, characterData: true });
    badge.show(view());
    expect(observer.takeRecords()).toHaveLength(0);
    expect(setAttribute).not.toHaveBeenCalled();
    badge.show(view({ text: '4d' }));
    expect(observer.takeRecords().length).toBeGreaterThan(0);
    observer.disconnect();
  });

  it('showAdd draws a "+" chip with the label', () => {
    const badge = createBadge(anchor('b'), () => {});
    badge.showAdd('Add Bob to Rapport');
    const button = buttonOf(badge.host);
    expect(button.textContent).toBe('+');
    expect(button.getAttribute('aria-label')).toBe('Add Bob to Rapport · Rapport');
    expect(button.className).toBe('add');
    badge.show(view());
    expect(button.textContent).toBe('3d');
    expect(button.className).toBe('');
  });

  it('reattach puts the host back after its anchor; remove takes it out', () => {
    const badge = createBadge(anchor('a'), () => {});
    anchor('b').after(badge.host);
    badge.reattach(anchor('a'));
    expect(anchor('a').nextSibling).toBe(badge.host);
    badge.remove();
    expect(badge.host.isConnected).toBe(false);
  });

  it('a click opens and stops there; mousedown does not open but stops too', () => {
    const onOpen = vi.fn();
    const badge = createBadge(anchor('a'), onOpen);
    const outside = vi.fn();
    const p = document.querySelector('p')!;
    p.addEventListener('click', outside);
    p.addEventListener('mousedown', outside);
    const button = buttonOf(badge.host);
    button.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }));
    expect(onOpen).not.toHaveBeenCalled();
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(onOpen).toHaveBeenCalledTimes(1);
    button.dispatchEvent(new KeyboardEvent('keydown', { key: ' ', bubbles: true, composed: true }));
    expect(onOpen).toHaveBeenCalledTimes(2);
    expect(outside).not.toHaveBeenCalled();
  });
});

describe('styles', () => {
  it('all badges of a document adopt the same constructed sheet and carry no <style>', () => {
    const a = createBadge(anchor('a'), () => {});
    const b = createBadge(anchor('b'), () => {});
    const rootA = roots.get(a.host)!;
    const rootB = roots.get(b.host)!;
    expect(rootA.adoptedStyleSheets).toHaveLength(1);
    expect(rootA.adoptedStyleSheets[0]).toBe(rootB.adoptedStyleSheets[0]);
    expect(rootA.querySelector('style')).toBeNull();
    expect(rootA.adoptedStyleSheets[0]!.cssRules.length).toBeGreaterThan(0);
  });

  it('falls back to a <style> element when the sheet cannot be adopted', () => {
    const doc = document.implementation.createHTMLDocument('other');
    doc.body.innerHTML = '<span id="a">Ada</span>';
    vi.spyOn(ShadowRoot.prototype, 'adoptedStyleSheets', 'set').mockImplementation(() => {
      throw new DOMException('refused', 'NotAllowedError');
    });
    const badge = createBadge(anchor('a', doc), () => {});
    const style = roots.get(badge.host)!.querySelector('style');
    expect(style?.textContent).toContain('button');
    expect(roots.get(badge.host)!.querySelectorAll('button')).toHaveLength(1);
  });

  it('falls back to a <style> element when no sheet can be built', () => {
    const doc = document.implementation.createHTMLDocument('another');
    doc.body.innerHTML = '<span id="a">Ada</span>';
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(() => {
      throw new Error('no constructed sheets here');
    });
    const first = createBadge(anchor('a', doc), () => {});
    createBadge(anchor('a', doc), () => {});
    expect(roots.get(first.host)!.querySelector('style')).not.toBeNull();
    expect(replaceSync).toHaveBeenCalledTimes(1); // Tried once per document, not once per badge.
  });
});
