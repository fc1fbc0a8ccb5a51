'use client';

import type { TSelfUser } from '@guftagu/contracts';
import {
  ArrowRightIcon,
  BadgeCheckIcon,
  CalendarIcon,
  LogOutIcon,
  MailIcon,
  PencilIcon,
  SparklesIcon,
} from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { type ReactNode, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button, buttonClasses } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { useAuth } from '@/features/auth/auth-context';
import { PresenceAvatar, STATUS_META, StatusDot } from '@/features/friends/components/presence';
import { cn, formatCount, formatMonthYear, nameOf } from '@/lib/utils';
import { useFreshOwnProfile } from '../hooks/use-profiles';
import { UserIdDisplay } from './user-id-display';

function Stat({ label, value, next }: { label: string; value: ReactNode; next?: ReactNode }) {
  return (
    <div className="flex flex-col rounded-2xl border border-line bg-fill-subtle px-4 py-3.5">
      <dt className="text-xs text-fg-subtle">{label}</dt>
      <dd className="tabular mt-1 font-display text-2xl font-semibold text-fg">{value}</dd>
      {next ? <dd className="mt-1.5 text-[13px]">{next}</dd> : null}
    </div>
  );
}

/** What to do about an empty count, so a 0 reads as a starting point. */
function NextStep({ href, label, testId }: { href: string; label: string; testId: string }) {
  // The arrow stays on the last word's line when the hint wraps in a narrow tile.
  const split = label.lastIndexOf(' ') + 1;
  return (
    <Link
      href={href}
      className="font-medium text-accent-fg transition-colors hover:text-accent-soft"
      data-testid={testId}
    >
      {label.slice(0, split)}
      <span className="whitespace-nowrap">
        {label.slice(split)} <ArrowRightIcon size={14} aria-hidden className="inline align-[-2px]" />
      </span>
    </Link>
  );
}

function DetailRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1 py-4 sm:flex-row sm:items-center sm:justify-between sm:gap-6">
      <dt className="text-sm text-fg-subtle">{label}</dt>
      <dd className="min-w-0 text-[15px] break-words text-fg sm:text-right">{children}</dd>
    </div>
  );
}

export function ProfileSkeleton() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-12 sm:px-6" aria-busy="true">
      <span className="sr-only" role="status">
        Loading profile
      </span>
      <div className="flex items-center gap-5">
        <Skeleton className="size-20 rounded-full" />
        <div className="flex flex-col gap-2.5">
          <Skeleton className="h-7 w-48" />
          <Skeleton className="h-4 w-32" />
        </div>
      </div>
      <Skeleton className="mt-10 h-60 rounded-[1.75rem]" />
      <div className="mt-6 grid grid-cols-2 gap-3">
        <Skeleton className="h-20 rounded-2xl" />
        <Skeleton className="h-20 rounded-2xl" />
      </div>
    </div>
  );
}

