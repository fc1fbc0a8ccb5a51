import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/utils';

export type BadgeTone = 'neutral' | 'brand' | 'live' | 'flare' | 'warning' | 'danger';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-fill text-fg-soft border-line',
  brand: 'bg-accent/12 text-accent-fg border-accent-bright/25',
  live: 'bg-live-strong/10 text-live-fg border-live/25',
  flare: 'bg-highlight/10 text-highlight-fg border-highlight/25',
  warning: 'bg-warning/10 text-warning-fg border-warning/25',
  danger: 'bg-danger/10 text-danger-fg border-danger-bright/25',
};

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  tone?: BadgeTone;
  size?: 'sm' | 'md';
}

export function Badge({ tone = 'neutral', size = 'md', className, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        'inline-flex items-center gap-1.5 whitespace-nowrap rounded-full border font-medium',
        size === 'sm' ? 'h-5 px-2 text-[11px]' : 'h-6 px-2.5 text-xs',
        TONES[tone],
        className,
      )}
      {...props}
    />
  );
}

/** A small numeric badge for counts (notifications, unread messages). */
export function CountBadge({
  count,
  className,
  label,
}: {
  count: number;
  className?: string;
  label: string;
}) {
  if (count <= 0) return null;
  return (
    <span
      className={cn(
        'inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-highlight px-1 text-[11px] font-semibold text-on-accent tabular',
        className,
      )}
    >
      <span aria-hidden>{count > 99 ? '99+' : count}</span>
      <span className="sr-only">{`${count} ${label}`}</span>
    </span>
  );
}
