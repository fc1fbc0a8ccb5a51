'use client';

import type { TNotification } from '@guftagu/contracts';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { buttonClasses } from '@/components/ui/Button';
import {
  BellIcon,
  CheckCheckIcon,
  CheckIcon,
  CloseIcon,
  InboxIcon,
  RefreshIcon,
} from '@/components/ui/Icons';
import { Skeleton } from '@/components/ui/Skeleton';
import { Spinner } from '@/components/ui/Spinner';
import { useToast } from '@/components/ui/Toast';
import { useNotifications } from '@/features/notifications/notifications-context';
import { errorMessage } from '@/lib/api';
import { useNow } from '@/lib/hooks/use-now';
import { socialErrorMessage } from '@/features/friends/social-api';
import { cn, formatRelativeTime } from '@/lib/utils';
import { NotificationVisual, notificationHref } from './notification-meta';

/** How many notifications the dropdown shows; the rest are on /notifications. */
const SHOWN = 8;

const itemBase =
  'cursor-pointer select-none outline-none transition-colors data-[disabled]:pointer-events-none data-[disabled]:opacity-50';

function RequestButtons({ notification }: { notification: TNotification }) {
  const { respond, markRead } = useNotifications();
  const { toast } = useToast();
  const [busy, setBusy] = useState<'accept' | 'reject' | null>(null);
  const requestId = notification.relatedId;
  if (!requestId) return null;

  const answer = async (kind: 'accept' | 'reject') => {
    setBusy(kind);
    try {
      await respond(requestId, kind);
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
          'data-[highlighted]:brightness-110 data-[highlighted]:outline-2 data-[highlighted]:outline-offset-2 data-[highlighted]:outline-brand-400',
        )}
        aria-label={`Accept friend request${who}`}
        data-testid="notification-accept"
      >
        {busy === 'accept' ? <Spinner size={14} label={null} /> : <CheckIcon size={14} />} Accept
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
          'data-[highlighted]:bg-white/[0.1] data-[highlighted]:outline-2 data-[highlighted]:outline-offset-2 data-[highlighted]:outline-brand-400',
        )}
        aria-label={`Decline friend request${who}`}
        data-testid="notification-reject"
      >
        {busy === 'reject' ? <Spinner size={14} label={null} /> : <CloseIcon size={14} />} Decline
      </Menu.Item>
    </div>
  );
}

function DropdownNotification({
  notification,
  now,
  onOpen,
}: {
  notification: TNotification;
  now: number;
  onOpen: (n: TNotification) => void;
}) {
  const { pendingRequestIds, outcomes } = useNotifications();
  const requestId = notification.type === 'friend_request' ? notification.relatedId : null;
  const outcome = requestId ? outcomes.get(requestId) : undefined;
  const actionable = requestId !== null && !outcome && pendingRequestIds.has(requestId);

  return (
    <li
      className="px-1.5"
      data-testid="notification-item"
      data-type={notification.type}
      data-read={notification.isRead}
    >
      <Menu.Item
        onSelect={() => onOpen(notification)}
        className={cn(
          itemBase,
          'relative flex gap-3 rounded-xl px-2.5 py-2.5 data-[highlighted]:bg-white/[0.06]',
        )}
      >
        <NotificationVisual notification={notification} size={38} />
        <div className="min-w-0 flex-1">
          <p className="text-sm leading-snug text-ink-100">
            {notification.isRead ? null : <span className="sr-only">Unread: </span>}
            <span className="font-semibold text-ink-50">{notification.title}</span>
          </p>
          {notification.content ? (
            <p className="mt-0.5 line-clamp-2 text-[13px] leading-snug text-ink-300">
              {notification.content}
            </p>
          ) : null}
          <p className="mt-1 text-xs text-ink-500">{formatRelativeTime(notification.createdAt, now)}</p>
          {outcome ? (
            <p
              className={cn(
                'mt-1.5 inline-flex items-center gap-1.5 text-xs font-medium',
                outcome === 'accepted' ? 'text-live-300' : 'text-ink-400',
              )}
            >
              {outcome === 'accepted' ? <CheckIcon size={13} /> : <CloseIcon size={13} />}
              {outcome === 'accepted' ? 'You’re now friends' : 'Request declined'}
            </p>
          ) : null}
        </div>
        {notification.isRead ? null : (
          <span
            aria-hidden
            className="mt-1.5 size-2 shrink-0 rounded-full bg-brand-400 shadow-[0_0_10px_rgb(159_143_255/0.8)]"
          />
        )}
      </Menu.Item>
      {actionable ? <RequestButtons notification={notification} /> : null}
    </li>
  );
}

