export interface NavItem {
  href: string;
  label: string;
}

export const NAV_ITEMS: NavItem[] = [
  { href: '/#features', label: 'Features' },
  { href: '/#your-id', label: 'Your ID' },
  { href: '/#safety', label: 'Safety' },
  { href: '/help', label: 'Help' },
];
