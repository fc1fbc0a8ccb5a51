import type { HTMLAttributes } from 'react';
import { cn } from '@/lib/utils';

export type BadgeTone = 'neutral' | 'brand' | 'live' | 'flare' | 'warning' | 'danger';

const TONES: Record<BadgeTone, string> = {
  neutral: 'bg-white/[0.06] text-ink-200 border-white/10',
  brand: 'bg-brand-500/12 text-brand-300 border-brand-400/25',
  live: 'bg-live-500/10 text-live-300 border-live-400/25',
  flare: 'bg-flare-500/10 text-flare-300 border-flare-400/25',
  warning: 'bg-warning-400/10 text-warning-300 border-warning-400/25',
  danger: 'bg-danger-500/10 text-danger-300 border-danger-400/25',
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
        'inline-flex h-[18px] min-w-[18px] items-center justify-center rounded-full bg-flare-500 px-1 text-[11px] font-semibold text-white tabular',
        className,
      )}
    >
      <span aria-hidden>{count > 99 ? '99+' : count}</span>
      <span className="sr-only">{`${count} ${label}`}</span>
    </span>
  );
}
