import { type ClassValue, clsx } from 'clsx';

export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}

const countFormatter = new Intl.NumberFormat('en-US');

/** 1234 → "1,234" (fixed locale so server and client render the same text). */
export function formatCount(value: number): string {
  return countFormatter.format(Math.max(0, Math.round(value)));
}

const monthYearFormatter = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

/** ISO date → "January 2025". */
export function formatMonthYear(iso: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return monthYearFormatter.format(date);
}

const dateTimeFormatter = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimeFormatter.format(date);
}

/** "Ayesha Khan" → "AK", "zain_01" → "ZA". */
export function initialsOf(name: string): string {
  const words = name
    .replace(/[_\-.]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return (words[0] ?? '?').slice(0, 2).toUpperCase();
  return `${words[0]?.[0] ?? ''}${words[words.length - 1]?.[0] ?? ''}`.toUpperCase();
}

/** A stable hue (0–359) for a string, so an avatar keeps its colour everywhere. */
export function hueOf(value: string): number {
  let hash = 0;
  for (let i = 0; i < value.length; i++) hash = (hash * 31 + value.charCodeAt(i)) >>> 0;
  return hash % 360;
}

/** Only same-site relative paths are allowed as post-login destinations. */
export function safeNextPath(value: string | null | undefined, fallback = '/profile'): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  return value;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

const shortDateFormatter = new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric' });
const shortDateYearFormatter = new Intl.DateTimeFormat('en-US', {
  month: 'short',
  day: 'numeric',
  year: 'numeric',
});
const longDateFormatter = new Intl.DateTimeFormat('en-US', {
  month: 'long',
  day: 'numeric',
  year: 'numeric',
});

/** ISO date → "March 3, 2025". */
export function formatLongDate(iso: string): string | null {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : longDateFormatter.format(date);
}

/**
 * ISO date → "just now", "5m ago", "3h ago", "yesterday", "4d ago", then "Mar 3" (this year) or
 * "Mar 3, 2024". `now` is injectable so lists can re-render on a shared tick.
 */
export function formatRelativeTime(iso: string | null | undefined, now: number = Date.now()): string | null {
  if (!iso) return null;
  const time = new Date(iso).getTime();
  if (Number.isNaN(time)) return null;
  const seconds = Math.max(0, Math.round((now - time) / 1000));
  if (seconds < 45) return 'just now';
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes}m ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}h ago`;
  const days = Math.round(hours / 24);
  if (days === 1) return 'yesterday';
  if (days < 7) return `${days}d ago`;
  const date = new Date(time);
  return date.getFullYear() === new Date(now).getFullYear()
    ? shortDateFormatter.format(date)
    : shortDateYearFormatter.format(date);
}

/** Path segments under /profile/ that are pages, so a user with that name is linked by 7-digit ID. */
const RESERVED_PROFILE_SEGMENTS = new Set(['edit', 'id']);

/** The canonical link to someone's public profile. */
export function profileHref(user: { username: string | null; userId7Digit: string }): string {
  if (!user.username || RESERVED_PROFILE_SEGMENTS.has(user.username.toLowerCase())) {
    return `/profile/id/${user.userId7Digit}`;
  }
  return `/profile/${encodeURIComponent(user.username)}`;
}

/** Where "Message" goes for a friend (the DM page is keyed by the user's id). */
export function messageHref(userId: string): string {
  return `/messages/${encodeURIComponent(userId)}`;
}

/** "1234567", "123-4567", " 123 4567 " → "1234567"; anything else → null. */
export function parseUserIdInput(value: string): string | null {
  const digits = value.replace(/[\s-]/g, '');
  return /^[1-9]\d{6}$/.test(digits) ? digits : null;
}

/** The name to show for someone: display name when set, otherwise the username. */
export function nameOf(user: { displayName: string | null; username: string | null }): string {
  return user.displayName?.trim() || user.username || 'Someone';
}
