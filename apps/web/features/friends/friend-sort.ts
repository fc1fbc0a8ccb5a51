import type { TFriend } from '@guftagu/contracts';
import { formatRelativeTime, nameOf } from '@/lib/utils';
import { STATUS_META, shownStatus } from './components/presence';
import type { FriendSort } from './social-api';

export const SORT_OPTIONS: { value: FriendSort; label: string }[] = [
  { value: 'recent_activity', label: 'Recently active' },
  { value: 'alphabetical', label: 'Alphabetical' },
  { value: 'recently_added', label: 'Recently added' },
];

function time(iso: string | null): number {
  const value = iso ? new Date(iso).getTime() : 0;
  return Number.isNaN(value) ? 0 : value;
}

/** Sorted on the client too, so live presence changes re-order "Recently active" immediately. */
export function sortFriends(friends: readonly TFriend[], sort: FriendSort): TFriend[] {
  const copy = [...friends];
  switch (sort) {
    case 'alphabetical':
      return copy.sort((a, b) => nameOf(a).localeCompare(nameOf(b), undefined, { sensitivity: 'base' }));
    case 'recently_added':
      return copy.sort((a, b) => time(b.friendsSince) - time(a.friendsSince));
    default:
      return copy.sort(
        (a, b) => Number(b.isOnline) - Number(a.isOnline) || time(b.lastActive) - time(a.lastActive),
      );
  }
}

/** Whether a friend matches the filter box: name, @username or (part of) the 7-digit ID. */
export function matchesFilter(friend: TFriend, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase().replace(/^@/, '');
  const digits = q.replace(/-/g, '');
  return (
    friend.username.toLowerCase().includes(q) ||
    (friend.displayName ?? '').toLowerCase().includes(q) ||
    (/^\d+$/.test(digits) && friend.userId7Digit.includes(digits))
  );
}

export function presenceText(friend: TFriend, now: number): string {
  if (friend.isOnline) {
    const label = STATUS_META[shownStatus(true, friend.status)].label;
    return friend.customStatus ? `${label} · ${friend.customStatus}` : label;
  }
  const last = formatRelativeTime(friend.lastActive, now);
  return last ? `Active ${last}` : 'Offline';
}
