// The weekly backup reminder's decisions, pure: when the next one is due and what it says.
import { addDays } from '../dates';
import type { BackupState } from '../model/review';
import type { Settings } from '../model/settings';
import { daysAgoText } from '../relative-time';
import { outsideQuietHours } from '../ticklers/quiet-hours';

/** No reminder while the last backup is younger than this; then one a week at most. */
export const BACKUP_INTERVAL_DAYS = 7;

/**
 * When the next backup reminder should show, or null when the reminder is off. Never before
 * `now`: a result equal to `now` means "show it now".
 *
 * A week after the latest of: the last backup, the last reminder, and the moment the
 * reminder was turned on (so turning it on never notifies at once, and a fresh backup
 * postpones the next one by a week). One that came due while the browser was closed shows
 * now; inside quiet hours it waits until they end.
 */
export function nextBackupReminderAt(
  state: BackupState,
  settings: Pick<Settings, 'backupReminder' | 'quietHours'>,
  now: number,
): number | null {
  if (!settings.backupReminder) return null;
  const anchor = Math.max(state.lastBackupAt ?? 0, state.lastRemindedAt ?? 0, state.since ?? now);
  const due = addDays(anchor, BACKUP_INTERVAL_DAYS);
  return outsideQuietHours(Math.max(due, now), settings.quietHours);
}

/** The reminder's text: "Last backup 9 days ago", or that there has never been one. */
export function backupReminderText(lastBackupAt: number | undefined, now: number): { title: string; message: string } {
  return {
    title: 'Back up your Rapport notebook',
    message:
      lastBackupAt === undefined
        ? 'You have never made a backup. Click to export one.'
        : `Last backup ${daysAgoText(lastBackupAt, now)}. Click to export a new one.`,
  };
}

/** "Last backup: 3 days ago" / "No backup yet", for the pages. */
export function lastBackupText(lastBackupAt: number | null | undefined, now: number): string {
  return lastBackupAt === null || lastBackupAt === undefined
    ? 'No backup yet'
    : `Last backup: ${daysAgoText(lastBackupAt, now)}`;
}
