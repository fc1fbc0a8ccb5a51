'use client';

import { INTEREST_MAX_LENGTH, INTERESTS_MAX } from '@guftagu/contracts';
import { XIcon } from 'lucide-react';
import { type ClipboardEvent, type KeyboardEvent, useId, useRef, useState } from 'react';
import { cn } from '@/lib/utils';

function normalise(tag: string): string {
  return tag.trim().replace(/^#+/, '').replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Tags typed into one field: Enter or comma adds, × (or Backspace in an empty field) removes. Tags are
 * stored the way the server keeps them: trimmed, lower-case, unique, at most 10 of at most 20 characters.
 */
export function InterestEditor({
  value,
  onChange,
}: {
  value: string[];
  onChange: (interests: string[]) => void;
}) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement | null>(null);
  const [draft, setDraft] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const full = value.length >= INTERESTS_MAX;

  const add = (raw: string[]): void => {
    let next = [...value];
    let problem: string | null = null;
    for (const candidate of raw.map(normalise).filter(Boolean)) {
      if (candidate.length > INTEREST_MAX_LENGTH) {
        problem = `Each interest is at most ${INTEREST_MAX_LENGTH} characters.`;
      } else if (next.includes(candidate)) {
        problem = `“${candidate}” is already on your list.`;
      } else if (next.length >= INTERESTS_MAX) {
        problem = `You can add up to ${INTERESTS_MAX} interests.`;
      } else {
        next = [...next, candidate];
      }
    }
    if (next.length !== value.length) {
      onChange(next);
      setAnnouncement(`Added ${next.slice(value.length).join(', ')}. ${next.length} of ${INTERESTS_MAX}.`);
    }
    setMessage(problem);
  };

  const remove = (tag: string) => {
    onChange(value.filter((item) => item !== tag));
    setMessage(null);
    setAnnouncement(`Removed ${tag}.`);
    inputRef.current?.focus();
  };

  const commit = () => {
    if (!draft.trim()) return;
    add([draft]);
    setDraft('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter' || event.key === ',') {
      event.preventDefault();
      commit();
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      const last = value[value.length - 1];
      if (last) remove(last);
    }
  };

  const onPaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text');
    if (text.includes(',')) {
      event.preventDefault();
      add(text.split(','));
    }
  };

  const tooLong = normalise(draft).length > INTEREST_MAX_LENGTH;

  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-baseline justify-between gap-4">
        <label htmlFor={id} className="text-[13px] font-medium text-fg-soft">
          Interests
        </label>
        <span className={cn('tabular text-xs', full ? 'text-warning-fg' : 'text-fg-subtle')}>
          {value.length} / {INTERESTS_MAX}
        </span>
      </div>
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: clicking the box focuses its field, a pointer convenience; the field itself is keyboard reachable. */}
      <div
        onClick={() => inputRef.current?.focus()}
        className={cn(
          'flex min-h-12 cursor-text flex-wrap items-center gap-2 rounded-xl border bg-surface/80 px-2.5 py-2 shadow-inset-well transition-[border-color,box-shadow] duration-200',
          tooLong
            ? 'border-danger-bright/60'
            : 'border-line hover:border-line-strong focus-within:border-accent-bright/70 focus-within:shadow-focus-accent',
        )}
        data-testid="interest-editor"
      >
        <ul className="contents" aria-label="Your interests">
          {value.map((tag) => (
            <li
              key={tag}
              className="inline-flex h-7 items-center gap-1 rounded-full border border-accent-bright/25 bg-accent/12 pr-1 pl-2.5 text-[13px] font-medium text-accent-soft"
              data-testid="interest-tag"
            >
              #{tag}
              <button
                type="button"
                onClick={(event) => {
                  event.stopPropagation();
                  remove(tag);
                }}
                className="inline-flex size-5 items-center justify-center rounded-full text-accent-fg transition-colors hover:bg-fill-strong hover:text-fg"
                aria-label={`Remove ${tag}`}
              >
                <XIcon size={12} aria-hidden />
              </button>
            </li>
          ))}
        </ul>
        <input
          ref={inputRef}
          id={id}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value.replace(/,/g, ''));
            setMessage(null);
          }}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          onBlur={commit}
          maxLength={INTEREST_MAX_LENGTH + 10}
          placeholder={
            full ? 'That’s the maximum' : value.length ? 'Add another…' : 'e.g. music, hiking, anime'
          }
          aria-describedby={`${id}-hint`}
          aria-invalid={tooLong || undefined}
          className="h-8 min-w-32 flex-1 bg-transparent px-1.5 text-[15px] text-fg outline-none placeholder:text-fg-faint"
          data-testid="interest-input"
        />
      </div>
      <p
        id={`${id}-hint`}
        className={cn('text-[13px]', message || tooLong ? 'text-warning-fg' : 'text-fg-subtle')}
      >
        {tooLong
          ? `Each interest is at most ${INTEREST_MAX_LENGTH} characters.`
          : (message ??
            `Press Enter or comma to add. Up to ${INTERESTS_MAX}, ${INTEREST_MAX_LENGTH} characters each.`)}
      </p>
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
    </div>
  );
}
