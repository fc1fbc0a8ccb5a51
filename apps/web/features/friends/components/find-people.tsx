'use client';

import { formatUserId } from '@guftagu/contracts';
import { HashIcon, SearchIcon, TriangleAlertIcon } from 'lucide-react';
import { type ReactNode, useId, useState } from 'react';
import { Button } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { usePublicProfile } from '@/features/profile/hooks/use-profiles';
import { type ProfileLookup, profileKeys } from '@/features/profile/queries';
import { errorMessage } from '@/lib/api';
import { useLiveCache } from '@/lib/query/query-provider';
import { FriendsShell } from './friends-shell';
import { IdSearch } from './id-search';
import { UserResultCard } from './user-result-card';
import { UsernameSearch } from './username-search';

function Panel({
  title,
  icon,
  description,
  children,
}: {
  title: string;
  icon: ReactNode;
  description: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card flex flex-col rounded-3xl p-5 sm:p-6" aria-labelledby={id}>
      <div className="flex items-center gap-3">
        <span className="inline-flex size-10 items-center justify-center rounded-xl border border-accent-bright/20 bg-accent/10 text-accent-fg">
          {icon}
        </span>
        <div className="min-w-0">
          <h2 id={id} className="font-display text-lg font-semibold text-fg">
            {title}
          </h2>
          <p className="text-[13px] text-fg-subtle">{description}</p>
        </div>
      </div>
      <div className="mt-5">{children}</div>
    </section>
  );
}

function NotFoundMessage({ lookup }: { lookup: ProfileLookup }) {
  return 'userId7Digit' in lookup ? (
    <>
      No one has the ID{' '}
      <span className="tabular font-semibold text-fg">{formatUserId(lookup.userId7Digit)}</span>. Double-check
      the digits with your friend.
    </>
  ) : (
    <>
      No one goes by <span className="font-semibold text-fg">@{lookup.username}</span>. Check the spelling, or
      try their 7-digit ID.
    </>
  );
}

/** Look someone up by username (with suggestions) or by 7-digit ID, and act on the result. */
export function FindPeople() {
  const live = useLiveCache();
  const [target, setTarget] = useState<ProfileLookup | null>(null);
  const lookup = usePublicProfile(target);
  const result = lookup.data;
  const loading = target !== null && lookup.isPending;

  const find = (next: ProfileLookup) => {
    // Each search asks the server again; a repeat of the same one refetches the card it shows.
    void live.client.invalidateQueries({ queryKey: profileKeys.lookup(next) });
    setTarget(next);
  };
  const refresh = () => void lookup.refetch();

  return (
    <FriendsShell
      title="Find people"
      description="Add friends by their username or by the 7-digit ID they shared with you."
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel
          title="By username"
          icon={<SearchIcon size={19} aria-hidden />}
          description="Start typing — we’ll suggest matches."
        >
          <UsernameSearch onPick={(username) => find({ username })} />
        </Panel>
        <Panel
          title="By 7-digit ID"
          icon={<HashIcon size={19} aria-hidden />}
          description="Every Guftagu account has a permanent ID."
        >
          <IdSearch
            onFind={(userId7Digit) => find({ userId7Digit })}
            loading={loading && target !== null && 'userId7Digit' in target}
          />
        </Panel>
      </div>

      <div className="mt-6" aria-live="polite">
        {target === null ? null : loading ? (
          <div className="card flex items-center gap-4 rounded-3xl p-6" aria-busy="true">
            <Skeleton className="size-16 rounded-full" />
            <div className="flex flex-col gap-2">
              <Skeleton className="h-5 w-40" />
              <Skeleton className="h-4 w-28" />
            </div>
            <span className="sr-only" role="status">
              Looking up{' '}
              {'userId7Digit' in target ? formatUserId(target.userId7Digit) : `@${target.username}`}
            </span>
          </div>
        ) : result?.state === 'ready' ? (
          <UserResultCard profile={result.profile} />
        ) : result?.state === 'not_found' ? (
          <div
            className="flex items-start gap-3 rounded-3xl border border-line bg-fill-subtle p-5"
            role="status"
            data-testid="user-not-found"
          >
            <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-xl border border-warning/20 bg-warning/10 text-warning-fg">
              <SearchIcon size={18} aria-hidden />
            </span>
            <div>
              <p className="font-semibold text-fg">We couldn’t find that person</p>
              <p className="mt-1 text-sm text-fg-muted">
                <NotFoundMessage lookup={target} />
              </p>
            </div>
          </div>
        ) : lookup.isError ? (
          <div
            className="flex flex-wrap items-center gap-3 rounded-3xl border border-danger-bright/20 bg-danger/[0.06] p-5"
            role="alert"
          >
            <TriangleAlertIcon size={18} aria-hidden className="text-danger-fg" />
            <p className="flex-1 text-sm text-danger-fg">{errorMessage(lookup.error)}</p>
            <Button variant="secondary" size="sm" onClick={refresh}>
              Try again
            </Button>
          </div>
        ) : null}
      </div>
    </FriendsShell>
  );
}