/** The header bell: unread badge, and a dropdown of the newest notifications with inline actions. */
export function NotificationBell() {
  const router = useRouter();
  const { toast } = useToast();
  const { unreadCount, recent, loadState, load, markRead, markAllRead } = useNotifications();
  const [open, setOpen] = useState(false);
  const [markingAll, setMarkingAll] = useState(false);
  const now = useNow();

  // Give the bell a little shake each time the unread count goes up.
  const [ring, setRing] = useState(0);
  const previous = useRef(unreadCount);
  useEffect(() => {
    if (unreadCount > previous.current) setRing((value) => value + 1);
    previous.current = unreadCount;
  }, [unreadCount]);

  const onOpenChange = (next: boolean) => {
    setOpen(next);
    if (next) void load();
  };

  const openNotification = (notification: TNotification) => {
    if (!notification.isRead) void markRead([notification.id]).catch(() => {});
    const href = notificationHref(notification);
    if (href) router.push(href);
  };

  const onMarkAll = async () => {
    setMarkingAll(true);
    try {
      await markAllRead();
    } catch (error) {
      toast({ title: 'Couldn’t mark notifications read', description: errorMessage(error), tone: 'error' });
    } finally {
      setMarkingAll(false);
    }
  };

  const shown = recent?.slice(0, SHOWN) ?? null;
  const label = unreadCount > 0 ? `Notifications, ${unreadCount} unread` : 'Notifications';

  return (
    <Menu.Root open={open} onOpenChange={onOpenChange}>
      <Menu.Trigger
        className="relative inline-flex size-10 items-center justify-center rounded-xl text-ink-200 transition-colors hover:bg-white/[0.06] hover:text-ink-50 data-[state=open]:bg-white/[0.08] data-[state=open]:text-ink-50"
        aria-label={label}
        data-testid="notification-bell"
      >
        <BellIcon size={21} key={ring} className={cn(ring > 0 && 'origin-top animate-bell-ring')} />
        {unreadCount > 0 ? (
          <span
            aria-hidden
            className="tabular absolute top-1 right-1 inline-flex h-[18px] min-w-[18px] animate-scale-in items-center justify-center rounded-full bg-flare-500 px-1 text-[11px] leading-none font-semibold text-white ring-2 ring-ink-950"
            data-testid="notification-badge"
          >
            {unreadCount > 99 ? '99+' : unreadCount}
          </span>
        ) : null}
      </Menu.Trigger>
      <span className="sr-only" aria-live="polite">
        {unreadCount > 0 ? `${unreadCount} unread notifications` : ''}
      </span>

      <Menu.Portal>
        <Menu.Content
          align="end"
          sideOffset={10}
          collisionPadding={12}
          className={cn(
            'z-50 flex w-[min(24rem,calc(100vw-1.5rem))] origin-[var(--radix-dropdown-menu-content-transform-origin)] flex-col overflow-hidden rounded-2xl border border-white/10 bg-ink-800/95 shadow-[0_24px_60px_-12px_rgb(0_0_0/0.8)] backdrop-blur-xl',
            'data-[state=open]:animate-scale-in data-[state=closed]:animate-scale-out',
          )}
          aria-label="Notifications"
          data-testid="notification-dropdown"
        >
          <div className="flex items-center justify-between gap-3 border-b border-white/[0.07] py-2.5 pr-2 pl-4">
            <p className="font-display text-[15px] font-semibold text-ink-50">
              Notifications
              {unreadCount > 0 ? (
                <span className="ml-2 text-xs font-medium text-ink-400">{unreadCount} new</span>
              ) : null}
            </p>
            <Menu.Item
              disabled={unreadCount === 0 || markingAll}
              onSelect={(event) => {
                event.preventDefault();
                void onMarkAll();
              }}
              className={cn(
                itemBase,
                'inline-flex h-8 items-center gap-1.5 rounded-lg px-2.5 text-[13px] font-medium text-brand-300 data-[highlighted]:bg-white/[0.07] data-[highlighted]:text-brand-200',
              )}
              data-testid="notification-mark-all"
            >
              {markingAll ? <Spinner size={14} label={null} /> : <CheckCheckIcon size={15} />} Mark all read
            </Menu.Item>
          </div>

          <div className="max-h-[min(28rem,65dvh)] overflow-y-auto overscroll-contain py-1.5">
            {shown === null ? (
              loadState === 'error' ? (
                <div className="flex flex-col items-center gap-3 px-6 py-8 text-center">
                  <p className="text-sm text-ink-300">Notifications didn’t load.</p>
                  <Menu.Item
                    onSelect={(event) => {
                      event.preventDefault();
                      void load();
                    }}
                    className={cn(
                      buttonClasses({ variant: 'secondary', size: 'sm' }),
                      itemBase,
                      'data-[highlighted]:bg-white/[0.1]',
                    )}
                  >
                    <RefreshIcon size={14} /> Try again
                  </Menu.Item>
                </div>
              ) : (
                <div className="flex flex-col gap-1 px-3 py-1" aria-busy="true">
                  <span className="sr-only" role="status">
                    Loading notifications
                  </span>
                  {[0, 1, 2].map((row) => (
                    <div key={row} className="flex gap-3 px-1 py-2">
                      <Skeleton className="size-[38px] shrink-0 rounded-full" />
                      <div className="flex flex-1 flex-col gap-2 pt-1">
                        <Skeleton className="h-3.5 w-3/4" />
                        <Skeleton className="h-3 w-1/2" />
                      </div>
                    </div>
                  ))}
                </div>
              )
            ) : shown.length === 0 ? (
              <div
                className="flex flex-col items-center px-6 py-10 text-center"
                data-testid="notifications-empty"
              >
                <span className="inline-flex size-11 items-center justify-center rounded-2xl border border-white/10 bg-white/[0.04] text-ink-300">
                  <InboxIcon size={20} />
                </span>
                <p className="mt-3 text-sm font-semibold text-ink-100">You’re all caught up</p>
                <p className="mt-1 text-[13px] text-ink-400">
                  Friend requests and replies will show up here.
                </p>
              </div>
            ) : (
              <ul className="flex flex-col">
                {shown.map((notification) => (
                  <DropdownNotification
                    key={notification.id}
                    notification={notification}
                    now={now}
                    onOpen={openNotification}
                  />
                ))}
              </ul>
            )}
          </div>

          <div className="border-t border-white/[0.07] p-1.5">
            <Menu.Item
              onSelect={() => router.push('/notifications')}
              className={cn(
                itemBase,
                'flex h-9 items-center justify-center rounded-lg text-[13px] font-medium text-ink-200 data-[highlighted]:bg-white/[0.07] data-[highlighted]:text-white',
              )}
              data-testid="notification-see-all"
            >
              See all notifications
            </Menu.Item>
          </div>
        </Menu.Content>
      </Menu.Portal>
    </Menu.Root>
  );
}
