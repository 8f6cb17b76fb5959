// What a page says about a contact that differs from what Rapport has: the input to
// "Update from page". Only page-derived fields; notes and the user's own context never.
import type { Contact } from './model/contact';

export const PAGE_FIELDS = ['name', 'headline', 'company', 'title', 'location'] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

export interface FieldChange {
  field: PageField;
  from?: string;
  to: string;
}

const norm = (value: string | undefined) => value?.replace(/\s+/g, ' ').trim().toLocaleLowerCase() ?? '';

export function changesFromPage(contact: Contact, page: Partial<Record<PageField, string>>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of PAGE_FIELDS) {
    const to = page[field]?.replace(/\s+/g, ' ').trim();
    if (!to || norm(to) === norm(contact[field])) continue;
    changes.push({ field, ...(contact[field] ? { from: contact[field] } : {}), to });
  }
  return changes;
}

/** A new employer (not a first one): a job change worth a congratulation. */
export function isJobChange(changes: FieldChange[]): boolean {
  return changes.some((c) => c.field === 'company' && c.from !== undefined);
}
