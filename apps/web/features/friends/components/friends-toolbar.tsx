'use client';

import { LayoutGridIcon, ListIcon, SearchIcon, XIcon } from 'lucide-react';
import { Input } from '@/components/ui/input';
import { Select } from '@/components/ui/select';
import { Tooltip } from '@/components/ui/tooltip';
import { cn } from '@/lib/utils';
import { SORT_OPTIONS } from '../friend-sort';
import type { FriendSort } from '../social-api';
import type { FriendsView } from './friend-card';

const VIEWS = [
  { value: 'grid', label: 'Grid view', icon: <LayoutGridIcon size={17} aria-hidden /> },
  { value: 'list', label: 'List view', icon: <ListIcon size={17} aria-hidden /> },
] as const;

/** Filter box, sort order and grid/list switch above the friends list. */
export function FriendsToolbar({
  query,
  onQuery,
  sort,
  onSort,
  view,
  onView,
}: {
  query: string;
  onQuery: (query: string) => void;
  sort: FriendSort;
  onSort: (sort: FriendSort) => void;
  view: FriendsView;
  onView: (view: FriendsView) => void;
}) {
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
      <Input
        label="Filter friends"
        hideLabel
        type="search"
        placeholder="Filter by name, @username or ID"
        value={query}
        onChange={(event) => onQuery(event.target.value)}
        prefix={<SearchIcon size={17} aria-hidden />}
        suffix={
          query ? (
            <button
              type="button"
              onClick={() => onQuery('')}
              className="pointer-events-auto inline-flex size-7 items-center justify-center rounded-lg text-fg-subtle hover:bg-fill hover:text-fg"
              aria-label="Clear filter"
            >
              <XIcon size={14} aria-hidden />
            </button>
          ) : null
        }
        containerClassName="flex-1"
        className="[&::-webkit-search-cancel-button]:hidden"
        data-testid="friends-filter"
      />
      <div className="flex items-end gap-2">
        <Select
          label="Sort friends"
          hideLabel
          options={SORT_OPTIONS}
          value={sort}
          onValueChange={onSort}
          containerClassName="flex-1 sm:w-48 sm:flex-none"
          data-testid="friends-sort"
        />
        <fieldset className="flex h-12 items-center gap-1 rounded-xl border border-line bg-canvas/60 p-1">
          <legend className="sr-only">Layout</legend>
          {VIEWS.map((option) => (
            <Tooltip key={option.value} content={option.label}>
              <button
                type="button"
                aria-pressed={view === option.value}
                aria-label={option.label}
                onClick={() => onView(option.value)}
                className={cn(
                  'inline-flex size-9 items-center justify-center rounded-lg transition-colors',
                  view === option.value
                    ? 'bg-fill-strong text-fg shadow-inset-top'
                    : 'text-fg-subtle hover:text-fg-soft',
                )}
                data-testid={`friends-view-${option.value}`}
              >
                {option.icon}
              </button>
            </Tooltip>
          ))}
        </fieldset>
      </div>
    </div>
  );
}
