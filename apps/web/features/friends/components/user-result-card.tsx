'use client';

import { formatUserId, type TPublicProfile } from '@guftagu/contracts';
import { ArrowRightIcon, HashIcon, UserIcon } from 'lucide-react';
import Link from 'next/link';
import { Badge } from '@/components/ui/badge';
import { buttonClasses } from '@/components/ui/button';
import { nameOf, profileHref } from '@/lib/utils';
import { PresenceAvatar, shownStatus } from './presence';
import { RelationshipActions } from './relationship-actions';
import { RELATIONSHIP_BADGE } from './relationship-badge';

/** The person "Find people" found, with the actions that fit where you stand with them. */
export function UserResultCard({ profile }: { profile: TPublicProfile }) {
  const name = nameOf(profile);
  const status = profile.isOnline === null ? null : shownStatus(profile.isOnline, profile.status);
  return (
    <article
      className="card hairline-top animate-scale-in rounded-3xl p-5 sm:p-6"
      aria-label={`${name} (@${profile.username})`}
      data-testid="user-card"
      data-username={profile.username}
      data-relationship={profile.relationship}
    >
      <div className="flex items-start gap-4">
        <PresenceAvatar name={name} src={profile.profilePicture} size={64} status={status} />
        <div className="min-w-0 flex-1">
          <p className="truncate font-display text-xl font-semibold text-fg">{name}</p>
          <p className="truncate text-sm text-fg-subtle">@{profile.username}</p>
          <p className="mt-1.5 inline-flex items-center gap-1.5 rounded-lg bg-fill-subtle px-2 py-0.5 font-mono text-xs text-fg-muted">
            <HashIcon size={12} aria-hidden /> {formatUserId(profile.userId7Digit)}
          </p>
        </div>
        {RELATIONSHIP_BADGE[profile.relationship] ? (
          <Badge tone={RELATIONSHIP_BADGE[profile.relationship]?.tone} size="sm" className="max-sm:hidden">
            {RELATIONSHIP_BADGE[profile.relationship]?.label}
          </Badge>
        ) : null}
      </div>
      {profile.bio ? (
        <p className="mt-4 line-clamp-3 text-sm leading-relaxed whitespace-pre-line text-fg-soft">
          {profile.bio}
        </p>
      ) : null}
      {profile.interests.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Interests">
          {profile.interests.slice(0, 6).map((interest) => (
            <li key={interest}>
              <Badge size="sm">#{interest}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-5 flex flex-wrap items-center justify-between gap-3 border-t border-line pt-4">
        <RelationshipActions
          target={profile}
          relationship={profile.relationship}
          requestId={profile.requestId}
          showBlock={false}
        />
        <Link href={profileHref(profile)} className={buttonClasses({ variant: 'ghost' })}>
          <UserIcon size={16} aria-hidden /> View profile <ArrowRightIcon size={14} aria-hidden />
        </Link>
      </div>
    </article>
  );
}
