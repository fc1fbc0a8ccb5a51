'use client';

import type { TFriend } from '@guftagu/contracts';
import { BanIcon, EllipsisIcon, MessageCircleIcon, UserIcon, UserMinusIcon } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { buttonClasses } from '@/components/ui/button';
import {
  Dropdown,
  DropdownContent,
  DropdownItem,
  DropdownSeparator,
  DropdownTrigger,
} from '@/components/ui/dropdown';
import { Tooltip } from '@/components/ui/tooltip';
import { CallButtons } from '@/features/calls/components/call-buttons';
import { useDmUnread } from '@/features/messages/hooks/use-dm-queries';
import { cn, messageHref, nameOf, profileHref } from '@/lib/utils';
import { presenceText } from '../friend-sort';
import { PresenceAvatar, STATUS_META, shownStatus } from './presence';

export type FriendsView = 'grid' | 'list';

interface FriendActions {
  onUnfriend: (friend: TFriend) => void;
  onBlock: (friend: TFriend) => void;
}

function FriendMenu({ friend, onUnfriend, onBlock }: FriendActions & { friend: TFriend }) {
  const router = useRouter();
  const name = nameOf(friend);
  return (
    <Dropdown>
      <DropdownTrigger
        className={buttonClasses({ variant: 'ghost', size: 'icon-sm' })}
        aria-label={`More actions for ${name}`}
        data-testid="friend-menu"
      >
        <EllipsisIcon size={18} aria-hidden />
      </DropdownTrigger>
      <DropdownContent className="min-w-48">
        <DropdownItem icon={<UserIcon size={16} />} onSelect={() => router.push(profileHref(friend))}>
          View profile
        </DropdownItem>
        <DropdownItem
          icon={<MessageCircleIcon size={16} />}
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

/** One friend, as a grid card or a list row, with Message (and its unread count), profile and a menu. */
export function FriendCard({
  friend,
  view,
  now,
  onUnfriend,
  onBlock,
}: FriendActions & { friend: TFriend; view: FriendsView; now: number }) {
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
          <MessageCircleIcon size={16} aria-hidden />
          {unread > 0 ? (
            <span
              aria-hidden
              className="tabular absolute -top-1.5 -right-1.5 inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-accent px-1 text-[11px] leading-none font-semibold text-on-accent ring-2 ring-canvas"
              data-testid="friend-unread"
            >
              {unread > 99 ? '99+' : unread}
            </span>
          ) : null}
        </Link>
      </Tooltip>
      <CallButtons user={friend} size="icon-sm" />
      <Tooltip content="View profile">
        <Link
          href={href}
          className={buttonClasses({ variant: 'ghost', size: 'icon-sm' })}
          aria-label={`View ${name}’s profile`}
        >
          <UserIcon size={16} aria-hidden />
        </Link>
      </Tooltip>
      <FriendMenu friend={friend} onUnfriend={onUnfriend} onBlock={onBlock} />
    </div>
  );

  if (view === 'list') {
    return (
      <li
        className="flex items-center gap-3 px-3 py-3 transition-colors hover:bg-fill-subtle sm:px-4"
        {...itemData}
      >
        <Link href={href} className="flex min-w-0 flex-1 items-center gap-3 rounded-xl">
          {avatar(44)}
          <span className="min-w-0">
            <span className="block truncate text-[15px] font-semibold text-fg">{name}</span>
            <span className="block truncate text-[13px] text-fg-subtle">
              @{friend.username}
              <span className="mx-1.5 text-fg-faint" aria-hidden>
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
      className="card group relative flex flex-col items-center rounded-3xl px-4 pt-6 pb-4 text-center transition-[border-color,transform] duration-300 ease-out-expo hover:-translate-y-0.5 hover:border-line-strong"
      {...itemData}
    >
      <Link href={href} className="flex min-w-0 flex-col items-center rounded-2xl">
        {avatar(72)}
        <span className="mt-3 block max-w-full truncate text-[15px] font-semibold text-fg">{name}</span>
        <span className="block max-w-full truncate text-[13px] text-fg-subtle">@{friend.username}</span>
      </Link>
      <p
        className={cn(
          'mt-2 line-clamp-1 max-w-full text-xs',
          online ? STATUS_META[status].text : 'text-fg-faint',
        )}
      >
        {presence}
      </p>
      <div className="mt-4 flex w-full justify-center border-t border-line pt-3">{actions}</div>
    </li>
  );
}
