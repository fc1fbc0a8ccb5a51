import { type ReactNode, useId } from 'react';
import { cn } from '@/lib/utils';

/** The props every labelled text control takes besides its element's own. */
export interface FieldOwnProps {
  label: string;
  /** Hide the label visually (it stays available to screen readers). */
  hideLabel?: boolean;
  hint?: ReactNode;
  error?: ReactNode;
  containerClassName?: string;
}

interface FieldProps extends FieldOwnProps {
  id?: string;
  'aria-describedby'?: string;
  /** Shown at the right of the label row, e.g. a live character counter. */
  counter?: ReactNode;
}

/** What the control itself needs to be tied to its label, hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/** Separates a control's props into the field's and those meant for the element. */
export function splitFieldProps<P extends FieldProps>(props: P) {
  const { label, hideLabel, hint, error, counter, containerClassName, id, ...rest } = props;
  const { 'aria-describedby': describedBy, ...element } = rest;
  const field: FieldProps = { label, hideLabel, hint, error, counter, containerClassName, id };
  return [{ ...field, 'aria-describedby': describedBy }, element] as const;
}

/** Label, control, then the error (or else the hint) — the frame shared by text inputs and textareas. */
export function Field({
  field,
  children,
}: {
  field: FieldProps;
  children: (control: ControlProps) => ReactNode;
}) {
  const { label, hideLabel, hint, error, counter } = field;
  const autoId = useId();
  const inputId = field.id ?? autoId;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  const describedBy = [field['aria-describedby'], errorId, hintId].filter(Boolean).join(' ') || undefined;

  const labelElement = (
    <label htmlFor={inputId} className={cn('text-[13px] font-medium text-fg-soft', hideLabel && 'sr-only')}>
      {label}
    </label>
  );
  return (
    <div className={cn('flex flex-col gap-2', field.containerClassName)}>
      {counter === undefined ? (
        labelElement
      ) : (
        // The counter stays visible even when the label is hidden.
        <div className={cn('flex items-baseline justify-between gap-4', hideLabel && !counter && 'sr-only')}>
          {labelElement}
          {counter}
        </div>
      )}
      {children({
        id: inputId,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
      })}
      {error ? (
        <p id={errorId} className="flex items-start gap-1.5 text-[13px] text-danger-fg" role="alert">
          {error}
        </p>
      ) : null}
      {hint && !error ? (
        <p id={hintId} className="text-[13px] text-fg-subtle">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
