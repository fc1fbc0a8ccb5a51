'use client';

import { SearchIcon } from 'lucide-react';
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { Avatar } from '@/components/ui/avatar';
import { Badge } from '@/components/ui/badge';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { cn, nameOf } from '@/lib/utils';
import { type SearchUser, useUserSearch } from '../hooks/use-friends';
import { RELATIONSHIP_BADGE } from './relationship-badge';

/** Username search with suggestions as you type: an ARIA combobox with a keyboard-navigable listbox. */
export function UsernameSearch({ onPick }: { onPick: (username: string) => void }) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const term = query.trim().replace(/^@/, '');
  const debounced = useDebouncedValue(term, 250);
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const search = useUserSearch(debounced);
  const failed = search.isError;
  const searching = debounced.length > 0 && search.isFetching;
  const results = debounced ? (search.data ?? (failed ? [] : null)) : null;

  // A new answer starts the keyboard selection over.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answer is the trigger, not a value we read.
  useEffect(() => setActive(-1), [search.data]);
  useEffect(() => () => clearTimeout(blurTimer.current), []);

  const options = results ?? [];
  const expanded = open && term.length > 0 && (results !== null || searching);
  const pending = searching || term !== debounced;

  const pick = (user: SearchUser) => {
    setQuery(user.username);
    setOpen(false);
    setActive(-1);
    onPick(user.username);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      if (options.length) setActive((index) => (index + 1) % options.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      if (options.length) setActive((index) => (index <= 0 ? options.length - 1 : index - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const chosen = expanded ? options[active] : undefined;
      if (chosen) pick(chosen);
      else if (term) {
        setOpen(false);
        onPick(term);
      }
    } else if (event.key === 'Escape') {
      if (expanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else if (query) {
        setQuery('');
      }
    }
  };

  const optionId = (index: number) => `${listId}-option-${index}`;

  return (
    <div className="relative">
      <Input
        label="Username"
        hideLabel
        placeholder="Search by username"
        value={query}
        onChange={(event) => {
          setQuery(event.target.value.replace(/\s/g, ''));
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => {
          blurTimer.current = setTimeout(() => setOpen(false), 120);
        }}
        onKeyDown={onKeyDown}
        prefix={<span className="font-medium">@</span>}
        suffix={pending && term ? <Spinner size={16} label={null} /> : <SearchIcon size={17} aria-hidden />}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
        autoComplete="off"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        maxLength={21}
        hint="Suggestions appear as you type. Use ↑ ↓ and Enter to pick."
        data-testid="username-search-input"
      />
      <div
        className={cn(
          'absolute inset-x-0 top-[3.25rem] z-20 overflow-hidden rounded-2xl border border-line bg-raised/95 shadow-float backdrop-blur-xl',
          !expanded && 'hidden',
        )}
      >
        <div
          id={listId}
          role="listbox"
          aria-label="Matching people"
          className="max-h-80 overflow-y-auto p-1.5"
          data-testid="username-suggestions"
        >
          {options.map((user, index) => {
            const badge = RELATIONSHIP_BADGE[user.relationship];
            return (
              // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard selection happens in the combobox input (aria-activedescendant).
              <div
                key={user.userId}
                id={optionId(index)}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                onMouseDown={(event) => event.preventDefault()}
                onClick={() => pick(user)}
                onMouseEnter={() => setActive(index)}
                className={cn(
                  'flex cursor-pointer items-center gap-3 rounded-xl px-2.5 py-2 transition-colors',
                  index === active ? 'bg-fill-strong' : 'hover:bg-fill',
                )}
                data-testid="username-suggestion"
              >
                <Avatar name={nameOf(user)} src={user.profilePicture} size={36} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-semibold text-fg">{nameOf(user)}</span>
                  <span className="block truncate text-xs text-fg-subtle">@{user.username}</span>
                </span>
                {badge ? (
                  <Badge tone={badge.tone} size="sm">
                    {badge.label}
                  </Badge>
                ) : null}
              </div>
            );
          })}
        </div>
        {!searching && results !== null && options.length === 0 ? (
          <p className="px-4 py-4 text-sm text-fg-subtle" role="status">
            {failed
              ? 'Search isn’t available right now. Try again in a moment.'
              : `No one found starting with “${term}”.`}
          </p>
        ) : null}
        {searching && results === null ? (
          <p className="flex items-center gap-2 px-4 py-4 text-sm text-fg-subtle" role="status">
            <Spinner size={14} label={null} /> Searching…
          </p>
        ) : null}
      </div>
      <span className="sr-only" aria-live="polite">
        {expanded && !searching && results
          ? `${options.length} ${options.length === 1 ? 'person' : 'people'} found`
          : ''}
      </span>
    </div>
  );
}
