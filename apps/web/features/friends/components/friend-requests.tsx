'use client';

import { InboxIcon, SendIcon, UserPlusIcon } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { EmptyState, LoadFailedState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs } from '@/components/ui/tabs';
import { errorMessage } from '@/lib/api';
import { useNow } from '@/lib/hooks/use-now';
import { useFriendRequests } from '../hooks/use-friends';
import { FriendsShell } from './friends-shell';
import { RequestRow } from './request-row';

type Tab = 'received' | 'sent';

export function FriendRequests() {
  const now = useNow();
  const [tab, setTab] = useState<Tab>('received');
  const { data = null, error, refetch } = useFriendRequests();

  const list = data?.[tab] ?? null;
  const counts = { received: data?.received.length ?? 0, sent: data?.sent.length ?? 0 };

  return (
    <FriendsShell
      title="Friend requests"
      description="Answer people who want to connect, and keep track of the requests you sent."
    >
      <Tabs
        label="Requests"
        idPrefix="requests"
        value={tab}
        onChange={setTab}
        options={[
          { value: 'received', label: data ? `Received (${counts.received})` : 'Received' },
          { value: 'sent', label: data ? `Sent (${counts.sent})` : 'Sent' },
        ]}
        className="max-w-sm"
      />
      <div
        role="tabpanel"
        id={`requests-panel-${tab}`}
        aria-labelledby={`requests-tab-${tab}`}
        className="mt-6"
        data-testid={`requests-panel-${tab}`}
      >
        {error && data === null ? (
          <LoadFailedState
            title="Requests didn’t load"
            message={errorMessage(error)}
            onRetry={() => void refetch()}
          />
        ) : list === null ? (
          <div className="flex flex-col gap-2" aria-busy="true">
            <span className="sr-only" role="status">
              Loading requests
            </span>
            {[0, 1, 2].map((row) => (
              <Skeleton key={row} className="h-20 rounded-2xl" />
            ))}
          </div>
        ) : list.length === 0 ? (
          tab === 'received' ? (
            <EmptyState icon={<InboxIcon size={22} aria-hidden />} title="No requests right now">
              When someone sends you a friend request, it shows up here — and in the bell at the top.
            </EmptyState>
          ) : (
            <EmptyState
              icon={<SendIcon size={22} aria-hidden />}
              title="No pending requests"
              actions={
                <Link href="/friends/find" className={buttonClasses()}>
                  <UserPlusIcon size={16} aria-hidden /> Find people
                </Link>
              }
            >
              Requests you send wait here until they’re answered.
            </EmptyState>
          )
        ) : (
          <ul
            className="card divide-y divide-line overflow-hidden rounded-3xl"
            aria-label={tab === 'received' ? 'Received requests' : 'Sent requests'}
          >
            {list.map((request) => (
              <RequestRow key={request.id} request={request} direction={tab} now={now} />
            ))}
          </ul>
        )}
      </div>
    </FriendsShell>
  );
}
