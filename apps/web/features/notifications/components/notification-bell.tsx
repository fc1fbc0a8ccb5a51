'use client';

import type { TNotification } from '@guftagu/contracts';
import * as Menu from '@radix-ui/react-dropdown-menu';
import { BellIcon, CheckCheckIcon, InboxIcon, RefreshCwIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { Skeleton } from '@/components/ui/skeleton';
import { Spinner } from '@/components/ui/spinner';
import { useToast } from '@/components/ui/toast';
import { useFriendRequests } from '@/features/friends/hooks/use-friends';
import { errorMessage } from '@/lib/api';
import { useNow } from '@/lib/hooks/use-now';
import { cn } from '@/lib/utils';
import {
  useNotificationActions,
  useNotificationFeed,
  useUnreadNotifications,
} from '../hooks/use-notifications';
import { DROPDOWN_LIMIT } from '../queries';
import { DropdownNotification, itemBase } from './bell-item';
import { notificationHref } from './notification-meta';

/** How many notifications the dropdown shows; the rest are on /notifications. */
const SHOWN = 8;

export function NotificationBell() {
  const router = useRouter();
  const { toast } = useToast();
  const unreadCount = useUnreadNotifications();
  const { markRead, markAllRead } = useNotificationActions();
  const [open, setOpen] = useState(false);
  // The list is read when the dropdown first opens, and again at every later opening.
  const [opened, setOpened] = useState(false);
  const feed = useNotificationFeed(DROPDOWN_LIMIT, DROPDOWN_LIMIT, opened);
  // Known from the start, so a request's notification can offer Accept/Decline.
  const requests = useFriendRequests();
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
    if (!next) return;
    if (opened) void feed.refetch();
    else setOpened(true);
    void requests.refetch();
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

  const shown = feed.data?.items.slice(0, SHOWN) ?? null;
  const label = unreadCount > 0 ? `Notifications, ${unreadCount} unread` : 'Notifications';

  return (
    <Menu.Root open={open} onOpenChange={onOpenChange}>
      <Menu.Trigger
        className="relative inline-flex size-10 items-center justify-center rounded-xl text-fg-soft transition-colors hover:bg-fill hover:text-fg data-[state=open]:bg-fill-strong data-[state=open]:text-fg"
        aria-label={label}
        data-testid="notification-bell"
      >
        <BellIcon
          size={21}
          aria-hidden
          key={ring}
          className={cn(ring > 0 && 'origin-top animate-bell-ring')}
        />
        {unreadCount > 0 ? (
          <span
            aria-hidden
            className="tabular absolute top-1 right-1 inline-flex h-[18px] min-w-[18px] animate-scale-in items-center justify-center rounded-full bg-highlight px-1 text-[11px] leading-none font-semibold text-on-accent ring-2 ring-canvas"
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
            'z-50 flex w-[min(24rem,calc(100vw-1.5rem))] origin-[var(--radix-dropdown-menu-content-transform-origin)] flex-col overflow-hidden rounded-2xl border border-line bg-raised/95 shadow-float backdrop-blur-xl',
            'data-[state=open]:animate-scale-in data-[state=closed]:animate-scale-out',
          )}
          aria-label="Notifications"
          data-testid="notification-dropdown"
        >
          <div className="flex items-center justify-between gap-3 border-b border-line py-2.5 pr-2 pl-4">
            <p className="font-display text-[15px] font-semibold text-fg">
              Notifications
              {unreadCount > 0 ? (
                <span className="ml-2 text-xs font-medium text-fg-subtle">{unreadCount} new</span>
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
                'inline-flex h-8 items-center gap-1.5 rounded-lg px-2.5 text-[13px] font-medium text-accent-fg data-[highlighted]:bg-fill data-[highlighted]:text-accent-soft',
              )}
              data-testid="notification-mark-all"
            >
              {markingAll ? <Spinner size={14} label={null} /> : <CheckCheckIcon size={15} aria-hidden />}{' '}
              Mark all read
            </Menu.Item>
          </div>

          <div className="max-h-[min(28rem,65dvh)] overflow-y-auto overscroll-contain py-1.5">
            {shown === null ? (
              feed.isError ? (
                <div className="flex flex-col items-center gap-3 px-6 py-8 text-center">
                  <p className="text-sm text-fg-muted">Notifications didn’t load.</p>
                  <Menu.Item
                    onSelect={(event) => {
                      event.preventDefault();
                      void feed.refetch();
                    }}
                    className={cn(
                      buttonClasses({ variant: 'secondary', size: 'sm' }),
                      itemBase,
                      'data-[highlighted]:bg-fill-strong',
                    )}
                  >
                    <RefreshCwIcon size={14} aria-hidden /> Try again
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
                <span className="inline-flex size-11 items-center justify-center rounded-2xl border border-line bg-fill-subtle text-fg-muted">
                  <InboxIcon size={20} aria-hidden />
                </span>
                <p className="mt-3 text-sm font-semibold text-fg">You’re all caught up</p>
                <p className="mt-1 text-[13px] text-fg-subtle">
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

          <div className="border-t border-line p-1.5">
            <Menu.Item
              onSelect={() => router.push('/notifications')}
              className={cn(
                itemBase,
                'flex h-9 items-center justify-center rounded-lg text-[13px] font-medium text-fg-soft data-[highlighted]:bg-fill data-[highlighted]:text-fg',
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
