import { calendarDaysBetween } from './dates';

/** "today", "yesterday", "3 days ago", "2 weeks ago", "5 months ago", "2 years ago". */
export function daysAgoText(then: number, now: number): string {
  const days = calendarDaysBetween(then, now);
  if (days < 0) return 'in the future';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days < 14) return `${days} days ago`;
  // Switch units only once the larger one counts at least 2 (never "1 months ago").
  const months = Math.floor(days / 30.44);
  if (months < 2) return `${Math.floor(days / 7)} weeks ago`;
  const years = Math.floor(days / 365.25);
  if (years < 2) return `${months} months ago`;
  return `${years} years ago`;
}

/** "today", "tomorrow", "in 3 days", "3 days overdue", for due dates. */
export function dueText(due: number, now: number): string {
  const days = calendarDaysBetween(now, due);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return '1 day overdue';
  if (days < 0) return `${-days} days overdue`;
  if (days < 14) return `in ${days} days`;
  if (days < 60) return `in ${Math.round(days / 7)} weeks`;
  return `in ${Math.round(days / 30.44)} months`;
}

/** Compact form for inbox badges: "0d", "3d", "2w", "5mo", "2y". */
export function compactAge(then: number, now: number): string {
  const days = Math.max(0, calendarDaysBetween(then, now));
  if (days < 14) return `${days}d`;
  const months = Math.floor(days / 30.44);
  if (months < 2) return `${Math.floor(days / 7)}w`;
  const years = Math.floor(days / 365.25);
  if (years < 2) return `${months}mo`;
  return `${years}y`;
}
