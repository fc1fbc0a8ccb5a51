import { ArchiveIcon, InboxIcon, MessageCircleIcon, UsersIcon } from 'lucide-react';
import Link from 'next/link';
import { Button, buttonClasses } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import type { ConversationView } from '@/features/messages/messages-api';

export function ListSkeleton() {
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

/** The empty state of each tab, and of a search with no match. */
export function EmptyList({
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
  // Message matches are listed under this, so a miss on names stays a quiet line.
  if (searching) {
    return (
      <p className="px-2 py-3 text-[13px] text-fg-subtle" data-testid="conversations-empty">
        No people match that name.
      </p>
    );
  }
  if (view === 'requests') {
    return (
      <EmptyState
        icon={<InboxIcon aria-hidden size={22} />}
        title="No message requests"
        data-testid="conversations-empty"
      >
        When someone who isn’t your friend messages you, it waits here until you accept it.
      </EmptyState>
    );
  }
  if (view === 'archived') {
    return (
      <EmptyState
        icon={<ArchiveIcon aria-hidden size={22} />}
        title="Nothing archived"
        data-testid="conversations-empty"
      >
        Archive a chat from its menu to tidy your inbox.
      </EmptyState>
    );
  }
  return (
    <EmptyState
      icon={<MessageCircleIcon aria-hidden size={22} />}
      title="No conversations yet"
      data-testid="conversations-empty"
      actions={
        <>
          <Link href="/friends" className={buttonClasses({ variant: 'primary' })}>
            <UsersIcon aria-hidden size={16} /> Message a friend
          </Link>
          {requestCount > 0 ? (
            <Button variant="secondary" onClick={onShowRequests}>
              <InboxIcon aria-hidden size={16} />{' '}
              {requestCount === 1 ? '1 request' : `${requestCount} requests`}
            </Button>
          ) : null}
        </>
      }
    >
      Say hi to a friend — your chats will live here.
    </EmptyState>
  );
}
