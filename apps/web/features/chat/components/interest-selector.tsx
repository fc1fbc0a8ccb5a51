'use client';

import { INTERESTS_MAX } from '@guftagu/contracts';
import { InterestEditor } from '@/features/profile/components/interest-editor';
import { cn } from '@/lib/utils';

/** Popular starting points; anything else can be typed as a free tag. */
export const INTEREST_SUGGESTIONS = [
  'music',
  'movies',
  'gaming',
  'travel',
  'anime',
  'books',
  'sports',
  'tech',
  'art',
  'languages',
  'food',
  'fitness',
] as const;

/**
 * Interests for this search: tap a suggestion or type your own (max 10). Matching prefers people who
 * share the most of them and falls back to anyone after a few seconds, so choosing none is fine.
 */
export function InterestSelector({
  value,
  onChange,
}: {
  value: string[];
  onChange: (next: string[]) => void;
}) {
  const full = value.length >= INTERESTS_MAX;
  const toggle = (tag: string) => {
    if (value.includes(tag)) onChange(value.filter((item) => item !== tag));
    else if (!full) onChange([...value, tag]);
  };

  return (
    // On a phone the 18+ box and Start are pinned over the bottom of this list; a focused field stays above them.
    <div
      className="flex flex-col gap-3 max-lg:[&_button]:scroll-mb-56 max-lg:[&_input]:scroll-mb-56"
      data-testid="interest-selector"
    >
      <InterestEditor value={value} onChange={onChange} />
      <fieldset>
        <legend className="mb-2 text-micro font-semibold text-fg-subtle uppercase">Popular</legend>
        <div className="flex flex-wrap gap-1.5">
          {INTEREST_SUGGESTIONS.map((tag) => {
            const selected = value.includes(tag);
            return (
              <button
                key={tag}
                type="button"
                aria-pressed={selected}
                disabled={!selected && full}
                onClick={() => toggle(tag)}
                data-testid="interest-suggestion"
                className={cn(
                  'h-8 rounded-full border px-3 text-[13px] font-medium transition-[background-color,border-color,color] duration-200',
                  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-focus disabled:opacity-40',
                  selected
                    ? 'border-accent-bright/40 bg-accent/20 text-accent-soft'
                    : 'border-line bg-fill-subtle text-fg-muted hover:border-line-strong hover:text-fg',
                )}
              >
                #{tag}
              </button>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
