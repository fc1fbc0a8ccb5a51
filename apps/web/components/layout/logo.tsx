import Link from 'next/link';
import type { SVGProps } from 'react';
import { cn } from '@/lib/utils';

export function Logo({ className, compact = false }: { className?: string; compact?: boolean }) {
  return (
    <Link
      href="/"
      className={cn('group inline-flex items-center gap-2.5 rounded-xl', className)}
      aria-label="Guftagu home"
    >
      <LogoMark
        size={30}
        className="transition-transform duration-500 ease-spring group-hover:-rotate-6 group-hover:scale-105"
      />
      <span
        className={cn(
          'font-display text-[19px] font-semibold tracking-[-0.03em] text-fg',
          compact && 'max-sm:sr-only',
        )}
      >
        Guftagu
      </span>
    </Link>
  );
}

/** The Guftagu mark: two overlapping speech bubbles forming a conversation. */
export function LogoMark({ size = 28, ...props }: SVGProps<SVGSVGElement> & { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" focusable={false} {...props} aria-hidden="true">
      <defs>
        <linearGradient id="gg-mark-a" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#bcb0ff" />
          <stop offset="0.55" stopColor="#826eff" />
          <stop offset="1" stopColor="#5741d8" />
        </linearGradient>
        <linearGradient id="gg-mark-b" x1="0" y1="0" x2="1" y2="1">
          <stop offset="0" stopColor="#ffb3d3" />
          <stop offset="1" stopColor="#ff63a5" />
        </linearGradient>
      </defs>
      <rect x="1" y="1" width="30" height="30" rx="9" fill="#13131d" />
      <rect x="1.5" y="1.5" width="29" height="29" rx="8.5" fill="none" stroke="rgb(255 255 255 / 0.1)" />
      <path
        d="M7 11.5a5 5 0 0 1 5-5h4a5 5 0 0 1 5 5v1a5 5 0 0 1-5 5h-3.2L9 20.2v-3.3a5 5 0 0 1-2-4v-1.4Z"
        fill="url(#gg-mark-a)"
      />
      <path
        d="M25 16.5a4.5 4.5 0 0 0-4.5-4.5h-.2a6.5 6.5 0 0 1-6.3 7.5h-.8a4.5 4.5 0 0 0 4.3 3.1h2.3l2.9 2.2v-2.7a4.5 4.5 0 0 0 2.3-3.9v-1.7Z"
        fill="url(#gg-mark-b)"
        opacity="0.95"
      />
    </svg>
  );
}
