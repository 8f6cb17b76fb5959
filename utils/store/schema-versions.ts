import type { Transaction } from 'dexie';
import { personNameKey } from '../person-name';

/**
 * Every schema version the store has ever had, oldest first. Never edit a shipped entry:
 * add a new one (with an upgrade when data must move) and freeze a fixture database for it
 * under tests/fixtures/db/ — the migration tests open each frozen fixture with current code.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      // &linkedinSlug: one contact per LinkedIn profile; *emails/*tags: multi-entry lookups.
      contacts:
        '++id, &linkedinSlug, *emails, *tags, companyKey, type, nextFollowUp, lastContacted, introducedBy, updatedAt',
      // One log entry per external item (mail id) per contact.
      interactions: '++id, contactId, [contactId+when], when, &[contactId+externalId]',
      reminders: '++id, contactId, [status+due], due, sourceInteractionId',
      companies: '++id, &nameKey, linkedinSlug, targetRank',
      pitches: '++id, audience',
      settings: '&key',
    },
  },
  {
    version: 2,
    // Every table, unchanged ones too: each version's spec is complete on its own (the frozen
    // fixture of a version is written with exactly this).
    stores: {
      // nameKey: webmail senders shown by display name only (Outlook) are matched by it.
      contacts:
        '++id, &linkedinSlug, *emails, *tags, companyKey, nameKey, type, nextFollowUp, lastContacted, introducedBy, updatedAt',
      interactions: '++id, contactId, [contactId+when], when, &[contactId+externalId]',
      reminders: '++id, contactId, [status+due], due, sourceInteractionId',
      companies: '++id, &nameKey, linkedinSlug, targetRank',
      pitches: '++id, audience',
      settings: '&key',
    },
    async upgrade(tx) {
      await tx
        .table('contacts')
        .toCollection()
        .modify((contact: { name?: string; nameKey?: string }) => {
          const key = personNameKey(contact.name);
          if (key) contact.nameKey = key;
        });
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
