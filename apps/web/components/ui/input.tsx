import { forwardRef, type InputHTMLAttributes, type ReactNode } from 'react';
import { cn } from '@/lib/utils';
import { Field, type FieldOwnProps, splitFieldProps } from './field';

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
            'group/input relative flex h-12 items-center rounded-xl border bg-surface/80 transition-[border-color,box-shadow,background-color] duration-200',
            'shadow-inset-well',
            field.error
              ? 'border-danger-bright/60 focus-within:shadow-focus-danger'
              : 'border-line hover:border-line-strong focus-within:border-accent-bright/70 focus-within:shadow-focus-accent',
          )}
        >
          {prefix ? <span className="pointer-events-none pl-3.5 text-fg-subtle">{prefix}</span> : null}
          <input
            ref={ref}
            {...control}
            className={cn(
              'h-full w-full min-w-0 flex-1 bg-transparent px-3.5 text-[15px] text-fg outline-none placeholder:text-fg-faint',
              'disabled:cursor-not-allowed disabled:opacity-60',
              prefix ? 'pl-2' : undefined,
              className,
            )}
            {...props}
          />
          {suffix ? <span className="pr-3 text-fg-subtle">{suffix}</span> : null}
        </div>
      )}
    </Field>
  );
});
