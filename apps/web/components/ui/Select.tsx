import { ChevronDownIcon } from 'lucide-react';
import { type SelectHTMLAttributes, useId } from 'react';
import { cn } from '@/lib/utils';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

interface SelectProps<T extends string>
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  label: string;
  hideLabel?: boolean;
  options: SelectOption<T>[];
  value: T;
  onValueChange: (value: T) => void;
  containerClassName?: string;
}

/** A native select (the platform picker is the most accessible one on phones) in the app's style. */
export function Select<T extends string>({
  label,
  hideLabel,
  options,
  value,
  onValueChange,
  id,
  className,
  containerClassName,
  ...props
}: SelectProps<T>) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <div className={cn('flex flex-col gap-2', containerClassName)}>
      <label
        htmlFor={selectId}
        className={cn('text-[13px] font-medium text-ink-200', hideLabel && 'sr-only')}
      >
        {label}
      </label>
      <div className="relative">
        <select
          id={selectId}
          value={value}
          onChange={(event) => onValueChange(event.target.value as T)}
          className={cn(
            'h-12 w-full cursor-pointer appearance-none rounded-xl border border-white/10 bg-ink-900/80 pr-9 pl-3.5 text-[15px] text-ink-100 shadow-[inset_0_1px_2px_rgb(0_0_0/0.4)] outline-none',
            'transition-[border-color,box-shadow] duration-200 hover:border-white/[0.16] focus:border-brand-400/70 focus:shadow-[0_0_0_4px_rgb(130_110_255/0.16)]',
            className,
          )}
          {...props}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} className="bg-ink-850">
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDownIcon
          size={16}
          className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-ink-400"
        />
      </div>
    </div>
  );
}
