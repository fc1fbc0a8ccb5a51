'use client';

import type { TDmOtherUser } from '@guftagu/contracts';
import {
  ArchiveIcon,
  ArrowLeftIcon,
  BanIcon,
  BellIcon,
  EllipsisIcon,
  UserIcon,
  Volume2Icon,
  VolumeXIcon,
} from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import {
  Dropdown,
  DropdownContent,
  DropdownItem,
  DropdownSeparator,
  DropdownTrigger,
} from '@/components/ui/dropdown';
import { useToast } from '@/components/ui/toast';
import { CallButtons } from '@/features/calls/components/call-buttons';
import { PresenceAvatar, STATUS_META, shownStatus } from '@/features/friends/components/presence';
import {
  type DesktopPermission,
  desktopPermission,
  requestDesktopPermission,
} from '@/features/messages/alerts';
import { useMessages } from '@/features/messages/messages-context';
import { cn, formatRelativeTime, nameOf, profileHref } from '@/lib/utils';

function presenceLine(user: TDmOtherUser, now: number): { text: string; className: string } {
  if (user.isOnline) {
    const status = shownStatus(true, user.status);
    return { text: STATUS_META[status].label, className: STATUS_META[status].text };
  }
  const last = formatRelativeTime(user.lastActive, now);
  return { text: last ? `Active ${last}` : 'Offline', className: 'text-fg-subtle' };
}

/** The chat's top bar: back (mobile), picture, name, live presence or typing, and the chat menu. */
export function ChatHeader({
  user,
  typing,
  archived,
  now,
  onArchive,
  onBlock,
}: {
  user: TDmOtherUser;
  typing: boolean;
  archived: boolean;
  now: number;
  onArchive: (archived: boolean) => void;
  onBlock: () => void;
}) {
  const { soundOn, setSoundOn } = useMessages();
  const router = useRouter();
  const { toast } = useToast();
  const [permission, setPermission] = useState<DesktopPermission>('unsupported');
  useEffect(() => setPermission(desktopPermission()), []);
  const name = nameOf(user);
  const presence = presenceLine(user, now);

  return (
    <header className="flex h-16 shrink-0 items-center gap-2 border-b border-line bg-canvas/60 px-2 backdrop-blur-xl sm:px-4">
      <Link
        href="/messages"
        className={cn(buttonClasses({ variant: 'ghost', size: 'icon' }), 'lg:hidden')}
        aria-label="Back to conversations"
        data-testid="chat-back"
      >
        <ArrowLeftIcon aria-hidden size={20} />
      </Link>
      <Link href={profileHref(user)} className="flex min-w-0 flex-1 items-center gap-3 rounded-xl py-1 pr-2">
        <PresenceAvatar
          name={name}
          src={user.profilePicture}
          size={40}
          status={user.isOnline ? shownStatus(true, user.status) : 'offline'}
          dotTestId="chat-online-dot"
        />
        <span className="min-w-0">
          <span
            className="block truncate font-display text-[15px] font-semibold text-fg"
            data-testid="chat-name"
          >
            {name}
          </span>
          <span
            className={cn('block truncate text-xs', typing ? 'text-accent-fg' : presence.className)}
            data-testid="chat-presence"
          >
            {typing ? 'typing…' : presence.text}
          </span>
        </span>
      </Link>
      <CallButtons user={user} />
      <button
        type="button"
        onClick={() => setSoundOn(!soundOn)}
        className={buttonClasses({ variant: 'ghost', size: 'icon' })}
        aria-pressed={soundOn}
        aria-label={soundOn ? 'Message sound on' : 'Message sound off'}
        title={soundOn ? 'Sound on' : 'Sound off'}
        data-testid="sound-toggle"
      >
        {soundOn ? <Volume2Icon aria-hidden size={19} /> : <VolumeXIcon aria-hidden size={19} />}
      </button>
      <Dropdown>
        <DropdownTrigger
          className={buttonClasses({ variant: 'ghost', size: 'icon' })}
          aria-label="Chat options"
        >
          <EllipsisIcon aria-hidden size={19} />
        </DropdownTrigger>
        <DropdownContent className="min-w-56">
          <DropdownItem
            icon={<UserIcon aria-hidden size={16} />}
            onSelect={() => router.push(profileHref(user))}
          >
            View profile
          </DropdownItem>
          {permission === 'default' ? (
            <DropdownItem
              icon={<BellIcon aria-hidden size={16} />}
              onSelect={async () => {
                const result = await requestDesktopPermission();
                setPermission(result);
                if (result === 'granted') toast({ title: 'Desktop notifications on', tone: 'success' });
              }}
            >
              Enable desktop notifications
            </DropdownItem>
          ) : null}
          <DropdownItem icon={<ArchiveIcon aria-hidden size={16} />} onSelect={() => onArchive(!archived)}>
            {archived ? 'Unarchive chat' : 'Archive chat'}
          </DropdownItem>
          <DropdownSeparator />
          <DropdownItem
            tone="danger"
            icon={<BanIcon aria-hidden size={16} />}
            onSelect={onBlock}
            data-testid="chat-block"
          >
            Block {name}
          </DropdownItem>
        </DropdownContent>
      </Dropdown>
    </header>
  );
}
