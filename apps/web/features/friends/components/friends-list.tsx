'use client';

import type { TFriend } from '@guftagu/contracts';
import { SearchIcon, UserPlusIcon, UsersIcon } from 'lucide-react';
import Link from 'next/link';
import { useMemo, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, LoadFailedState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { useNow } from '@/lib/hooks/use-now';
import { formatCount, nameOf } from '@/lib/utils';
import { matchesFilter, sortFriends } from '../friend-sort';
import { useFriends } from '../hooks/use-friends';
import { useFriendsView } from '../hooks/use-friends-view';
import { type FriendSort, socialErrorMessage, useSocialApi } from '../social-api';
import { FriendCard, type FriendsView } from './friend-card';
import { FriendsShell } from './friends-shell';
import { FriendsToolbar } from './friends-toolbar';

function ListSkeleton({ view }: { view: FriendsView }) {
  const rows = Array.from({ length: 6 }, (_, index) => index);
  return (
    <div aria-busy="true">
      <span className="sr-only" role="status">
        Loading your friends
      </span>
      {view === 'grid' ? (
        <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {rows.map((row) => (
            <Skeleton key={row} className="h-56 rounded-3xl" />
          ))}
        </div>
      ) : (
        <div className="flex flex-col gap-2">
          {rows.map((row) => (
            <Skeleton key={row} className="h-16 rounded-2xl" />
          ))}
        </div>
      )}
    </div>
  );
}

/** Unfriend and Block behind their confirmations, with toasts; the cache follows (social-changes.ts). */
function useFriendRemoval() {
  const api = useSocialApi();
  const { toast } = useToast();
  // The target outlives the dialog's closing animation, so its title doesn't blank out mid-fade.
  const [dialog, setDialog] = useState<'unfriend' | 'block' | null>(null);
  const [target, setTarget] = useState<TFriend | null>(null);
  const ask = (kind: 'unfriend' | 'block') => (friend: TFriend) => {
    setTarget(friend);
    setDialog(kind);
  };
  const attempt = async (title: string, friend: TFriend, action: () => Promise<void>) => {
    try {
      await action();
    } catch (caught) {
      toast({ title, description: socialErrorMessage(caught, friend.username), tone: 'error' });
      throw caught;
    }
  };
  const unfriend = (friend: TFriend) =>
    attempt('Couldn’t unfriend', friend, async () => {
      await api.unfriend(friend.userId);
      toast({ title: `Removed ${nameOf(friend)} from your friends` });
    });
  const block = (friend: TFriend) =>
    attempt('Couldn’t block', friend, async () => {
      await api.block(friend.userId);
      toast({
        title: `Blocked @${friend.username}`,
        description: 'They can’t find you, message you or send requests.',
      });
    });
  const dialogs = (
    <>
      <ConfirmDialog
        open={dialog === 'unfriend'}
        onOpenChange={(open) => setDialog(open ? 'unfriend' : null)}
        title={`Remove ${target ? nameOf(target) : 'this friend'} from your friends?`}
        description="You won’t be able to message each other until one of you sends a new friend request."
        confirmLabel="Unfriend"
        onConfirm={() => (target ? unfriend(target) : undefined)}
        data-testid="unfriend-dialog"
      />
      <ConfirmDialog
        open={dialog === 'block'}
        onOpenChange={(open) => setDialog(open ? 'block' : null)}
        title={`Block @${target?.username ?? 'this person'}?`}
        description="This unfriends them, and they won’t be able to see your profile, send you requests or message you. You can unblock at any time."
        confirmLabel="Block"
        onConfirm={() => (target ? block(target) : undefined)}
        data-testid="block-dialog"
      />
    </>
  );
  return { askUnfriend: ask('unfriend'), askBlock: ask('block'), dialogs };
}

export function FriendsList() {
  const now = useNow();
  const { data: friends = null, error, refetch } = useFriends();
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<FriendSort>('recent_activity');
  const [view, setView] = useFriendsView();
  const { askUnfriend, askBlock, dialogs } = useFriendRemoval();

  const shown = useMemo(
    () =>
      friends
        ? sortFriends(
            friends.filter((friend) => matchesFilter(friend, query.trim())),
            sort,
          )
        : null,
    [friends, query, sort],
  );
  const onlineCount = friends?.filter((friend) => friend.isOnline).length ?? 0;

  const description =
    friends === null || friends.length === 0
      ? 'Everyone you’ve connected with.'
      : `${formatCount(friends.length)} ${friends.length === 1 ? 'friend' : 'friends'} · ${formatCount(onlineCount)} online`;

  return (
    <FriendsShell
      title="Your friends"
      description={<span data-testid="friends-summary">{description}</span>}
      actions={
        <Link href="/friends/find" className={buttonClasses({ variant: 'secondary' })}>
          <UserPlusIcon size={16} aria-hidden /> Add friends
        </Link>
      }
    >
      {error && friends === null ? (
        <LoadFailedState
          title="Your friends didn’t load"
          message={errorMessage(error)}
          onRetry={() => void refetch()}
        />
      ) : friends !== null && friends.length === 0 ? (
        <EmptyState
          icon={<UsersIcon size={22} aria-hidden />}
          title="No friends yet"
          actions={
            <Link href="/friends/find" className={buttonClasses()}>
              <UserPlusIcon size={16} aria-hidden /> Find people
            </Link>
          }
          data-testid="friends-empty"
        >
          Look people up by username or 7-digit ID, or keep someone you meet in a video chat.
        </EmptyState>
      ) : (
        <>
          <FriendsToolbar
            query={query}
            onQuery={setQuery}
            sort={sort}
            onSort={setSort}
            view={view}
            onView={setView}
          />
          <div className="mt-6">
            {shown === null ? (
              <ListSkeleton view={view} />
            ) : shown.length === 0 ? (
              <EmptyState icon={<SearchIcon size={22} aria-hidden />} title="No matches">
                None of your friends match “{query.trim()}”.
              </EmptyState>
            ) : (
              <ul
                className={
                  view === 'grid'
                    ? 'grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4'
                    : 'card divide-y divide-line overflow-hidden rounded-3xl'
                }
                aria-label="Friends"
                data-testid="friends-list"
                data-view={view}
              >
                {shown.map((friend) => (
                  <FriendCard
                    key={friend.userId}
                    friend={friend}
                    view={view}
                    now={now}
                    onUnfriend={askUnfriend}
                    onBlock={askBlock}
                  />
                ))}
              </ul>
            )}
          </div>
        </>
      )}
      {dialogs}
    </FriendsShell>
  );
}
