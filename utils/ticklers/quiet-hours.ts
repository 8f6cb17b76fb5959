// Quiet hours: no notification between startHour:00 and endHour:00 local time (the window
// may wrap midnight, e.g. 21 → 8); what falls inside is held until the window ends.
import { addDays, startOfDay } from '../dates';
import type { Settings } from '../model/settings';

export type QuietHours = Settings['quietHours'];

/** The local clock time `hour`:00 on the day of `day` (an hour skipped by DST gives the next one). */
export function atLocalHour(day: number, hour: number): number {
  const date = new Date(startOfDay(day));
  date.setHours(hour, 0, 0, 0);
  return date.getTime();
}

/** Whether `at` falls in the quiet hours. A window with start = end is empty (never quiet). */
export function isQuiet(at: number, quiet: QuietHours): boolean {
  if (!quiet.enabled || quiet.startHour === quiet.endHour) return false;
  const hour = new Date(at).getHours();
  return quiet.startHour < quiet.endHour
    ? hour >= quiet.startHour && hour < quiet.endHour
    : hour >= quiet.startHour || hour < quiet.endHour;
}

/**
 * `at` itself when outside the quiet hours, else the moment they end (the next local
 * `endHour`:00). Local calendar arithmetic: on a night when the clocks change, the quiet
 * hours still end at the chosen clock time, whatever the number of hours in between.
 */
export function outsideQuietHours(at: number, quiet: QuietHours): number {
  if (!isQuiet(at, quiet)) return at;
  const hour = new Date(at).getHours();
  // Before midnight in a window that wraps it: the window ends tomorrow.
  let day = quiet.startHour > quiet.endHour && hour >= quiet.startHour ? addDays(startOfDay(at), 1) : startOfDay(at);
  let end = atLocalHour(day, quiet.endHour);
  // On the spring change the end hour may not exist (the clock jumps from 02:00 to 03:00):
  // then the end is the first moment after the jump, unless that is already quiet again
  // (a window such as 3 → 2 leaves no hour that day), in which case the next day's end.
  for (let guard = 0; isQuiet(end, quiet) && guard < 3; guard++) {
    day = addDays(day, 1);
    end = atLocalHour(day, quiet.endHour);
  }
  return end;
}
