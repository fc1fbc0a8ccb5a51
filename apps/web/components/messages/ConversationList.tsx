'use client';

import type { TConversation } from '@guftagu/contracts';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { Button, buttonClasses } from '@/components/ui/Button';
import { EmptyState, LoadFailedState } from '@/components/ui/EmptyState';
import {
  CheckCheckIcon,
  CloseIcon,
  InboxIcon,
  MessageIcon,
  SearchIcon,
  UsersIcon,
} from '@/components/ui/Icons';
import { Input } from '@/components/ui/Input';
import { Skeleton } from '@/components/ui/Skeleton';
import { Tabs } from '@/components/ui/Tabs';
import { useToast } from '@/components/ui/Toast';
import { useMessages } from '@/contexts/MessagesContext';
import { useDebouncedValue } from '@/hooks/useDebouncedValue';
import { useNow } from '@/hooks/useNow';
import { errorMessage } from '@/lib/api';
import { type ConversationView, useMessagesApi } from '@/lib/messages/messages-api';
import { ConversationCard } from './ConversationCard';
import { ArchiveIcon } from './icons';

const VIEWS: { value: ConversationView; label: string }[] = [
  { value: 'inbox', label: 'Inbox' },
  { value: 'requests', label: 'Requests' },
  { value: 'archived', label: 'Archived' },
];

function isView(value: string | null): value is ConversationView {
  return value === 'inbox' || value === 'requests' || value === 'archived';
}

/** Refetch at most this often while events keep arriving. */
const REFRESH_DEBOUNCE_MS = 250;

