'use client';

import type { TPublicProfile, TRelationship } from '@guftagu/contracts';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { PresenceAvatar, STATUS_META, StatusDot, shownStatus } from '@/features/friends/components/presence';
import { RelationshipActions } from '@/features/friends/components/relationship-actions';
import { Badge } from '@/components/ui/Badge';
import { Button, buttonClasses } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { AlertIcon, BanIcon, CalendarIcon, SearchIcon, UserPlusIcon } from '@/components/ui/Icons';
import { Skeleton } from '@/components/ui/Skeleton';
import { Spinner } from '@/components/ui/Spinner';
import { useAuth } from '@/features/auth/auth-context';
import { CenteredState } from '@/features/auth/components/require-auth';
import { errorMessage, isApiError } from '@/lib/api';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { useSocialApi } from '@/features/friends/social-api';
import { useSocialChange } from '@/features/friends/social-events';
import { cn, formatCount, formatMonthYear, formatRelativeTime, nameOf } from '@/lib/utils';
import { CopyIdChip } from './copy-id-chip';

export type ProfileLookup = { username: string } | { userId7Digit: string };

type LoadResult =
  | { state: 'loading' }
  | { state: 'ready'; profile: TPublicProfile }
  | { state: 'not_found' }
  | { state: 'invalid' }
  | { state: 'error'; message: string };

export function PublicProfileSkeleton() {
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10 sm:px-6 sm:py-14" aria-busy="true">
      <span className="sr-only" role="status">
        Loading profile
      </span>
      <div className="card rounded-[1.75rem] p-6 sm:p-8">
        <div className="flex flex-col gap-5 sm:flex-row sm:items-center">
          <Skeleton className="size-24 rounded-full" />
          <div className="flex flex-col gap-2.5">
            <Skeleton className="h-8 w-56" />
            <Skeleton className="h-4 w-40" />
            <Skeleton className="h-4 w-32" />
          </div>
        </div>
        <div className="mt-7 flex gap-2">
          <Skeleton className="h-10 w-32 rounded-xl" />
          <Skeleton className="h-10 w-28 rounded-xl" />
        </div>
      </div>
      <div className="mt-6 grid grid-cols-3 gap-3">
        <Skeleton className="h-20 rounded-2xl" />
        <Skeleton className="h-20 rounded-2xl" />
        <Skeleton className="h-20 rounded-2xl" />
      </div>
    </div>
  );
}

function Stat({
  label,
  value,
  icon,
  className,
}: {
  label: string;
  value: ReactNode;
  icon?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cn('min-w-0 rounded-2xl border border-white/[0.07] bg-white/[0.02] px-4 py-3.5', className)}
    >
      <dt className="flex items-center gap-1.5 text-xs text-ink-400">
        {icon}
        {label}
      </dt>
      <dd className="tabular mt-1 truncate font-display text-xl font-semibold text-ink-50 sm:text-2xl">
        {value}
      </dd>
    </div>
  );
}

/** "Online · Listening to lo-fi" / "Offline · active 3h ago" / nothing when hidden. */
function PresenceLine({ profile }: { profile: TPublicProfile }) {
  if (profile.isOnline === null && !profile.lastActive) return null;
  const status = shownStatus(profile.isOnline, profile.status);
  const lastActive = formatRelativeTime(profile.lastActive);
  return (
    <p className="mt-3 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm" data-testid="profile-presence">
      {profile.isOnline !== null ? (
        <span className={cn('inline-flex items-center gap-2 font-medium', STATUS_META[status].text)}>
          <StatusDot status={status} size={8} />
          {STATUS_META[status].label}
        </span>
      ) : null}
      {profile.isOnline && profile.customStatus ? (
        <span className="text-ink-300">
          <span className="mr-2 text-ink-600" aria-hidden>
            ·
          </span>
          {profile.customStatus}
        </span>
      ) : null}
      {!profile.isOnline && lastActive ? (
        <span className="text-ink-400">
          {profile.isOnline !== null ? (
            <span className="mr-2 text-ink-600" aria-hidden>
              ·
            </span>
          ) : null}
          Last active {lastActive}
        </span>
      ) : null}
    </p>
  );
}

function NotFound({ lookup }: { lookup: ProfileLookup }) {
  return (
    <CenteredState>
      <EmptyState
        icon={<SearchIcon size={22} />}
        title="We couldn’t find that person"
        actions={
          <>
            <Link href="/friends/find" className={buttonClasses()}>
              Find people
            </Link>
            <Link href="/friends" className={buttonClasses({ variant: 'secondary' })}>
              Your friends
            </Link>
          </>
        }
        className="w-full max-w-md"
        data-testid="profile-not-found"
      >
        {'username' in lookup ? (
          <>
            No one goes by <span className="font-medium text-ink-100">@{lookup.username}</span> — the name may
            have changed, or the account isn’t available.
          </>
        ) : (
          'No account has that 7-digit ID, or it isn’t available to you.'
        )}
      </EmptyState>
    </CenteredState>
  );
}

