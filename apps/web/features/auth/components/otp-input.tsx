'use client';

import { type ClipboardEvent, type KeyboardEvent, useEffect, useRef } from 'react';
import { OTP_LENGTH } from '@/lib/config';
import { cn } from '@/lib/utils';

export interface OtpInputProps {
  /** One entry per box, '' when empty. */
  value: string[];
  onChange: (value: string[]) => void;
  /** Called once all boxes hold a digit. */
  onComplete?: (code: string) => void;
  disabled?: boolean;
  invalid?: boolean;
  autoFocus?: boolean;
  describedBy?: string;
  /** Changing this key refocuses the first box (e.g. after a wrong code). */
  focusKey?: number;
}

export function emptyOtp(): string[] {
  return Array.from({ length: OTP_LENGTH }, () => '');
}

/**
 * Six single-digit boxes: typing advances, Backspace goes back, arrows move, and pasting (or the OS
 * one-time-code autofill) of a whole code fills every box.
 */
export function OtpInput({
  value,
  onChange,
  onComplete,
  disabled,
  invalid,
  autoFocus,
  describedBy,
  focusKey,
}: OtpInputProps) {
  const refs = useRef<(HTMLInputElement | null)[]>([]);

  const focusBox = (index: number) => {
    const box = refs.current[Math.max(0, Math.min(OTP_LENGTH - 1, index))];
    box?.focus();
    box?.select();
  };

  // biome-ignore lint/correctness/useExhaustiveDependencies: focusKey is the trigger.
  useEffect(() => {
    if (focusKey !== undefined && focusKey > 0) focusBox(value.findIndex((digit) => !digit));
  }, [focusKey]);

  const commit = (next: string[]) => {
    onChange(next);
    if (next.every((digit) => digit !== '')) onComplete?.(next.join(''));
  };

  /** Writes digits starting at `start`, returning the index after the last one written. */
  const fillFrom = (start: number, digits: string) => {
    const next = [...value];
    let index = start;
    for (const digit of digits) {
      if (index >= OTP_LENGTH) break;
      next[index] = digit;
      index++;
    }
    commit(next);
    return index;
  };

  const onInput = (index: number, raw: string) => {
    const digits = raw.replace(/\D/g, '');
    if (!digits) {
      const next = [...value];
      next[index] = '';
      onChange(next);
      return;
    }
    if (digits.length >= OTP_LENGTH) {
      // Autofill of the whole code into one box.
      const end = fillFrom(0, digits.slice(0, OTP_LENGTH));
      focusBox(end - 1);
      return;
    }
    // Typing into a filled box whose digit was not selected yields two digits: keep the new one.
    const old = value[index] ?? '';
    let typed = digits;
    if (old && digits.length === 2) typed = digits.startsWith(old) ? digits.slice(1) : digits.slice(0, 1);
    const end = fillFrom(index, typed);
    focusBox(end);
  };

  const onKeyDown = (index: number, event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'Backspace': {
        event.preventDefault();
        const next = [...value];
        if (next[index]) {
          next[index] = '';
          onChange(next);
        } else if (index > 0) {
          next[index - 1] = '';
          onChange(next);
          focusBox(index - 1);
        }
        break;
      }
      case 'Delete': {
        event.preventDefault();
        const next = [...value];
        next[index] = '';
        onChange(next);
        break;
      }
      case 'ArrowLeft':
        event.preventDefault();
        focusBox(index - 1);
        break;
      case 'ArrowRight':
        event.preventDefault();
        focusBox(index + 1);
        break;
      case 'Home':
        event.preventDefault();
        focusBox(0);
        break;
      case 'End':
        event.preventDefault();
        focusBox(OTP_LENGTH - 1);
        break;
      default:
        // Replace the box's digit when a digit key is pressed on a filled box (handled by onInput).
        if (/^\d$/.test(event.key) && value[index] === event.key) {
          event.preventDefault();
          focusBox(index + 1);
        }
    }
  };

  const onPaste = (index: number, event: ClipboardEvent<HTMLInputElement>) => {
    const digits = event.clipboardData.getData('text').replace(/\D/g, '');
    event.preventDefault();
    if (!digits) return;
    // A whole code always fills from the first box; a fragment fills from where the caret is.
    const start = digits.length >= OTP_LENGTH ? 0 : index;
    const end = fillFrom(start, digits.slice(0, OTP_LENGTH));
    focusBox(Math.min(end, OTP_LENGTH - 1));
  };

  return (
    <fieldset
      className="flex justify-between gap-2 sm:gap-2.5"
      data-testid="otp-input"
      aria-describedby={describedBy}
      disabled={disabled}
    >
      <legend className="sr-only">Enter the 6-digit code</legend>
      {value.map((digit, index) => (
        <input
          // biome-ignore lint/suspicious/noArrayIndexKey: the boxes are positional and never reorder.
          key={index}
          ref={(element) => {
            refs.current[index] = element;
          }}
          type="text"
          inputMode="numeric"
          pattern="[0-9]*"
          autoComplete={index === 0 ? 'one-time-code' : 'off'}
          // biome-ignore lint/a11y/noAutofocus: the code is the only thing to do on this screen.
          autoFocus={autoFocus && index === 0}
          aria-label={`Digit ${index + 1} of ${OTP_LENGTH}`}
          aria-invalid={invalid || undefined}
          value={digit}
          onChange={(event) => onInput(index, event.target.value)}
          onKeyDown={(event) => onKeyDown(index, event)}
          onPaste={(event) => onPaste(index, event)}
          onFocus={(event) => event.target.select()}
          className={cn(
            'tabular aspect-[4/5] w-full min-w-0 rounded-2xl border bg-surface/80 text-center font-display text-[1.75rem] font-semibold text-fg caret-accent-bright outline-none sm:text-[2rem]',
            'shadow-inset-well transition-[border-color,box-shadow,background-color,transform] duration-200',
            'focus:border-accent-bright/80 focus:bg-sunken focus:shadow-focus-accent',
            'disabled:opacity-60',
            invalid
              ? 'border-danger-bright/60'
              : digit
                ? 'border-line-strong'
                : 'border-line hover:border-line-strong',
          )}
        />
      ))}
    </fieldset>
  );
}
