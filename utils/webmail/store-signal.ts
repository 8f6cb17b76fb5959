// Content scripts cannot hear the worker's broadcasts to extension pages, and a message to
// every mail tab would need the tabs permission. A tiny key in storage.local (which pages
// cannot read) tells every content script "contacts changed" — its badge cache goes stale.

export const STORE_CHANGED_KEY = 'contactsChanged';

interface LocalArea {
  set(items: Record<string, unknown>): Promise<void>;
}

export function signalStoreChanged(local: LocalArea, ids: readonly number[]): Promise<void> {
  // A fresh value every time, or storage.onChanged would stay silent for a repeat.
  return local.set({ [STORE_CHANGED_KEY]: { at: Date.now(), nonce: Math.random(), ids: ids.slice(0, 200) } }).catch(() => {});
}

interface ChangeEvent {
  addListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
  removeListener(listener: (changes: Record<string, unknown>, area: string) => void): void;
}

/** Calls `onChange` whenever the worker signals a store change; returns the unsubscribe. */
export function watchStoreChanged(event: ChangeEvent, onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'local' && Object.hasOwn(changes, STORE_CHANGED_KEY)) onChange();
  };
  event.addListener(listener);
  return () => event.removeListener(listener);
}
