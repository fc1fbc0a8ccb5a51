'use client';

import { formatUserId } from '@guftagu/contracts';
import { ArrowRightIcon, CircleHelpIcon, LogOutIcon, MenuIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Button, buttonClasses } from '@/components/ui/button';
import { Modal } from '@/components/ui/modal';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { nameOf } from '@/lib/utils';
import { Logo } from './logo';
import { navItemsFor, type ShellKind } from './nav';
import { OnlineCountHero } from './online-count';

export function MobileNav({ kind }: { kind: ShellKind }) {
  const [open, setOpen] = useState(false);
  const pathname = usePathname();
  const router = useRouter();
  const { user, logout } = useAuth();
  const { toast } = useToast();

  // Close the sheet after navigating.
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not a value we read.
  useEffect(() => setOpen(false), [pathname]);

  const name = user ? nameOf(user) : '';

  return (
    <Modal
      open={open}
      onOpenChange={setOpen}
      variant="sheet"
      title="Menu"
      hideTitle
      headerContent={<Logo />}
      trigger={
        <button
          type="button"
          className="inline-flex size-10 items-center justify-center rounded-xl text-fg-soft transition-colors hover:bg-fill hover:text-fg md:hidden"
          aria-label="Open menu"
          data-testid="mobile-menu-button"
        >
          <MenuIcon size={22} />
        </button>
      }
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
                onClick={() => setOpen(false)}
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
          {kind === 'app' && user ? (
            <div className="flex flex-col gap-3">
              <Link
                href="/profile"
                className="flex items-center gap-3 rounded-2xl border border-line bg-fill-subtle p-3"
              >
                <Avatar name={name} src={user.profilePicture} size={40} />
                <span className="min-w-0">
                  <span className="block truncate text-sm font-semibold text-fg">{name}</span>
                  <span className="block font-mono text-xs text-fg-subtle">
                    {formatUserId(user.userId7Digit)}
                  </span>
                </span>
              </Link>
              <Link href="/help" className={buttonClasses({ variant: 'ghost' })}>
                <CircleHelpIcon size={16} aria-hidden /> Help center
              </Link>
              <Button
                variant="danger"
                onClick={async () => {
                  setOpen(false);
                  await logout();
                  toast({ title: 'Signed out', description: 'See you soon.' });
                  router.push('/');
                }}
              >
                <LogOutIcon size={16} /> Log out
              </Button>
            </div>
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