function ProfileCard({
  profile,
  signedIn,
  onRelationship,
  onStale,
}: {
  profile: TPublicProfile;
  signedIn: boolean;
  onRelationship: (relationship: TRelationship, requestId: string | null) => void;
  onStale: () => void;
}) {
  const pathname = usePathname();
  const name = nameOf(profile);
  const memberSince = formatMonthYear(profile.joinDate);
  const presence = profile.isOnline === null ? null : shownStatus(profile.isOnline, profile.status);

  return (
    <div
      className="mx-auto w-full max-w-3xl animate-fade-up px-4 py-10 sm:px-6 sm:py-14"
      data-testid="public-profile"
    >
      <section className="card hairline-top relative isolate overflow-hidden rounded-[1.75rem] p-6 sm:p-8">
        <div className="absolute -top-28 -right-20 -z-10 size-80 rounded-full bg-[radial-gradient(closest-side,rgb(130_110_255/0.22),transparent)] blur-2xl" />
        <div className="flex flex-col gap-5 sm:flex-row sm:items-center">
          <PresenceAvatar
            name={name}
            src={profile.profilePicture}
            size={96}
            status={presence}
            dotTestId="profile-online-dot"
          />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-center gap-2">
              <h1 className="min-w-0 truncate text-title font-semibold text-ink-50">{name}</h1>
              {profile.relationship === 'friends' ? (
                <Badge tone="live" size="sm">
                  Friends
                </Badge>
              ) : null}
              {profile.relationship === 'self' ? <Badge size="sm">You</Badge> : null}
            </div>
            <p className="mt-1 text-[15px] text-ink-300" data-testid="public-username">
              @{profile.username}
            </p>
            <PresenceLine profile={profile} />
          </div>
        </div>

        {profile.relationship === 'request_received' ? (
          <p className="mt-6 rounded-xl border border-brand-400/20 bg-brand-500/[0.07] px-3.5 py-3 text-sm text-brand-200">
            {name} sent you a friend request.
          </p>
        ) : null}
        {profile.relationship === 'blocked' ? (
          <p className="mt-6 flex items-center gap-2 rounded-xl border border-danger-400/20 bg-danger-500/[0.06] px-3.5 py-3 text-sm text-danger-300">
            <BanIcon size={15} /> You blocked @{profile.username}. They can’t see your profile or contact you.
          </p>
        ) : null}

        <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
          {signedIn ? (
            <RelationshipActions
              target={profile}
              relationship={profile.relationship}
              requestId={profile.requestId}
              onChange={onRelationship}
              onStale={onStale}
            />
          ) : (
            <Link
              href={`/login?next=${encodeURIComponent(pathname)}`}
              className={buttonClasses()}
              data-testid="sign-in-to-add"
            >
              <UserPlusIcon size={16} /> Sign in to add friend
            </Link>
          )}
          <CopyIdChip userId7Digit={profile.userId7Digit} />
        </div>
      </section>

      <dl className={cn('mt-6 grid grid-cols-2 gap-3', profile.totalMatches !== null && 'sm:grid-cols-3')}>
        <Stat label="Friends" value={formatCount(profile.friendsCount)} />
        {profile.totalMatches !== null ? (
          <Stat label="Conversations" value={formatCount(profile.totalMatches)} />
        ) : null}
        <Stat
          label="Member since"
          className={profile.totalMatches !== null ? 'max-sm:col-span-2' : undefined}
          icon={<CalendarIcon size={12} />}
          value={
            <span className="text-base sm:text-lg" data-testid="public-member-since">
              {memberSince ?? '—'}
            </span>
          }
        />
      </dl>

      {profile.bio ? (
        <section className="card mt-6 rounded-3xl p-6" aria-labelledby="public-bio-title">
          <h2 id="public-bio-title" className="font-sans text-sm font-semibold text-ink-300">
            About
          </h2>
          <p className="mt-2 whitespace-pre-line break-words text-ink-100" data-testid="public-bio">
            {profile.bio}
          </p>
        </section>
      ) : null}

      {profile.interests.length > 0 ? (
        <section className="mt-6" aria-labelledby="public-interests-title">
          <h2 id="public-interests-title" className="sr-only">
            Interests
          </h2>
          <ul className="flex flex-wrap gap-2">
            {profile.interests.map((interest) => (
              <li key={interest}>
                <Badge>#{interest}</Badge>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

/** Loads a public profile by username or 7-digit ID and keeps it live (presence, requests, blocks). */
export function PublicProfile({ lookup }: { lookup: ProfileLookup }) {
  const { status } = useAuth();
  const api = useSocialApi();
  const [result, setResult] = useState<LoadResult>({ state: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const key = 'username' in lookup ? `u:${lookup.username}` : `i:${lookup.userId7Digit}`;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `lookup`; reloadKey re-runs it.
  useEffect(() => {
    if (status === 'loading') return;
    if ('userId7Digit' in lookup && !/^[1-9]\d{6}$/.test(lookup.userId7Digit)) {
      setResult({ state: 'invalid' });
      return;
    }
    const controller = new AbortController();
    const request =
      'username' in lookup
        ? api.getProfileByUsername(lookup.username, controller.signal)
        : api.getProfileById(lookup.userId7Digit, controller.signal);
    request
      .then(({ profile }) => setResult({ state: 'ready', profile }))
      .catch((error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_ERROR')) {
          setResult({ state: 'not_found' });
        } else {
          setResult({ state: 'error', message: errorMessage(error) });
        }
      });
    return () => controller.abort();
  }, [key, status, reloadKey, api]);

  const reload = useCallback(() => setReloadKey((value) => value + 1), []);

  const update = useCallback((change: (profile: TPublicProfile) => TPublicProfile) => {
    setResult((current) =>
      current.state === 'ready' ? { ...current, profile: change(current.profile) } : current,
    );
  }, []);

  const profile = result.state === 'ready' ? result.profile : null;
  const isThem = (userId: string) => profile?.id === userId;

  // Live: their presence and whatever they do to the relationship from their side.
  useServerEvent('friend_online', (event) => {
    if (isThem(event.friendId)) {
      update((p) => ({
        ...p,
        isOnline: true,
        status: event.status,
        customStatus: event.customStatus,
        lastActive: event.lastActive,
      }));
    }
  });
  useServerEvent('friend_offline', (event) => {
    if (isThem(event.friendId)) {
      update((p) => ({
        ...p,
        isOnline: p.isOnline === null ? null : false,
        lastActive: event.lastActive ?? event.timestamp,
      }));
    }
  });
  useServerEvent('friend_request_received', (event) => {
    if (isThem(event.from.userId))
      update((p) => ({ ...p, relationship: 'request_received', requestId: event.requestId }));
  });
  useServerEvent('friend_request_accepted', (event) => {
    if (isThem(event.by.userId)) {
      update((p) => ({ ...p, relationship: 'friends', requestId: null, friendsCount: p.friendsCount + 1 }));
      reload();
    }
  });
  useServerEvent('friend_request_rejected', (event) => {
    if (isThem(event.by.userId)) update((p) => ({ ...p, relationship: 'none', requestId: null }));
  });
  useServerEvent('friend_request_cancelled', (event) => {
    if (isThem(event.by.userId)) update((p) => ({ ...p, relationship: 'none', requestId: null }));
  });
  useServerEvent('unfriended', (event) => {
    if (isThem(event.by.userId)) reload();
  });
  useServerEvent('blocked_by_user', (event) => {
    if (isThem(event.by.userId)) setResult({ state: 'not_found' });
  });
  useServerEvent('friend_profile_updated', (event) => {
    if (isThem(event.friendId)) reload();
  });
  // The same relationship changed elsewhere on this page (e.g. accepted from the notification bell).
  useSocialChange((change) => {
    if (!profile) return;
    if (change.type === 'request_accepted' && change.requestId === profile.requestId) reload();
    if (
      (change.type === 'request_rejected' || change.type === 'request_cancelled') &&
      change.requestId === profile.requestId
    ) {
      update((p) => ({ ...p, relationship: 'none', requestId: null }));
    }
  });

  if (result.state === 'loading') return <PublicProfileSkeleton />;
  if (result.state === 'not_found' || result.state === 'invalid') return <NotFound lookup={lookup} />;
  if (result.state === 'error') {
    return (
      <CenteredState>
        <EmptyState
          tone="warning"
          icon={<AlertIcon size={22} />}
          title="This profile didn’t load"
          actions={
            <Button
              onClick={() => {
                setResult({ state: 'loading' });
                reload();
              }}
            >
              Try again
            </Button>
          }
          className="w-full max-w-md"
        >
          {result.message}
        </EmptyState>
      </CenteredState>
    );
  }

  return (
    <ProfileCard
      profile={result.profile}
      signedIn={status === 'authenticated'}
      onStale={reload}
      onRelationship={(relationship, requestId) => {
        update((p) => ({
          ...p,
          relationship,
          requestId,
          friendsCount:
            relationship === 'friends' && p.relationship !== 'friends'
              ? p.friendsCount + 1
              : relationship !== 'friends' && p.relationship === 'friends'
                ? Math.max(0, p.friendsCount - 1)
                : p.friendsCount,
        }));
      }}
    />
  );
}

export function PublicProfileLoading() {
  return (
    <CenteredState>
      <Spinner size={28} className="text-brand-300" label="Loading profile" />
    </CenteredState>
  );
}
