import { z } from 'zod';
import { patchOf } from './common';
import { DismissedDuplicatesRecord } from './duplicates';

/** Keep-in-touch defaults per contact type, in days (close 30, peers 90, acquaintances 365). */
export const DEFAULT_CADENCE_DAYS: Record<string, number> = {
  'friend-family': 30,
  mentor: 30,
  recruiter: 60,
  'company-contact': 90,
  peer: 90,
  alumni: 180,
  other: 365,
};

const Hour = z.number().int().min(0).max(23);

/**
 * User settings. Every field has a default, so a partial or older record parses into a
 * complete one; the database stores it under the key `app`.
 */
export const Settings = z.object({
  cadenceDaysByType: z.record(z.string(), z.number().int().min(1).max(3650)).default(DEFAULT_CADENCE_DAYS),
  customContactTypes: z.array(z.string().trim().min(1).max(40)).max(50).default([]),
  snoozeMinutes: z.number().int().min(5).max(60 * 24 * 30).default(60 * 24),
  quietHours: z
    .object({ enabled: z.boolean(), startHour: Hour, endHour: Hour })
    .default({ enabled: false, startHour: 21, endHour: 8 }),
  sidebarHost: z.enum(['page', 'side-panel']).default('page'),
  autoLogSentMail: z.boolean().default(false),
  digest: z.object({ enabled: z.boolean(), hour: Hour }).default({ enabled: false, hour: 8 }),
  weeklyGoals: z
    .object({
      newContacts: z.number().int().min(0).max(100),
      followUps: z.number().int().min(0).max(100),
      // Added after the first release: a stored record without it still parses.
      conversations: z.number().int().min(0).max(100).default(3),
    })
    .default({ newContacts: 5, followUps: 5, conversations: 3 }),
  backupReminder: z.boolean().default(false),
  /** Where Rapport works: each site's content script stays idle while its switch is off. */
  sites: z
    .object({
      linkedin: z.boolean().default(true),
      gmail: z.boolean().default(true),
      outlook: z.boolean().default(true),
    })
    .default({ linkedin: true, gmail: true, outlook: true }),
});
export type Settings = z.infer<typeof Settings>;

/**
 * One row of the `settings` table: the settings under `app`; other keys hold small app state
 * (the duplicate pairs the user dismissed) so backups carry them without a schema change.
 */
export const SettingsRecord = z.discriminatedUnion('key', [
  z.object({ key: z.literal('app'), value: Settings }),
  DismissedDuplicatesRecord,
]);
export type SettingsRecord = z.infer<typeof SettingsRecord>;

export const SettingsPatch = patchOf(Settings);
export type SettingsPatch = z.infer<typeof SettingsPatch>;
