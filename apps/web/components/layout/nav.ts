export interface NavItem {
  href: string;
  label: string;
}

/** The product itself: first in the menu, signed in or not (anonymous visitors can chat too). */
export const VIDEO_CHAT_ITEM: NavItem = { href: '/chat', label: 'Video chat' };

export const NAV_ITEMS: NavItem[] = [
  { href: '/#features', label: 'Features' },
  { href: '/#your-id', label: 'Your ID' },
  { href: '/#safety', label: 'Safety' },
  { href: '/help', label: 'Help' },
];

/** Shown first when signed in. */
export const SIGNED_IN_NAV_ITEMS: NavItem[] = [
  { href: '/friends', label: 'Friends' },
  { href: '/messages', label: 'Messages' },
];

/** The menu for the current auth state. */
export function navItemsFor(signedIn: boolean): NavItem[] {
  return signedIn ? [VIDEO_CHAT_ITEM, ...SIGNED_IN_NAV_ITEMS, ...NAV_ITEMS] : [VIDEO_CHAT_ITEM, ...NAV_ITEMS];
}

/** A section link (/friends) is current on its sub-pages too (/friends/find); anchors never are. */
export function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.href.includes('#')) return false;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}
