/** The parts of `runtime.MessageSender` Rapport relies on. */
export interface SenderInfo {
  id?: string;
  url?: string;
  frameId?: number;
  tab?: { id?: number };
}

export type SenderKind =
  /** A content script on a web page. */
  | { kind: 'content'; tabId: number }
  /** An extension page shown in a frame of a web page's tab: the in-page sidebar. */
  | { kind: 'embedded-page'; tabId: number }
  /** A top-level extension page: side panel, popup, a standalone tab. */
  | { kind: 'extension-page' }
  | { kind: 'unknown' };

/**
 * Who sent a message. Only this extension's own code can message the worker (no
 * externally_connectable), but an extension page embedded in a web page's tab may have been
 * framed by that page, so it is told apart from top-level extension pages.
 */
export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind {
  if (sender.id !== extensionId) return { kind: 'unknown' };
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
  const tabId = sender.tab?.id;
  if (!fromExtensionPage) {
    return typeof tabId === 'number' && tabId >= 0 ? { kind: 'content', tabId } : { kind: 'unknown' };
  }
  if (typeof tabId === 'number' && tabId >= 0 && sender.frameId !== 0) return { kind: 'embedded-page', tabId };
  return { kind: 'extension-page' };
}
