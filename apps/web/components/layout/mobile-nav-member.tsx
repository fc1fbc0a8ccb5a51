'use client';

import { formatUserId } from '@guftagu/contracts';
import { CircleHelpIcon, LogOutIcon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { Avatar } from '@/components/ui/avatar';
import { Button, buttonClasses } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { nameOf } from '@/lib/utils';
import type { SheetProps } from './mobile-nav';
import { MobileNavSheet } from './mobile-nav-sheet';

/** The phone menu for a signed-in person: the app's links plus their account, help and log out. */
export function MemberMobileNavSheet(props: SheetProps) {
  const { user, logout } = useAuth();
  const { toast } = useToast();
  const router = useRouter();
  const { onOpenChange } = props;

  const account = user ? (
    <div className="flex flex-col gap-3">
      <Link
        href="/profile"
        className="flex items-center gap-3 rounded-2xl border border-line bg-fill-subtle p-3"
      >
        <Avatar name={nameOf(user)} src={user.profilePicture} size={40} />
        <span className="min-w-0">
          <span className="block truncate text-sm font-semibold text-fg">{nameOf(user)}</span>
          <span className="block font-mono text-xs text-fg-subtle">{formatUserId(user.userId7Digit)}</span>
        </span>
      </Link>
      <Link href="/help" className={buttonClasses({ variant: 'ghost' })}>
        <CircleHelpIcon size={16} aria-hidden /> Help center
      </Link>
      <Button
        variant="danger"
        onClick={async () => {
          onOpenChange(false);
          await logout();
          toast({ title: 'Signed out', description: 'See you soon.' });
          router.push('/');
        }}
      >
        <LogOutIcon size={16} /> Log out
      </Button>
    </div>
  ) : null;

  return <MobileNavSheet {...props} account={account} />;
}
