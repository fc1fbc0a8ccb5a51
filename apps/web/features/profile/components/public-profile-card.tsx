'use client';

import type { TPublicProfile } from '@guftagu/contracts';
import { BanIcon, CalendarIcon, UserPlusIcon } from 'lucide-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { CallButtons } from '@/features/calls/components/call-buttons';
import { PresenceAvatar, STATUS_META, StatusDot, shownStatus } from '@/features/friends/components/presence';
import { RelationshipActions } from '@/features/friends/components/relationship-actions';
import { cn, formatCount, formatMonthYear, formatRelativeTime, nameOf } from '@/lib/utils';
import { CopyIdChip } from './copy-id-chip';

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
    <div className={cn('min-w-0 rounded-2xl border border-line bg-fill-subtle px-4 py-3.5', className)}>
      <dt className="flex items-center gap-1.5 text-xs text-fg-subtle">
        {icon}
        {label}
      </dt>
      <dd className="tabular mt-1 truncate font-display text-xl font-semibold text-fg sm:text-2xl">
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
        <span className="text-fg-muted">
          <span className="mr-2 text-fg-faint" aria-hidden>
            ·
          </span>
          {profile.customStatus}
        </span>
      ) : null}
      {!profile.isOnline && lastActive ? (
        <span className="text-fg-subtle">
          {profile.isOnline !== null ? (
            <span className="mr-2 text-fg-faint" aria-hidden>
              ·
            </span>
          ) : null}
          Last active {lastActive}
        </span>
      ) : null}
    </p>
  );
}

/** Someone's public profile: who they are, where you stand with them, and what they share. */
export function PublicProfileCard({ profile, signedIn }: { profile: TPublicProfile; signedIn: boolean }) {
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
        <div className="absolute -top-28 -right-20 -z-10 size-80 rounded-full bg-[radial-gradient(closest-side,color-mix(in_srgb,var(--color-accent)_22%,transparent),transparent)] blur-2xl" />
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
              <h1 className="min-w-0 truncate text-title font-semibold text-fg">{name}</h1>
              {profile.relationship === 'friends' ? (
                <Badge tone="live" size="sm">
                  Friends
                </Badge>
              ) : null}
              {profile.relationship === 'self' ? <Badge size="sm">You</Badge> : null}
              {signedIn && profile.relationship === 'friends' ? (
                <CallButtons user={{ ...profile, userId: profile.id }} className="ml-auto" />
              ) : null}
            </div>
            <p className="mt-1 text-[15px] text-fg-muted" data-testid="public-username">
              @{profile.username}
            </p>
            <PresenceLine profile={profile} />
          </div>
        </div>

        {profile.relationship === 'request_received' ? (
          <p className="mt-6 rounded-xl border border-accent-bright/20 bg-accent/[0.07] px-3.5 py-3 text-sm text-accent-soft">
            {name} sent you a friend request.
          </p>
        ) : null}
        {profile.relationship === 'blocked' ? (
          <p className="mt-6 flex items-center gap-2 rounded-xl border border-danger-bright/20 bg-danger/[0.06] px-3.5 py-3 text-sm text-danger-fg">
            <BanIcon size={15} aria-hidden /> You blocked @{profile.username}. They can’t see your profile or
            contact you.
          </p>
        ) : null}

        <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
          {signedIn ? (
            <RelationshipActions
              target={profile}
              relationship={profile.relationship}
              requestId={profile.requestId}
            />
          ) : (
            <Link
              href={`/login?next=${encodeURIComponent(pathname)}`}
              className={buttonClasses()}
              data-testid="sign-in-to-add"
            >
              <UserPlusIcon size={16} aria-hidden /> Sign in to add friend
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
          icon={<CalendarIcon size={12} aria-hidden />}
          value={
            <span className="text-base sm:text-lg" data-testid="public-member-since">
              {memberSince ?? '—'}
            </span>
          }
        />
      </dl>

      {profile.bio ? (
        <section className="card mt-6 rounded-3xl p-6" aria-labelledby="public-bio-title">
          <h2 id="public-bio-title" className="font-sans text-sm font-semibold text-fg-muted">
            About
          </h2>
          <p className="mt-2 whitespace-pre-line break-words text-fg" data-testid="public-bio">
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
