import { z } from 'zod';
import { FrameSecret } from '../messages/contract';
import { PageContext } from '../model/page-context';
import { annotatedSiteOf } from '../active-tab';

/** The slice of `storage.session` this module needs (so tests can pass a fake). */
export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const TabRecord = z.object({
  secret: FrameSecret,
  context: PageContext.nullable(),
  updatedAt: z.number(),
});
export type TabRecord = z.infer<typeof TabRecord>;

const keyOf = (tabId: number) => `tab:${tabId}`;

/**
 * What each tab's page is about and its frame's secret. Kept in session storage, not in
 * memory: the service worker is stopped when idle and must answer the frame afterwards.
 * Session storage is memory-only and not exposed to content scripts.
 */
export function createTabContexts(area: SessionArea) {
  return {
    async get(tabId: number): Promise<TabRecord | null> {
      const raw = (await area.get(keyOf(tabId)))[keyOf(tabId)];
      const parsed = TabRecord.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
    async set(tabId: number, record: TabRecord): Promise<void> {
      await area.set({ [keyOf(tabId)]: record });
    },
    async remove(tabId: number): Promise<void> {
      await area.remove(keyOf(tabId));
    },
  };
}

/**
 * A tab that went to another of Rapport's sites (LinkedIn → Gmail) no longer shows what its
 * old page was about. The new site's content script clears it at start — unless that site is
 * switched off, when it says nothing at all: so the worker forgets it here. Answers whether
 * there was something to forget.
 */
export async function forgetOnSiteChange(tabs: TabContexts, tabId: number, url: string | undefined): Promise<boolean> {
  if (!url) return false;
  const record = await tabs.get(tabId);
  if (!record?.context || annotatedSiteOf(record.context.url) === annotatedSiteOf(url)) return false;
  await tabs.set(tabId, { ...record, context: null });
  return true;
}
export type TabContexts = ReturnType<typeof createTabContexts>;