/** `/messages`: every conversation, newest first, with search, tabs, live unread counts and presence. */
export function ConversationList({ activeUserId }: { activeUserId: string | null }) {
  const api = useMessagesApi();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { toast } = useToast();
  const { me, unreadTotal, unreadByUser, threads, listVersion, actions } = useMessages();
  const now = useNow();

  // The tab lives in this (persistent) layout's state, so opening a request keeps the Requests tab;
  // a `?view=` link (e.g. after rejecting a request) still selects its tab.
  const requested = searchParams.get('view');
  const [view, setViewState] = useState<ConversationView>(isView(requested) ? requested : 'inbox');
  useEffect(() => {
    if (isView(requested)) setViewState(requested);
  }, [requested]);
  const [query, setQuery] = useState('');
  const q = useDebouncedValue(query.trim(), 250);
  const [conversations, setConversations] = useState<TConversation[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [markingAll, setMarkingAll] = useState(false);
  const [requestCount, setRequestCount] = useState(0);
  const seq = useRef(0);

  const load = useCallback(async () => {
    const mine = ++seq.current;
    try {
      const [list, requests] = await Promise.all([
        api.listConversations(view, q),
        view === 'requests' ? null : api.listConversations('requests').catch(() => null),
      ]);
      if (mine !== seq.current) return;
      setConversations(list.conversations);
      setRequestCount((requests ?? list).conversations.length);
      setError(null);
    } catch (caught) {
      if (mine === seq.current) setError(errorMessage(caught));
    }
  }, [api, q, view]);

  // A new view or search starts from a skeleton; live refreshes keep the current rows on screen.
  // biome-ignore lint/correctness/useExhaustiveDependencies: view and q are the triggers.
  useEffect(() => {
    setConversations(null);
    setError(null);
  }, [view, q]);
  useEffect(() => {
    const timer = setTimeout(() => void load(), listVersion === 0 ? 0 : REFRESH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [load, listVersion]);

  const setView = (next: ConversationView) => {
    setViewState(next);
    if (pathname !== '/messages') return;
    router.replace(next === 'inbox' ? '/messages' : `/messages?view=${next}`, { scroll: false });
  };

  const markAll = async () => {
    setMarkingAll(true);
    try {
      await api.markAllRead();
      for (const conversation of conversations ?? []) actions.markRead(conversation.otherUser.userId);
      await load();
    } catch (caught) {
      toast({ title: 'Couldn’t mark everything read', description: errorMessage(caught), tone: 'error' });
    } finally {
      setMarkingAll(false);
    }
  };

  if (!me) return null;
  const unreadOf = (conversation: TConversation) =>
    unreadByUser[conversation.otherUser.userId] ?? conversation.unreadCount;

  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="conversation-list">
      <div className="shrink-0 px-4 pt-5 pb-3">
        <div className="flex items-center justify-between gap-3">
          <h1 className="font-display text-2xl font-semibold tracking-tight text-ink-50">Messages</h1>
          <Button
            variant="ghost"
            size="sm"
            onClick={markAll}
            loading={markingAll}
            disabled={unreadTotal === 0}
            data-testid="mark-all-read"
          >
            <CheckCheckIcon size={15} /> Mark all read
          </Button>
        </div>
        <div className="mt-4">
          <Input
            label="Search conversations"
            hideLabel
            placeholder="Search by name"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            prefix={<SearchIcon size={17} />}
            suffix={
              query ? (
                <button
                  type="button"
                  onClick={() => setQuery('')}
                  className="pointer-events-auto inline-flex size-7 items-center justify-center rounded-lg hover:bg-white/[0.07] hover:text-ink-100"
                  aria-label="Clear search"
                >
                  <CloseIcon size={15} />
                </button>
              ) : null
            }
            className="h-10"
            data-testid="conversation-search"
          />
        </div>
        <div className="relative mt-3">
          <Tabs
            label="Conversation views"
            idPrefix="conversations"
            options={VIEWS.map((option) =>
              option.value === 'requests' && requestCount > 0
                ? { ...option, label: `Requests · ${requestCount}` }
                : option,
            )}
            value={view}
            onChange={setView}
          />
        </div>
      </div>

      <div
        role="tabpanel"
        id={`conversations-panel-${view}`}
        aria-labelledby={`conversations-tab-${view}`}
        className="min-h-0 flex-1 overflow-y-auto overscroll-contain px-2 pb-4"
      >
        {conversations === null ? (
          error ? (
            <div className="p-2">
              <LoadFailedState
                title="Conversations didn’t load"
                message={error}
                onRetry={() => void load()}
              />
            </div>
          ) : (
            <ListSkeleton />
          )
        ) : conversations.length === 0 ? (
          <div className="p-2">
            <EmptyList
              view={view}
              searching={q.length > 0}
              requestCount={requestCount}
              onShowRequests={() => setView('requests')}
            />
          </div>
        ) : (
          <ul
            className="flex flex-col gap-0.5"
            aria-label={`${VIEWS.find((item) => item.value === view)?.label} conversations`}
          >
            {conversations.map((conversation) => {
              const thread = threads[conversation.otherUser.userId];
              return (
                <ConversationCard
                  key={conversation.id}
                  conversation={conversation}
                  me={me}
                  unread={unreadOf(conversation)}
                  typing={thread?.typingUntil != null && thread.typingUntil > Date.now()}
                  active={conversation.otherUser.userId === activeUserId}
                  now={now}
                />
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}

function ListSkeleton() {
  return (
    <div aria-busy="true" className="flex flex-col gap-1 px-2">
      <span className="sr-only" role="status">
        Loading conversations
      </span>
      {[0, 1, 2, 3, 4].map((row) => (
        <div key={row} className="flex items-center gap-3 py-3">
          <Skeleton className="size-12 shrink-0 rounded-full" />
          <div className="flex flex-1 flex-col gap-2">
            <Skeleton className="h-3.5 w-2/5" />
            <Skeleton className="h-3 w-4/5" />
          </div>
        </div>
      ))}
    </div>
  );
}

function EmptyList({
  view,
  searching,
  requestCount,
  onShowRequests,
}: {
  view: ConversationView;
  searching: boolean;
  requestCount: number;
  onShowRequests: () => void;
}) {
  if (searching) {
    return (
      <EmptyState icon={<SearchIcon size={22} />} title="No matches" data-testid="conversations-empty">
        No conversation matches that name.
      </EmptyState>
    );
  }
  if (view === 'requests') {
    return (
      <EmptyState
        icon={<InboxIcon size={22} />}
        title="No message requests"
        data-testid="conversations-empty"
      >
        When someone who isn’t your friend messages you, it waits here until you accept it.
      </EmptyState>
    );
  }
  if (view === 'archived') {
    return (
      <EmptyState icon={<ArchiveIcon size={22} />} title="Nothing archived" data-testid="conversations-empty">
        Archive a chat from its menu to tidy your inbox.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<MessageIcon size={22} />}
      title="No conversations yet"
      data-testid="conversations-empty"
      actions={
        <>
          <Link href="/friends" className={buttonClasses({ variant: 'primary' })}>
            <UsersIcon size={16} /> Message a friend
          </Link>
          {requestCount > 0 ? (
            <Button variant="secondary" onClick={onShowRequests}>
              <InboxIcon size={16} /> {requestCount === 1 ? '1 request' : `${requestCount} requests`}
            </Button>
          ) : null}
        </>
      }
    >
      Say hi to a friend — your chats will live here.
    </EmptyState>
  );
}
