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
        <label htmlFor={id} className="text-[15px] font-medium text-fg">
          {label}
        </label>
        {description ? (
          <p id={`${id}-description`} className="mt-0.5 text-[13px] leading-relaxed text-fg-subtle">
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
          checked ? 'border-accent-bright/50 bg-accent shadow-accent-dot' : 'border-line bg-elevated',
        )}
      >
        <span
          aria-hidden
          className={cn(
            'inline-block size-[18px] rounded-full bg-fg shadow-md transition-transform duration-200 ease-out-expo',
            checked ? 'translate-x-[22px]' : 'translate-x-[3px]',
          )}
        />
      </button>
    </div>
  );
}
