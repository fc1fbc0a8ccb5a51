'use client';

import type { TFriend } from '@guftagu/contracts';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { PresenceAvatar, STATUS_META, shownStatus } from '@/features/friends/components/presence';
import { buttonClasses } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import {
  Dropdown,
  DropdownContent,
  DropdownItem,
  DropdownSeparator,
  DropdownTrigger,
} from '@/components/ui/Dropdown';
import { EmptyState, LoadFailedState } from '@/components/ui/EmptyState';
import {
  BanIcon,
  CloseIcon,
  GridIcon,
  ListIcon,
  MessageIcon,
  MoreIcon,
  SearchIcon,
  UserIcon,
  UserMinusIcon,
  UserPlusIcon,
  UsersIcon,
} from '@/components/ui/Icons';
import { Input } from '@/components/ui/Input';
import { Select } from '@/components/ui/Select';
import { Skeleton } from '@/components/ui/Skeleton';
import { useToast } from '@/components/ui/Toast';
import { Tooltip } from '@/components/ui/Tooltip';
import { useDmUnread } from '@/features/messages/hooks/use-dm-queries';
import { useLoad } from '@/lib/hooks/use-load';
import { useNow } from '@/lib/hooks/use-now';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { type FriendSort, socialErrorMessage, useSocialApi } from '@/features/friends/social-api';
import { useSocialChange } from '@/features/friends/social-events';
import { cn, formatCount, formatRelativeTime, messageHref, nameOf, profileHref } from '@/lib/utils';
import { FriendsShell } from './friends-shell';

type View = 'grid' | 'list';
const VIEW_KEY = 'guftagu:friends-view';

const SORT_OPTIONS: { value: FriendSort; label: string }[] = [
  { value: 'recent_activity', label: 'Recently active' },
  { value: 'alphabetical', label: 'Alphabetical' },
  { value: 'recently_added', label: 'Recently added' },
];

function time(iso: string | null): number {
  const value = iso ? new Date(iso).getTime() : 0;
  return Number.isNaN(value) ? 0 : value;
}

/** Sorted on the client too, so live presence changes re-order "Recently active" immediately. */
function sortFriends(friends: TFriend[], sort: FriendSort): TFriend[] {
  const copy = [...friends];
  switch (sort) {
    case 'alphabetical':
      return copy.sort((a, b) => nameOf(a).localeCompare(nameOf(b), undefined, { sensitivity: 'base' }));
    case 'recently_added':
      return copy.sort((a, b) => time(b.friendsSince) - time(a.friendsSince));
    default:
      return copy.sort(
        (a, b) => Number(b.isOnline) - Number(a.isOnline) || time(b.lastActive) - time(a.lastActive),
      );
  }
}

function matches(friend: TFriend, query: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase().replace(/^@/, '');
  const digits = q.replace(/-/g, '');
  return (
    friend.username.toLowerCase().includes(q) ||
    (friend.displayName ?? '').toLowerCase().includes(q) ||
    (/^\d+$/.test(digits) && friend.userId7Digit.includes(digits))
  );
}

function presenceText(friend: TFriend, now: number): string {
  if (friend.isOnline) {
    const label = STATUS_META[shownStatus(true, friend.status)].label;
    return friend.customStatus ? `${label} · ${friend.customStatus}` : label;
  }
  const last = formatRelativeTime(friend.lastActive, now);
  return last ? `Active ${last}` : 'Offline';
}

interface CardProps {
  friend: TFriend;
  view: View;
  now: number;
  onUnfriend: (friend: TFriend) => void;
  onBlock: (friend: TFriend) => void;
}

function FriendMenu({ friend, onUnfriend, onBlock }: Omit<CardProps, 'view' | 'now'>) {
  const router = useRouter();
  const name = nameOf(friend);
  return (
    <Dropdown>
      <DropdownTrigger
        className={buttonClasses({ variant: 'ghost', size: 'icon-sm' })}
        aria-label={`More actions for ${name}`}
        data-testid="friend-menu"
      >
        <MoreIcon size={18} />
      </DropdownTrigger>
      <DropdownContent className="min-w-48">
        <DropdownItem icon={<UserIcon size={16} />} onSelect={() => router.push(profileHref(friend))}>
          View profile
        </DropdownItem>
        <DropdownItem
          icon={<MessageIcon size={16} />}
          onSelect={() => router.push(messageHref(friend.userId))}
        >
          Message
        </DropdownItem>
        <DropdownSeparator />
        <DropdownItem
          icon={<UserMinusIcon size={16} />}
          onSelect={() => onUnfriend(friend)}
          data-testid="friend-unfriend"
        >
          Unfriend
        </DropdownItem>
        <DropdownItem
          tone="danger"
          icon={<BanIcon size={16} />}
          onSelect={() => onBlock(friend)}
          data-testid="friend-block"
        >
          Block
        </DropdownItem>
      </DropdownContent>
    </Dropdown>
  );
}

