import type { Transaction } from 'dexie';

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
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS[SCHEMA_VERSIONS.length - 1]!.version;
