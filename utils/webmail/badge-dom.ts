// The small marks Rapport puts into a mail page: a "last contacted" badge next to a known
// sender, an "add" chip next to an unknown thread participant. Each lives in a closed shadow
// root (the page can neither read nor restyle it) and all of them share one constructed
// stylesheet: no stylesheet per badge, no fetch. The host element carries no id, class or
// attribute that names Rapport. Built with DOM APIs only (Gmail enforces Trusted Types).
import type { BadgeView } from './badge-text';

const CSS = `
:host { all: initial !important; display: inline-block !important; vertical-align: middle !important; }
button {
  all: unset;
  box-sizing: border-box;
  display: inline-block;
  min-width: 20px;
  height: 16px;
  margin: 0 0 0 4px;
  padding: 0 5px;
  border-radius: 8px;
  font: 600 10.5px/16px Roboto, "Segoe UI", -apple-system, BlinkMacSystemFont, "Helvetica Neue", Arial, sans-serif;
  letter-spacing: 0.01em;
  text-align: center;
  vertical-align: middle;
  white-space: nowrap;
  cursor: pointer;
  color: #0b3d2c;
  background: #d8efe5;
}
button:hover { background: #c3e6d6; }
button:focus-visible { outline: 2px solid #0b6e4f; outline-offset: 1px; }
button.due { color: #fff; background: #b3261e; }
button.due:hover { background: #8c1d18; }
button.weak { background: transparent; border: 1px dashed #0b6e4f; line-height: 14px; }
button.due.weak { color: #b3261e; border-color: #b3261e; background: transparent; }
button.add { color: #44514b; background: transparent; border: 1px solid #9fb3aa; line-height: 14px; padding: 0 4px; }
button.add:hover { background: #eef6f2; }
`;

/** One sheet per document, built once (constructed stylesheets cannot cross documents). */
const sheets = new WeakMap<Document, CSSStyleSheet | null>();

function sharedSheet(doc: Document): CSSStyleSheet | null {
  if (sheets.has(doc)) return sheets.get(doc)!;
  let sheet: CSSStyleSheet | null = null;
  try {
    const Sheet = (doc.defaultView as (Window & typeof globalThis) | null)?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(CSS);
  } catch {
    sheet = null;
  }
  sheets.set(doc, sheet);
  return sheet;
}

function style(root: ShadowRoot, doc: Document) {
  const sheet = sharedSheet(doc);
  if (sheet) {
    try {
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Firefox content scripts may refuse a sheet built in their sandbox: fall back below.
    }
  }
  const element = doc.createElement('style');
  element.textContent = CSS;
  root.append(element);
}

/** Page events a click on a badge must not reach (Gmail opens the row's thread on them). */
const SWALLOWED = ['click', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'] as const;

export interface Badge {
  readonly host: HTMLElement;
  show(view: BadgeView): void;
  showAdd(label: string): void;
  /** Puts the host back right after its anchor if the page moved or dropped it. */
  reattach(anchor: Element): void;
  remove(): void;
}

/** Hosts Rapport created, so its own insertions can be told apart from the page's. */
export const badgeHosts = new WeakSet<Element>();

export function createBadge(anchor: Element, onOpen: () => void): Badge {
  const doc = anchor.ownerDocument;
  const host = doc.createElement('span');
  // No attributes at all: the :host rule (important, so it beats the page's own CSS) styles it.
  const root = host.attachShadow({ mode: 'closed' });
  style(root, doc);
  const button = doc.createElement('button');
  button.type = 'button';
  root.append(button);
  for (const type of SWALLOWED) {
    button.addEventListener(type, (event) => {
      event.stopPropagation();
      if (type === 'keydown' && (event as KeyboardEvent).key !== 'Enter' && (event as KeyboardEvent).key !== ' ') return;
      if (type === 'click' || type === 'keydown') {
        event.preventDefault();
        onOpen();
      }
    });
  }
  badgeHosts.add(host);
  anchor.after(host);

  let shown = '';
  return {
    host,
    show(view) {
      const key = `${view.text}|${view.label}|${view.due}|${view.weak}`;
      if (key === shown) return; // No DOM write when nothing changed.
      shown = key;
      button.textContent = view.text;
      button.setAttribute('aria-label', view.label);
      button.title = view.label;
      button.className = [view.due ? 'due' : '', view.weak ? 'weak' : ''].filter(Boolean).join(' ');
    },
    showAdd(label) {
      const key = `add|${label}`;
      if (key === shown) return;
      shown = key;
      button.textContent = '+';
      button.setAttribute('aria-label', `${label} · Rapport`);
      button.title = `${label} · Rapport`;
      button.className = 'add';
    },
    reattach(next) {
      if (next.nextSibling !== host) next.after(host);
    },
    remove: () => host.remove(),
  };
}
