import { z } from 'zod';
import { FrameSecret } from '../messages/contract';
import { PageContext } from '../model/page-context';

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
export type TabContexts = ReturnType<typeof createTabContexts>;
