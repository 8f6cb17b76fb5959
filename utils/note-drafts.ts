// Unsaved note text, kept in extension storage on every keystroke until the worker has
// stored it. A worker that is stopped while the page unloads can drop the last save; the
// draft survives it and is saved when the card opens again.
import { browser } from 'wxt/browser';

export interface NoteDraft {
  text: string;
  /** When it was typed. */
  at: number;
}

const keyOf = (contactId: number) => `draft:notes:${contactId}`;

export async function readNoteDraft(contactId: number): Promise<NoteDraft | null> {
  const raw = (await browser.storage.local.get(keyOf(contactId)))[keyOf(contactId)] as Partial<NoteDraft> | undefined;
  return raw && typeof raw.text === 'string' && typeof raw.at === 'number' ? { text: raw.text, at: raw.at } : null;
}

export function writeNoteDraft(contactId: number, text: string): Promise<void> {
  return browser.storage.local.set({ [keyOf(contactId)]: { text, at: Date.now() } satisfies NoteDraft });
}

export function clearNoteDraft(contactId: number): Promise<void> {
  return browser.storage.local.remove(keyOf(contactId));
}
