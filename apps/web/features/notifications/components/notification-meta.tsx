import type { TNotification } from '@guftagu/contracts';
import {
  FlagIcon,
  MessageCircleIcon,
  SparklesIcon,
  TriangleAlertIcon,
  UserCheckIcon,
  UserPlusIcon,
} from 'lucide-react';
import type { ReactNode } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { cn, messageHref, profileHref, safeNextPath } from '@/lib/utils';

type Tone = 'brand' | 'live' | 'flare' | 'warning' | 'neutral';

const TYPE_META: Record<TNotification['type'], { icon: ReactNode; tone: Tone }> = {
  friend_request: { icon: <UserPlusIcon size={12} aria-hidden />, tone: 'brand' },
  friend_accepted: { icon: <UserCheckIcon size={12} aria-hidden />, tone: 'live' },
  new_message: { icon: <MessageCircleIcon size={12} aria-hidden />, tone: 'flare' },
  system: { icon: <SparklesIcon size={12} aria-hidden />, tone: 'neutral' },
  account_warning: { icon: <TriangleAlertIcon size={12} aria-hidden />, tone: 'warning' },
  premium_expired: { icon: <SparklesIcon size={12} aria-hidden />, tone: 'warning' },
  match_report_resolved: { icon: <FlagIcon size={12} aria-hidden />, tone: 'neutral' },
};

const TONE_CLASSES: Record<Tone, string> = {
  brand: 'bg-accent text-on-accent',
  live: 'bg-live-strong text-fg-inverse',
  flare: 'bg-highlight text-on-accent',
  warning: 'bg-warning text-fg-inverse',
  neutral: 'bg-elevated text-fg',
};

/** The person's avatar with a small badge for the kind of notification (or just the badge, larger). */
export function NotificationVisual({
  notification,
  size = 40,
}: {
  notification: TNotification;
  size?: number;
}) {
  const meta = TYPE_META[notification.type];
  if (!notification.relatedUsername) {
    return (
      <span
        className={cn(
          'inline-flex shrink-0 items-center justify-center self-start rounded-full ring-1 ring-line [&_svg]:size-[45%]',
          TONE_CLASSES[meta.tone],
        )}
        style={{ width: size, height: size }}
        aria-hidden
      >
        {meta.icon}
      </span>
    );
  }
  return (
    <span className="relative inline-flex shrink-0 self-start" aria-hidden>
      <Avatar name={notification.relatedUsername} src={notification.relatedProfilePicture} size={size} />
      <span
        className={cn(
          'absolute -right-1 -bottom-1 inline-flex size-[18px] items-center justify-center rounded-full ring-2 ring-raised',
          TONE_CLASSES[meta.tone],
        )}
      >
        {meta.icon}
      </span>
    </span>
  );
}

/** Where clicking a notification goes: the server's actionUrl when it is a local path, else a sensible page. */
export function notificationHref(notification: TNotification): string | null {
  if (notification.actionUrl) {
    const local = safeNextPath(notification.actionUrl, '');
    if (local) return local;
  }
  switch (notification.type) {
    case 'friend_request':
      return '/friends/requests';
    case 'friend_accepted':
      return notification.relatedUsername && notification.relatedUserId7Digit
        ? profileHref({
            username: notification.relatedUsername,
            userId7Digit: notification.relatedUserId7Digit,
          })
        : '/friends';
    case 'new_message':
      return notification.relatedUserId ? messageHref(notification.relatedUserId) : null;
    default:
      return null;
  }
}