function FriendCard({ friend, view, now, onUnfriend, onBlock }: CardProps) {
  const name = nameOf(friend);
  const status = shownStatus(friend.isOnline, friend.status);
  const online = friend.isOnline;
  const href = profileHref(friend);
  const presence = presenceText(friend, now);
  const unread = useDmUnread().byUser[friend.userId] ?? 0;

  const itemData = {
    'data-testid': 'friend-card',
    'data-username': friend.username,
    'data-online': online ? 'true' : 'false',
  };
  const avatar = (size: number) => (
    <PresenceAvatar
      name={name}
      src={friend.profilePicture}
      size={size}
      status={status}
      dotTestId="friend-online-dot"
    />
  );

  const actions = (
    <div className="flex items-center gap-1">
      <Tooltip content={`Message ${name}`}>
        <Link
          href={messageHref(friend.userId)}
          prefetch={false}
          className={buttonClasses({ variant: 'secondary', size: 'icon-sm' })}
          aria-label={unread > 0 ? `Message ${name}, ${unread} unread` : `Message ${name}`}
          data-testid="friend-message"
        >
          <MessageIcon size={16} />
          {unread > 0 ? (
            <span
              aria-hidden
              className="tabular absolute -top-1.5 -right-1.5 inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-brand-500 px-1 text-[11px] leading-none font-semibold text-white ring-2 ring-ink-950"
              data-testid="friend-unread"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </Link>
      </Tooltip>
      <Tooltip content="View profile">
        <Link
          href={href}
          className={buttonClasses({ variant: 'ghost', size: 'icon-sm' })}
          aria-label={`View ${name}’s profile`}
        >
          <UserIcon size={16} />
        </Link>
      </Tooltip>
      <FriendMenu friend={friend} onUnfriend={onUnfriend} onBlock={onBlock} />
    </div>
  );

  if (view === 'list') {
    return (
      <li
        className="flex items-center gap-3 px-3 py-3 transition-colors hover:bg-white/[0.02] sm:px-4"
        {...itemData}
      >
        <Link href={href} className="flex min-w-0 flex-1 items-center gap-3 rounded-xl">
          {avatar(44)}
          <span className="min-w-0">
            <span className="block truncate text-[15px] font-semibold text-ink-50">{name}</span>
            <span className="block truncate text-[13px] text-ink-400">
              @{friend.username}
              <span className="mx-1.5 text-ink-600" aria-hidden>
                ·
              </span>
              <span className={online ? STATUS_META[status].text : undefined}>{presence}</span>
            </span>
          </span>
        </Link>
        {actions}
      </li>
    );
  }

  return (
    <li
      className="card group relative flex flex-col items-center rounded-3xl px-4 pt-6 pb-4 text-center transition-[border-color,transform] duration-300 ease-out-expo hover:-translate-y-0.5 hover:border-white/[0.12]"
      {...itemData}
    >
      <Link href={href} className="flex min-w-0 flex-col items-center rounded-2xl">
        {avatar(72)}
        <span className="mt-3 block max-w-full truncate text-[15px] font-semibold text-ink-50">{name}</span>
        <span className="block max-w-full truncate text-[13px] text-ink-400">@{friend.username}</span>
      </Link>
      <p
        className={cn(
          'mt-2 line-clamp-1 max-w-full text-xs',
          online ? STATUS_META[status].text : 'text-ink-500',
        )}
      >
        {presence}
      </p>
      <div className="mt-4 flex w-full justify-center border-t border-white/[0.06] pt-3">{actions}</div>
    </li>
  );
}

function ListSkeleton({ view }: { view: View }) {
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

export function FriendsList() {
  const api = useSocialApi();
  const { toast } = useToast();
  const now = useNow();
  const [friends, setFriends] = useState<TFriend[] | null>(null);
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<FriendSort>('recent_activity');
  const [view, setView] = useState<View>('grid');
  // The target outlives the dialog's closing animation, so its title doesn't blank out mid-fade.
  const [dialog, setDialog] = useState<'unfriend' | 'block' | null>(null);
  const [target, setTarget] = useState<TFriend | null>(null);
  const ask = (kind: 'unfriend' | 'block', friend: TFriend) => {
    setTarget(friend);
    setDialog(kind);
  };

  useEffect(() => {
    try {
      const saved = localStorage.getItem(VIEW_KEY);
      if (saved === 'grid' || saved === 'list') setView(saved);
    } catch {
      // Storage may be unavailable; the default view is fine.
    }
  }, []);
  const changeView = (next: View) => {
    setView(next);
    try {
      localStorage.setItem(VIEW_KEY, next);
    } catch {
      // Not remembered; still switched.
    }
  };

  // Presence events that arrive while a list request is in flight are newer than its answer; they are
  // kept here and laid over the answer, so a slow response can never turn an online friend offline.
  const presenceSeq = useRef(0);
  const livePresence = useRef(new Map<string, { seq: number; change: (friend: TFriend) => TFriend }>());

  const fetchFriends = useCallback(async () => {
    const startedAt = presenceSeq.current;
    const { friends: list } = await api.listFriends();
    setFriends(
      list.map((friend) => {
        const live = livePresence.current.get(friend.userId);
        return live && live.seq > startedAt ? live.change(friend) : friend;
      }),
    );
  }, [api]);
  const { error, load } = useLoad(fetchFriends);

  const patch = (userId: string, change: (friend: TFriend) => TFriend) =>
    setFriends(
      (current) => current?.map((friend) => (friend.userId === userId ? change(friend) : friend)) ?? null,
    );
  const drop = (userId: string) =>
    setFriends((current) => current?.filter((friend) => friend.userId !== userId) ?? null);

  const patchPresence = (userId: string, change: (friend: TFriend) => TFriend) => {
    presenceSeq.current += 1;
    livePresence.current.set(userId, { seq: presenceSeq.current, change });
    patch(userId, change);
  };

  // Live presence and list changes.
  useServerEvent('friend_online', (event) =>
    patchPresence(event.friendId, (friend) => ({
      ...friend,
      isOnline: true,
      status: event.status,
      customStatus: event.customStatus,
      lastActive: event.lastActive ?? event.timestamp,
    })),
  );
  useServerEvent('friend_offline', (event) =>
    patchPresence(event.friendId, (friend) => ({
      ...friend,
      isOnline: false,
      status: 'offline',
      lastActive: event.lastActive ?? event.timestamp,
    })),
  );
  useServerEvent('friend_profile_updated', (event) =>
    patch(event.friendId, (friend) => ({ ...friend, ...event.profile, userId: friend.userId })),
  );
  useServerEvent('friend_request_accepted', () => void load());
  useServerEvent('unfriended', (event) => drop(event.by.userId));
  useServerEvent('blocked_by_user', (event) => drop(event.by.userId));
  // The socket reconnected (e.g. after sleep): presence may have moved on without us.
  useServerEvent('authenticated', () => void load());
  useSocialChange((change) => {
    if (change.type === 'request_accepted' || (change.type === 'request_sent' && change.autoAccepted))
      void load();
    else if (change.type === 'unfriended' || change.type === 'blocked') drop(change.userId);
  });

  const shown = useMemo(
    () =>
      friends
        ? sortFriends(
            friends.filter((friend) => matches(friend, query.trim())),
            sort,
          )
        : null,
    [friends, query, sort],
  );
  const onlineCount = friends?.filter((friend) => friend.isOnline).length ?? 0;

  const unfriend = async (friend: TFriend) => {
    try {
      await api.unfriend(friend.userId);
      toast({ title: `Removed ${nameOf(friend)} from your friends` });
    } catch (caught) {
      toast({
        title: 'Couldn’t unfriend',
        description: socialErrorMessage(caught, friend.username),
        tone: 'error',
      });
      throw caught;
    }
  };
  const block = async (friend: TFriend) => {
    try {
      await api.block(friend.userId);
      toast({
        title: `Blocked @${friend.username}`,
        description: 'They can’t find you, message you or send requests.',
      });
    } catch (caught) {
      toast({
        title: 'Couldn’t block',
        description: socialErrorMessage(caught, friend.username),
        tone: 'error',
      });
      throw caught;
    }
  };

  const description =
    friends === null
      ? 'Everyone you’ve connected with.'
      : friends.length === 0
        ? 'Everyone you’ve connected with.'
        : `${formatCount(friends.length)} ${friends.length === 1 ? 'friend' : 'friends'} · ${formatCount(onlineCount)} online`;

  return (
    <FriendsShell
      title="Your friends"
      description={<span data-testid="friends-summary">{description}</span>}
      actions={
        <Link href="/friends/find" className={buttonClasses({ variant: 'secondary' })}>
          <UserPlusIcon size={16} /> Add friends
        </Link>
      }
    >
      {error && friends === null ? (
        <LoadFailedState title="Your friends didn’t load" message={error} onRetry={() => void load()} />
      ) : friends !== null && friends.length === 0 ? (
        <EmptyState
          icon={<UsersIcon size={22} />}
          title="No friends yet"
          actions={
            <Link href="/friends/find" className={buttonClasses()}>
              <UserPlusIcon size={16} /> Find people
            </Link>
          }
          data-testid="friends-empty"
        >
          No friends yet — find people by username or 7-digit ID.
        </EmptyState>
      ) : (
        <>
          <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
            <Input
              label="Filter friends"
              hideLabel
              type="search"
              placeholder="Filter by name, @username or ID"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
              prefix={<SearchIcon size={17} />}
              suffix={
                query ? (
                  <button
                    type="button"
                    onClick={() => setQuery('')}
                    className="pointer-events-auto inline-flex size-7 items-center justify-center rounded-lg text-ink-400 hover:bg-white/[0.07] hover:text-ink-100"
                    aria-label="Clear filter"
                  >
                    <CloseIcon size={14} />
                  </button>
                ) : null
              }
              containerClassName="flex-1"
              className="[&::-webkit-search-cancel-button]:hidden"
              data-testid="friends-filter"
            />
            <div className="flex items-end gap-2">
              <Select
                label="Sort friends"
                hideLabel
                options={SORT_OPTIONS}
                value={sort}
                onValueChange={setSort}
                containerClassName="flex-1 sm:w-48 sm:flex-none"
                data-testid="friends-sort"
              />
              <fieldset className="flex h-12 items-center gap-1 rounded-xl border border-white/[0.07] bg-ink-950/60 p-1">
                <legend className="sr-only">Layout</legend>
                {(
                  [
                    { value: 'grid', label: 'Grid view', icon: <GridIcon size={17} /> },
                    { value: 'list', label: 'List view', icon: <ListIcon size={17} /> },
                  ] as const
                ).map((option) => (
                  <Tooltip key={option.value} content={option.label}>
                    <button
                      type="button"
                      aria-pressed={view === option.value}
                      aria-label={option.label}
                      onClick={() => changeView(option.value)}
                      className={cn(
                        'inline-flex size-9 items-center justify-center rounded-lg transition-colors',
                        view === option.value
                          ? 'bg-white/[0.08] text-ink-50 shadow-[inset_0_1px_0_rgb(255_255_255/0.08)]'
                          : 'text-ink-400 hover:text-ink-200',
                      )}
                      data-testid={`friends-view-${option.value}`}
                    >
                      {option.icon}
                    </button>
                  </Tooltip>
                ))}
              </fieldset>
            </div>
          </div>

          <div className="mt-6">
            {shown === null ? (
              <ListSkeleton view={view} />
            ) : shown.length === 0 ? (
              <EmptyState icon={<SearchIcon size={22} />} title="No matches">
                None of your friends match “{query.trim()}”.
              </EmptyState>
            ) : (
              <ul
                className={
                  view === 'grid'
                    ? 'grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4'
                    : 'card divide-y divide-white/[0.06] overflow-hidden rounded-3xl'
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
                    onUnfriend={(friend) => ask('unfriend', friend)}
                    onBlock={(friend) => ask('block', friend)}
                  />
                ))}
              </ul>
            )}
          </div>
        </>
      )}

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
    </FriendsShell>
  );
}
