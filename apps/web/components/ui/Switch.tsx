'use client';

import { type ReactNode, useId } from 'react';
import { cn } from '@/lib/utils';

export interface SwitchProps {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  label: ReactNode;
  description?: ReactNode;
  disabled?: boolean;
  className?: string;
  'data-testid'?: string;
}

/** An on/off setting row: label and description on the left, a WAI-ARIA switch on the right. */
export function Switch({
  checked,
  onCheckedChange,
  label,
  description,
  disabled,
  className,
  'data-testid': testId,
}: SwitchProps) {
  const id = useId();
  return (
    <div className={cn('flex items-start justify-between gap-6 py-4', className)}>
      <div className="min-w-0">
        <label htmlFor={id} className="text-[15px] font-medium text-ink-100">
          {label}
        </label>
        {description ? (
          <p id={`${id}-description`} className="mt-0.5 text-[13px] leading-relaxed text-ink-400">
            {description}
          </p>
        ) : null}
      </div>
      <button
        id={id}
        type="button"
        role="switch"
        aria-checked={checked}
        aria-describedby={description ? `${id}-description` : undefined}
        disabled={disabled}
        onClick={() => onCheckedChange(!checked)}
        data-testid={testId}
        className={cn(
          'relative mt-0.5 inline-flex h-6 w-11 shrink-0 items-center rounded-full border transition-colors duration-200',
          'disabled:cursor-not-allowed disabled:opacity-50',
          checked
            ? 'border-brand-400/50 bg-brand-500 shadow-[0_0_18px_-4px_rgb(130_110_255/0.7)]'
            : 'border-white/10 bg-ink-700',
        )}
      >
        <span
          aria-hidden
          className={cn(
            'inline-block size-[18px] rounded-full bg-white shadow-[0_1px_3px_rgb(0_0_0/0.5)] transition-transform duration-200 ease-out-expo',
            checked ? 'translate-x-[22px]' : 'translate-x-[3px]',
          )}
        />
      </button>
    </div>
  );
}
