'use client';

import { formatUserId, type TPublicProfile, type TRelationship, type TUserCard } from '@guftagu/contracts';
import Link from 'next/link';
import {
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react';
import { PresenceAvatar, shownStatus } from '@/features/friends/components/presence';
import { RelationshipActions } from '@/features/friends/components/relationship-actions';
import { Avatar } from '@/components/ui/Avatar';
import { Badge, type BadgeTone } from '@/components/ui/Badge';
import { Button, buttonClasses } from '@/components/ui/Button';
import { AlertIcon, ArrowRightIcon, HashIcon, SearchIcon, UserIcon } from '@/components/ui/Icons';
import { Input } from '@/components/ui/Input';
import { Skeleton } from '@/components/ui/Skeleton';
import { Spinner } from '@/components/ui/Spinner';
import { errorMessage, isApiError } from '@/lib/api';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { useServerEvent } from '@/lib/hooks/use-server-event';
import { useSocialApi } from '@/features/friends/social-api';
import { cn, nameOf, parseUserIdInput, profileHref } from '@/lib/utils';
import { FriendsShell } from './friends-shell';

type SearchUser = TUserCard & { relationship: TRelationship };

type Lookup =
  | { state: 'idle' }
  | { state: 'loading'; label: string }
  | { state: 'found'; profile: TPublicProfile }
  | { state: 'not_found'; message: ReactNode }
  | { state: 'error'; message: string };

const RELATIONSHIP_BADGE: Partial<Record<TRelationship, { label: string; tone: BadgeTone }>> = {
  self: { label: 'You', tone: 'neutral' },
  friends: { label: 'Friends', tone: 'live' },
  request_sent: { label: 'Request sent', tone: 'brand' },
  request_received: { label: 'Wants to be friends', tone: 'flare' },
  blocked: { label: 'Blocked', tone: 'danger' },
};

function Panel({
  title,
  icon,
  description,
  children,
}: {
  title: string;
  icon: ReactNode;
  description: string;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="card flex flex-col rounded-3xl p-5 sm:p-6" aria-labelledby={id}>
      <div className="flex items-center gap-3">
        <span className="inline-flex size-10 items-center justify-center rounded-xl border border-brand-400/20 bg-brand-500/10 text-brand-300">
          {icon}
        </span>
        <div className="min-w-0">
          <h2 id={id} className="font-display text-lg font-semibold text-ink-50">
            {title}
          </h2>
          <p className="text-[13px] text-ink-400">{description}</p>
        </div>
      </div>
      <div className="mt-5">{children}</div>
    </section>
  );
}

/** Username search with suggestions as you type: an ARIA combobox with a keyboard-navigable listbox. */
function UsernameSearch({ onPick }: { onPick: (username: string) => void }) {
  const api = useSocialApi();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [results, setResults] = useState<SearchUser[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [failed, setFailed] = useState(false);
  const term = query.trim().replace(/^@/, '');
  const debounced = useDebouncedValue(term, 250);
  const blurTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    if (!debounced) {
      setResults(null);
      setSearching(false);
      return;
    }
    const controller = new AbortController();
    setSearching(true);
    setFailed(false);
    api
      .searchUsers(debounced.slice(0, 20), controller.signal)
      .then(({ users }) => {
        setResults(users);
        setActive(-1);
      })
      .catch(() => {
        if (!controller.signal.aborted) {
          setResults([]);
          setFailed(true);
        }
      })
      .finally(() => {
        if (!controller.signal.aborted) setSearching(false);
      });
    return () => controller.abort();
  }, [debounced, api]);

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
        suffix={pending && term ? <Spinner size={16} label={null} /> : <SearchIcon size={17} />}
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
          'absolute inset-x-0 top-[3.25rem] z-20 overflow-hidden rounded-2xl border border-white/10 bg-ink-800/95 shadow-[0_24px_60px_-12px_rgb(0_0_0/0.8)] backdrop-blur-xl',
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
                  index === active ? 'bg-white/[0.08]' : 'hover:bg-white/[0.05]',
                )}
                data-testid="username-suggestion"
              >
                <Avatar name={nameOf(user)} src={user.profilePicture} size={36} />
                <span className="min-w-0 flex-1">
                  <span className="block truncate text-sm font-semibold text-ink-50">{nameOf(user)}</span>
                  <span className="block truncate text-xs text-ink-400">@{user.username}</span>
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
          <p className="px-4 py-4 text-sm text-ink-400" role="status">
            {failed
              ? 'Search isn’t available right now. Try again in a moment.'
              : `No one found starting with “${term}”.`}
          </p>
        ) : null}
        {searching && results === null ? (
          <p className="flex items-center gap-2 px-4 py-4 text-sm text-ink-400" role="status">
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

/** Looks someone up by their permanent 7-digit ID ("1234567" or "123-4567"). */
function IdSearch({ onFind, loading }: { onFind: (userId7Digit: string) => void; loading: boolean }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const digits = parseUserIdInput(value);
    if (!digits) {
      setError('Enter the 7 digits of their ID, like 123-4567.');
      return;
    }
    setError(null);
    setValue(formatUserId(digits));
    onFind(digits);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start">
      <Input
        label="7-digit ID"
        hideLabel
        placeholder="123-4567"
        inputMode="numeric"
        autoComplete="off"
        value={value}
        onChange={(event) => {
          setValue(event.target.value.replace(/[^\d\s-]/g, '').slice(0, 9));
          setError(null);
        }}
        prefix={<HashIcon size={16} />}
        maxLength={9}
        error={error}
        hint="Ask your friend for the ID on their profile."
        containerClassName="flex-1"
        className="tabular font-display tracking-wide"
        data-testid="id-search-input"
      />
      <Button
        type="submit"
        size="lg"
        loading={loading}
        className="h-12 shrink-0"
        data-testid="id-search-submit"
      >
        Find user
      </Button>
    </form>
  );
}

function UserResultCard({
  profile,
  onChange,
  onStale,
}: {
  profile: TPublicProfile;
  onChange: (relationship: TRelationship, requestId: string | null) => void;
  onStale: () => void;
}) {
  const name = nameOf(profile);
  const status = profile.isOnline === null ? null : shownStatus(profile.isOnline, profile.status);
  return (
    <article
      className="card hairline-top animate-scale-in rounded-3xl p-5 sm:p-6"
      aria-label={`${name} (@${profile.username})`}
      data-testid="user-card"
      data-username={profile.username}
      data-relationship={profile.relationship}
    >
      <div className="flex items-start gap-4">
        <PresenceAvatar name={name} src={profile.profilePicture} size={64} status={status} />
        <div className="min-w-0 flex-1">
          <p className="truncate font-display text-xl font-semibold text-ink-50">{name}</p>
          <p className="truncate text-sm text-ink-400">@{profile.username}</p>
          <p className="mt-1.5 inline-flex items-center gap-1.5 rounded-lg bg-white/[0.04] px-2 py-0.5 font-mono text-xs text-ink-300">
            <HashIcon size={12} /> {formatUserId(profile.userId7Digit)}
          </p>
        </div>
        {RELATIONSHIP_BADGE[profile.relationship] ? (
          <Badge tone={RELATIONSHIP_BADGE[profile.relationship]?.tone} size="sm" className="max-sm:hidden">
            {RELATIONSHIP_BADGE[profile.relationship]?.label}
          </Badge>
        ) : null}
      </div>
      {profile.bio ? (
        <p className="mt-4 line-clamp-3 text-sm leading-relaxed whitespace-pre-line text-ink-200">
          {profile.bio}
        </p>
      ) : null}
      {profile.interests.length > 0 ? (
        <ul className="mt-3 flex flex-wrap gap-1.5" aria-label="Interests">
          {profile.interests.slice(0, 6).map((interest) => (
            <li key={interest}>
              <Badge size="sm">#{interest}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="mt-5 flex flex-wrap items-center justify-between gap-3 border-t border-white/[0.06] pt-4">
        <RelationshipActions
          target={profile}
          relationship={profile.relationship}
          requestId={profile.requestId}
          onChange={onChange}
          onStale={onStale}
          showBlock={false}
        />
        <Link href={profileHref(profile)} className={buttonClasses({ variant: 'ghost' })}>
          <UserIcon size={16} /> View profile <ArrowRightIcon size={14} />
        </Link>
      </div>
    </article>
  );
}

export function FindPeople() {
  const api = useSocialApi();
  const [lookup, setLookup] = useState<Lookup>({ state: 'idle' });
  const [last, setLast] = useState<{ kind: 'id' | 'username'; value: string } | null>(null);
  const seq = useRef(0);

  const find = async (kind: 'id' | 'username', value: string) => {
    const current = ++seq.current;
    setLast({ kind, value });
    setLookup({ state: 'loading', label: kind === 'id' ? formatUserId(value) : `@${value}` });
    try {
      const { profile } =
        kind === 'id' ? await api.getProfileById(value) : await api.getProfileByUsername(value);
      if (current === seq.current) setLookup({ state: 'found', profile });
    } catch (error) {
      if (current !== seq.current) return;
      if (isApiError(error) && (error.code === 'NOT_FOUND' || error.code === 'VALIDATION_ERROR')) {
        setLookup({
          state: 'not_found',
          message:
            kind === 'id' ? (
              <>
                No one has the ID{' '}
                <span className="tabular font-semibold text-ink-100">{formatUserId(value)}</span>.
                Double-check the digits with your friend.
              </>
            ) : (
              <>
                No one goes by <span className="font-semibold text-ink-100">@{value}</span>. Check the
                spelling, or try their 7-digit ID.
              </>
            ),
        });
      } else {
        setLookup({ state: 'error', message: errorMessage(error) });
      }
    }
  };

  const refresh = () => {
    if (last) void find(last.kind, last.value);
  };

  const setRelationship = (relationship: TRelationship, requestId: string | null) =>
    setLookup((current) =>
      current.state === 'found'
        ? { ...current, profile: { ...current.profile, relationship, requestId } }
        : current,
    );
  const found = lookup.state === 'found' ? lookup.profile : null;
  useServerEvent('friend_request_accepted', (event) => {
    if (found && event.by.userId === found.id) setRelationship('friends', null);
  });
  useServerEvent('friend_request_received', (event) => {
    if (found && event.from.userId === found.id) setRelationship('request_received', event.requestId);
  });
  useServerEvent('friend_request_rejected', (event) => {
    if (found && event.by.userId === found.id) setRelationship('none', null);
  });

  return (
    <FriendsShell
      title="Find people"
      description="Add friends by their username or by the 7-digit ID they shared with you."
    >
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel
          title="By username"
          icon={<SearchIcon size={19} />}
          description="Start typing — we’ll suggest matches."
        >
          <UsernameSearch onPick={(username) => void find('username', username)} />
        </Panel>
        <Panel
          title="By 7-digit ID"
          icon={<HashIcon size={19} />}
          description="Every Guftagu account has a permanent ID."
        >
          <IdSearch
            onFind={(id) => void find('id', id)}
            loading={lookup.state === 'loading' && last?.kind === 'id'}
          />
        </Panel>
      </div>

      <div className="mt-6" aria-live="polite">
        {lookup.state === 'loading' ? (
          <div className="card flex items-center gap-4 rounded-3xl p-6" aria-busy="true">
            <Skeleton className="size-16 rounded-full" />
            <div className="flex flex-col gap-2">
              <Skeleton className="h-5 w-40" />
              <Skeleton className="h-4 w-28" />
            </div>
            <span className="sr-only" role="status">
              Looking up {lookup.label}
            </span>
          </div>
        ) : lookup.state === 'found' ? (
          <UserResultCard profile={lookup.profile} onChange={setRelationship} onStale={refresh} />
        ) : lookup.state === 'not_found' ? (
          <div
            className="flex items-start gap-3 rounded-3xl border border-white/[0.08] bg-white/[0.02] p-5"
            role="status"
            data-testid="user-not-found"
          >
            <span className="inline-flex size-10 shrink-0 items-center justify-center rounded-xl border border-warning-400/20 bg-warning-400/10 text-warning-300">
              <SearchIcon size={18} />
            </span>
            <div>
              <p className="font-semibold text-ink-50">We couldn’t find that person</p>
              <p className="mt-1 text-sm text-ink-300">{lookup.message}</p>
            </div>
          </div>
        ) : lookup.state === 'error' ? (
          <div
            className="flex flex-wrap items-center gap-3 rounded-3xl border border-danger-400/20 bg-danger-500/[0.06] p-5"
            role="alert"
          >
            <AlertIcon size={18} className="text-danger-300" />
            <p className="flex-1 text-sm text-danger-300">{lookup.message}</p>
            <Button variant="secondary" size="sm" onClick={refresh}>
              Try again
            </Button>
          </div>
        ) : null}
      </div>
    </FriendsShell>
  );
}
