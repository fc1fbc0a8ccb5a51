'use client';

import type { TConversation } from '@guftagu/contracts';
import { CheckCheckIcon, SearchIcon, XIcon } from 'lucide-react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Button } from '@/components/ui/button';
import { LoadFailedState } from '@/components/ui/empty-state';
import { Input } from '@/components/ui/input';
import { Tabs } from '@/components/ui/tabs';
import { useToast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/api';
import { useDebouncedValue } from '@/lib/hooks/use-debounced-value';
import { useNow } from '@/lib/hooks/use-now';
import { useDmActions } from '../hooks/use-dm-actions';
import { useConversations, useDmMe, useDmUnread } from '../hooks/use-dm-queries';
import type { ConversationView } from '../messages-api';
import { useMessages } from '../messages-context';
import { ConversationCard } from './conversation-card';
import { EmptyList, ListSkeleton } from './conversation-list-states';
import { MessageSearchResults } from './message-search-results';

const VIEWS: { value: ConversationView; label: string }[] = [
  { value: 'inbox', label: 'Inbox' },
  { value: 'requests', label: 'Requests' },
  { value: 'archived', label: 'Archived' },
];

function isView(value: string | null): value is ConversationView {
  return value === 'inbox' || value === 'requests' || value === 'archived';
}

/** `/messages`: every conversation, newest first, with search, tabs, live unread counts and presence. */
export function ConversationList({ activeUserId }: { activeUserId: string | null }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { toast } = useToast();
  const me = useDmMe();
  const { total: unreadTotal, byUser: unreadByUser } = useDmUnread();
  const { typingUntil } = useMessages();
  const actions = useDmActions();
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
  const list = useConversations(view, q);
  // The Requests tab shows how many wait, whichever tab is open.
  const requests = useConversations('requests', '');
  const conversations = list.data ?? null;
  const requestCount = (view === 'requests' ? list.data : requests.data)?.length ?? 0;
  const [markingAll, setMarkingAll] = useState(false);

  const setView = (next: ConversationView) => {
    setViewState(next);
    if (pathname !== '/messages') return;
    router.replace(next === 'inbox' ? '/messages' : `/messages?view=${next}`, { scroll: false });
  };

  const markAll = async () => {
    setMarkingAll(true);
    try {
      await actions.markAllRead((conversations ?? []).map((conversation) => conversation.otherUser.userId));
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
          <h1 className="font-display text-2xl font-semibold tracking-tight text-fg">Messages</h1>
          <Button
            variant="ghost"
            size="sm"
            onClick={markAll}
            loading={markingAll}
            disabled={unreadTotal === 0}
            data-testid="mark-all-read"
          >
            <CheckCheckIcon aria-hidden size={15} /> Mark all read
          </Button>
        </div>
        <div className="mt-4">
          <Input
            label="Search conversations"
            hideLabel
            placeholder="Search people and messages"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            prefix={<SearchIcon aria-hidden size={17} />}
            suffix={
              query ? (
                <button
                  type="button"
                  onClick={() => setQuery('')}
                  className="pointer-events-auto inline-flex size-7 items-center justify-center rounded-lg hover:bg-fill hover:text-fg"
                  aria-label="Clear search"
                >
                  <XIcon aria-hidden size={15} />
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
          list.error ? (
            <div className="p-2">
              <LoadFailedState
                title="Conversations didn’t load"
                message={errorMessage(list.error)}
                onRetry={() => void list.refetch()}
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
              const typingEnds = typingUntil[conversation.otherUser.userId];
              return (
                <ConversationCard
                  key={conversation.id}
                  conversation={conversation}
                  me={me}
                  unread={unreadOf(conversation)}
                  typing={typingEnds !== undefined && typingEnds > Date.now()}
                  active={conversation.otherUser.userId === activeUserId}
                  now={now}
                />
              );
            })}
          </ul>
        )}
        {q.length >= 2 ? <MessageSearchResults query={q} now={now} /> : null}
      </div>
    </div>
  );
}
