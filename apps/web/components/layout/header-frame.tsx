import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { Logo } from './logo';
import type { NavItem, ShellKind } from './nav';
import { NavLink } from './nav-link';

/**
 * The header's markup, shared by the signed-in header (a client component) and the visitor header
 * (rendered on the server, no JavaScript of its own). No hooks here, so both can use it.
 */
export function HeaderFrame({
  kind,
  items,
  children,
}: {
  kind: ShellKind;
  items: NavItem[];
  children: ReactNode;
}) {
  return (
    <header
      className="sticky top-0 z-40 border-b border-line bg-canvas/70 backdrop-blur-xl backdrop-saturate-150"
      data-shell={kind}
    >
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-raised focus:px-3 focus:py-2 focus:text-sm"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Logo compact />

        {items.length > 0 ? (
          <nav aria-label="Main" className="ml-6 hidden items-center gap-1 md:flex" data-testid="main-nav">
            {items.map((item) => (
              <NavLink key={item.href} item={item} />
            ))}
          </nav>
        ) : null}

        <div className="ml-auto flex items-center gap-1.5 sm:gap-3">{children}</div>
      </div>
    </header>
  );
}

/** A visitor's way in, on wide screens (the phone menu has its own). */
export function VisitorActions() {
  return (
    <div className="hidden items-center gap-2 md:flex">
      <Link href="/login" className={buttonClasses({ variant: 'ghost', size: 'sm' })}>
        Sign in
      </Link>
      <Link href="/login" className={buttonClasses({ variant: 'light', size: 'sm' })}>
        Get started
      </Link>
    </div>
  );
}
