import { cn } from '@/lib/utils';

interface SpinnerProps {
  size?: number;
  className?: string;
  /** Announced to screen readers; pass null when the surrounding element already says it is busy. */
  label?: string | null;
}

export function Spinner({ size = 18, className, label = 'Loading' }: SpinnerProps) {
  return (
    <span
      role={label ? 'status' : undefined}
      className={cn('inline-flex shrink-0 items-center justify-center', className)}
      style={{ width: size, height: size }}
    >
      <svg
        className="animate-spin-slow"
        width={size}
        height={size}
        viewBox="0 0 24 24"
        fill="none"
        aria-hidden
        focusable={false}
      >
        <circle cx="12" cy="12" r="9.5" stroke="currentColor" strokeOpacity="0.18" strokeWidth="2.5" />
        <path
          d="M21.5 12A9.5 9.5 0 0 0 12 2.5"
          stroke="currentColor"
          strokeWidth="2.5"
          strokeLinecap="round"
        />
      </svg>
      {label ? <span className="sr-only">{label}</span> : null}
    </span>
  );
}
