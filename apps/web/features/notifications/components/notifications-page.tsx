'use client';

import type { TNotification } from '@guftagu/contracts';
import { useRouter } from 'next/navigation';
import { useCallback, useState } from 'react';
import { RequestAnswerButtons } from '@/features/friends/components/request-answer-buttons';
import { Button } from '@/components/ui/Button';
import { ConfirmDialog } from '@/components/ui/ConfirmDialog';
import { EmptyState, LoadFailedState } from '@/components/ui/EmptyState';
import { CheckCheckIcon, CheckIcon, CloseIcon, InboxIcon, TrashIcon } from '@/components/ui/Icons';
import { Skeleton } from '@/components/ui/Skeleton';
import { useToast } from '@/components/ui/Toast';
import { Tooltip } from '@/components/ui/Tooltip';
import { fromPushed, useNotifications } from '@/features/notifications/notifications-context';
import { errorMessage } from '@/lib/api';
import { useLoad } from '@/lib/hooks/use-load';
import { useNow } from '@/lib/hooks/use-now';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { socialErrorMessage, useSocialApi } from '@/features/friends/social-api';
import { cn, formatDateTime, formatRelativeTime } from '@/lib/utils';
import { NotificationVisual, notificationHref } from './notification-meta';

const PAGE_SIZE = 20;

function Row({
  notification,
  now,
  onOpen,
  onRead,
  onDelete,
}: {
  notification: TNotification;
  now: number;
  onOpen: (notification: TNotification) => void;
  onRead: (notification: TNotification) => void;
  onDelete: (notification: TNotification) => Promise<void>;
}) {
  const { pendingRequestIds, outcomes, respond } = useNotifications();
  const { toast } = useToast();
  const [busy, setBusy] = useState<'accept' | 'reject' | 'delete' | null>(null);
  const requestId = notification.type === 'friend_request' ? notification.relatedId : null;
  const outcome = requestId ? outcomes.get(requestId) : undefined;
  const actionable = requestId !== null && !outcome && pendingRequestIds.has(requestId);
  const href = notificationHref(notification);

  const answer = async (kind: 'accept' | 'reject') => {
    if (!requestId) return;
    setBusy(kind);
    try {
      await respond(requestId, kind);
      if (!notification.isRead) onRead(notification);
    } catch (error) {
      toast({ title: 'That didn’t work', description: socialErrorMessage(error), tone: 'error' });
    } finally {
      setBusy(null);
    }
  };

  return (
    <li
      className={cn(
        'group relative flex gap-3 px-4 py-4 transition-colors sm:gap-4 sm:px-5',
        !notification.isRead && 'bg-brand-500/[0.045]',
      )}
      data-testid="notification-row"
      data-read={notification.isRead}
    >
      {notification.isRead ? null : (
        <span aria-hidden className="absolute top-0 bottom-0 left-0 w-0.5 bg-brand-400" />
      )}
      <NotificationVisual notification={notification} size={44} />
      <div className="min-w-0 flex-1">
        <button
          type="button"
          onClick={() => onOpen(notification)}
          disabled={!href && notification.isRead}
          className="block w-full rounded-lg text-left disabled:cursor-default"
        >
          <span className="block text-[15px] leading-snug text-ink-100">
            {notification.isRead ? null : <span className="sr-only">Unread: </span>}
            <span className="font-semibold text-ink-50">{notification.title}</span>
          </span>
          {notification.content ? (
            <span className="mt-0.5 block text-sm leading-relaxed break-words text-ink-300">
              {notification.content}
            </span>
          ) : null}
          <time
            dateTime={notification.createdAt}
            title={formatDateTime(notification.createdAt)}
            className="mt-1 block text-xs text-ink-500"
          >
            {formatRelativeTime(notification.createdAt, now)}
          </time>
        </button>
        {actionable ? (
          <div className="mt-3 flex gap-2">
            <RequestAnswerButtons busy={busy} onAnswer={answer} />
          </div>
        ) : outcome ? (
          <p
            className={cn(
              'mt-2 inline-flex items-center gap-1.5 text-[13px] font-medium',
              outcome === 'accepted' ? 'text-live-300' : 'text-ink-400',
            )}
          >
            {outcome === 'accepted' ? <CheckIcon size={14} /> : <CloseIcon size={14} />}
            {outcome === 'accepted' ? 'You’re now friends' : 'Request declined'}
          </p>
        ) : null}
      </div>
      <div className="flex shrink-0 items-start gap-1 sm:opacity-60 sm:transition-opacity sm:group-focus-within:opacity-100 sm:group-hover:opacity-100">
        {notification.isRead ? null : (
          <Tooltip content="Mark as read">
            <Button
              variant="ghost"
              size="icon-sm"
              onClick={() => onRead(notification)}
              aria-label="Mark as read"
            >
              <CheckIcon size={16} />
            </Button>
          </Tooltip>
        )}
        <Tooltip content="Delete">
          <Button
            variant="ghost"
            size="icon-sm"
            loading={busy === 'delete'}
            onClick={async () => {
              setBusy('delete');
              try {
                await onDelete(notification);
              } finally {
                setBusy(null);
              }
            }}
            aria-label="Delete notification"
            className="hover:text-danger-300"
            data-testid="notification-delete"
          >
            <TrashIcon size={16} />
          </Button>
        </Tooltip>
      </div>
    </li>
  );
}

