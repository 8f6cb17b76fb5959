// Reads what Rapport drew inside CLOSED shadow roots (the badges and chips of mail pages, the
// toast): neither the page nor Playwright's locators can see into them, the DevTools protocol
// can. Each mark is reported with the attributes of the element it follows (its anchor).
import type { Page } from 'playwright-core';

interface DomNode {
  nodeId: number;
  backendNodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue?: string;
  attributes?: string[];
  children?: DomNode[];
  shadowRoots?: (DomNode & { shadowRootType?: string })[];
  contentDocument?: DomNode;
}

export interface Mark {
  /** The anchor's attributes (e.g. email, name, title) — the element the mark was put after. */
  anchor: Record<string, string>;
  /** The anchor's text. */
  anchorText: string;
  text: string;
  label: string;
  className: string;
  /** The attributes of every ancestor of the mark, nearest first (to tell a list from a reading pane). */
  ancestors: Record<string, string>[];
  /** The host element's own attributes: Rapport must add none. */
  hostAttributes: Record<string, string>;
  backendNodeId: number;
}

const attrs = (node: DomNode) => {
  const out: Record<string, string> = {};
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) out[list[i]!] = list[i + 1]!;
  return out;
};

const textOf = (node: DomNode): string =>
  node.nodeType === 3 ? (node.nodeValue ?? '') : (node.children ?? []).map(textOf).join('');

/** Every closed-shadow mark with a button in it (badges, chips, toasts), in document order. */
export async function readMarks(page: Page): Promise<Mark[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
    const marks: Mark[] = [];
    const chain: DomNode[] = [];
    const walk = (node: DomNode, parent: DomNode | null) => {
      const closed = node.shadowRoots?.find((r) => r.shadowRootType === 'closed');
      if (closed && parent) {
        const find = (n: DomNode): DomNode | undefined =>
          n.nodeName === 'BUTTON' ? n : (n.children ?? []).map(find).find(Boolean);
        const button = (closed.children ?? []).map(find).find(Boolean);
        if (button) {
          const siblings = (parent.children ?? []).filter((c) => c.nodeType === 1);
          const at = siblings.indexOf(node);
          const anchor = at > 0 ? siblings[at - 1]! : null;
          const b = attrs(button);
          marks.push({
            anchor: anchor ? attrs(anchor) : {},
            anchorText: anchor ? textOf(anchor).trim() : '',
            text: textOf(button).trim(),
            label: b['aria-label'] ?? '',
            className: b['class'] ?? '',
            ancestors: [...chain].reverse().map(attrs),
            hostAttributes: attrs(node),
            backendNodeId: button.backendNodeId,
          });
        }
      }
      chain.push(node);
      for (const child of node.children ?? []) walk(child, node);
      chain.pop();
      if (node.contentDocument) walk(node.contentDocument, null);
    };
    walk(root, null);
    return marks;
  } finally {
    await cdp.detach();
  }
}

/** Whether a mark sits inside an element with this attribute value (e.g. id ReadingPaneContainerId). */
export const within = (mark: Mark, attribute: string, value: string) => mark.ancestors.some((a) => a[attribute] === value);

/** Clicks a mark's button with the real mouse (as a user would). */
export async function clickMark(page: Page, mark: Mark): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('DOM.getDocument', { depth: 0 });
    await cdp.send('DOM.scrollIntoViewIfNeeded', { backendNodeId: mark.backendNodeId });
    const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: mark.backendNodeId })) as {
      model: { content: number[] };
    };
    const [x1, y1, x2, , , y3] = model.content as [number, number, number, number, number, number];
    await page.mouse.click((x1 + x2) / 2, (y1 + y3) / 2);
  } finally {
    await cdp.detach();
  }
}

/** Waits until `accept` holds for the marks on the page; returns them. */
export async function waitForMarks(page: Page, accept: (marks: Mark[]) => boolean, timeoutMs = 10_000): Promise<Mark[]> {
  const deadline = Date.now() + timeoutMs;
  let last: Mark[] = [];
  for (;;) {
    last = await readMarks(page);
    if (accept(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`marks never matched; last: ${JSON.stringify(last.map((m) => [m.anchor['email'] ?? m.anchorText, m.text, m.label]))}`);
    }
    await page.waitForTimeout(50);
  }
}
