'use client';

import { useAnimatedNumber } from '@/lib/hooks/use-animated-number';
import { useUserCount } from '@/lib/socket/online-count';
import { cn, formatCount } from '@/lib/utils';

export function LiveDot({ live, size = 8, className }: { live: boolean; size?: number; className?: string }) {
  return (
    <span
      className={cn('relative inline-flex shrink-0', className)}
      style={{ width: size, height: size }}
      aria-hidden
    >
      {live ? <span className="absolute inset-0 animate-pulse-ring rounded-full bg-live" /> : null}
      <span
        className={cn(
          'relative inline-flex size-full rounded-full transition-colors duration-500',
          live ? 'bg-live shadow-live-dot' : 'bg-fg-faint',
        )}
      />
    </span>
  );
}

function useCountDisplay() {
  const { count, live, status } = useUserCount();
  const animated = useAnimatedNumber(count);
  const connecting = status === 'idle' || status === 'connecting';
  const state = count === null ? (connecting ? 'loading' : 'offline') : live ? 'live' : 'stale';
  return { count, animated, live, state };
}

/**
 * Header pill: "🟢 1,234 users online now", updated in real time. Its hover hint is plain CSS (styled
 * like the kit's tooltip): the pill is on every page, the landing included, and Radix's tooltip and
 * popper would cost visitors ≈ 22 KB gzip for one line of text. Screen readers get the state from the
 * sr-only text instead.
 */
export function OnlineCountPill({ className }: { className?: string }) {
  const { count, animated, live, state } = useCountDisplay();
  const tip =
    state === 'live'
      ? 'Live — updates the instant someone joins or leaves'
      : state === 'offline'
        ? 'Live count unavailable. Reconnecting…'
        : state === 'stale'
          ? 'Reconnecting… showing the last known count'
          : 'Connecting to the live count…';

  return (
    <div
      className={cn(
        'group/count relative inline-flex h-8 items-center gap-2 rounded-full border border-line bg-fill-subtle pr-3 pl-2.5 text-[13px] text-fg-muted shadow-inset-top',
        className,
      )}
    >
      <LiveDot live={live} />
      <span className="whitespace-nowrap">
        <span
          data-testid="online-count"
          data-state={state}
          data-value={count ?? undefined}
          className={cn(
            'tabular inline-block font-semibold text-fg',
            count === null && 'skeleton h-3.5 w-8 rounded align-[-2px] text-transparent',
          )}
        >
          {animated === null ? '—' : formatCount(animated)}
        </span>
        <span className="sm:hidden" aria-hidden>
          {' '}
          online
        </span>
        <span className="max-sm:sr-only"> {count === 1 ? 'user' : 'users'} online now</span>
        {state !== 'live' ? <span className="sr-only"> ({tip})</span> : null}
      </span>
      <span
        aria-hidden
        className={cn(
          'pointer-events-none invisible absolute top-full left-1/2 z-50 mt-2 w-max max-w-64 -translate-x-1/2 scale-95 rounded-lg border border-line bg-overlay/95 px-2.5 py-1.5 text-xs font-medium whitespace-normal text-fg opacity-0 shadow-xl backdrop-blur-md transition-[opacity,scale,visibility] duration-150',
          'group-hover/count:visible group-hover/count:scale-100 group-hover/count:opacity-100 group-hover/count:delay-250',
          'max-sm:right-0 max-sm:left-auto max-sm:translate-x-0',
        )}
      >
        {tip}
      </span>
    </div>
  );
}

/** The large hero version of the live count. */
export function OnlineCountHero({ className }: { className?: string }) {
  const { count, animated, live, state } = useCountDisplay();
  return (
    <div
      className={cn(
        'inline-flex items-center gap-3 rounded-full border border-live/15 bg-live-strong/[0.06] py-2 pr-5 pl-4 shadow-[0_0_40px_-12px_color-mix(in_srgb,var(--color-live)_35%,transparent),var(--shadow-inset-top)]',
        className,
      )}
    >
      <LiveDot live={live} size={10} />
      <p className="text-[15px] text-fg-soft">
        {count === null ? (
          <span className="inline-flex items-center gap-2">
            <span className="skeleton inline-block h-4 w-12 rounded align-[-3px]" aria-hidden />
            <span>{state === 'offline' ? 'Live count reconnecting…' : 'users online now'}</span>
          </span>
        ) : (
          <>
            <span
              className="tabular font-display text-lg font-semibold tracking-tight text-fg"
              data-testid="hero-online-count"
            >
              {formatCount(animated ?? count)}
            </span>{' '}
            {count === 1 ? 'user' : 'users'} online now
          </>
        )}
      </p>
    </div>
  );
}
