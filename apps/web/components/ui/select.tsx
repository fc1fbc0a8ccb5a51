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
        className={cn('text-[13px] font-medium text-fg-soft', hideLabel && 'sr-only')}
      >
        {label}
      </label>
      <div className="relative">
        <select
          id={selectId}
          value={value}
          onChange={(event) => onValueChange(event.target.value as T)}
          className={cn(
            'h-12 w-full cursor-pointer appearance-none rounded-xl border border-line bg-surface/80 pr-9 pl-3.5 text-[15px] text-fg shadow-inset-well outline-none',
            'transition-[border-color,box-shadow] duration-200 hover:border-line-strong focus:border-accent-bright/70 focus:shadow-focus-accent',
            className,
          )}
          {...props}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value} className="bg-sunken">
              {option.label}
            </option>
          ))}
        </select>
        <ChevronDownIcon
          size={16}
          className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-fg-subtle"
        />
      </div>
    </div>
  );
}
