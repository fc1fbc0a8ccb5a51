'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { cn } from '@/lib/utils';
import { isCurrent, type NavItem } from './nav';

/** A header link that knows whether it is the current page (the header itself may be server-rendered). */
export function NavLink({ item }: { item: NavItem }) {
  const pathname = usePathname();
  if (item.soon) {
    return (
      <span
        className="inline-flex cursor-default items-center gap-1.5 rounded-lg px-3 py-1.5 text-sm text-fg-faint"
        aria-disabled="true"
        title={`${item.label} are coming soon`}
        data-testid={`nav-soon-${item.label.toLowerCase()}`}
      >
        {item.label}
        <span className="rounded-md bg-fill px-1.5 py-px text-micro font-medium tracking-wide text-fg-subtle uppercase">
          Soon
        </span>
      </span>
    );
  }
  const active = isCurrent(item, pathname);
  return (
    <Link
      href={item.href}
      aria-current={active ? 'page' : undefined}
      className={cn(
        'rounded-lg px-3 py-1.5 text-sm transition-colors',
        active ? 'bg-fill text-fg' : 'text-fg-muted hover:text-fg',
      )}
    >
      {item.label}
    </Link>
  );
}
