import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { Field, type FieldOwnProps, splitFieldProps } from './Field';

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'prefix'>, FieldOwnProps {
  prefix?: ReactNode;
  suffix?: ReactNode;
}

export const Input = forwardRef<HTMLInputElement, InputProps>(function Input(
  { prefix, suffix, className, ...rest },
  ref,
) {
  const [field, props] = splitFieldProps(rest);
  return (
    <Field field={field}>
      {(control) => (
        <div
          className={cn(
            'group/input relative flex h-12 items-center rounded-xl border bg-ink-900/80 transition-[border-color,box-shadow,background-color] duration-200',
            'shadow-[inset_0_1px_2px_rgb(0_0_0/0.4)]',
            field.error
              ? 'border-danger-400/60 focus-within:shadow-[0_0_0_4px_rgb(244_63_94/0.14)]'
              : 'border-white/10 hover:border-white/[0.16] focus-within:border-brand-400/70 focus-within:shadow-[0_0_0_4px_rgb(130_110_255/0.16)]',
          )}
        >
          {prefix ? <span className="pointer-events-none pl-3.5 text-ink-400">{prefix}</span> : null}
          <input
            ref={ref}
            {...control}
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
      )}
    </Field>
  );
});
