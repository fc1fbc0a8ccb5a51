'use client';

import type { TNotification } from '@guftagu/contracts';
import { CheckCheckIcon, InboxIcon, TrashIcon } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { EmptyState, LoadFailedState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { useNow } from '@/lib/hooks/use-now';
import {
  useNotificationActions,
  useNotificationFeed,
  useUnreadNotifications,
} from '../hooks/use-notifications';
import { PAGE_SIZE } from '../queries';
import { notificationHref } from './notification-meta';
import { NotificationRow } from './notification-row';

/** Every notification, newest first, paged with the server's cursor. */
export function NotificationsPage() {
  const router = useRouter();
  const { toast } = useToast();
  const unreadCount = useUnreadNotifications();
  const { markRead, markAllRead, remove, clearAll, loadOlder } = useNotificationActions();
  const now = useNow();
  const { data, error, refetch } = useNotificationFeed(PAGE_SIZE, null);
  const items = data?.items ?? null;
  const cursor = data?.nextCursor ?? null;
  const [loadingMore, setLoadingMore] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const [markingAll, setMarkingAll] = useState(false);

  /** Runs an action, telling the person when it failed. */
  const attempt = async (title: string, action: () => Promise<void>, rethrow = false) => {
    try {
      await action();
    } catch (caught) {
      toast({ title, description: errorMessage(caught), tone: 'error' });
      if (rethrow) throw caught;
    }
  };

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    await attempt('Couldn’t load more', () => loadOlder(PAGE_SIZE, cursor));
    setLoadingMore(false);
  };

  const onRead = (notification: TNotification) =>
    void attempt('Couldn’t mark as read', () => markRead([notification.id]));

  const onOpen = (notification: TNotification) => {
    if (!notification.isRead) onRead(notification);
    const href = notificationHref(notification);
    if (href) router.push(href);
  };

  const onDelete = (notification: TNotification) => attempt('Couldn’t delete', () => remove(notification.id));

  const onMarkAll = async () => {
    setMarkingAll(true);
    await attempt('Couldn’t mark all as read', markAllRead);
    setMarkingAll(false);
  };

  const onClearAll = () =>
    attempt(
      'Couldn’t clear notifications',
      async () => {
        await clearAll();
        toast({ title: 'Notifications cleared' });
      },
      true,
    );

  const hasItems = (items?.length ?? 0) > 0;

  return (
    <div className="mx-auto w-full max-w-3xl animate-fade-up px-4 py-10 sm:px-6 sm:py-14">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-title font-semibold text-fg">Notifications</h1>
          <p className="mt-1.5 text-[15px] text-fg-muted" aria-live="polite">
            {unreadCount > 0 ? `${unreadCount} unread` : 'You’re all caught up.'}
          </p>
        </div>
        {hasItems ? (
          <div className="flex gap-2">
            <Button
              variant="secondary"
              size="sm"
              onClick={onMarkAll}
              loading={markingAll}
              disabled={unreadCount === 0}
            >
              <CheckCheckIcon size={15} aria-hidden /> Mark all read
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setConfirmClear(true)}
              className="hover:text-danger-fg"
              data-testid="notifications-clear-all"
            >
              <TrashIcon size={15} aria-hidden /> Clear all
            </Button>
          </div>
        ) : null}
      </div>

      <div className="mt-8">
        {error && items === null ? (
          <LoadFailedState
            title="Notifications didn’t load"
            message={errorMessage(error)}
            onRetry={() => void refetch()}
          />
        ) : items === null ? (
          <div
            className="card flex flex-col divide-y divide-line overflow-hidden rounded-3xl"
            aria-busy="true"
          >
            <span className="sr-only" role="status">
              Loading notifications
            </span>
            {[0, 1, 2, 3].map((row) => (
              <div key={row} className="flex gap-4 px-5 py-4">
                <Skeleton className="size-11 shrink-0 rounded-full" />
                <div className="flex flex-1 flex-col gap-2 pt-1">
                  <Skeleton className="h-4 w-2/3" />
                  <Skeleton className="h-3.5 w-1/2" />
                </div>
              </div>
            ))}
          </div>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<InboxIcon size={22} aria-hidden />}
            title="No notifications"
            data-testid="notifications-page-empty"
          >
            Friend requests, new friends and messages will show up here.
          </EmptyState>
        ) : (
          <>
            <ul
              className="card divide-y divide-line overflow-hidden rounded-3xl"
              aria-label="Notifications"
              data-testid="notifications-list"
            >
              {items.map((notification) => (
                <NotificationRow
                  key={notification.id}
                  notification={notification}
                  now={now}
                  onOpen={onOpen}
                  onRead={onRead}
                  onDelete={onDelete}
                />
              ))}
            </ul>
            {cursor ? (
              <div className="mt-6 flex justify-center">
                <Button
                  variant="secondary"
                  onClick={loadMore}
                  loading={loadingMore}
                  data-testid="notifications-load-more"
                >
                  Load older notifications
                </Button>
              </div>
            ) : (
              <p className="mt-6 text-center text-[13px] text-fg-faint">That’s everything.</p>
            )}
          </>
        )}
      </div>

      <ConfirmDialog
        open={confirmClear}
        onOpenChange={setConfirmClear}
        title="Clear all notifications?"
        description="This deletes every notification, read or not. Pending friend requests stay in Friends → Requests."
        confirmLabel="Clear all"
        onConfirm={onClearAll}
        data-testid="clear-dialog"
      />
    </div>
  );
}
