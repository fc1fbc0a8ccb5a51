import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { cn } from '@/lib/utils';
import { Spinner } from './Spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'outline' | 'danger' | 'light';
export type ButtonSize = 'sm' | 'md' | 'lg' | 'icon' | 'icon-sm';

const VARIANTS: Record<ButtonVariant, string> = {
  primary:
    'text-white bg-[image:var(--gradient-button)] shadow-[var(--shadow-glow),inset_0_1px_0_rgb(255_255_255/0.25)] hover:brightness-110 active:brightness-95',
  light:
    'bg-ink-50 text-ink-950 shadow-[0_8px_30px_-8px_rgb(255_255_255/0.35),inset_0_-1px_0_rgb(0_0_0/0.12)] hover:bg-white active:bg-ink-100',
  secondary:
    'bg-white/[0.06] text-ink-50 border border-white/10 shadow-[inset_0_1px_0_rgb(255_255_255/0.06)] hover:bg-white/[0.1] hover:border-white/15',
  outline: 'border border-white/15 text-ink-100 hover:bg-white/[0.05] hover:border-white/25',
  ghost: 'text-ink-200 hover:text-ink-50 hover:bg-white/[0.06]',
  danger:
    'bg-danger-500/12 text-danger-300 border border-danger-400/25 hover:bg-danger-500/20 hover:text-danger-300',
};

const SIZES: Record<ButtonSize, string> = {
  sm: 'h-8 px-3 text-[13px] gap-1.5 rounded-lg',
  md: 'h-10 px-4 text-sm gap-2 rounded-xl',
  lg: 'h-12 px-6 text-[15px] gap-2.5 rounded-2xl',
  icon: 'size-10 rounded-xl',
  'icon-sm': 'size-8 rounded-lg',
};

/** Class names for anything that should look like a button (e.g. a Next <Link>). */
export function buttonClasses({
  variant = 'primary',
  size = 'md',
  className,
}: {
  variant?: ButtonVariant;
  size?: ButtonSize;
  className?: string;
} = {}): string {
  return cn(
    'relative inline-flex select-none items-center justify-center whitespace-nowrap font-medium tracking-[-0.01em]',
    'transition-[background-color,border-color,color,filter,transform,box-shadow] duration-200 ease-out-quart',
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-400',
    'active:scale-[0.98] disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50',
    VARIANTS[variant],
    SIZES[size],
    className,
  );
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant;
  size?: ButtonSize;
  loading?: boolean;
  /** Text for screen readers while loading (defaults to the visible label). */
  loadingLabel?: string;
}

export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  {
    variant = 'primary',
    size = 'md',
    loading = false,
    loadingLabel,
    className,
    children,
    disabled,
    type,
    ...props
  },
  ref,
) {
  return (
    <button
      ref={ref}
      type={type ?? 'button'}
      className={buttonClasses({ variant, size, className })}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...props}
    >
      {loading ? (
        <>
          <span className="absolute inset-0 flex items-center justify-center">
            <Spinner size={size === 'lg' ? 20 : 16} label={loadingLabel ?? null} />
          </span>
          <span className="invisible inline-flex items-center gap-[inherit]">{children}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
});
