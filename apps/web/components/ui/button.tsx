import { type ButtonHTMLAttributes, forwardRef } from 'react';
import { cn } from '@/lib/utils';
import { Spinner } from './spinner';

export type ButtonVariant = 'primary' | 'secondary' | 'ghost' | 'outline' | 'danger' | 'light';
export type ButtonSize = 'sm' | 'md' | 'lg' | 'icon' | 'icon-sm';

const VARIANTS: Record<ButtonVariant, string> = {
  primary:
    'text-on-accent bg-[image:var(--gradient-button)] shadow-[var(--shadow-glow),inset_0_1px_0_var(--color-line-bold)] hover:brightness-110 active:brightness-95',
  light:
    'bg-fg text-fg-inverse shadow-[0_8px_30px_-8px_color-mix(in_srgb,var(--color-fg)_35%,transparent)] hover:brightness-110 active:brightness-95',
  secondary:
    'bg-fill text-fg border border-line shadow-inset-top hover:bg-fill-strong hover:border-line-strong',
  outline: 'border border-line-strong text-fg hover:bg-fill hover:border-line-bold',
  ghost: 'text-fg-soft hover:text-fg hover:bg-fill',
  danger:
    'bg-danger/12 text-danger-fg border border-danger-bright/25 hover:bg-danger/20 hover:text-danger-fg',
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
    'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus',
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
