import { forwardRef, type InputHTMLAttributes, type ReactNode, useId } from 'react';
import { cn } from '@/lib/utils';

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'prefix'> {
  label: string;
  /** Hide the label visually (it stays available to screen readers). */
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  prefix?: ReactNode;
  suffix?: ReactNode;
  containerClassName?: string;
}

export const Input = forwardRef<HTMLInputElement, InputProps>(function Input(
  {
    label,
    hideLabel,
    hint,
    error,
    prefix,
    suffix,
    id,
    className,
    containerClassName,
    'aria-describedby': ariaDescribedBy,
    ...props
  },
  ref,
) {
  const autoId = useId();
  const inputId = id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [ariaDescribedBy, errorId, hintId].filter(Boolean).join(' ') || undefined;

  return (
    <div className={cn('flex flex-col gap-2', containerClassName)}>
      <label htmlFor={inputId} className={cn('text-[13px] font-medium text-ink-200', hideLabel && 'sr-only')}>
        {label}
      </label>
      <div
        className={cn(
          'group/input relative flex h-12 items-center rounded-xl border bg-ink-900/80 transition-[border-color,box-shadow,background-color] duration-200',
          'shadow-[inset_0_1px_2px_rgb(0_0_0/0.4)]',
          error
            ? 'border-danger-400/60 focus-within:shadow-[0_0_0_4px_rgb(244_63_94/0.14)]'
            : 'border-white/10 hover:border-white/[0.16] focus-within:border-brand-400/70 focus-within:shadow-[0_0_0_4px_rgb(130_110_255/0.16)]',
        )}
      >
        {prefix ? <span className="pointer-events-none pl-3.5 text-ink-400">{prefix}</span> : null}
        <input
          ref={ref}
          id={inputId}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cn(
            'h-full w-full min-w-0 flex-1 bg-transparent px-3.5 text-[15px] text-ink-50 outline-none placeholder:text-ink-500',
            'disabled:cursor-not-allowed disabled:opacity-60',
            prefix ? 'pl-2' : undefined,
            className,
          )}
          {...props}
        />
        {suffix ? <span className="pr-3 text-ink-400">{suffix}</span> : null}
      </div>
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-[13px] text-danger-300" role="alert">
          {error}
        </p>
      ) : null}
      {hint && !error ? (
        <p id={hintId} className="text-[13px] text-ink-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
});
