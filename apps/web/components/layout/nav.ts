import type { TSelfUser } from '@guftagu/contracts';
import type { AuthStatus } from '@/features/auth/auth-context';

export interface NavItem {
  href: string;
  label: string;
  /** Announced but not built yet: shown greyed out with a "Soon" tag, not as a link. */
  soon?: boolean;
}

/** The product itself: first in the menu, signed in or not (anonymous visitors can chat too). */
export const VIDEO_CHAT_ITEM: NavItem = { href: '/chat', label: 'Video chat' };

/** What a visitor is shown: the product and the landing page's sections. */
export const MARKETING_NAV_ITEMS: NavItem[] = [
  { href: '/#features', label: 'Features' },
  { href: '/#your-id', label: 'Your ID' },
  { href: '/#safety', label: 'Safety' },
  { href: '/help', label: 'Help' },
];

/** The app's sections for a signed-in person. */
export const APP_NAV_ITEMS: NavItem[] = [
  VIDEO_CHAT_ITEM,
  { href: '/friends', label: 'Friends' },
  { href: '/messages', label: 'Messages' },
  { href: '/servers', label: 'Servers' },
];

/**
 * Which shell the header shows: a visitor's (marketing), an account still choosing a username
 * (logo and log out only, nothing it cannot use yet) or the app's.
 */
export type ShellKind = 'loading' | 'visitor' | 'onboarding' | 'app';

export function shellKind(status: AuthStatus, user: TSelfUser | null): ShellKind {
  if (status === 'loading') return 'loading';
  if (status !== 'authenticated' || !user) return 'visitor';
  return user.needsOnboarding ? 'onboarding' : 'app';
}

/** The menu for a shell. */
export function navItemsFor(kind: ShellKind): NavItem[] {
  if (kind === 'app') return APP_NAV_ITEMS;
  if (kind === 'visitor') return [VIDEO_CHAT_ITEM, ...MARKETING_NAV_ITEMS];
  // While the session resolves, only what both shells share, so neither flashes the other's links.
  if (kind === 'loading') return [VIDEO_CHAT_ITEM];
  return [];
}

/** A section link (/friends) is current on its sub-pages too (/friends/find); anchors never are. */
export function isCurrent(item: NavItem, pathname: string): boolean {
  if (item.href.includes('#')) return false;
  return pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** /chat is a full-screen call view: no footer under it. */
export function showsFooter(pathname: string): boolean {
  return !(pathname === '/chat' || pathname.startsWith('/chat/'));
}
