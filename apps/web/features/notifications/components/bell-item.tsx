'use client';

import type { TNotification } from '@guftagu/contracts';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { CheckIcon, XIcon } from 'lucide-react';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { socialErrorMessage } from '@/features/friends/social-api';
import { cn, formatRelativeTime } from '@/lib/utils';
import { useNotificationRequest } from '../hooks/use-notification-request';
import { useNotificationActions } from '../hooks/use-notifications';
import { NotificationVisual } from './notification-meta';

export const itemBase =
  'cursor-pointer select-none outline-none transition-colors data-[disabled]:pointer-events-none data-[disabled]:opacity-50';

/** Accept/Decline inside the dropdown, as menu items so the keyboard reaches them. */
function RequestButtons({ notification }: { notification: TNotification }) {
  const { respond } = useNotificationRequest(notification);
  const { markRead } = useNotificationActions();
  const { toast } = useToast();
  const [busy, setBusy] = useState<'accept' | 'reject' | null>(null);
  const answer = async (kind: 'accept' | 'reject') => {
    setBusy(kind);
    try {
      await respond(kind);
      if (!notification.isRead) void markRead([notification.id]).catch(() => {});
      if (kind === 'accept') {
        toast({
          title: 'Friend request accepted',
          description: notification.relatedUsername
            ? `You and @${notification.relatedUsername} are now friends.`
            : undefined,
          tone: 'success',
        });
      }
    } catch (error) {
      toast({ title: 'That didn’t work', description: socialErrorMessage(error), tone: 'error' });
    } finally {
      setBusy(null);
    }
  };

  const who = notification.relatedUsername ? ` from @${notification.relatedUsername}` : '';
  return (
    <div className="flex gap-2 pb-2.5 pl-[3.75rem]">
      <Menu.Item
        disabled={busy !== null}
        onSelect={(event) => {
          event.preventDefault();
          void answer('accept');
        }}
        className={cn(
          buttonClasses({ size: 'sm' }),
          itemBase,
          'data-[highlighted]:brightness-110 data-[highlighted]:outline-2 data-[highlighted]:outline-offset-2 data-[highlighted]:outline-focus',
        )}
        aria-label={`Accept friend request${who}`}
        data-testid="notification-accept"
      >
        {busy === 'accept' ? <Spinner size={14} label={null} /> : <CheckIcon size={14} aria-hidden />} Accept
      </Menu.Item>
      <Menu.Item
        disabled={busy !== null}
        onSelect={(event) => {
          event.preventDefault();
          void answer('reject');
        }}
        className={cn(
          buttonClasses({ variant: 'secondary', size: 'sm' }),
          itemBase,
          'data-[highlighted]:bg-fill-strong data-[highlighted]:outline-2 data-[highlighted]:outline-offset-2 data-[highlighted]:outline-focus',
        )}
        aria-label={`Decline friend request${who}`}
        data-testid="notification-reject"
      >
        {busy === 'reject' ? <Spinner size={14} label={null} /> : <XIcon size={14} aria-hidden />} Decline
      </Menu.Item>
    </div>
  );
}

/** One notification in the bell's dropdown; a pending friend request can be answered in place. */
export function DropdownNotification({
  notification,
  now,
  onOpen,
}: {
  notification: TNotification;
  now: number;
  onOpen: (n: TNotification) => void;
}) {
  const { outcome, actionable } = useNotificationRequest(notification);

  return (
    <li
      className="px-1.5"
      data-testid="notification-item"
      data-type={notification.type}
      data-read={notification.isRead}
    >
      <Menu.Item
        onSelect={() => onOpen(notification)}
        className={cn(itemBase, 'relative flex gap-3 rounded-xl px-2.5 py-2.5 data-[highlighted]:bg-fill')}
      >
        <NotificationVisual notification={notification} size={38} />
        <div className="min-w-0 flex-1">
          <p className="text-sm leading-snug text-fg">
            {notification.isRead ? null : <span className="sr-only">Unread: </span>}
            <span className="font-semibold text-fg">{notification.title}</span>
          </p>
          {notification.content ? (
            <p className="mt-0.5 line-clamp-2 text-[13px] leading-snug text-fg-muted">
              {notification.content}
            </p>
          ) : null}
          <p className="mt-1 text-xs text-fg-faint">{formatRelativeTime(notification.createdAt, now)}</p>
          {outcome ? (
            <p
              className={cn(
                'mt-1.5 inline-flex items-center gap-1.5 text-xs font-medium',
                outcome === 'accepted' ? 'text-live-fg' : 'text-fg-subtle',
              )}
            >
              {outcome === 'accepted' ? <CheckIcon size={13} aria-hidden /> : <XIcon size={13} aria-hidden />}
              {outcome === 'accepted' ? 'You’re now friends' : 'Request declined'}
            </p>
          ) : null}
        </div>
        {notification.isRead ? null : (
          <span
            aria-hidden
            className="mt-1.5 size-2 shrink-0 rounded-full bg-accent-bright shadow-accent-dot"
          />
        )}
      </Menu.Item>
      {actionable ? <RequestButtons notification={notification} /> : null}
    </li>
  );
}