/** Every notification, newest first, paged with the server's cursor. */
export function NotificationsPage() {
  const api = useSocialApi();
  const router = useRouter();
  const { toast } = useToast();
  const { unreadCount, markRead, markAllRead, remove, clearAll } = useNotifications();
  const now = useNow();
  const [items, setItems] = useState<TNotification[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [confirmClear, setConfirmClear] = useState(false);
  const [markingAll, setMarkingAll] = useState(false);

  const fetchFirstPage = useCallback(async () => {
    const page = await api.listNotifications({ limit: PAGE_SIZE });
    setItems(page.notifications);
    setCursor(page.nextCursor);
  }, [api]);
  const { error, load: loadFirst } = useLoad(fetchFirstPage);

  useServerEvent('notification_new', (payload) => {
    const item = fromPushed(payload);
    setItems((current) =>
      current && !current.some((existing) => existing.id === item.id) ? [item, ...current] : current,
    );
  });

  useServerEvent('friend_request_cancelled', ({ requestId }) =>
    setItems((current) => current?.filter((item) => item.relatedId !== requestId) ?? null),
  );

  const loadMore = async () => {
    if (!cursor) return;
    setLoadingMore(true);
    try {
      const page = await api.listNotifications({ before: cursor, limit: PAGE_SIZE });
      setItems((current) => {
        const seen = new Set(current?.map((item) => item.id));
        return [...(current ?? []), ...page.notifications.filter((item) => !seen.has(item.id))];
      });
      setCursor(page.nextCursor);
    } catch (caught) {
      toast({ title: 'Couldn’t load more', description: errorMessage(caught), tone: 'error' });
    } finally {
      setLoadingMore(false);
    }
  };

  const setRead = (ids: Set<string> | 'all') =>
    setItems(
      (current) =>
        current?.map((item) => (ids === 'all' || ids.has(item.id) ? { ...item, isRead: true } : item)) ??
        null,
    );

  const onRead = (notification: TNotification) => {
    setRead(new Set([notification.id]));
    markRead([notification.id]).catch((caught) =>
      toast({ title: 'Couldn’t mark as read', description: errorMessage(caught), tone: 'error' }),
    );
  };

  const onOpen = (notification: TNotification) => {
    if (!notification.isRead) onRead(notification);
    const href = notificationHref(notification);
    if (href) router.push(href);
  };

  const onDelete = async (notification: TNotification) => {
    try {
      await remove(notification.id);
      setItems((current) => current?.filter((item) => item.id !== notification.id) ?? null);
    } catch (caught) {
      toast({ title: 'Couldn’t delete', description: errorMessage(caught), tone: 'error' });
    }
  };

  const onMarkAll = async () => {
    setMarkingAll(true);
    try {
      await markAllRead();
      setRead('all');
    } catch (caught) {
      toast({ title: 'Couldn’t mark all as read', description: errorMessage(caught), tone: 'error' });
    } finally {
      setMarkingAll(false);
    }
  };

  const onClearAll = async () => {
    try {
      await clearAll();
      setItems([]);
      setCursor(null);
      toast({ title: 'Notifications cleared' });
    } catch (caught) {
      toast({ title: 'Couldn’t clear notifications', description: errorMessage(caught), tone: 'error' });
      throw caught;
    }
  };

  const hasItems = (items?.length ?? 0) > 0;

  return (
    <div className="mx-auto w-full max-w-3xl animate-fade-up px-4 py-10 sm:px-6 sm:py-14">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-title font-semibold text-ink-50">Notifications</h1>
          <p className="mt-1.5 text-[15px] text-ink-300" aria-live="polite">
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
              <CheckCheckIcon size={15} /> Mark all read
            </Button>
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setConfirmClear(true)}
              className="hover:text-danger-300"
              data-testid="notifications-clear-all"
            >
              <TrashIcon size={15} /> Clear all
            </Button>
          </div>
        ) : null}
      </div>

      <div className="mt-8">
        {error && items === null ? (
          <LoadFailedState
            title="Notifications didn’t load"
            message={error}
            onRetry={() => void loadFirst()}
          />
        ) : items === null ? (
          <div
            className="card flex flex-col divide-y divide-white/[0.06] overflow-hidden rounded-3xl"
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
            icon={<InboxIcon size={22} />}
            title="No notifications"
            data-testid="notifications-page-empty"
          >
            Friend requests, new friends and messages will show up here.
          </EmptyState>
        ) : (
          <>
            <ul
              className="card divide-y divide-white/[0.06] overflow-hidden rounded-3xl"
              aria-label="Notifications"
              data-testid="notifications-list"
            >
              {items.map((notification) => (
                <Row
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
              <p className="mt-6 text-center text-[13px] text-ink-500">That’s everything.</p>
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
