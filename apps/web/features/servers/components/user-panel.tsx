'use client';

import { SettingsIcon } from 'lucide-react';
import Link from 'next/link';
import { Tooltip } from '@/components/ui/tooltip';
import { useAuth } from '@/features/auth/auth-context';
import { PresenceAvatar, STATUS_META } from '@/features/friends/components/presence';
import { useSocket } from '@/lib/socket/socket-context';
import { cn, nameOf } from '@/lib/utils';

/** Me at the foot of the channel list: picture, name, live status, and a way to my profile settings. */
export function UserPanel() {
  const { user } = useAuth();
  const { status: connection } = useSocket();
  if (!user) return null;
  const status =
    connection === 'connected' ? (user.status === 'invisible' ? 'invisible' : user.status) : 'offline';
  const meta = STATUS_META[status];
  return (
    <div className="flex h-16 shrink-0 items-center gap-2.5 border-t border-line bg-sunken/70 px-3">
      <PresenceAvatar name={nameOf(user)} src={user.profilePicture} size={34} status={status} />
      <div className="min-w-0 flex-1 leading-tight">
        <p className="truncate text-sm font-semibold text-fg">{nameOf(user)}</p>
        <p className={cn('truncate text-xs', meta.text)}>{user.customStatus || meta.label}</p>
      </div>
      <Tooltip content="Profile settings">
        <Link
          href="/profile/edit"
          aria-label="Profile settings"
          className="inline-flex size-8 items-center justify-center rounded-lg text-fg-muted transition-colors hover:bg-fill hover:text-fg"
        >
          <SettingsIcon aria-hidden size={17} />
        </Link>
      </Tooltip>
    </div>
  );
}
