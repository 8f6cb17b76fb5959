// Calendar arithmetic in the user's local time: "in 1 week" lands on the same clock time
// across daylight-saving changes, "in 1 month" on the same day of the month (or the last).

const DAY = 24 * 60 * 60 * 1000;

export function addDays(at: number, days: number): number {
  const date = new Date(at);
  date.setDate(date.getDate() + days);
  return date.getTime();
}

export function addMonths(at: number, months: number): number {
  const date = new Date(at);
  const day = date.getDate();
  date.setDate(1);
  date.setMonth(date.getMonth() + months);
  const last = new Date(date.getFullYear(), date.getMonth() + 1, 0).getDate();
  date.setDate(Math.min(day, last));
  return date.getTime();
}

/** Midnight at the start of the local day. */
export function startOfDay(at: number): number {
  const date = new Date(at);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Whole local calendar days from `from` to `to` (negative when `to` is earlier). */
export function calendarDaysBetween(from: number, to: number): number {
  return Math.round((startOfDay(to) - startOfDay(from)) / DAY);
}

/** "2026-11-22" in local time, for <input type="date">. */
export function toDateInput(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2026-11-22T14:05" in local time, for <input type="datetime-local">. */
export function toDateTimeInput(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${toDateInput(at)}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Parses the value of a date or datetime-local input as local time; null when invalid. */
export function fromDateInput(value: string, hour = 9): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d, hh, mm] = match;
  // Out-of-range clock times would otherwise roll over ("12:75" → 13:15).
  if ((hh !== undefined && Number(hh) > 23) || (mm !== undefined && Number(mm) > 59)) return null;
  const date = new Date(Number(y), Number(m) - 1, Number(d), hh ? Number(hh) : hour, mm ? Number(mm) : 0);
  // Years 0..99 would be read as 1900..1999 by the Date constructor.
  if (date.getFullYear() !== Number(y) || date.getMonth() !== Number(m) - 1 || date.getDate() !== Number(d)) return null;
  return date.getTime();
}
