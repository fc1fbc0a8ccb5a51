'use client';

import { ArrowRightIcon } from 'lucide-react';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { Logo } from './logo';
import type { SheetProps } from './mobile-nav';
import { navItemsFor } from './nav';
import { OnlineCountHero } from './online-count';

/**
 * The phone menu's sheet: the shell's links, the live count and, at the bottom, the way in (visitors)
 * or the account block (members, passed in by `MemberMobileNavSheet`). Needs no session of its own, so
 * the visitor shell can open it.
 */
export function MobileNavSheet({ kind, open, onOpenChange, account }: SheetProps & { account?: ReactNode }) {
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      variant="sheet"
      title="Menu"
      hideTitle
      headerContent={<Logo />}
    >
      <div className="flex h-full flex-col">
        <nav aria-label="Mobile" className="mt-4 flex flex-col">
          {navItemsFor(kind).map((item, index) => {
            const style = { animation: 'var(--animate-fade-up)', animationDelay: `${80 + index * 50}ms` };
            return item.soon ? (
              <span
                key={item.href}
                aria-disabled="true"
                className="flex items-center justify-between border-b border-line py-4 font-display text-2xl font-medium tracking-tight text-fg-faint"
                style={style}
              >
                {item.label}
                <span className="rounded-md bg-fill px-2 py-0.5 font-sans text-micro font-medium tracking-wide text-fg-subtle uppercase">
                  Soon
                </span>
              </span>
            ) : (
              <Link
                key={item.href}
                href={item.href}
                onClick={() => onOpenChange(false)}
                className="flex items-center justify-between border-b border-line py-4 font-display text-2xl font-medium tracking-tight text-fg transition-colors hover:text-accent-soft"
                style={style}
              >
                {item.label}
                <ArrowRightIcon size={18} className="text-fg-faint" aria-hidden />
              </Link>
            );
          })}
        </nav>

        <OnlineCountHero className="mt-8 self-start" />

        <div className="mt-auto pt-8">
          {kind === 'app' ? (
            account
          ) : kind === 'visitor' ? (
            <div className="flex flex-col gap-2.5">
              <Link href="/login" className={buttonClasses({ variant: 'primary', size: 'lg' })}>
                Get started
              </Link>
              <Link
                href="/login?mode=password"
                className={buttonClasses({ variant: 'secondary', size: 'lg' })}
              >
                Sign in with password
              </Link>
            </div>
          ) : null}
        </div>
      </div>
    </Modal>
  );
}
