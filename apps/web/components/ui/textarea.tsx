import { forwardRef, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { cn } from '@/lib/utils';
import { Field, type FieldOwnProps, splitFieldProps } from './field';

export interface TextareaProps extends TextareaHTMLAttributes<HTMLTextAreaElement>, FieldOwnProps {
  /** Shown at the right of the label row, e.g. a live character counter. */
  counter?: ReactNode;
}

export const Textarea = forwardRef<HTMLTextAreaElement, TextareaProps>(function Textarea(
  { className, ...rest },
  ref,
) {
  const [field, props] = splitFieldProps(rest);
  return (
    <Field field={field}>
      {(control) => (
        <textarea
          ref={ref}
          {...control}
          className={cn(
            'min-h-28 w-full resize-y rounded-xl border bg-surface/80 px-3.5 py-3 text-[15px] leading-relaxed text-fg outline-none placeholder:text-fg-faint',
            'shadow-inset-well transition-[border-color,box-shadow] duration-200',
            field.error
              ? 'border-danger-bright/60 focus:shadow-focus-danger'
              : 'border-line hover:border-line-strong focus:border-accent-bright/70 focus:shadow-focus-accent',
            className,
          )}
          {...props}
        />
      )}
    </Field>
  );
});

/** "120 / 500", turning amber near the limit and red past it; announced politely near the limit. */
export function CharCounter({ count, max, id }: { count: number; max: number; id?: string }) {
  const left = max - count;
  const near = left <= Math.max(10, Math.round(max * 0.1));
  return (
    <span
      id={id}
      className={cn(
        'tabular text-xs',
        left < 0 ? 'text-danger-fg' : near ? 'text-warning-fg' : 'text-fg-subtle',
      )}
      aria-live={near ? 'polite' : 'off'}
    >
      {count} / {max}
      <span className="sr-only"> characters{left < 0 ? `, ${-left} over the limit` : ''}</span>
    </span>
  );
}
