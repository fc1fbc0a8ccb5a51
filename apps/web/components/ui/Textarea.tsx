import { forwardRef, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { cn } from '@/lib/utils';
import { Field, type FieldOwnProps, splitFieldProps } from './Field';

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
            'min-h-28 w-full resize-y rounded-xl border bg-ink-900/80 px-3.5 py-3 text-[15px] leading-relaxed text-ink-50 outline-none placeholder:text-ink-500',
            'shadow-[inset_0_1px_2px_rgb(0_0_0/0.4)] transition-[border-color,box-shadow] duration-200',
            field.error
              ? 'border-danger-400/60 focus:shadow-[0_0_0_4px_rgb(244_63_94/0.14)]'
              : 'border-white/10 hover:border-white/[0.16] focus:border-brand-400/70 focus:shadow-[0_0_0_4px_rgb(130_110_255/0.16)]',
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
        left < 0 ? 'text-danger-300' : near ? 'text-warning-300' : 'text-ink-400',
      )}
      aria-live={near ? 'polite' : 'off'}
    >
      {count} / {max}
      <span className="sr-only"> characters{left < 0 ? `, ${-left} over the limit` : ''}</span>
    </span>
  );
}
