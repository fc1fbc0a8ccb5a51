/**
 * Time labels for direct messages (seed 000: "Just now", "2m ago", "Yesterday 3:45 PM") and the day
 * separators between groups of messages. `now` is injectable so lists re-render on a shared tick and
 * tests can pin the clock.
 */

const timeFormatter = new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit' });
const weekdayFormatter = new Intl.DateTimeFormat('en-US', { weekday: 'long' });
const shortWeekdayFormatter = new Intl.DateTimeFormat('en-US', { weekday: 'short' });
const dayFormatter = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const dayYearFormatter = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const fullFormatter = new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeStyle: 'short' });

const DAY_MS = 86_400_000;

function toTime(iso: string): number | null {
  const time = new Date(iso).getTime();
  return Number.isNaN(time) ? null : time;
}

/** Local midnight of the day `time` falls on. */
function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/** Whole calendar days between two instants in local time (DST-safe: rounds the midnight difference). */
function calendarDaysBetween(earlier: number, later: number): number {
  return Math.round((startOfDay(later) - startOfDay(earlier)) / DAY_MS);
}

/** "3:45 PM". */
export function formatClock(iso: string): string {
  const time = toTime(iso);
  return time === null ? '' : timeFormatter.format(time);
}

/**
 * A message's timestamp: "Just now" under a minute, "2m ago" within the hour, "3:45 PM" later today,
 * "Yesterday 3:45 PM", then "Mon 3:45 PM" this week and "Mar 3, 3:45 PM" beyond.
 */
export function formatMessageTime(iso: string, now: number = Date.now()): string {
  const time = toTime(iso);
  if (time === null) return '';
  const seconds = Math.max(0, Math.floor((now - time) / 1000));
  if (seconds < 60) return 'Just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m ago`;
  const days = calendarDaysBetween(time, now);
  const clock = timeFormatter.format(time);
  if (days <= 0) return clock;
  if (days === 1) return `Yesterday ${clock}`;
  if (days < 7) return `${shortWeekdayFormatter.format(time)} ${clock}`;
  const date = new Date(time).getFullYear() === new Date(now).getFullYear() ? dayFormatter : dayYearFormatter;
  return `${date.format(time)}, ${clock}`;
}

/** The compact stamp in the conversation list: "Just now", "5m", "3:45 PM", "Yesterday", "Mon", "Mar 3". */
export function formatListTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '';
  const time = toTime(iso);
  if (time === null) return '';
  const seconds = Math.max(0, Math.floor((now - time) / 1000));
  if (seconds < 60) return 'Just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m`;
  const days = calendarDaysBetween(time, now);
  if (days <= 0) return timeFormatter.format(time);
  if (days === 1) return 'Yesterday';
  if (days < 7) return shortWeekdayFormatter.format(time);
  return new Date(time).getFullYear() === new Date(now).getFullYear()
    ? dayFormatter.format(time)
    : dayYearFormatter.format(time);
}

/** A date separator: "Today", "Yesterday", "Monday", "March 3" / "Mar 3, 2024". */
export function formatDayLabel(iso: string, now: number = Date.now()): string {
  const time = toTime(iso);
  if (time === null) return '';
  const days = calendarDaysBetween(time, now);
  if (days <= 0) return 'Today';
  if (days === 1) return 'Yesterday';
  if (days < 7) return weekdayFormatter.format(time);
  return new Date(time).getFullYear() === new Date(now).getFullYear()
    ? dayFormatter.format(time)
    : dayYearFormatter.format(time);
}

/** The exact moment, for a tooltip / title attribute. */
export function formatFullTime(iso: string): string {
  const time = toTime(iso);
  return time === null ? '' : fullFormatter.format(time);
}

/** A key that is equal for two instants on the same local calendar day. */
export function dayKey(iso: string): string {
  const time = toTime(iso);
  if (time === null) return 'invalid';
  const date = new Date(time);
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "1.2 MB" for attachment sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