export function ProfileView({ user }: { user: TSelfUser }) {
  const { logout } = useAuth();
  const { toast } = useToast();
  const router = useRouter();
  const [loggingOut, setLoggingOut] = useState(false);

  useFreshOwnProfile();

  const name = nameOf(user);
  const memberSince = formatMonthYear(user.joinDate);

  const onLogout = async () => {
    setLoggingOut(true);
    await logout();
    toast({ title: 'Signed out', description: 'See you soon.' });
    router.replace('/login');
  };

  return (
    <div className="mx-auto w-full max-w-3xl animate-fade-up px-4 py-10 sm:px-6 sm:py-14">
      <header className="flex flex-col gap-5 sm:flex-row sm:items-center">
        <PresenceAvatar name={name} src={user.profilePicture} size={84} status={user.status} />
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="truncate text-title font-semibold text-fg">{name}</h1>
            {user.isVerified ? (
              <Badge tone="brand" size="sm">
                <BadgeCheckIcon size={12} aria-hidden /> Verified
              </Badge>
            ) : null}
            {user.isPremium ? (
              <Badge tone="flare" size="sm">
                <SparklesIcon size={12} aria-hidden /> Premium
              </Badge>
            ) : null}
            {user.isAdmin ? (
              <Badge tone="warning" size="sm">
                Admin
              </Badge>
            ) : null}
          </div>
          <p className="mt-1 text-[15px] text-fg-muted">
            {user.username ? <span data-testid="profile-username">@{user.username}</span> : null}
            {memberSince ? (
              <>
                <span className="mx-2 text-fg-faint">·</span>
                <span data-testid="profile-member-since">Member since {memberSince}</span>
              </>
            ) : null}
          </p>
          <p className="mt-2 flex flex-wrap items-center gap-x-2 text-sm" data-testid="profile-status">
            <span className={cn('inline-flex items-center gap-2 font-medium', STATUS_META[user.status].text)}>
              <StatusDot status={user.status} size={8} /> {STATUS_META[user.status].label}
            </span>
            {user.customStatus ? (
              <span className="text-fg-muted">
                <span className="mr-2 text-fg-faint" aria-hidden>
                  ·
                </span>
                {user.customStatus}
              </span>
            ) : null}
          </p>
        </div>
      </header>

      <div className="mt-6 flex flex-wrap gap-2">
        <Link
          href="/profile/edit"
          className={buttonClasses({ variant: 'secondary' })}
          data-testid="edit-profile"
        >
          <PencilIcon size={16} aria-hidden /> Edit profile
        </Link>
        <Button
          variant="ghost"
          onClick={onLogout}
          loading={loggingOut}
          data-testid="logout"
          className="sm:ml-auto"
        >
          <LogOutIcon size={16} aria-hidden /> Log out
        </Button>
      </div>

      <UserIdDisplay userId7Digit={user.userId7Digit} className="mt-8" />

      <dl className="mt-6 grid grid-cols-2 gap-3">
        <Stat
          label="Conversations"
          value={formatCount(user.totalMatches)}
          next={
            user.totalMatches === 0 ? (
              <NextStep href="/chat" label="Start a conversation" testId="profile-start-chat" />
            ) : null
          }
        />
        <Stat
          label="Friends"
          next={
            user.friendsCount === 0 ? (
              <NextStep href="/friends/find" label="Find people" testId="profile-find-people" />
            ) : null
          }
          value={
            <Link
              href="/friends"
              className="underline-offset-4 decoration-line-bold hover:underline"
              data-testid="profile-friends-link"
            >
              {formatCount(user.friendsCount)}
              <span className="sr-only"> — see your friends</span>
            </Link>
          }
        />
      </dl>

      {user.bio ? (
        <section className="card mt-6 rounded-3xl p-6" aria-labelledby="bio-title">
          <h2 id="bio-title" className="font-sans text-sm font-semibold text-fg-muted">
            About
          </h2>
          <p className="mt-2 whitespace-pre-line text-fg">{user.bio}</p>
        </section>
      ) : null}

      {user.interests.length > 0 ? (
        <ul className="mt-6 flex flex-wrap gap-2" aria-label="Interests">
          {user.interests.map((interest) => (
            <li key={interest}>
              <Badge>#{interest}</Badge>
            </li>
          ))}
        </ul>
      ) : null}

      <section className="card mt-6 rounded-3xl px-6 py-2" aria-labelledby="details-title">
        <h2 id="details-title" className="sr-only">
          Account details
        </h2>
        <dl className="divide-y divide-line">
          <DetailRow label="Username">{user.username ? `@${user.username}` : '—'}</DetailRow>
          <DetailRow label="Display name">
            <span data-testid="profile-display-name">{user.displayName || '—'}</span>
          </DetailRow>
          <DetailRow label="Email">
            <span className="inline-flex items-center gap-2">
              <MailIcon size={15} className="text-fg-subtle" aria-hidden /> {user.email}
              <Badge size="sm">Private</Badge>
            </span>
          </DetailRow>
          <DetailRow label="Member since">
            <span className="inline-flex items-center gap-2">
              <CalendarIcon size={15} className="text-fg-subtle" aria-hidden /> {memberSince ?? '—'}
            </span>
          </DetailRow>
          <DetailRow label="Online status">
            {user.privacy.showOnlineStatus ? 'Visible to everyone' : 'Hidden from non-friends'}
          </DetailRow>
          <DetailRow label="Friend requests">
            {user.privacy.allowFriendRequests === 'everyone' ? 'From everyone' : 'Turned off'}
          </DetailRow>
          <DetailRow label="Conversation count">
            {user.privacy.showMatchCount ? 'Shown on your profile' : 'Hidden'}
          </DetailRow>
        </dl>
      </section>
    </div>
  );
}
