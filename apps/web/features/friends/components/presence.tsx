import type { TPresenceStatus } from '@guftagu/contracts';
import { Avatar } from '@/components/ui/avatar';
import { cn } from '@/lib/utils';

export const STATUS_META: Record<TPresenceStatus, { label: string; dot: string; text: string }> = {
  online: {
    label: 'Online',
    dot: 'bg-live shadow-live-dot',
    text: 'text-live-fg',
  },
  away: { label: 'Away', dot: 'bg-warning', text: 'text-warning-fg' },
  busy: { label: 'Busy', dot: 'bg-danger-bright', text: 'text-danger-fg' },
  invisible: { label: 'Invisible', dot: 'bg-fg-subtle', text: 'text-fg-muted' },
  offline: { label: 'Offline', dot: 'bg-fg-faint', text: 'text-fg-subtle' },
};

/** The status someone is shown with: an online person's chosen status, otherwise offline. */
export function shownStatus(isOnline: boolean | null, status: TPresenceStatus | null): TPresenceStatus {
  if (!isOnline) return 'offline';
  return status && status !== 'offline' && status !== 'invisible' ? status : 'online';
}

export function StatusDot({
  status,
  size = 10,
  className,
  'data-testid': testId,
}: {
  status: TPresenceStatus;
  size?: number;
  className?: string;
  'data-testid'?: string;
}) {
  return (
    <span
      aria-hidden
      data-testid={testId}
      data-status={status}
      className={cn('inline-block shrink-0 rounded-full', STATUS_META[status].dot, className)}
      style={{ width: size, height: size }}
    />
  );
}

/**
 * An avatar with a live presence dot in the corner (only while the person is online), announced to
 * screen readers as part of the name.
 */
export function PresenceAvatar({
  name,
  src,
  size = 44,
  status,
  dotTestId,
  className,
}: {
  name: string;
  src: string | null;
  size?: number;
  /** Null hides presence entirely (e.g. the person hides their online status). */
  status: TPresenceStatus | null;
  dotTestId?: string;
  className?: string;
}) {
  const visible = status !== null && status !== 'offline' && status !== 'invisible';
  return (
    // w-fit/h-fit: never stretched by a flex parent, so the dot stays on the avatar's corner.
    <span className={cn('relative inline-flex h-fit w-fit shrink-0', className)}>
      <Avatar
        name={name}
        src={src}
        size={size}
        dot={
          visible
            ? { className: STATUS_META[status].dot, 'data-testid': dotTestId, 'data-status': status }
            : null
        }
      />
      {visible ? <span className="sr-only">({STATUS_META[status].label})</span> : null}
    </span>
  );
}
