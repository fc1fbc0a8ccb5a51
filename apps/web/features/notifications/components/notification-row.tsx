'use client';

import type { TNotification } from '@guftagu/contracts';
import { CheckIcon, TrashIcon, XIcon } from 'lucide-react';
import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useToast } from '@/components/ui/toast';
import { Tooltip } from '@/components/ui/tooltip';
import { RequestAnswerButtons } from '@/features/friends/components/request-answer-buttons';
import { socialErrorMessage } from '@/features/friends/social-api';
import { cn, formatDateTime, formatRelativeTime } from '@/lib/utils';
import { useNotificationRequest } from '../hooks/use-notification-request';
import { NotificationVisual, notificationHref } from './notification-meta';

/** One notification on /notifications: open it, mark it read, delete it, or answer its friend request. */
export function NotificationRow({
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
  const { outcome, actionable, respond } = useNotificationRequest(notification);
  const { toast } = useToast();
  const [busy, setBusy] = useState<'accept' | 'reject' | 'delete' | null>(null);
  const href = notificationHref(notification);

  const answer = async (kind: 'accept' | 'reject') => {
    setBusy(kind);
    try {
      await respond(kind);
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
        !notification.isRead && 'bg-accent/[0.045]',
      )}
      data-testid="notification-row"
      data-read={notification.isRead}
    >
      {notification.isRead ? null : (
        <span aria-hidden className="absolute top-0 bottom-0 left-0 w-0.5 bg-accent-bright" />
      )}
      <NotificationVisual notification={notification} size={44} />
      <div className="min-w-0 flex-1">
        <button
          type="button"
          onClick={() => onOpen(notification)}
          disabled={!href && notification.isRead}
          className="block w-full rounded-lg text-left disabled:cursor-default"
        >
          <span className="block text-[15px] leading-snug text-fg">
            {notification.isRead ? null : <span className="sr-only">Unread: </span>}
            <span className="font-semibold text-fg">{notification.title}</span>
          </span>
          {notification.content ? (
            <span className="mt-0.5 block text-sm leading-relaxed break-words text-fg-muted">
              {notification.content}
            </span>
          ) : null}
          <time
            dateTime={notification.createdAt}
            title={formatDateTime(notification.createdAt)}
            className="mt-1 block text-xs text-fg-faint"
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
              outcome === 'accepted' ? 'text-live-fg' : 'text-fg-subtle',
            )}
          >
            {outcome === 'accepted' ? <CheckIcon size={14} aria-hidden /> : <XIcon size={14} aria-hidden />}
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
              <CheckIcon size={16} aria-hidden />
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
            className="hover:text-danger-fg"
            data-testid="notification-delete"
          >
            <TrashIcon size={16} aria-hidden />
          </Button>
        </Tooltip>
      </div>
    </li>
  );
}
